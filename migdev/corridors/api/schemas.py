"""Schemas of the corridors API, declared once: every block shares CorridorBlockOut's source, as_of and has_data."""

from datetime import date
from typing import Annotated

from ninja import Field, Schema

Iso3 = Annotated[str, Field(pattern=r"^[A-Za-z]{3}$", description="ISO 3166-1 alpha-3 code, e.g. PHL")]


class CorridorCountryOut(Schema):
    iso3: str
    name: str


class CorridorBlockOut(Schema):
    source: str
    as_of: str = Field(description="Date, year or quarter of the newest fact; empty when there is none")
    has_data: bool


class CorridorStockPoint(Schema):
    year: str
    sex: str = Field(description="_T both sexes, M, F (as in the statistics API)")
    value: float


class CorridorPeopleOut(CorridorBlockOut):
    stock: list[CorridorStockPoint]
    year: str
    total: float | None
    female_share: float | None
    share_of_emigrants: float | None
    share_of_immigrants: float | None


class CorridorSideOut(Schema):
    status: str
    status_label: str
    consent_date: date | None
    reservations: str


class CorridorTermOut(Schema):
    id: str
    term: str
    article: str
    eid: str


class CorridorInstrumentOut(Schema):
    id: str
    short_title: str
    title: str
    as_of: date
    origin: CorridorSideOut
    destination: CorridorSideOut
    terms: list[CorridorTermOut]


class CorridorRightsOut(CorridorBlockOut):
    in_common: list[CorridorInstrumentOut]
    only_origin: list[CorridorInstrumentOut]
    only_destination: list[CorridorInstrumentOut]


class CorridorNamedOut(Schema):
    id: int | str
    name: str


class CorridorCostSummaryOut(Schema):
    n: int
    mean: float | None
    median: float | None
    q4: float | None


class CorridorVacancyOut(Schema):
    id: int
    title: str
    place: str
    scheme: str


class CorridorWorkOut(CorridorBlockOut):
    schemes: list[CorridorNamedOut]
    agreements: list[CorridorNamedOut]
    vacancies: list[CorridorVacancyOut]
    recruitment_cost: CorridorCostSummaryOut | None
    recruitment_cost_by_sex: dict[str, CorridorCostSummaryOut]
    open_risk_flags: int | None = Field(description="None when fewer than the smallest count shown")
    grievances: int | None


class CorridorMoneyCostOut(Schema):
    period: str
    usd200: float | None
    usd500: float | None
    services: int


class CorridorServiceOut(Schema):
    firm: str
    provider_type: str
    instrument: str
    speed: str
    usd200: float | None
    usd500: float | None


class CorridorMoneyOut(CorridorBlockOut):
    costs: list[CorridorMoneyCostOut]
    cheapest: list[CorridorServiceOut]
    smart: float | None
    smart_period: str
    flow_usd_millions: float | None
    share_of_receipts: float | None
    flow_year: str


class CorridorNeedOut(Schema):
    id: int
    title: str
    experts_in_occupation: int


class CorridorDiasporaOut(CorridorBlockOut):
    organisations: list[CorridorNamedOut]
    initiatives: int
    experts: int
    needs: list[CorridorNeedOut]


class CorridorProcessOut(Schema):
    id: str
    name: str
    origin_role: str
    destination_role: str
    current: bool


class CorridorCooperationOut(CorridorBlockOut):
    processes: list[CorridorProcessOut]
    commitments: list[CorridorNamedOut]


class CorridorOut(Schema):
    origin: CorridorCountryOut
    destination: CorridorCountryOut
    people: CorridorPeopleOut
    rights: CorridorRightsOut
    work: CorridorWorkOut
    money: CorridorMoneyOut
    diaspora: CorridorDiasporaOut
    cooperation: CorridorCooperationOut


class CorridorRankOut(Schema):
    origin: str
    destination: str
    year: str
    stock: float
    female_share: float | None
    instruments: int
    cost: float | None
    cost_period: str
    schemes: int


class CorridorRankingOut(Schema):
    count: int
    items: list[CorridorRankOut]
