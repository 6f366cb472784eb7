"""Reads of SDG 10.7.2 self-assessments: scored by the engine, private to the country's officials until published,
history per country, comparison of published ones, and each gap with the objectives and actions that address it."""

from dataclasses import dataclass
from typing import Any

import rules
from django.db.models import Prefetch, Q, QuerySet

from migdev.core.errors import NotFound
from migdev.core.models import GcmObjective
from migdev.engines import sdg_10_7_2
from migdev.policy import frameworks
from migdev.policy.models import CapacityInitiative, CapacityRequest, SelfAssessment, SelfAssessmentAnswer


def _with_answers(found: QuerySet[SelfAssessment]) -> QuerySet[SelfAssessment]:
    return found.select_related("country").prefetch_related(
        Prefetch("answers", queryset=SelfAssessmentAnswer.objects.order_by("sub_id"))
    )


def visible_to(viewer: Any) -> QuerySet[SelfAssessment]:
    """The published self-assessments, and every one of the viewer's own countries (all of them for stewards)."""
    found = SelfAssessment.objects.all()
    if getattr(viewer, "is_authenticated", False) and getattr(viewer, "is_steward", False):
        return _with_answers(found)
    own = list(viewer.official_countries.values_list("pk", flat=True)) if viewer.is_authenticated else []
    return _with_answers(found.filter(Q(is_published=True) | Q(country_id__in=own)))


def assessment(viewer: Any, assessment_id: int) -> SelfAssessment:
    """One self-assessment, or NotFound when it does not exist or is not the viewer's to see (the same answer)."""
    found = _with_answers(SelfAssessment.objects.filter(pk=assessment_id)).first()
    if found is None or not rules.has_perm("policy.view_selfassessment", viewer, found):
        raise NotFound(f"No self-assessment {assessment_id}", "self_assessment_id")
    return found


def score_of(item: SelfAssessment) -> sdg_10_7_2.Score | None:
    """The official score of a complete answer set (None while answers are missing)."""
    try:
        return sdg_10_7_2.score(item.codes())
    except sdg_10_7_2.AnswerError:
        return None


def history(viewer: Any, iso3: str) -> list[tuple[SelfAssessment, sdg_10_7_2.Score | None]]:
    """The country's self-assessments the viewer may see, oldest first, each with its score."""
    found = visible_to(viewer).filter(country_id=iso3.upper()).order_by("year")
    return [(a, score_of(a)) for a in found]


def latest_published(iso3: str) -> tuple[SelfAssessment, sdg_10_7_2.Score] | None:
    found = _with_answers(SelfAssessment.objects.filter(country_id=iso3.upper(), is_published=True)).order_by("-year")
    for item in found:
        score = score_of(item)
        if score is not None:
            return item, score
    return None


@dataclass(frozen=True)
class Compared:
    assessment: SelfAssessment
    score: sdg_10_7_2.Score


def comparison(iso3_codes: list[str] | None = None) -> list[Compared]:
    """The latest published self-assessment of each country that chose to publish (or of the countries asked)."""
    found = _with_answers(SelfAssessment.objects.filter(is_published=True)).order_by("country__name", "-year")
    if iso3_codes:
        found = found.filter(country_id__in=[c.upper() for c in iso3_codes])
    latest: dict[str, Compared] = {}
    for item in found:
        score = score_of(item)
        if item.country_id not in latest and score is not None:
            latest[item.country_id] = Compared(item, score)
    return list(latest.values())


@dataclass(frozen=True)
class Gap:
    """A sub-category not fully met, with the GCM objectives that address it and the capacity-building actions."""

    sub: frameworks.SubCategory
    code: float
    evidence: str
    objectives: list[GcmObjective]
    requests: list[CapacityRequest]
    initiatives: list[CapacityInitiative]


def gaps(item: SelfAssessment) -> list[Gap]:
    """Each gap of the self-assessment: the derived GCM objectives, the country's requests and the initiatives in the
    country or elsewhere that work on the same sub-category's domain and objectives (three queries in all)."""
    answers = {a.sub_id: a for a in item.answers.all()}
    links = frameworks.objectives_by_subcategory()
    gap_subs = [s for s in frameworks.subcategories() if s.sub_id in answers and answers[s.sub_id].code < 1]
    objectives = {o.number: o for o in GcmObjective.objects.all()}
    requests = list(
        CapacityRequest.objects.filter(country_id=item.country_id).prefetch_related("gcm_objectives").order_by("pk")
    )
    initiatives = list(
        CapacityInitiative.objects.select_related("organisation", "country")
        .prefetch_related("gcm_objectives")
        .order_by("country_id", "start")
    )
    found = []
    for sub in gap_subs:
        numbers = set(links.get(sub.sub_id, ()))

        def serves(record: Any, sub: frameworks.SubCategory = sub, numbers: set[int] = numbers) -> bool:
            own = {o.number for o in record.gcm_objectives.all()}
            return record.domain == sub.domain and (not numbers or bool(own & numbers) or not own)

        found.append(
            Gap(
                sub=sub,
                code=float(answers[sub.sub_id].code),
                evidence=answers[sub.sub_id].evidence,
                objectives=[objectives[n] for n in sorted(numbers) if n in objectives],
                requests=[r for r in requests if (r.sub_id == sub.sub_id) or (not r.sub_id and serves(r))],
                initiatives=[
                    i for i in initiatives if serves(i) and (i.country_id == item.country_id or i.status != "completed")
                ][:10],
            )
        )
    return found
