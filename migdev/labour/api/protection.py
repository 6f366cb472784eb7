"""Labour exchange API: protection. Placements through their seasons, contracts, the cost ledger, grievances and risk
flags (each scoped to who may see it), and the public aggregates: SDG 10.7.1, circular KPIs, protection counts by sex.

Codes: countries ISO 3166-1 alpha-3, currencies ISO 4217, languages ISO 639-3, occupations ESCO URIs (contracts) and
ISCO-08 codes at any level (indicator filters). Public aggregates suppress groups of fewer than 3 workers.
"""

from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from migdev.accounts.api import AUTH
from migdev.accounts.models import Organisation
from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.core.input_limits import column
from migdev.core.models import EscoOccupation
from migdev.engines.labour.indicators import DEFAULT_MIN_GROUP_SIZE, CircularKpis, Summary, suppress_small
from migdev.labour.models import Contract, CostPayment, Grievance, Placement, RiskFlag, Vacancy, WorkerProfile
from migdev.labour.protection import C189Check, ForcedLabourIndicator
from migdev.labour.selectors import protection as selectors
from migdev.labour.services import protection as services

router = Router(tags=["labour"])


def indicator_label(code: str) -> str:
    if code in ForcedLabourIndicator.values:
        return str(ForcedLabourIndicator(code).label)
    if code in C189Check.values:
        return str(C189Check(code).label)
    return code


# --- schemas ----------------------------------------------------------------------------------------------------------


class PlacementOut(Schema):
    id: int
    worker: str
    vacancy_id: int
    vacancy: str
    employer: str
    destination: str
    recruiter: str | None
    scheme: str | None
    season: int
    named_request: bool
    state: str
    offered_on: date
    departed_on: date | None
    arrived_on: date | None
    completed_on: date | None
    due_return_on: date | None
    returned_on: date | None
    ended_reason: str


class EventOut(Schema):
    state: str
    on: date
    by: str | None
    note: str


class ContractOut(Schema):
    stage: str
    employer: str
    occupation: str
    wage_amount: Decimal
    wage_currency: str
    wage_period: str
    weekly_hours: int
    rest_days_per_week: int
    language: str
    retains_documents: bool
    signed_on: date


class CostOut(Schema):
    id: int
    category: str
    amount: Decimal
    currency: str
    amount_in_wage_currency: Decimal
    paid_by: str
    paid_to: str | None
    paid_on: date
    reported_by: str


class FlagOut(Schema):
    id: int
    kind: str
    kind_label: str
    indicator: str
    indicator_label: str
    placement_id: int | None
    organisation: str | None
    details: dict[str, Any]
    raised_at: datetime
    resolved_at: datetime | None


class PlacementDetailOut(PlacementOut):
    events: list[EventOut]
    contracts: list[ContractOut]
    contract_differences: dict[str, dict[str, Any]]
    costs: list[CostOut]
    flags: list[FlagOut] | None


class OfferIn(Schema):
    vacancy_id: Annotated[int, column(Placement, "vacancy")]
    worker: Annotated[str, column(WorkerProfile, "pseudonym")]
    season: Annotated[int, column(Placement, "season")]
    offered_on: date
    recruiter_id: Annotated[int | None, column(Placement, "recruiter")] = None
    named_request: bool = False
    due_return_on: date | None = None


class AnswerIn(Schema):
    on: date
    reason: str = ""


class StepIn(Schema):
    state: str
    on: date
    reason: str = ""
    note: str = ""


class ContractIn(Schema):
    stage: str
    wage_amount: Annotated[Decimal, column(Contract, "wage_amount")]
    wage_currency: str
    wage_period: str
    weekly_hours: Annotated[int, column(Contract, "weekly_hours")]
    language: str
    signed_on: date
    rest_days_per_week: Annotated[int, column(Contract, "rest_days_per_week")] = 1
    retains_documents: bool = False
    employer_id: Annotated[int | None, column(Contract, "employer")] = None  # default: the vacancy's employer
    occupation: Annotated[str | None, column(EscoOccupation, "uri")] = None  # default: the vacancy's occupation


class CostIn(Schema):
    category: str
    amount: Annotated[Decimal, column(CostPayment, "amount")]
    currency: str
    paid_by: str
    paid_on: date
    paid_to_id: Annotated[int | None, column(CostPayment, "paid_to")] = None
    amount_in_wage_currency: Annotated[Decimal | None, column(CostPayment, "amount_in_wage_currency")] = None


class GrievanceIn(Schema):
    against_id: Annotated[int, column(Grievance, "against")]
    indicator: Annotated[str, column(Grievance, "indicator")]
    description: str
    placement_id: Annotated[int | None, column(Grievance, "placement")] = None


class GrievanceOut(Schema):
    id: int
    worker: str
    against: str
    against_id: int
    placement_id: int | None
    indicator: str
    indicator_label: str
    description: str
    status: str
    resolution: str
    filed_at: datetime
    resolved_at: datetime | None


class GrievanceStatusIn(Schema):
    status: str
    resolution: str = ""


class GrievanceNoticeOut(Schema):
    indicator: str
    indicator_label: str
    status: str
    filed_month: str


class ResolveIn(Schema):
    note: str


class RecomputeIn(Schema):
    placement_id: Annotated[int | None, column(RiskFlag, "placement")] = None


class RecomputeOut(Schema):
    open_flags: int


class ReturningWorkerOut(Schema):
    worker: str
    seasons: list[int]
    last_season: int
    schemes: list[str]
    named_allowed: bool


class SummaryOut(Schema):
    n: int
    mean: float | None
    median: float | None
    q4: float | None
    suppressed: bool


class CorridorCostOut(SummaryOut):
    corridor: str
    by_sex: dict[str, SummaryOut]


class OccupationCostOut(SummaryOut):
    occupation: str


class RecruitmentCostOut(SummaryOut):
    indicator: str
    definition: str
    min_group_size: int
    filters: dict[str, Any]
    by_sex: dict[str, SummaryOut]
    by_corridor: list[CorridorCostOut]
    by_occupation: list[OccupationCostOut]


class KpisOut(Schema):
    placements: int
    workers: int
    return_rate: float | None
    rehire_rate: float | None
    same_employer_rehire_share: float | None
    named_request_share: float | None
    mean_months_between_seasons: float | None
    overstay_rate: float | None


class CircularOut(Schema):
    definitions: dict[str, str]
    min_group_size: int
    filters: dict[str, Any]
    total: KpisOut
    by_scheme: dict[str, KpisOut]
    by_corridor: dict[str, KpisOut]
    by_sex: dict[str, KpisOut]


class CountsRowOut(Schema):
    key: str
    label: str
    F: int | None
    M: int | None
    total: int | None


class CountsBySexOut(Schema):
    min_group_size: int
    flags: list[CountsRowOut]
    grievances: list[CountsRowOut]


# --- conversions ------------------------------------------------------------------------------------------------------


def placement_out(p: Placement) -> dict[str, Any]:
    return {
        "id": p.pk,
        "worker": p.worker.pseudonym,
        "vacancy_id": p.vacancy_id,
        "vacancy": p.vacancy.title,
        "employer": p.vacancy.employer.name,
        "destination": p.vacancy.destination_id,
        "recruiter": p.recruiter.name if p.recruiter else None,
        "scheme": p.vacancy.scheme.code if p.vacancy.scheme else None,
        "season": p.season,
        "named_request": p.named_request,
        "state": p.state,
        "offered_on": p.offered_on,
        "departed_on": p.departed_on,
        "arrived_on": p.arrived_on,
        "completed_on": p.completed_on,
        "due_return_on": p.due_return_on,
        "returned_on": p.returned_on,
        "ended_reason": p.ended_reason,
    }


def contract_out(c: Contract) -> ContractOut:
    return ContractOut(
        stage=c.stage,
        employer=c.employer.name,
        occupation=c.occupation.uri,
        wage_amount=c.wage_amount,
        wage_currency=c.wage_currency_id,
        wage_period=c.wage_period,
        weekly_hours=c.weekly_hours,
        rest_days_per_week=c.rest_days_per_week,
        language=c.language_id,
        retains_documents=c.retains_documents,
        signed_on=c.signed_on,
    )


def cost_out(c: CostPayment) -> CostOut:
    return CostOut(
        id=c.pk,
        category=c.category,
        amount=c.amount,
        currency=c.currency_id,
        amount_in_wage_currency=c.amount_in_wage_currency,
        paid_by=c.paid_by,
        paid_to=c.paid_to.name if c.paid_to else None,
        paid_on=c.paid_on,
        reported_by=c.reported_by,
    )


def flag_out(f: RiskFlag) -> FlagOut:
    indicator = f.indicator or str(f.details.get("check", ""))
    return FlagOut(
        id=f.pk,
        kind=f.kind,
        kind_label=str(f.get_kind_display()),
        indicator=indicator,
        indicator_label=indicator_label(indicator),
        placement_id=f.placement_id,
        organisation=f.organisation.name if f.organisation else None,
        details=f.details,
        raised_at=f.raised_at,
        resolved_at=f.resolved_at,
    )


def grievance_out(g: Grievance) -> GrievanceOut:
    return GrievanceOut(
        id=g.pk,
        worker=g.worker.pseudonym,
        against=g.against.name,
        against_id=g.against_id,
        placement_id=g.placement_id,
        indicator=g.indicator,
        indicator_label=indicator_label(g.indicator),
        description=g.description,
        status=g.status,
        resolution=g.resolution,
        filed_at=g.filed_at,
        resolved_at=g.resolved_at,
    )


def summary_out(s: Summary) -> dict[str, Any]:
    return {"n": s.n, "mean": s.mean, "median": s.median, "q4": s.q4, "suppressed": s.suppressed}


def kpis_out(k: CircularKpis) -> dict[str, Any]:
    return asdict(suppress_small(k))


def _organisation(organisation_id: int | None, field: str) -> Organisation | None:
    if organisation_id is None:
        return None
    found = Organisation.objects.filter(pk=organisation_id).first()
    if found is None:
        raise NotFound(_("No such organisation."), field=field)
    return found


def _placement(placement_id: int) -> Placement:
    return selectors.placement_by_id(placement_id)


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
    record = selectors.placement_record(signed_in(request), _placement(placement_id))
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
    return placement_out(services.accept_offer(signed_in(request), _placement(placement_id), payload.on))


@router.post("/placements/{placement_id}/decline", response=PlacementOut, auth=AUTH, summary="Decline an offer")
def decline(request: HttpRequest, placement_id: int, payload: AnswerIn) -> dict[str, Any]:
    return placement_out(
        services.decline_offer(signed_in(request), _placement(placement_id), payload.on, payload.reason)
    )


@router.post(
    "/placements/{placement_id}/steps", response=PlacementOut, auth=AUTH, summary="Record a step of the season"
)
def step(request: HttpRequest, placement_id: int, payload: StepIn) -> dict[str, Any]:
    """departed, arrived, completed, returned; terminated or absconded with a reason."""
    placement = services.advance_placement(
        signed_in(request), _placement(placement_id), payload.state, payload.on, payload.reason, payload.note
    )
    return placement_out(placement)


@router.post(
    "/placements/{placement_id}/contracts", response={201: ContractOut}, auth=AUTH, summary="Record a signed contract"
)
def add_contract(request: HttpRequest, placement_id: int, payload: ContractIn) -> Status[ContractOut]:
    placement = _placement(placement_id)
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
    record = selectors.placement_record(signed_in(request), _placement(placement_id))
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
    return Status(201, cost_out(services.record_cost_payment(signed_in(request), _placement(placement_id), details)))


# --- flags ------------------------------------------------------------------------------------------------------------


@router.get("/flags", response=list[FlagOut], auth=AUTH, summary="The risk flags I may see")
def list_flags(
    request: HttpRequest, kind: str = "", indicator: str = "", include_resolved: bool = False
) -> list[FlagOut]:
    flags = selectors.flags_for(signed_in(request), open_only=not include_resolved, kind=kind, indicator=indicator)
    return [flag_out(f) for f in flags[:1000]]


@router.post("/flags/recompute", response=RecomputeOut, auth=AUTH, summary="Recompute flags (idempotent)")
def recompute(request: HttpRequest, payload: RecomputeIn) -> RecomputeOut:
    placement = _placement(payload.placement_id) if payload.placement_id is not None else None
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


# --- public aggregates ------------------------------------------------------------------------------------------------


@router.get(
    "/indicators/recruitment-cost",
    response=RecruitmentCostOut,
    url_name="labour_recruitment_cost",
    summary="SDG 10.7.1: recruitment cost borne by the employee / monthly income (public)",
)
def recruitment_cost(
    request: HttpRequest, origin: str = "", destination: str = "", occupation: str = "", period: int | None = None
) -> dict[str, Any]:
    """Mean, median and 4th quintile (80th percentile) of C/E, by sex, corridor and occupation (ISCO-08 at any
    level); groups of fewer than 3 workers are suppressed (n shown, figures null)."""
    filters = selectors.clean_filters(origin, destination, occupation, period)
    report = selectors.recruitment_cost_report(filters)
    return {
        **summary_out(report.total),
        "indicator": "SDG 10.7.1",
        "definition": str(selectors.RECRUITMENT_COST_DEFINITION),
        "min_group_size": DEFAULT_MIN_GROUP_SIZE,
        "filters": {
            "origin": filters.origin,
            "destination": filters.destination,
            "occupation": filters.occupation,
            "period": filters.period,
        },
        "by_sex": {sex: summary_out(s) for sex, s in report.by_sex.items()},
        "by_corridor": [
            {
                **summary_out(s),
                "corridor": corridor,
                "by_sex": {sex: summary_out(x) for sex, x in report.by_corridor_and_sex.get(corridor, {}).items()},
            }
            for corridor, s in report.by_corridor.items()
        ],
        "by_occupation": [{**summary_out(s), "occupation": code} for code, s in report.by_occupation.items()],
    }


@router.get("/indicators/circular", response=CircularOut, summary="Circular migration KPIs by scheme, corridor, sex")
def circular(
    request: HttpRequest, scheme: str = "", origin: str = "", destination: str = "", period: int | None = None
) -> dict[str, Any]:
    """Return rate, re-hire rate, same-employer re-hire share, share of named requests, months between seasons and
    overstay rate; groups of fewer than 3 workers are suppressed (counts shown, rates null)."""
    filters = selectors.clean_filters(origin, destination, "", period, scheme)
    report = selectors.circular_report(filters)
    return {
        "definitions": {key: str(text) for key, text in selectors.CIRCULAR_DEFINITIONS.items()},
        "min_group_size": DEFAULT_MIN_GROUP_SIZE,
        "filters": {
            "scheme": filters.scheme,
            "origin": filters.origin,
            "destination": filters.destination,
            "period": filters.period,
        },
        "total": kpis_out(report.total),
        "by_scheme": {key: kpis_out(k) for key, k in report.by_scheme.items()},
        "by_corridor": {key: kpis_out(k) for key, k in report.by_corridor.items()},
        "by_sex": {key: kpis_out(k) for key, k in report.by_sex.items()},
    }


def counts_label(key: str) -> str:
    kind, _sep, detail = key.partition(":")
    if kind in RiskFlag.Kind.values and not detail:
        return str(RiskFlag.Kind(kind).label)
    return indicator_label(detail or key)


@router.get(
    "/indicators/protection-by-sex", response=CountsBySexOut, summary="Open flags and grievances by sex (public)"
)
def protection_by_sex(request: HttpRequest, origin: str = "", destination: str = "") -> dict[str, Any]:
    """Counts of open risk flags (by kind, ILO indicator and C189 check) and of grievances (by indicator), by the
    worker's sex; counts of 1 or 2 are suppressed (null)."""
    filters = selectors.clean_filters(origin, destination)
    counts = selectors.protection_counts_by_sex(
        None, origin=filters.origin, destination=filters.destination, suppress_below=DEFAULT_MIN_GROUP_SIZE
    )
    return {
        "min_group_size": DEFAULT_MIN_GROUP_SIZE,
        **{part: [{**row, "label": counts_label(row["key"])} for row in rows] for part, rows in counts.items()},
    }
