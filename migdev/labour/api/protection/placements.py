"""Labour protection API: placements through the season, contracts and the recruitment cost ledger."""

from typing import Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError, NotFound
from migdev.core.models import EscoOccupation
from migdev.labour.api.protection.conversions import (
    _organisation,
    _placement,
    contract_out,
    cost_out,
    flag_out,
    placement_out,
)
from migdev.labour.api.protection.schemas import (
    AnswerIn,
    ContractIn,
    ContractOut,
    CostIn,
    CostOut,
    EventOut,
    OfferIn,
    PlacementDetailOut,
    PlacementOut,
    ReturningWorkerOut,
    StepIn,
)
from migdev.labour.models import Vacancy, WorkerProfile
from migdev.labour.selectors import protection as selectors
from migdev.labour.services import protection as services

router = Router()


# --- placements -------------------------------------------------------------------------------------------------------


@router.get("/placements", response=list[PlacementOut], auth=AUTH, summary="The placements I may see")
def list_placements(request: HttpRequest, state: str = "", season: int | None = None) -> list[dict[str, Any]]:
    return [placement_out(p) for p in selectors.placements_for(signed_in(request), state=state, season=season)[:500]]


@router.post("/placements", response={201: PlacementOut}, auth=AUTH, summary="Offer a worker a season in a vacancy")
def offer(request: HttpRequest, payload: OfferIn) -> Status[dict[str, Any]]:
    vacancy = Vacancy.objects.filter(pk=payload.vacancy_id).first()
    if vacancy is None:
        raise NotFound(_("No such vacancy."), field="vacancy_id")
    worker = WorkerProfile.objects.filter(pseudonym=payload.worker).first()
    if worker is None:
        raise NotFound(_("No worker with this pseudonym."), field="worker")
    details = services.OfferDetails(
        season=payload.season,
        offered_on=payload.offered_on,
        recruiter=_organisation(payload.recruiter_id, "recruiter_id"),
        named_request=payload.named_request,
        due_return_on=payload.due_return_on,
    )
    return Status(201, placement_out(services.offer_placement(signed_in(request), vacancy, worker, details)))


@router.get("/placements/returning-workers", response=list[ReturningWorkerOut], auth=AUTH, summary="Returning workers")
def returning_workers(request: HttpRequest, employer: int) -> list[dict[str, Any]]:
    """The workers who completed a season with the employer: the ones it may name where the scheme allows."""
    organisation = _organisation(employer, "employer")
    assert organisation is not None
    rows = selectors.returning_workers(signed_in(request), organisation)
    return [{**row, "worker": row["worker"].pseudonym} for row in rows]


@router.get("/placements/{placement_id}", response=PlacementDetailOut, auth=AUTH, summary="A placement (audited)")
def placement_detail(request: HttpRequest, placement_id: int) -> dict[str, Any]:
    record = selectors.placement_record(signed_in(request), _placement(placement_id, signed_in(request)))
    return {
        **placement_out(record.placement),
        "events": [
            EventOut(state=e.state, on=e.on, by=e.by.username if e.by else None, note=e.note) for e in record.events
        ],
        "contracts": [contract_out(c) for c in record.contracts.values()],
        "contract_differences": record.differences,
        "costs": [cost_out(c) for c in record.payments],
        "flags": [flag_out(f) for f in record.flags] if record.may_see_flags else None,
    }


@router.post("/placements/{placement_id}/accept", response=PlacementOut, auth=AUTH, summary="Accept an offer (worker)")
def accept(request: HttpRequest, placement_id: int, payload: AnswerIn) -> dict[str, Any]:
    return placement_out(
        services.accept_offer(signed_in(request), _placement(placement_id, signed_in(request)), payload.on)
    )


@router.post("/placements/{placement_id}/decline", response=PlacementOut, auth=AUTH, summary="Decline an offer")
def decline(request: HttpRequest, placement_id: int, payload: AnswerIn) -> dict[str, Any]:
    return placement_out(
        services.decline_offer(
            signed_in(request), _placement(placement_id, signed_in(request)), payload.on, payload.reason
        )
    )


@router.post(
    "/placements/{placement_id}/steps", response=PlacementOut, auth=AUTH, summary="Record a step of the season"
)
def step(request: HttpRequest, placement_id: int, payload: StepIn) -> dict[str, Any]:
    """departed, arrived, completed, returned; terminated or absconded with a reason."""
    placement = services.advance_placement(
        signed_in(request),
        _placement(placement_id, signed_in(request)),
        payload.state,
        payload.on,
        payload.reason,
        payload.note,
    )
    return placement_out(placement)


@router.post(
    "/placements/{placement_id}/contracts", response={201: ContractOut}, auth=AUTH, summary="Record a signed contract"
)
def add_contract(request: HttpRequest, placement_id: int, payload: ContractIn) -> Status[ContractOut]:
    placement = _placement(placement_id, signed_in(request))
    employer = _organisation(payload.employer_id, "employer_id") or placement.vacancy.employer
    occupation = placement.vacancy.occupation
    if payload.occupation:
        found = EscoOccupation.objects.filter(Q(uri=payload.occupation) | Q(code=payload.occupation)).first()
        if found is None:
            raise DomainError(_("Unknown ESCO occupation: %(code)s") % {"code": payload.occupation}, field="occupation")
        occupation = found
    terms = services.ContractTerms(
        stage=payload.stage,
        employer=employer,
        occupation=occupation,
        wage_amount=payload.wage_amount,
        wage_currency=payload.wage_currency,
        wage_period=payload.wage_period,
        weekly_hours=payload.weekly_hours,
        language=payload.language,
        signed_on=payload.signed_on,
        rest_days_per_week=payload.rest_days_per_week,
        retains_documents=payload.retains_documents,
    )
    return Status(201, contract_out(services.record_contract(signed_in(request), placement, terms)))


@router.get("/placements/{placement_id}/costs", response=list[CostOut], auth=AUTH, summary="The cost ledger")
def list_costs(request: HttpRequest, placement_id: int) -> list[CostOut]:
    record = selectors.placement_record(signed_in(request), _placement(placement_id, signed_in(request)))
    return [cost_out(c) for c in record.payments]


@router.post("/placements/{placement_id}/costs", response={201: CostOut}, auth=AUTH, summary="Report a cost paid")
def add_cost(request: HttpRequest, placement_id: int, payload: CostIn) -> Status[CostOut]:
    details = services.CostDetails(
        category=payload.category,
        amount=payload.amount,
        currency=payload.currency,
        paid_by=payload.paid_by,
        paid_on=payload.paid_on,
        paid_to=_organisation(payload.paid_to_id, "paid_to_id"),
        amount_in_wage_currency=payload.amount_in_wage_currency,
    )
    return Status(
        201,
        cost_out(
            services.record_cost_payment(signed_in(request), _placement(placement_id, signed_in(request)), details)
        ),
    )
