"""Money: the corridor's remittance cost for USD 200 and 500 over time, the cheapest services in the latest quarter,
SmaRT, and the corridor's share of the origin's remittance receipts (remittances and stats, through their selectors).

Remittances flow from the destination (sending) to the origin (receiving)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from migdev.core.errors import NotFound
from migdev.corridors.pairs import Pair
from migdev.corridors.selectors.blocks import Block
from migdev.remittances.selectors import indicators, prices
from migdev.stats import selectors as stats

FLOW_INDICATOR = "remittance-flow-2017"
CHEAPEST = 5


@dataclass(frozen=True)
class CostPoint:
    period: str
    usd200: float | None  # corridor average, published totals of transparent services (RPW method)
    usd500: float | None  # simple average of transparent services' published totals for USD 500
    services: int


@dataclass(frozen=True)
class Service:
    firm: str
    provider_type: str
    instrument: str
    speed: str
    usd200: float | None
    usd500: float | None


@dataclass(frozen=True)
class Money(Block):
    costs: list[CostPoint] = field(default_factory=list)
    latest_period: str = ""
    cheapest: list[Service] = field(default_factory=list)
    smart: float | None = None
    smart_period: str = ""
    flow_usd_millions: float | None = None  # 2017 bilateral estimate, destination -> origin
    share_of_receipts: float | None = None  # per cent of the origin's receipts from every country in the matrix
    flow_year: str = ""

    @property
    def latest_usd200(self) -> float | None:
        return self.costs[-1].usd200 if self.costs else None


def _usd500_by_period(sending: str, receiving: str) -> dict[str, float]:
    totals: dict[str, list[float]] = defaultdict(list)
    for quote in prices.quotes(sending=sending, receiving=receiving).filter(tier=500, transparent=True):
        if quote.published_total is not None:
            totals[quote.period].append(quote.published_total)
    return {period: sum(values) / len(values) for period, values in totals.items()}


def _flow_share(origin: str, destination: str) -> tuple[float | None, float | None, str]:
    try:
        rows, _sources = stats.bilateral_by_partner(FLOW_INDICATOR, origin, as_counterpart=False)
    except NotFound:
        return None, None, ""
    mine = [r for r in rows if r.partner_iso3 == destination and r.sex == "_T"]
    if not mine:
        return None, None, ""
    flow = mine[-1]
    total = sum(r.value for r in rows if r.partner_iso3 and r.sex == "_T" and r.period == flow.period)
    return flow.value, (100.0 * flow.value / total if total else None), flow.period


def money(pair: Pair) -> Money:
    sending, receiving = pair.destination.iso3, pair.origin.iso3
    try:
        series = indicators.corridor_series(sending, receiving)
        smart = [s for s in indicators.smart_values(sending=sending, receiving=receiving) if s.value is not None]
    except NotFound:
        series, smart = [], []
    usd500 = _usd500_by_period(sending, receiving)
    usd200 = {v.period: v for v in series}
    periods = sorted(set(usd200) | set(usd500))
    costs = [
        CostPoint(
            p, usd200[p].value if p in usd200 else None, usd500.get(p), usd200[p].n_services if p in usd200 else 0
        )
        for p in periods
    ]
    latest = periods[-1] if periods else ""
    cheapest = []
    if latest:
        for row in prices.corridor_services(sending, receiving, latest):
            if row.transparent and row.small.published_total is not None:
                large = row.large.published_total if row.large is not None else None
                cheapest.append(
                    Service(
                        row.firm,
                        row.provider_type_label,
                        row.instrument,
                        row.speed_label,
                        row.small.published_total,
                        large,
                    )
                )
            if len(cheapest) == CHEAPEST:
                break
    flow, share, flow_year = _flow_share(receiving, sending)
    last_smart = smart[-1] if smart else None
    return Money(
        source=_("World Bank, Remittance Prices Worldwide; World Bank/KNOMAD bilateral remittance matrix 2017"),
        as_of=latest or flow_year,
        has_data=bool(costs or flow is not None),
        costs=costs,
        latest_period=latest,
        cheapest=cheapest,
        smart=last_smart.value if last_smart else None,
        smart_period=last_smart.period if last_smart else "",
        flow_usd_millions=flow,
        share_of_receipts=share,
        flow_year=flow_year,
    )
