"""Labour protection API: the schemas of placements, contracts, the cost ledger, grievances and flags, declared once."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Schema

from migdev.core.input_limits import column
from migdev.core.models import EscoOccupation
from migdev.labour.models import Contract, CostPayment, Grievance, Placement, RiskFlag, WorkerProfile

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
