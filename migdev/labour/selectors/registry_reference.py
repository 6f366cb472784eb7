"""Reads of reference data for the registry's forms: the searchable pickers (ESCO occupations and skills, languages),
the labels of the rows a form lists, ESCO's essential skills of occupations, and the labour standards.

Labels come in the request's language where ESCO or ISO 639-3 has one (ESCO occupations have French labels, skills
English only), through the core selectors and modeltranslation.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.core import esco_suggestions
from migdev.core import selectors as core
from migdev.core.errors import NotFound
from migdev.core.models import EscoOccupation, EscoOccupationSkill, EscoSkill, Language
from migdev.labour.models import LabourStandard

PICKER_LIMIT = 20


@dataclass(frozen=True)
class Choice:
    """One result of a picker: the code or URI the form sends, the label people read, and a short detail."""

    value: str
    label: str
    detail: str


def pick_occupations(q: str, limit: int = PICKER_LIMIT) -> list[Choice]:
    """ESCO occupations whose labels (in the request's language) contain `q`, with their ISCO-08 group."""
    if not q.strip():
        return []
    found = core.search_occupations(q=q.strip())[:limit]
    return [Choice(o.uri, o.preferred_label, _("ISCO-08 %(code)s") % {"code": o.isco_group_id}) for o in found]


def pick_skills(q: str, limit: int = PICKER_LIMIT) -> list[Choice]:
    """ESCO skills whose labels (English: ESCO has no French or Spanish skill labels here) contain `q`."""
    if not q.strip():
        return []
    return [Choice(s.uri, s.preferred_label, s.skill_type) for s in core.search_skills(q=q.strip())[:limit]]


def pick_languages(q: str, limit: int = PICKER_LIMIT) -> list[Choice]:
    """Languages whose ISO 639-3 or 639-1 code is `q`, or whose name (in the request's language) contains it."""
    text = q.strip()
    if not text:
        return []
    match = Q(code__iexact=text) | Q(iso639_1__iexact=text) | Q(name__icontains=text) | Q(name_en__icontains=text)
    # Exact codes first, then the languages with a two-letter code (the widely written ones), then by name.
    found = Language.objects.filter(match).order_by("name")[:200]
    ranked = sorted(found, key=lambda lang: (lang.code != text.lower(), not lang.iso639_1, lang.name))
    return [Choice(lang.code, lang.name, lang.code) for lang in ranked[:limit]]


def occupation_labels(uris: list[str]) -> dict[str, str]:
    """The label of each known ESCO occupation URI in the request's language (unknown URIs are left out)."""
    return {o.uri: o.preferred_label for o in EscoOccupation.objects.filter(uri__in=uris)}


def skill_labels(uris: list[str]) -> dict[str, str]:
    """The label of each known ESCO skill URI (unknown URIs are left out)."""
    return {s.uri: s.preferred_label for s in EscoSkill.objects.filter(uri__in=uris)}


def language_names(codes: list[str]) -> dict[str, str]:
    """The name of each known ISO 639-3 code in the request's language (unknown codes are left out)."""
    return {lang.code: lang.name for lang in Language.objects.filter(code__in=[c.lower() for c in codes])}


def essential_skills_of(occupation_uris: list[str], excluding: list[str]) -> list[Choice]:
    """ESCO's essential skills of the occupations, less those in `excluding`, once each, by label."""
    relations = (
        EscoOccupationSkill.objects.filter(
            occupation__uri__in=occupation_uris, relation=EscoOccupationSkill.Relation.ESSENTIAL
        )
        .exclude(skill__uri__in=excluding)
        .select_related("skill", "occupation")
        .order_by("skill__preferred_label", "skill_id")
    )
    seen: dict[str, Choice] = {}
    for relation in relations:
        if relation.skill.uri not in seen:
            seen[relation.skill.uri] = Choice(
                relation.skill.uri, relation.skill.preferred_label, relation.occupation.preferred_label
            )
    return list(seen.values())


def esco_skills_of(occupation_uri: str) -> list[tuple[str, bool]]:
    """ESCO's skills of an occupation as (URI, essential), essential first: a new vacancy's starting list."""
    relations = EscoOccupationSkill.objects.filter(occupation__uri=occupation_uri).select_related("skill")
    ordered = sorted(relations, key=lambda r: (r.relation != EscoOccupationSkill.Relation.ESSENTIAL, r.skill_id))
    return [(r.skill.uri, r.relation == EscoOccupationSkill.Relation.ESSENTIAL) for r in ordered]


def text_suggestions(
    text: str, held_skills: list[str], held_occupations: list[str], max_skills: int = 20, max_occupations: int = 5
) -> esco_suggestions.TextSuggestions:
    """ESCO occupations and skills suggested by a CV or vacancy text, less those the form already lists."""
    found = esco_suggestions.suggest(text, max_skills + len(held_skills), max_occupations + len(held_occupations))
    skills = [s for s in found.skills if s.uri not in set(held_skills)][:max_skills]
    occupations = [o for o in found.occupations if o.uri not in set(held_occupations)][:max_occupations]
    return esco_suggestions.TextSuggestions(found.phrases, skills, occupations, found.cross_lingual, found.job_title)


# --- labour standards ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StandardRow:
    """A labour standard with whether it is the one in force today in its country (the one vacancies are checked
    against)."""

    standard: LabourStandard
    in_force: bool


def labour_standards(country: str = "") -> QuerySet[LabourStandard]:
    """Every country's minimum wage and legal weekly hours, newest first within a country, by country name."""
    found = LabourStandard.objects.select_related("country", "currency").order_by("country__name", "-valid_from")
    return found.filter(country_id=country.upper()) if country else found


def labour_standard_rows(country: str = "", on: date | None = None) -> list[StandardRow]:
    """The standards, each marked in force if it is its country's latest one valid on `on` (today by default)."""
    day = on or timezone.localdate()
    rows = []
    in_force_seen: set[str] = set()
    for standard in labour_standards(country):
        current = standard.valid_from <= day and standard.country_id not in in_force_seen
        if current:
            in_force_seen.add(standard.country_id)
        rows.append(StandardRow(standard, current))
    return rows


def labour_standard_by_id(standard_id: int) -> LabourStandard:
    found = LabourStandard.objects.select_related("country", "currency").filter(pk=standard_id).first()
    if found is None:
        raise NotFound(_("No such labour standard."), field="standard")
    return found
