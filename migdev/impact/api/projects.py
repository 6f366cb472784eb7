"""Projects API: the lists each user may see, a project's facts and history; proponents create and edit."""

from django.http import HttpRequest
from ninja import Router, Status
from ninja.errors import AuthenticationError

from migdev.accounts.api import AUTH, OPTIONAL_AUTH_DOCS, PUBLIC_OR_AUTH
from migdev.accounts.models import Organisation
from migdev.accounts.views import signed_in
from migdev.core.errors import NotFound
from migdev.core.input_limits import text_filter
from migdev.impact import services
from migdev.impact.api.conversions import project_detail, project_out, version_out
from migdev.impact.api.schemas import (
    ImpactIndicatorOut,
    ImpactMeasureOut,
    ImpactProjectCreate,
    ImpactProjectDetail,
    ImpactProjectFields,
    ImpactProjectOut,
    ImpactScreeningItemOut,
    ImpactVersionOut,
)
from migdev.impact.models import Project
from migdev.impact.selectors import projects as selectors
from migdev.impact.services.workflow import stage_missing

router = Router()


def _input(payload: ImpactProjectFields) -> services.ProjectInput:
    fields = payload.dict(exclude={"proponent"})
    return services.ProjectInput(**fields)


def visible_project(request: HttpRequest, project_id: int) -> Project:
    """The project if the user may see it; a visitor who is not signed in is asked to sign in (401)."""
    try:
        return selectors.project(project_id, request.user)
    except NotFound:
        if not request.user.is_authenticated:
            raise AuthenticationError() from None
        raise


def _detail(project_id: int, request: HttpRequest) -> ImpactProjectDetail:
    project = visible_project(request, project_id)
    latest = selectors.latest_versions(project)
    return project_detail(project, stage_missing(project, latest), latest)


@router.get(
    "/projects",
    response=list[ImpactProjectOut],
    auth=PUBLIC_OR_AUTH,
    openapi_extra=OPTIONAL_AUTH_DOCS,
    summary="Projects: decided ones for everyone, and those the signed-in user is a party to",
)
def list_projects(
    request: HttpRequest,
    stage: str = text_filter(),
    status: str = text_filter(),
    country: str = text_filter(),
    q: str = text_filter(),
) -> list[ImpactProjectOut]:
    found = selectors.projects(request.user, stage=stage, status=status, country=country, q=q)
    return [project_out(p) for p in found[:1000]]


@router.post("/projects", response={201: ImpactProjectDetail}, auth=AUTH, summary="Propose a project")
def create_project(request: HttpRequest, payload: ImpactProjectCreate) -> Status[ImpactProjectDetail]:
    proponent = Organisation.objects.filter(pk=payload.proponent).first()
    if proponent is None:
        raise NotFound("No such organisation.", "proponent")
    project = services.create_project(signed_in(request), proponent, _input(payload))
    return Status(201, _detail(project.pk, request))


@router.get(
    "/projects/{project_id}",
    response=ImpactProjectDetail,
    auth=PUBLIC_OR_AUTH,
    openapi_extra=OPTIONAL_AUTH_DOCS,
    summary="One project: facts, stage, status, what the stage still needs, latest version of each stage",
)
def get_project(request: HttpRequest, project_id: int) -> ImpactProjectDetail:
    return _detail(project_id, request)


@router.put("/projects/{project_id}", response=ImpactProjectDetail, auth=AUTH, summary="Edit a project's facts")
def update_project(request: HttpRequest, project_id: int, payload: ImpactProjectFields) -> ImpactProjectDetail:
    project = selectors.project(project_id, request.user)
    services.update_project(signed_in(request), project, _input(payload))
    return _detail(project_id, request)


@router.get(
    "/projects/{project_id}/versions",
    response=list[ImpactVersionOut],
    auth=PUBLIC_OR_AUTH,
    openapi_extra=OPTIONAL_AUTH_DOCS,
    summary="Every saved version of every stage's output, newest first, with author and time",
)
def project_versions(request: HttpRequest, project_id: int, stage: str = text_filter()) -> list[ImpactVersionOut]:
    project = visible_project(request, project_id)
    return [version_out(v) for v in selectors.history(project, stage)]


@router.get("/library/measures", response=list[ImpactMeasureOut], summary="Mitigation and enhancement measures")
def list_measures(request: HttpRequest) -> list[ImpactMeasureOut]:
    return [
        ImpactMeasureOut(
            code=m.code,
            dimension=m.dimension,
            kind=m.kind,
            title=m.title,
            description=m.description,
            gcm_objectives=[o.number for o in m.gcm_objectives.all()],
        )
        for m in selectors.measures()
    ]


@router.get("/library/indicators", response=list[ImpactIndicatorOut], summary="Monitoring indicators")
def list_indicators(request: HttpRequest) -> list[ImpactIndicatorOut]:
    return [
        ImpactIndicatorOut(
            code=i.code, dimension=i.dimension, name=i.name, sdg_indicators=[s.code for s in i.sdg_indicators.all()]
        )
        for i in selectors.monitoring_indicators()
    ]


@router.get(
    "/library/screening-items",
    response=list[ImpactScreeningItemOut],
    summary="The screening checklist (a MigDev proposal, not an official instrument)",
)
def list_screening_items(request: HttpRequest) -> list[ImpactScreeningItemOut]:
    return [
        ImpactScreeningItemOut(
            code=i.code,
            dimension=i.dimension,
            topic=i.topic,
            question=i.question,
            evidence_hint=i.evidence_hint,
            gcm_objectives=[o.number for o in i.gcm_objectives.all()],
            sdg_indicators=[s.code for s in i.sdg_indicators.all()],
        )
        for i in selectors.screening_items()
    ]
