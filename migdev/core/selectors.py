"""Reads of reference data."""

from collections.abc import Iterable

from django.apps import apps
from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from migdev.core.errors import NotFound
from migdev.core.models import (
    Country,
    EscoOccupation,
    EscoSkill,
    IscoGroup,
    Region,
)


def countries() -> QuerySet[Country]:
    """All countries and territories with their intermediate region, sub-region and region (UN M49), by name."""
    return Country.objects.select_related("subregion__parent", "intermediate_region").order_by("name")


def regions(kind: str | None = None) -> QuerySet[Region]:
    """UN M49 regions, sub-regions and intermediate regions with their parent and number of countries, by code."""
    # Each count is zero but for one kind: a region's countries hang on its sub-regions, a sub-region's on itself,
    # an intermediate region's on its own link. distinct=True undoes the joins' cross product.
    country_count = (
        Count("countries", distinct=True)
        + Count("children__countries", distinct=True)
        + Count("intermediate_countries", distinct=True)
    )
    found = Region.objects.select_related("parent").annotate(country_count=country_count).order_by("m49")
    return found.filter(kind=kind) if kind else found


def isco_groups(level: int | None = None, parent: str | None = None) -> QuerySet[IscoGroup]:
    """ISCO-08 groups by code, optionally of one level and/or under one parent group."""
    groups = IscoGroup.objects.order_by("code")
    if level is not None:
        groups = groups.filter(level=level)
    if parent is not None:
        groups = groups.filter(parent_id=parent)
    return groups


def _text_search(field_names: tuple[str, ...], q: str) -> Q:
    """Match `q` in the active language's fields, or in English where that language has no text (as shown)."""
    language = (get_language() or "en")[:2]
    match = Q()
    for name in field_names:
        match |= Q(**{f"{name}_{language}__icontains": q})
        if language != "en":
            match |= Q(**{f"{name}_{language}__isnull": True, f"{name}_en__icontains": q})
    return match


def search_occupations(q: str | None = None, isco: str | None = None) -> QuerySet[EscoOccupation]:
    """ESCO occupations whose label or alternative labels (in the active language) contain `q`, under ISCO `isco`."""
    found = EscoOccupation.objects.select_related("isco_group").order_by("preferred_label", "pk")
    if q:
        found = found.filter(_text_search(("preferred_label", "alt_labels"), q))
    if isco:
        found = found.filter(isco_group__code__startswith=isco)
    return found


def occupation(occupation_id: int) -> EscoOccupation:
    """One ESCO occupation with its ISCO-08 group and its skill relations (skills included)."""
    found = (
        EscoOccupation.objects.select_related("isco_group")
        .prefetch_related("skill_relations__skill")
        .filter(pk=occupation_id)
        .first()
    )
    if found is None:
        raise NotFound(f"No ESCO occupation {occupation_id}", field="occupation_id")
    return found


def search_skills(q: str | None = None, skill_type: str | None = None) -> QuerySet[EscoSkill]:
    """ESCO skills whose label or alternative labels (English) contain `q`, by label."""
    found = EscoSkill.objects.order_by("preferred_label", "pk")
    if q:
        found = found.filter(Q(preferred_label__icontains=q) | Q(alt_labels__icontains=q))
    if skill_type:
        found = found.filter(skill_type=skill_type)
    return found


def row_counts(labels: Iterable[str]) -> dict[str, tuple[str, int]]:
    """Rows loaded in each table named "app_label.model", with the table's name (e.g. "core.country": (..., 249)).

    Tables are looked up by label, so the page can count any room's data without core importing that room.
    """
    counts = {}
    for label in labels:
        model = apps.get_model(label)
        counts[label] = (str(model._meta.verbose_name_plural), model._default_manager.count())
    return counts


def skill(skill_id: int) -> EscoSkill:
    """One ESCO skill."""
    found = EscoSkill.objects.filter(pk=skill_id).first()
    if found is None:
        raise NotFound(f"No ESCO skill {skill_id}", field="skill_id")
    return found
