"""The RPW indicators of the stored quotes, computed by the remittance_cost engine over every quote at once.

The arrays are built once per set of imports and kept for the process (a new import changes the key). An empty
selection raises NotFound ("no data"), never 0.
"""

import threading
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from django.utils.translation import gettext as _

from migdev.core.caching import once_per_request
from migdev.core.errors import NotFound
from migdev.core.models import Country, Region
from migdev.engines import remittance_cost as engine
from migdev.remittances.adapters import (
    EXCLUDED_SENDERS,
    INDICATOR_TIER,
    QUOTE_FIELDS,
    QuoteArrays,
    Value,
    build_quotes,
    values,
)
from migdev.remittances.models import PriceImport, PriceQuote
from migdev.stats.selectors import bilateral_values

__all__ = [
    "SdgStatus",
    "Smart",
    "Snapshot",
    "category_averages",
    "corridor_average",
    "corridor_averages",
    "corridor_series",
    "global_average",
    "global_series",
    "periods",
    "receiving_country_averages",
    "region_names",
    "regional_average",
    "regional_averages",
    "sdg_series",
    "sdg_status",
    "sending_country_averages",
    "smart_values",
    "snapshot",
    "weighted_averages",
]

FLOW_INDICATOR = "remittance-flow-2017"
FLOW_PERIOD = "2017"
CATEGORIES = ("provider_type", "instrument")
NO_REGION = "—"


@dataclass
class Snapshot:
    """The indicators of one state of the data, computed lazily and kept."""

    arrays: QuoteArrays
    region_of: dict[str, str]  # receiving ISO3 -> M49 sub-region code ('' where unknown)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def labels(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return self.arrays.coding.periods, self.arrays.coding.countries

    @cached_property
    def excluded(self) -> np.ndarray:
        return self.arrays.coding.country_codes(EXCLUDED_SENDERS)

    @cached_property
    def corridor(self) -> list[Value]:
        periods, countries = self.labels
        return values(engine.corridor_averages(self.arrays.quotes), (periods, countries, countries))

    @cached_property
    def global_average(self) -> list[Value]:
        return values(engine.global_averages(self.arrays.quotes, self.excluded), (self.labels[0],))

    @cached_property
    def region(self) -> list[Value]:
        region_labels = tuple(sorted(set(self.region_of.values()) - {""}))
        index = {r: i for i, r in enumerate(region_labels)}
        per_country = np.array([index.get(self.region_of.get(c, ""), -1) for c in self.labels[1]], dtype=np.int64)
        group = per_country[self.arrays.quotes.receiving] if len(self.arrays.quotes) else per_country[:0]
        averages = engine.grouped_averages(self.arrays.quotes, group, self.excluded)
        return values(averages, (self.labels[0], region_labels))

    @cached_property
    def sending_country(self) -> list[Value]:
        averages = engine.grouped_averages(self.arrays.quotes, self.arrays.quotes.sending)
        return values(averages, self.labels)

    @cached_property
    def receiving_country(self) -> list[Value]:
        # every corridor to the country, Russia-sent ones included: left out, Tajikistan would have almost no data
        averages = engine.grouped_averages(self.arrays.quotes, self.arrays.quotes.receiving)
        return values(averages, self.labels)

    def category(self, name: str) -> list[Value]:
        with self._lock:
            cache = self.__dict__.setdefault("_categories", {})
            if name not in cache:
                averages = engine.grouped_averages(self.arrays.quotes, self.arrays.extra[name], self.excluded)
                cache[name] = values(averages, (self.labels[0], self.arrays.labels[name]))
            return list(cache[name])

    @cached_property
    def weighted(self) -> list[Value]:
        periods, countries = self.labels
        corridors = engine.corridor_averages(self.arrays.quotes)
        flows = bilateral_values(FLOW_INDICATOR, FLOW_PERIOD)  # (receiving, sending) -> US$ m
        weight = np.array(
            [
                flows.get((countries[int(r)], countries[int(s)]), np.nan)
                for s, r in zip(corridors.keys[1], corridors.keys[2], strict=True)
            ],
            dtype=float,
        )
        keep = ~np.isin(corridors.keys[1], self.excluded)
        weight = np.where(keep, weight, np.nan)
        return values(engine.weighted_averages(corridors, weight), (periods,))

    @cached_property
    def smart(self) -> engine.SmartValues:
        return engine.smart_values(self.arrays.quotes)

    @cached_property
    def sdg(self) -> engine.SdgProgress:
        average = engine.global_averages(self.arrays.quotes, self.excluded)
        return engine.sdg_progress(self.arrays.quotes, self.excluded, average, self.smart)


_cache: dict[tuple[tuple[int, str], ...], Snapshot] = {}
_cache_lock = threading.Lock()


def snapshot() -> Snapshot:
    """The indicators of the data as stored now (rebuilt when an import has been added or removed)."""
    key = once_per_request("remittances:price-imports", _price_imports)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    rows = list(
        PriceQuote.objects.filter(tier=INDICATOR_TIER)
        .order_by("period", "sending", "receiving", "pk")
        .values_list(*QUOTE_FIELDS, *CATEGORIES)
    )
    built = Snapshot(build_quotes(rows, CATEGORIES), _regions())
    with _cache_lock:
        _cache.clear()
        _cache[key] = built
    return built


def _price_imports() -> tuple[tuple[int, str], ...]:
    return tuple(PriceImport.objects.order_by("pk").values_list("pk", "sha256"))


def _regions() -> dict[str, str]:
    return {iso3: str(sub or "") for iso3, sub in Country.objects.values_list("iso3", "subregion_id")}


def region_names() -> dict[str, str]:
    """M49 sub-region code -> name (in the active language)."""
    return {str(r.m49): r.name for r in Region.objects.filter(kind=Region.Kind.SUBREGION)}


def _no_data(what: str, field: str | None = None) -> NotFound:
    return NotFound(_("No data: %(what)s.") % {"what": what}, field)


def _check_period(period: str) -> None:
    if period not in snapshot().labels[0]:
        raise _no_data(_("no price quotes for the quarter %(period)s") % {"period": period}, "period")


def periods() -> list[str]:
    """The quarters with price quotes, oldest first."""
    return list(snapshot().labels[0])


def global_average(period: str) -> Value:
    """The RPW Global Average of a quarter (SDG 10.c.1): transparent services, Russia-sent corridors excluded."""
    found = [v for v in snapshot().global_average if v.period == period]
    if not found:
        raise _no_data(_("no transparent services in the quarter %(period)s") % {"period": period}, "period")
    return found[0]


def global_series() -> list[Value]:
    return list(snapshot().global_average)


def corridor_series(sending: str, receiving: str) -> list[Value]:
    """The corridor average in every quarter the corridor was surveyed (MigDev's computation)."""
    return [v for v in snapshot().corridor if v.group == (sending, receiving)]


def corridor_average(sending: str, receiving: str, period: str) -> Value:
    found = [v for v in corridor_series(sending, receiving) if v.period == period]
    if not found:
        what = _("no transparent services from %(sending)s to %(receiving)s in %(period)s")
        raise _no_data(what % {"sending": sending, "receiving": receiving, "period": period}, "period")
    return found[0]


def corridor_averages(period: str | None = None) -> list[Value]:
    corridors = snapshot().corridor
    return [v for v in corridors if v.period == period] if period else list(corridors)


def regional_averages(period: str | None = None, region: str | None = None) -> list[Value]:
    """Averages over the services sending to each M49 sub-region's receiving countries (Russia-sent excluded)."""
    rows = snapshot().region
    return [v for v in rows if (period is None or v.period == period) and (region is None or v.group == (region,))]


def regional_average(region: str, period: str) -> Value:
    found = regional_averages(period, region)
    if not found:
        what = _("no transparent services to the region %(region)s in %(period)s")
        raise _no_data(what % {"region": region, "period": period}, "region")
    return found[0]


def sending_country_averages(period: str | None = None, country: str | None = None) -> list[Value]:
    rows = snapshot().sending_country
    return [v for v in rows if (period is None or v.period == period) and (country is None or v.group == (country,))]


def receiving_country_averages(period: str | None = None, country: str | None = None) -> list[Value]:
    rows = snapshot().receiving_country
    return [v for v in rows if (period is None or v.period == period) and (country is None or v.group == (country,))]


def category_averages(category: str, period: str | None = None) -> list[Value]:
    """Averages by provider type ('provider_type') or product / payment instrument ('instrument')."""
    return [v for v in snapshot().category(category) if period is None or v.period == period]


def weighted_averages() -> list[Value]:
    """Per quarter: corridor averages weighted by the 2017 bilateral remittance estimates (Russia-sent excluded)."""
    return list(snapshot().weighted)


@dataclass(frozen=True)
class Smart:
    """SmaRT of one corridor in one quarter; `value` None when fewer than three services qualify."""

    period: str
    sending: str
    receiving: str
    value: float | None
    n_services: int

    @property
    def above_limit(self) -> bool:
        return self.value is not None and self.value > engine.SMART_LIMIT


def smart_values(period: str | None = None, sending: str | None = None, receiving: str | None = None) -> list[Smart]:
    data = snapshot()
    periods_, countries = data.labels
    s = data.smart
    rows = []
    for i in range(s.period.size):
        row = Smart(
            periods_[int(s.period[i])],
            countries[int(s.sending[i])],
            countries[int(s.receiving[i])],
            None if np.isnan(s.value[i]) else float(s.value[i]),
            int(s.n_qualifying[i]),
        )
        wanted = (period, sending, receiving)
        if all(w is None or w == got for w, got in zip(wanted, (row.period, row.sending, row.receiving), strict=True)):
            rows.append(row)
    return rows


@dataclass(frozen=True)
class SdgStatus:
    """SDG 10.c.1 in one quarter: the Global Average against 3 %, corridors with a SmaRT above 5 %."""

    period: str
    global_average: float
    n_services: int
    n_corridors: int
    corridors_with_smart: int
    corridors_above_limit: int
    target: float = engine.SDG_TARGET
    limit: float = engine.SMART_LIMIT

    @property
    def share_above_limit(self) -> float | None:
        return self.corridors_above_limit / self.corridors_with_smart if self.corridors_with_smart else None

    @property
    def gap(self) -> float:
        return self.global_average - self.target


def sdg_series() -> list[SdgStatus]:
    data = snapshot()
    p = data.sdg
    return [
        SdgStatus(
            data.labels[0][int(p.period[i])],
            float(p.global_average[i]),
            int(p.n_services[i]),
            int(p.n_corridors[i]),
            int(p.corridors_with_smart[i]),
            int(p.corridors_above_limit[i]),
        )
        for i in range(p.period.size)
    ]


def sdg_status(period: str) -> SdgStatus:
    found = [s for s in sdg_series() if s.period == period]
    if not found:
        raise _no_data(_("no transparent services in the quarter %(period)s") % {"period": period}, "period")
    return found[0]
