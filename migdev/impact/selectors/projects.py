"""Reads of projects: the lists each user may see, one project with its latest outputs, history, the library."""

from collections.abc import Mapping
from typing import Any

from django.db.models import Q, QuerySet

from migdev.core.errors import NotFound
from migdev.impact.models import Evidence, Measure, MonitoringIndicator, Project, ScreeningItem, StageVersion

PUBLIC_STATUSES = ("approved", "conditional", "refused", "screened_out")


def visible_projects(user: Any) -> QuerySet[Project]:
    """The projects `user` may see: decided ones, and those of the parties (proponent, reviewer, country official)."""
    found = Project.objects.select_related("country", "proponent", "reviewer", "currency")
    if getattr(user, "is_authenticated", False) and (user.is_steward or user.is_superuser):
        return found
    seen = Q(status__in=PUBLIC_STATUSES)
    if getattr(user, "is_authenticated", False):
        organisations = user.memberships.filter(organisation__status="approved").values("organisation_id")
        seen |= Q(proponent_id__in=organisations) | Q(reviewer_id__in=organisations)
        seen |= Q(country_id__in=user.official_countries.values("pk"))
    return found.filter(seen)


def projects(user: Any, stage: str = "", status: str = "", country: str = "", q: str = "") -> QuerySet[Project]:
    found = visible_projects(user)
    if stage:
        found = found.filter(stage=stage)
    if status:
        found = found.filter(status=status)
    if country:
        found = found.filter(country_id=country.upper())
    if q:
        found = found.filter(Q(title__icontains=q) | Q(places__icontains=q) | Q(ministry__icontains=q))
    return found


def project(project_id: int, user: Any) -> Project:
    """A project the user may see; NotFound otherwise (the same answer as for a missing id)."""
    found = visible_projects(user).filter(pk=project_id).first()
    if found is None:
        raise NotFound("No such project.", "project_id")
    return found


def latest_versions(project: Project) -> dict[str, StageVersion]:
    """The latest version of each stage's output (one query; the monitoring entries are read by `history`)."""
    latest: dict[str, StageVersion] = {}
    for version in project.versions.select_related("author").order_by("stage", "number"):
        latest[version.stage] = version
    return latest


def history(project: Project, stage: str = "") -> QuerySet[StageVersion]:
    """Every saved version, newest first, with its author."""
    found = project.versions.select_related("author").order_by("-created_at", "-pk")
    return found.filter(stage=stage) if stage else found


def evidence(project: Project) -> QuerySet[Evidence]:
    return project.evidence.defer("content").select_related("uploaded_by").order_by("stage", "item", "uploaded_at")


def evidence_document(evidence_id: int, user: Any) -> Evidence:
    found = Evidence.objects.select_related("project").filter(pk=evidence_id).first()
    if found is None or not visible_projects(user).filter(pk=found.project_id).exists():
        raise NotFound("No such document.", "evidence_id")
    return found


def screening_items() -> QuerySet[ScreeningItem]:
    return ScreeningItem.objects.prefetch_related("gcm_objectives", "sdg_indicators").order_by("order")


def measures() -> QuerySet[Measure]:
    return Measure.objects.prefetch_related("gcm_objectives").order_by("dimension", "code")


def monitoring_indicators() -> QuerySet[MonitoringIndicator]:
    return MonitoringIndicator.objects.prefetch_related("sdg_indicators").order_by("dimension", "code")


def by_code(rows: QuerySet[Any]) -> Mapping[str, Any]:
    return {row.pk: row for row in rows}
