"""Rows to the API's output schemas."""

from typing import Any

from migdev.impact.api.schemas import (
    ImpactEvidenceOut,
    ImpactOrganisationRef,
    ImpactProjectDetail,
    ImpactProjectOut,
    ImpactVersionOut,
)
from migdev.impact.models import Evidence, Project, StageVersion


def _fields(project: Project) -> dict[str, Any]:
    return {
        "id": project.pk,
        "title": project.title,
        "sector": project.sector,
        "country": project.country_id,
        "description": project.description,
        "places": project.places,
        "budget": project.budget,
        "currency": project.currency_id,
        "start_date": project.start_date,
        "end_date": project.end_date,
        "ministry": project.ministry,
        "reviewer": project.reviewer_id,
        "proponent_organisation": ImpactOrganisationRef(id=project.proponent_id, name=project.proponent.name),
        "reviewer_organisation": ImpactOrganisationRef(id=project.reviewer.pk, name=project.reviewer.name)
        if project.reviewer
        else None,
        "stage": project.stage,
        "status": project.status,
        "screening_outcome": project.screening_outcome,
        "updated_at": project.updated_at,
    }


def project_out(project: Project) -> ImpactProjectOut:
    return ImpactProjectOut(**_fields(project))


def project_detail(project: Project, missing: list[str], latest: dict[str, StageVersion]) -> ImpactProjectDetail:
    versions = {stage: version.number for stage, version in latest.items()}
    return ImpactProjectDetail(**_fields(project), missing=missing, latest_versions=versions)


def version_out(version: StageVersion) -> ImpactVersionOut:
    author = version.author.get_full_name() or version.author.username if version.author else ""
    return ImpactVersionOut(
        stage=version.stage, number=version.number, author=author, created_at=version.created_at, data=version.data
    )


def evidence_out(evidence: Evidence) -> ImpactEvidenceOut:
    return ImpactEvidenceOut(
        id=evidence.pk,
        stage=evidence.stage,
        item=evidence.item,
        title=evidence.title,
        filename=evidence.filename,
        content_type=evidence.content_type,
        size=evidence.size,
    )
