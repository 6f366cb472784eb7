"""Indicator endpoints: Global Average, corridor, region, categories, weighted average, SmaRT, SDG 10.c.1.

Every value comes with the number of services and corridors behind it; an empty selection answers 404 "No data"."""

from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema

from migdev.remittances import selectors
from migdev.remittances.adapters import Value
from migdev.remittances.api.params import Country, OptionalCountry, OptionalPeriod, Period, country
from migdev.remittances.models import PriceQuote

router = Router()


class RemittanceCostOut(Schema):
    """An average total cost (% of the USD 200 sent) and what it rests on."""

    period: str
    value: float
    n_services: int
    n_corridors: int


class RemittanceCorridorOut(RemittanceCostOut):
    sending: str
    receiving: str
    published_value: float | None  # the World Bank's own figure (DataBank ATCR.CORR) where published


class RemittanceGroupOut(RemittanceCostOut):
    group: str  # region M49 code, ISO3 country code, provider type or instrument
    name: str


class RemittanceSmartOut(Schema):
    period: str
    sending: str
    receiving: str
    value: float | None  # None: fewer than three qualifying services
    n_services: int
    above_limit: bool


class RemittanceSdgOut(Schema):
    period: str
    global_average: float
    target: float
    n_services: int
    n_corridors: int
    corridors_with_smart: int
    corridors_above_limit: int
    share_above_limit: float | None
    smart_limit: float


def _cost(value: Value) -> RemittanceCostOut:
    return RemittanceCostOut(
        period=value.period, value=value.value, n_services=value.n_services, n_corridors=value.n_corridors
    )


def _group(value: Value, name: str) -> RemittanceGroupOut:
    return RemittanceGroupOut(**_cost(value).dict(), group=value.group[0], name=name)


@router.get("/periods", response=list[str], summary="Quarters with price data")
def list_periods(request: HttpRequest) -> list[str]:
    return selectors.periods()


@router.get("/global-average", response=RemittanceCostOut, summary="RPW Global Average of a quarter (SDG 10.c.1)")
def get_global_average(request: HttpRequest, period: Period) -> RemittanceCostOut:
    """Mean total cost of every transparent service, each counted once, corridors sent from Russia excluded."""
    return _cost(selectors.global_average(period))


@router.get("/global-average/series", response=list[RemittanceCostOut], summary="Global Average in every quarter")
def get_global_series(request: HttpRequest) -> list[RemittanceCostOut]:
    return [_cost(v) for v in selectors.global_series()]


@router.get("/weighted-average", response=list[RemittanceCostOut], summary="Flow-weighted average in every quarter")
def get_weighted_average(request: HttpRequest) -> list[RemittanceCostOut]:
    """Corridor averages weighted by the World Bank/KNOMAD 2017 bilateral remittance estimates."""
    return [_cost(v) for v in selectors.weighted_averages()]


@router.get("/corridor", response=list[RemittanceCorridorOut], summary="Corridor average, one quarter or all")
def get_corridor(
    request: HttpRequest, sending: Country, receiving: Country, period: OptionalPeriod = None
) -> list[RemittanceCorridorOut]:
    sending, receiving = country(sending, "sending"), country(receiving, "receiving")
    if period:
        rows = [selectors.corridor_average(sending, receiving, period)]
    else:
        rows = selectors.corridor_series(sending, receiving)
        if not rows:
            selectors.corridor_average(sending, receiving, selectors.latest_period() or "")  # raises "No data"
    published = {p.period: p.value for p in selectors.published_series(sending, receiving)}
    return [
        RemittanceCorridorOut(
            **_cost(v).dict(), sending=sending, receiving=receiving, published_value=published.get(v.period)
        )
        for v in rows
    ]


@router.get("/region", response=list[RemittanceGroupOut], summary="Average cost of sending to a region (UN M49)")
def get_region(
    request: HttpRequest, region: str | None = None, period: OptionalPeriod = None
) -> list[RemittanceGroupOut]:
    """Averages over the services sending to the receiving countries of each M49 sub-region (e.g. 202)."""
    names = selectors.region_names()
    if region is not None and region not in names:
        from migdev.core.errors import NotFound

        raise NotFound(f"Unknown region {region[:20]!r} (give an M49 sub-region code, e.g. 202)", "region")
    if region and period:
        return [_group(selectors.regional_average(region, period), names[region])]
    return [_group(v, names.get(v.group[0], v.group[0])) for v in selectors.regional_averages(period, region)]


@router.get("/countries", response=list[RemittanceGroupOut], summary="Average cost by sending or receiving country")
def get_countries(
    request: HttpRequest, side: Literal["sending", "receiving"] = "sending", period: OptionalPeriod = None
) -> list[RemittanceGroupOut]:
    names = selectors.country_names()
    rows = (
        selectors.sending_country_averages(period)
        if side == "sending"
        else selectors.receiving_country_averages(period)
    )
    return [_group(v, names.get(v.group[0], v.group[0])) for v in rows]


@router.get("/categories", response=list[RemittanceGroupOut], summary="Average cost by provider type or instrument")
def get_categories(
    request: HttpRequest, by: Literal["provider_type", "instrument"] = "provider_type", period: OptionalPeriod = None
) -> list[RemittanceGroupOut]:
    labels = selectors.provider_type_labels() if by == "provider_type" else {}
    return [_group(v, labels.get(v.group[0], v.group[0])) for v in selectors.category_averages(by, period)]


def _smart(row: selectors.Smart) -> RemittanceSmartOut:
    return RemittanceSmartOut(
        period=row.period,
        sending=row.sending,
        receiving=row.receiving,
        value=row.value,
        n_services=row.n_services,
        above_limit=row.above_limit,
    )


@router.get("/smart", response=list[RemittanceSmartOut], summary="SmaRT of corridors (mean of the 3 cheapest services)")
def get_smart(
    request: HttpRequest,
    period: OptionalPeriod = None,
    sending: OptionalCountry = None,
    receiving: OptionalCountry = None,
    above_limit: bool | None = None,
) -> list[RemittanceSmartOut]:
    """Services that are transparent, arrive within 5 days and are accessible; value null below three services."""
    rows = selectors.smart_values(
        period, sending.upper() if sending else None, receiving.upper() if receiving else None
    )
    if above_limit is not None:
        rows = [r for r in rows if r.above_limit == above_limit]
    return [_smart(r) for r in rows]


@router.get("/sdg", response=RemittanceSdgOut, summary="SDG 10.c.1 progress in a quarter")
def get_sdg(request: HttpRequest, period: Period) -> RemittanceSdgOut:
    status = selectors.sdg_status(period)
    return RemittanceSdgOut(
        period=status.period,
        global_average=status.global_average,
        target=status.target,
        n_services=status.n_services,
        n_corridors=status.n_corridors,
        corridors_with_smart=status.corridors_with_smart,
        corridors_above_limit=status.corridors_above_limit,
        share_above_limit=status.share_above_limit,
        smart_limit=status.limit,
    )


class RemittanceQuoteOut(Schema):
    """One amount of a service: fee (sending currency), FX margin, total cost, what the family receives (USD)."""

    tier: int
    currency: str
    fee: float | None
    fx_margin: float | None
    total_cost: float | None
    recomputed_total_cost: float | None
    amount_received_usd: float | None
    total_mismatch: bool
    negative_margin: bool


class RemittanceServiceOut(Schema):
    firm: str
    provider_type: str
    instrument: str
    pickup_method: str
    speed: str
    transparent: bool
    usd_200: RemittanceQuoteOut
    usd_500: RemittanceQuoteOut | None


def _quote(quote: PriceQuote) -> RemittanceQuoteOut:
    return RemittanceQuoteOut(
        tier=quote.tier,
        currency=quote.currency,
        fee=quote.fee,
        fx_margin=quote.published_fx_margin,
        total_cost=quote.published_total,
        recomputed_total_cost=quote.total_cost,
        amount_received_usd=quote.amount_received_usd,
        total_mismatch=quote.total_mismatch,
        negative_margin=quote.negative_margin,
    )


@router.get("/corridor/services", response=list[RemittanceServiceOut], summary="Every provider of a corridor")
def get_corridor_services(
    request: HttpRequest, sending: Country, receiving: Country, period: Period
) -> list[RemittanceServiceOut]:
    """Cheapest first by the published total cost of sending USD 200; both amounts of each service."""
    sending, receiving = country(sending, "sending"), country(receiving, "receiving")
    rows = selectors.corridor_services(sending, receiving, period)
    if not rows:
        selectors.corridor_average(sending, receiving, period)  # raises "No data" naming the selection
    return [
        RemittanceServiceOut(
            firm=row.firm,
            provider_type=row.provider_type,
            instrument=row.instrument,
            pickup_method=row.pickup_method,
            speed=row.speed,
            transparent=row.transparent,
            usd_200=_quote(row.small),
            usd_500=_quote(row.large) if row.large else None,
        )
        for row in rows
    ]
