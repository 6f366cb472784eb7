"""Workflow API: one operation per step. The proponent saves each drafted stage (a new version each time) and moves
on; the reviewer reviews; the country's official decides; monitoring updates follow."""

from typing import Any

from django.http import HttpRequest
from ninja import File, Form, Router, Status, UploadedFile

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.impact import services
from migdev.impact.api.conversions import evidence_out, project_out, version_out
from migdev.impact.api.schemas import (
    ImpactDecisionIn,
    ImpactEvidenceIn,
    ImpactEvidenceOut,
    ImpactMitigationIn,
    ImpactMonitoringIn,
    ImpactNotesIn,
    ImpactPredictionIn,
    ImpactProjectOut,
    ImpactReviewIn,
    ImpactScopingIn,
    ImpactScreeningIn,
    ImpactStatementIn,
    ImpactVersionOut,
)
from migdev.impact.selectors import projects as selectors
from migdev.impact.uploads import MAX_EVIDENCE_BYTES, EvidenceFile

router = Router()


def _save(request: HttpRequest, project_id: int, stage: str, data: dict[str, Any]) -> Status[ImpactVersionOut]:
    project = selectors.project(project_id, request.user)
    return Status(201, version_out(services.save_stage(signed_in(request), project, stage, data)))


SAVED = {201: ImpactVersionOut}


@router.put("/projects/{project_id}/screening", response=SAVED, auth=AUTH, summary="Save the screening answers")
def save_screening(request: HttpRequest, project_id: int, payload: ImpactScreeningIn) -> Status[ImpactVersionOut]:
    return _save(request, project_id, "screening", payload.dict())


@router.put("/projects/{project_id}/scoping", response=SAVED, auth=AUTH, summary="Save the scoping")
def save_scoping(request: HttpRequest, project_id: int, payload: ImpactScopingIn) -> Status[ImpactVersionOut]:
    data = payload.dict()
    data["consultations"] = [{**c, "date": c["date"].isoformat()} for c in data["consultations"]]
    return _save(request, project_id, "scoping", data)


@router.post(
    "/projects/{project_id}/baseline",
    response=SAVED,
    auth=AUTH,
    summary="Draw the baseline from the platform's data (a new version each time)",
)
def draw_baseline(request: HttpRequest, project_id: int, payload: ImpactNotesIn) -> Status[ImpactVersionOut]:
    project = selectors.project(project_id, request.user)
    return Status(201, version_out(services.draw_baseline(signed_in(request), project, payload.notes)))


@router.put("/projects/{project_id}/prediction", response=SAVED, auth=AUTH, summary="Save the impact matrix")
def save_prediction(request: HttpRequest, project_id: int, payload: ImpactPredictionIn) -> Status[ImpactVersionOut]:
    return _save(request, project_id, "prediction", payload.dict())


@router.post(
    "/projects/{project_id}/significance",
    response=SAVED,
    auth=AUTH,
    summary="Rate the significance of the latest impact matrix by the stated rule",
)
def rate_significance(request: HttpRequest, project_id: int, payload: ImpactNotesIn) -> Status[ImpactVersionOut]:
    return _save(request, project_id, "significance", payload.dict())


@router.put("/projects/{project_id}/mitigation", response=SAVED, auth=AUTH, summary="Save the measures and indicators")
def save_mitigation(request: HttpRequest, project_id: int, payload: ImpactMitigationIn) -> Status[ImpactVersionOut]:
    return _save(request, project_id, "mitigation", payload.dict())


@router.put("/projects/{project_id}/statement", response=SAVED, auth=AUTH, summary="Save the statement's summary")
def save_statement(request: HttpRequest, project_id: int, payload: ImpactStatementIn) -> Status[ImpactVersionOut]:
    return _save(request, project_id, "statement", payload.dict())


@router.post(
    "/projects/{project_id}/advance",
    response=ImpactProjectOut,
    auth=AUTH,
    summary="Move on to the next stage once the current one is complete (from the statement: submit for review)",
)
def advance(request: HttpRequest, project_id: int) -> ImpactProjectOut:
    project = selectors.project(project_id, request.user)
    return project_out(services.advance(signed_in(request), project))


@router.post("/projects/{project_id}/review", response=SAVED, auth=AUTH, summary="Review the submitted statement")
def review(request: HttpRequest, project_id: int, payload: ImpactReviewIn) -> Status[ImpactVersionOut]:
    project = selectors.project(project_id, request.user)
    version = services.record_review(signed_in(request), project, payload.verdict, payload.comments)
    return Status(201, version_out(version))


@router.post("/projects/{project_id}/decision", response=SAVED, auth=AUTH, summary="Decide on the reviewed statement")
def decide(request: HttpRequest, project_id: int, payload: ImpactDecisionIn) -> Status[ImpactVersionOut]:
    project = selectors.project(project_id, request.user)
    version = services.record_decision(
        signed_in(request), project, payload.outcome, payload.reasons, payload.conditions
    )
    return Status(201, version_out(version))


@router.post("/projects/{project_id}/monitoring", response=SAVED, auth=AUTH, summary="Add a monitoring update")
def monitor(request: HttpRequest, project_id: int, payload: ImpactMonitoringIn) -> Status[ImpactVersionOut]:
    project = selectors.project(project_id, request.user)
    version = services.add_monitoring_update(
        signed_in(request), project, payload.indicator, payload.date, payload.value, payload.note
    )
    return Status(201, version_out(version))


@router.post(
    "/projects/{project_id}/evidence",
    response={201: ImpactEvidenceOut},
    auth=AUTH,
    summary="Attach evidence (multipart: file, stage, item, title; PDF, PNG, JPEG, text, CSV, .odt, .docx; 5 MB)",
)
def add_evidence(
    request: HttpRequest,
    project_id: int,
    form: Form[ImpactEvidenceIn],
    file: File[UploadedFile | None] = None,
) -> Status[ImpactEvidenceOut]:
    # The file is optional in the schema so the permission check comes first; the service refuses a missing one.
    project = selectors.project(project_id, request.user)
    upload = EvidenceFile(str(file.name), file.read(MAX_EVIDENCE_BYTES + 1)) if file else EvidenceFile("", b"")
    evidence = services.add_evidence(signed_in(request), project, form.stage, form.title, upload, form.item)
    return Status(201, evidence_out(evidence))
