"""RPW indicators over arrays of quotes: every average is a grouped mean, computed with one sort and bincounts.

Source of the method: World Bank, Remittance Prices Worldwide, methodology note and quarterly reports. The Global
Average counts every transparent service once and excludes corridors sent from Russia; a corridor average is the mean
over the corridor's transparent services; SmaRT is the mean of the three cheapest services that are transparent,
arrive within five days and are accessible (SDG 10.c.1: no corridor's SmaRT above 5 %).
"""

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

SDG_TARGET = 3.0  # SDG 10.c: reduce the average cost of remittances to less than 3 % by 2030
SMART_LIMIT = 5.0  # ... and eliminate corridors costing more than 5 %
SMART_SERVICES = 3  # SmaRT averages the three cheapest qualifying services

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class Quotes:
    """One service's quote per element (the USD 200 tier); categories are integer codes chosen by the caller.

    `cost` is the total cost in % of the amount sent; `fast` is delivery within five days; `accessible` is the
    service's reach (see the room's rules); `transparent` is whether the rate applied was disclosed.
    """

    period: IntArray
    sending: IntArray
    receiving: IntArray
    cost: FloatArray
    transparent: BoolArray
    fast: BoolArray
    accessible: BoolArray

    def __post_init__(self) -> None:
        size = self.period.shape
        for name in ("sending", "receiving", "cost", "transparent", "fast", "accessible"):
            if getattr(self, name).shape != size:
                raise ValueError(f"{name} has shape {getattr(self, name).shape}, period has {size}")

    def __len__(self) -> int:
        return int(self.period.shape[0])

    @cached_property
    def corridor(self) -> IntArray:
        """A compact code per (sending, receiving) pair, 0 .. number of corridors − 1 (computed once)."""
        width = int(max(self.receiving.max(initial=0), 0)) + 1
        _, codes = np.unique(self.sending.astype(np.int64) * width + self.receiving, return_inverse=True)
        return codes.astype(np.int64).reshape(-1)


@dataclass(frozen=True)
class Averages:
    """Grouped means: `keys[i][g]` is key i of group g; each value comes with its services and corridors."""

    keys: tuple[IntArray, ...]
    value: FloatArray
    n_services: IntArray
    n_corridors: IntArray

    def __len__(self) -> int:
        return int(self.value.shape[0])


@dataclass(frozen=True)
class SmartValues:
    """SmaRT per corridor-period; `n_qualifying` < 3 means the corridor has too few qualifying services (value NaN)."""

    period: IntArray
    sending: IntArray
    receiving: IntArray
    value: FloatArray
    n_qualifying: IntArray


@dataclass(frozen=True)
class SdgProgress:
    """Per period: the Global Average against 3 % and the corridors whose SmaRT is above 5 %."""

    period: IntArray
    global_average: FloatArray
    n_services: IntArray
    n_corridors: IntArray
    corridors_with_smart: IntArray
    corridors_above_limit: IntArray

    @property
    def share_above_limit(self) -> FloatArray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(
                self.corridors_with_smart > 0, self.corridors_above_limit / self.corridors_with_smart, np.nan
            )


# Below this many cells, groups are counted in dense arrays (bincount) instead of sorting (np.unique): the keys
# are small integer codes, so a dense table is much faster than a sort for RPW's sizes.
DENSE_CELLS = 20_000_000


def _corridor_ids(quotes: Quotes) -> IntArray:
    return quotes.corridor


def _grouped_mean(keys: tuple[IntArray, ...], values: FloatArray, corridors: IntArray, mask: BoolArray) -> Averages:
    """Mean of `values` where `mask`, grouped by the tuple of `keys`; counts of elements and distinct corridors."""
    keep = mask & np.isfinite(values)
    kept = tuple(k[keep] for k in keys)
    if not kept or kept[0].size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Averages(tuple(empty for _ in keys), np.zeros(0), empty, empty)
    dims = tuple(int(k.max()) + 1 for k in kept)
    combined = np.ravel_multi_index(kept, dims)
    corridor = corridors[keep]
    n_corridor_ids = int(corridor.max()) + 1
    cells = int(np.prod(dims, dtype=np.int64))
    if cells <= DENSE_CELLS:
        all_counts = np.bincount(combined, minlength=cells)
        groups = np.flatnonzero(all_counts)
        counts = all_counts[groups].astype(np.int64)
        sums = np.bincount(combined, weights=values[keep], minlength=cells)[groups]
        position = np.zeros(cells, dtype=np.int64)
        position[groups] = np.arange(groups.size)
        inverse = position[combined]
    else:
        groups, inverse = np.unique(combined, return_inverse=True)
        inverse = inverse.reshape(-1)
        sums = np.bincount(inverse, weights=values[keep])
        counts = np.bincount(inverse).astype(np.int64)
    pair_cells = groups.size * n_corridor_ids
    if pair_cells <= DENSE_CELLS:
        seen = np.zeros(pair_cells, dtype=bool)
        seen[inverse * n_corridor_ids + corridor] = True
        n_corridors = seen.reshape(groups.size, n_corridor_ids).sum(axis=1).astype(np.int64)
    else:
        pairs = np.unique(inverse.astype(np.int64) * n_corridor_ids + corridor)
        n_corridors = np.bincount(pairs // n_corridor_ids, minlength=groups.size).astype(np.int64)
    group_keys = tuple(np.asarray(k, dtype=np.int64) for k in np.unravel_index(groups, dims))
    return Averages(group_keys, sums / counts, counts, n_corridors)


def corridor_averages(quotes: Quotes) -> Averages:
    """Corridor average per (period, sending, receiving): mean total cost of the corridor's transparent services.

    >>> q = Quotes(np.array([0, 0, 0]), np.array([1, 1, 1]), np.array([2, 2, 2]), np.array([4.0, 6.0, 20.0]),
    ...            np.array([True, True, False]), np.ones(3, bool), np.ones(3, bool))
    >>> corridor_averages(q).value.tolist(), corridor_averages(q).n_services.tolist()
    ([5.0], [2])
    """
    keys = (quotes.period, quotes.sending, quotes.receiving)
    return _grouped_mean(keys, quotes.cost, _corridor_ids(quotes), quotes.transparent)


def global_averages(quotes: Quotes, excluded_senders: IntArray | None = None) -> Averages:
    """Global Average per period: every transparent service counted once, corridors from `excluded_senders` out.

    RPW excludes the corridors sent from Russia (their fees are very low and would pull the average down).
    """
    mask = quotes.transparent.copy()
    if excluded_senders is not None and excluded_senders.size:
        mask &= ~np.isin(quotes.sending, excluded_senders)
    return _grouped_mean((quotes.period,), quotes.cost, _corridor_ids(quotes), mask)


def grouped_averages(
    quotes: Quotes, group: IntArray, excluded_senders: IntArray | None = None, transparent_only: bool = True
) -> Averages:
    """Averages per (period, group), as the Global Average but within each group (group < 0: left out).

    `group` is per quote: the receiving country's region, the sending country, the provider type, the instrument.
    """
    mask = group >= 0
    if transparent_only:
        mask &= quotes.transparent
    if excluded_senders is not None and excluded_senders.size:
        mask &= ~np.isin(quotes.sending, excluded_senders)
    return _grouped_mean((quotes.period, np.where(mask, group, 0)), quotes.cost, _corridor_ids(quotes), mask)


def weighted_averages(corridors: Averages, weight: FloatArray) -> Averages:
    """Per period: corridor averages weighted by `weight` (one per corridor average, e.g. bilateral flows).

    Corridors without a positive weight are left out; `n_corridors` counts those kept, `n_services` their services.
    """
    period = corridors.keys[0]
    keep = np.isfinite(weight) & (weight > 0) & np.isfinite(corridors.value)
    if not keep.any():
        empty = np.zeros(0, dtype=np.int64)
        return Averages((empty,), np.zeros(0), empty, empty)
    periods, inverse = np.unique(period[keep], return_inverse=True)
    w = weight[keep]
    value = np.bincount(inverse, weights=w * corridors.value[keep]) / np.bincount(inverse, weights=w)
    n_services = np.bincount(inverse, weights=corridors.n_services[keep]).astype(np.int64)
    n_corridors = np.bincount(inverse).astype(np.int64)
    return Averages((periods.astype(np.int64),), value, n_services, n_corridors)


def smart_values(quotes: Quotes) -> SmartValues:
    """SmaRT per corridor-period: mean cost of the three cheapest transparent services within 5 days, accessible.

    Every corridor-period with a transparent service gets a row; too few qualifying services give NaN.

    >>> q = Quotes(np.zeros(4, int), np.ones(4, int), np.full(4, 2), np.array([9.0, 3.0, 4.0, 5.0]),
    ...            np.ones(4, bool), np.ones(4, bool), np.ones(4, bool))
    >>> smart_values(q).value.tolist()
    [4.0]
    """
    corridor_keys = _grouped_mean(
        (quotes.period, quotes.corridor), quotes.cost, _corridor_ids(quotes), quotes.transparent
    ).keys
    if corridor_keys[0].size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return SmartValues(empty, empty, empty, np.zeros(0), empty)
    width = int(quotes.corridor.max()) + 1
    cells = (int(quotes.period.max()) + 1) * width
    position = np.full(cells, -1, dtype=np.int64)
    position[corridor_keys[0] * width + corridor_keys[1]] = np.arange(corridor_keys[0].size)
    qualifies = quotes.transparent & quotes.fast & quotes.accessible & np.isfinite(quotes.cost)
    group = position[(quotes.period * width + quotes.corridor)[qualifies]]
    cost = quotes.cost[qualifies]
    by_cost = np.argsort(cost, kind="stable")
    order = by_cost[np.argsort(group[by_cost], kind="stable")]  # by group, cheapest first within each
    group, cost = group[order], cost[order]
    n_qualifying = np.bincount(group, minlength=corridor_keys[0].size).astype(np.int64)
    starts = np.cumsum(n_qualifying) - n_qualifying
    rank = np.arange(group.size) - starts[group]
    cheapest = rank < SMART_SERVICES
    sums = np.bincount(group[cheapest], weights=cost[cheapest], minlength=corridor_keys[0].size)
    with np.errstate(invalid="ignore", divide="ignore"):
        value = np.where(n_qualifying >= SMART_SERVICES, sums / SMART_SERVICES, np.nan)
    # one (sending, receiving) per compact corridor code
    first = np.zeros(width, dtype=np.int64)
    first[quotes.corridor[::-1]] = np.arange(len(quotes))[::-1]
    sending, receiving = quotes.sending[first], quotes.receiving[first]
    return SmartValues(corridor_keys[0], sending[corridor_keys[1]], receiving[corridor_keys[1]], value, n_qualifying)


def sdg_progress(
    quotes: Quotes,
    excluded_senders: IntArray | None = None,
    average: Averages | None = None,
    smart: SmartValues | None = None,
) -> SdgProgress:
    """SDG 10.c.1 per period: the Global Average, and how many corridors with a SmaRT have it above 5 %.

    `average` and `smart` may be passed when already computed (from the same quotes and exclusions)."""
    average = average if average is not None else global_averages(quotes, excluded_senders)
    smart = smart if smart is not None else smart_values(quotes)
    periods = average.keys[0]
    known = np.isfinite(smart.value)
    size = int(max(periods.max(initial=-1), smart.period.max(initial=-1))) + 1
    with_smart = np.bincount(smart.period[known], minlength=size)[periods].astype(np.int64)
    above = np.bincount(smart.period[known & (smart.value > SMART_LIMIT)], minlength=size)[periods].astype(np.int64)
    return SdgProgress(periods, average.value, average.n_services, average.n_corridors, with_smart, above)
