"""The registry API: partners and commitments (public reads; members of the pledging organisation and stewards
write), progress updates, evidence documents, and the CSV export."""

from typing import Annotated

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from migdev.accounts.api import AUTH
from migdev.accounts.models import Organisation
from migdev.accounts.rules import require_permission
from migdev.accounts.views import signed_in
from migdev.core.errors import NotFound
from migdev.core.input_limits import text_filter
from migdev.partnerships import exports
from migdev.partnerships.api.bodies import parse_body, request_body
from migdev.partnerships.api.schemas import (
    CommitmentCreate,
    CommitmentIn,
    CommitmentListOut,
    CommitmentOut,
    PledgePartnerCreate,
    PledgePartnerIn,
    PledgePartnerOut,
    PledgeProgressIn,
    PledgeProgressOut,
    PledgeRcpOut,
    partner_out,
    progress_out,
)
from migdev.partnerships.models import Commitment
from migdev.partnerships.rcps import rcp_names, rcp_url
from migdev.partnerships.selectors import registry as selectors
from migdev.partnerships.services import commitments as services
from migdev.partnerships.services.checks import CommitmentInput

router = Router()


class CommitmentFilterParams(Schema):
    q: Annotated[str, Field(max_length=200)] = ""
    objective: Annotated[int, Field(ge=1, le=23)] | None = None
    kind: Annotated[str, Field(max_length=30)] = ""
    country: Annotated[str, Field(max_length=3)] = ""
    rcp: Annotated[str, Field(max_length=30)] = ""
    status: Annotated[str, Field(max_length=20)] = ""
    form: Annotated[str, Field(max_length=20)] = ""
    type: Annotated[str, Field(max_length=20)] = ""
    partner: Annotated[int, Field(ge=1, le=2**31 - 1)] | None = None


def _filters(filters: CommitmentFilterParams) -> selectors.CommitmentFilters:
    return selectors.CommitmentFilters(**filters.dict())


def commitment_out(c: Commitment) -> CommitmentOut:
    names = rcp_names()
    return CommitmentOut(
        id=c.pk,
        title=c.title,
        summary=c.summary,
        type=c.type,
        matches=c.matches_id,
        form=c.form,
        partners=[p.pk for p in c.partners.all()],
        amount="" if c.amount is None else str(c.amount),
        currency=c.currency_id or "",
        gcm_objectives=[o.number for o in c.gcm_objectives.all()],
        guiding_principles=[p.letter for p in c.guiding_principles.all()],
        sdg_targets=[t.code for t in c.sdg_targets.all()],
        countries=[country.iso3 for country in c.countries.all()],
        rcps=c.rcp_ids,
        start=c.start,
        deadline=c.deadline,
        status=c.status,
        pledger=c.pledger_id,
        pledger_name=c.pledger.name,
        pledger_kind=c.pledger.kind,
        shown_status=c.shown_status,
        is_overdue=c.is_overdue,
        is_demo=c.is_demo,
        rcp_pages=[PledgeRcpOut(id=r, name=names.get(r, r), url=rcp_url(r)) for r in c.rcp_ids],
        progress=[progress_out(u) for u in selectors.progress_updates(c)],
    )


def commitment_input(payload: CommitmentIn) -> CommitmentInput:
    return CommitmentInput(
        title=payload.title,
        summary=payload.summary,
        type=payload.type,
        matches=payload.matches,
        form=payload.form,
        partners=list(payload.partners),
        amount=payload.amount,
        currency=payload.currency,
        gcm_objectives=list(payload.gcm_objectives),
        guiding_principles=list(payload.guiding_principles),
        sdg_targets=list(payload.sdg_targets),
        countries=list(payload.countries),
        rcps=list(payload.rcps),
        start=payload.start,
        deadline=payload.deadline,
        status=payload.status,
    )


@router.get("/partners", response=list[PledgePartnerOut], summary="Partners (public), by type and name")
def list_partners(request: HttpRequest, kind: str = text_filter(), q: str = text_filter()) -> list[PledgePartnerOut]:
    return [partner_out(p) for p in selectors.partners(kind, q)[:1000]]


@router.get("/partners/{partner_id}", response=PledgePartnerOut, summary="A partner")
def partner_detail(request: HttpRequest, partner_id: int) -> PledgePartnerOut:
    return partner_out(selectors.partner_by_id(partner_id))


@router.post("/partners", response={201: PledgePartnerOut}, auth=AUTH, summary="Register a partner")
def create_partner(request: HttpRequest, payload: PledgePartnerCreate) -> Status[PledgePartnerOut]:
    organisation = None
    if payload.organisation is not None:
        organisation = Organisation.objects.filter(pk=payload.organisation).first()
        if organisation is None:
            raise NotFound(f"No organisation {payload.organisation}", field="organisation")
    data = services.PartnerInput(payload.name, payload.kind, payload.country, payload.website)
    partner = services.register_partner(signed_in(request), organisation, data)
    return Status(201, partner_out(partner))


@router.put("/partners/{partner_id}", response=PledgePartnerOut, auth=AUTH, summary="Change a partner")
def update_partner(request: HttpRequest, partner_id: int, payload: PledgePartnerIn) -> PledgePartnerOut:
    data = services.PartnerInput(payload.name, payload.kind, payload.country, payload.website)
    return partner_out(services.update_partner(signed_in(request), selectors.partner_by_id(partner_id), data))


@router.get("/commitments", response=CommitmentListOut, summary="Commitments (public), by facet and search")
def list_commitments(request: HttpRequest, filters: Query[CommitmentFilterParams]) -> CommitmentListOut:
    found = selectors.commitments(_filters(filters))
    return CommitmentListOut(count=found.count(), items=[commitment_out(c) for c in found[:500]])


@router.get("/commitments.csv", summary="Commitments as CSV (the same facets)")
def commitments_csv(request: HttpRequest, filters: Query[CommitmentFilterParams]) -> HttpResponse:
    return exports.commitments_csv(selectors.commitments(_filters(filters)))


@router.get("/commitments/{commitment_id}", response=CommitmentOut, summary="A commitment with its progress")
def commitment_detail(request: HttpRequest, commitment_id: int) -> CommitmentOut:
    return commitment_out(selectors.commitment_by_id(commitment_id))


@router.post("/commitments", response={201: CommitmentOut}, auth=AUTH, summary="Register a commitment")
def create_commitment(request: HttpRequest, payload: CommitmentCreate) -> Status[CommitmentOut]:
    pledger = selectors.partner_by_id(payload.pledger)
    commitment = services.register_commitment(signed_in(request), pledger, commitment_input(payload))
    return Status(201, commitment_out(selectors.commitment_by_id(commitment.pk)))


@router.put("/commitments/{commitment_id}", response=CommitmentOut, auth=AUTH, summary="Change a commitment")
def update_commitment(request: HttpRequest, commitment_id: int, payload: CommitmentIn) -> CommitmentOut:
    commitment = selectors.commitment_by_id(commitment_id)
    services.update_commitment(signed_in(request), commitment, commitment_input(payload))
    return commitment_out(selectors.commitment_by_id(commitment_id))


@router.get("/commitments/{commitment_id}/progress", response=list[PledgeProgressOut], summary="Progress updates")
def list_progress(request: HttpRequest, commitment_id: int) -> list[PledgeProgressOut]:
    return [progress_out(u) for u in selectors.progress_updates(selectors.commitment_by_id(commitment_id))]


@router.post(
    "/commitments/{commitment_id}/progress",
    response={201: PledgeProgressOut},
    auth=AUTH,
    summary="Add a progress update (JSON, or multipart/form-data with an evidence document)",
    openapi_extra=request_body(
        PledgeProgressIn, "evidence", "The evidence document: PDF, PNG, JPEG, text or CSV, at most 5 MB."
    ),
)
def add_progress(request: HttpRequest, commitment_id: int) -> Status[PledgeProgressOut]:
    """The fields as JSON, or as multipart/form-data with the evidence document in `evidence`."""
    commitment = selectors.commitment_by_id(commitment_id)
    user = signed_in(request)
    require_permission(services.add_progress, user, commitment)
    payload, document = parse_body(request, PledgeProgressIn, "evidence", services.MAX_EVIDENCE_BYTES)
    data = services.ProgressInput(payload.date, payload.text, payload.status, payload.evidence_url, document)
    return Status(201, progress_out(services.add_progress(user, commitment, data)))


@router.get("/progress/{update_id}/evidence", summary="The evidence document of a progress update (a download)")
def evidence(request: HttpRequest, update_id: int) -> HttpResponse:
    return exports.evidence_response(selectors.update_by_id(update_id))
