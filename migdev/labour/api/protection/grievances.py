"""Labour protection API: risk flags and grievances."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.core.errors import NotFound, PermissionDenied
from migdev.labour.api.protection.conversions import (
    _organisation,
    _placement,
    flag_out,
    grievance_out,
    indicator_label,
)
from migdev.labour.api.protection.schemas import (
    FlagOut,
    GrievanceIn,
    GrievanceNoticeOut,
    GrievanceOut,
    GrievanceStatusIn,
    RecomputeIn,
    RecomputeOut,
    ResolveIn,
)
from migdev.labour.models import Placement
from migdev.labour.selectors import protection as selectors
from migdev.labour.services import protection as services

router = Router()


# --- flags ------------------------------------------------------------------------------------------------------------


@router.get("/flags", response=list[FlagOut], auth=AUTH, summary="The risk flags I may see")
def list_flags(
    request: HttpRequest, kind: str = "", indicator: str = "", include_resolved: bool = False
) -> list[FlagOut]:
    flags = selectors.flags_for(signed_in(request), open_only=not include_resolved, kind=kind, indicator=indicator)
    return [flag_out(f) for f in flags[:1000]]


@router.post("/flags/recompute", response=RecomputeOut, auth=AUTH, summary="Recompute flags (idempotent)")
def recompute(request: HttpRequest, payload: RecomputeIn) -> RecomputeOut:
    placement = _placement(payload.placement_id, signed_in(request)) if payload.placement_id is not None else None
    return RecomputeOut(open_flags=services.recompute_flags(signed_in(request), placement))


@router.post("/flags/{flag_id}/resolve", response=FlagOut, auth=AUTH, summary="Resolve a flag (officials)")
def resolve(request: HttpRequest, flag_id: int, payload: ResolveIn) -> FlagOut:
    user = signed_in(request)
    return flag_out(services.resolve_flag(user, selectors.flag_by_id(user, flag_id), payload.note))


# --- grievances -------------------------------------------------------------------------------------------------------


@router.get("/grievances", response=list[GrievanceOut], auth=AUTH, summary="The grievances I may read")
def list_grievances(request: HttpRequest, status: str = "") -> list[GrievanceOut]:
    return [grievance_out(g) for g in selectors.grievances_for(signed_in(request), status=status)[:1000]]


@router.post("/grievances", response={201: GrievanceOut}, auth=AUTH, summary="File a confidential grievance (worker)")
def file_grievance(request: HttpRequest, payload: GrievanceIn) -> Status[GrievanceOut]:
    user = signed_in(request)
    worker = selectors.worker_profile_of(user)
    if worker is None:
        raise PermissionDenied(_("Only a worker with a profile files a grievance."), field="worker")
    against = _organisation(payload.against_id, "against_id")
    assert against is not None
    placement = None
    if payload.placement_id is not None:
        placement = Placement.objects.filter(pk=payload.placement_id, worker=worker).first()
        if placement is None:
            raise NotFound(_("No such placement of yours."), field="placement_id")
    grievance = services.file_grievance(user, worker, against, payload.indicator, payload.description, placement)
    return Status(201, grievance_out(grievance))


@router.get(
    "/grievances/against/{organisation_id}",
    response=list[GrievanceNoticeOut],
    auth=AUTH,
    summary="Grievances against my organisation (no worker named)",
)
def grievances_against(request: HttpRequest, organisation_id: int) -> list[GrievanceNoticeOut]:
    organisation = _organisation(organisation_id, "organisation_id")
    assert organisation is not None
    notices = selectors.grievances_against(signed_in(request), organisation)
    return [
        GrievanceNoticeOut(
            indicator=n.indicator,
            indicator_label=indicator_label(n.indicator),
            status=n.status,
            filed_month=n.filed_month,
        )
        for n in notices
    ]


@router.get("/grievances/{grievance_id}", response=GrievanceOut, auth=AUTH, summary="A grievance (audited)")
def grievance_detail(request: HttpRequest, grievance_id: int) -> GrievanceOut:
    return grievance_out(selectors.grievance_record(signed_in(request), grievance_id))


@router.post("/grievances/{grievance_id}/status", response=GrievanceOut, auth=AUTH, summary="Handle a grievance")
def grievance_status(request: HttpRequest, grievance_id: int, payload: GrievanceStatusIn) -> GrievanceOut:
    user = signed_in(request)
    grievance = selectors.grievance_record(user, grievance_id)
    return grievance_out(services.update_grievance(user, grievance, payload.status, payload.resolution))
