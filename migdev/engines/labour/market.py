"""Labour supply and demand by (country, ISCO-08 group, month): stocks, flows, tightness, classification.

Definitions (kept in docs/labour-measurement.md and on the measurement page):

- Days are integer day numbers (days since 1970-01-01, as numpy's datetime64[D]); months are integer month numbers
  (months since 1970-01, as numpy's datetime64[M]). A month's *reference day* is its last day.
- Supply (a stock): workers available on the reference day, counted once per ISCO-08 group however many of their
  occupations fall in it, by sex (F, M, and _T = every worker, whatever sex is recorded).
- Open positions (a stock): on the reference day, for every vacancy published on or before it and not filled or
  closed before it, its positions minus the placements accepted on or before it (never below zero).
- New positions (a flow): positions of the vacancies published in the month.
- Filled positions (a flow): placements accepted in the month, by the sex of the worker.
- Tightness: open positions per available worker (infinite where positions are open and nobody is available).
- Fill rate and median days to fill are about the cohort of vacancies published in the month: the share of their
  positions filled so far, and the median number of days from publication to the day the last position was filled
  (or the vacancy was closed as filled).
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

NO_END = np.iinfo(np.int64).max // 2  # an open availability window or a vacancy still open
SEXES = ("F", "M", "_T")
FEMALE, MALE, OTHER = 0, 1, 2  # sex codes of the inputs; _T counts all three
SURPLUS, BALANCED, SHORTAGE = 0, 1, 2
CLASSES = ("surplus", "balanced", "shortage")
ISCO_LEVELS = (1, 2, 3, 4)


class MarketError(ValueError):
    """Base class of the failures of the market computations."""


class InvalidParameter(MarketError):
    """A declared parameter is out of range."""

    def __init__(self, parameter: str, value: object, reason: str) -> None:
        self.parameter = parameter
        self.value = value
        self.reason = reason
        super().__init__(f"parameter {parameter}={value!r}: {reason}")


class InvalidInput(MarketError):
    """An input array has the wrong length or a value outside its domain."""

    def __init__(self, field: str, reason: str, row: int | None = None) -> None:
        self.field = field
        self.row = row
        self.reason = reason
        where = f"{field}[{row}]" if row is not None else field
        super().__init__(f"{where}: {reason}")


def _ints(values: Sequence[int] | np.ndarray, field: str) -> np.ndarray:
    array = np.asarray(values)
    if array.size == 0:
        return np.zeros(0, dtype=np.int64)
    if array.ndim != 1 or not np.issubdtype(array.dtype, np.integer):
        raise InvalidInput(field, "must be a one-dimensional array of integers")
    return array.astype(np.int64)


def _same_length(fields: dict[str, np.ndarray]) -> None:
    lengths = {name: len(array) for name, array in fields.items()}
    if len(set(lengths.values())) > 1:
        raise InvalidInput(", ".join(lengths), f"must have the same length, not {lengths}")


def _check_range(array: np.ndarray, field: str, low: int, high: int) -> None:
    bad = np.flatnonzero((array < low) | (array > high))
    if bad.size:
        raise InvalidInput(field, f"{int(array[bad[0]])} is not in {low}..{high}", int(bad[0]))


def _check_isco(array: np.ndarray, field: str) -> None:
    _check_range(array, field, 0, 9999)


def _check_window(start: np.ndarray, end: np.ndarray, field: str) -> None:
    bad = np.flatnonzero(end < start)
    if bad.size:
        raise InvalidInput(field, "ends before it starts", int(bad[0]))


@dataclass(frozen=True, eq=False)
class Workers:
    """Available workers: origin country index, sex (0 F, 1 M, 2 other), window in day numbers, ISCO unit groups.

    `occupation_worker[i]` is the worker (row of the per-worker arrays) holding occupation `occupation_isco[i]`, an
    ISCO-08 unit group as an integer (9211; 110 for "0110").
    """

    origin: np.ndarray
    sex: np.ndarray
    available_from: np.ndarray
    available_to: np.ndarray
    occupation_worker: np.ndarray
    occupation_isco: np.ndarray

    @classmethod
    def build(
        cls,
        origin: Sequence[int] | np.ndarray,
        sex: Sequence[int] | np.ndarray,
        available_from: Sequence[int] | np.ndarray,
        available_to: Sequence[int] | np.ndarray,
        occupation_worker: Sequence[int] | np.ndarray,
        occupation_isco: Sequence[int] | np.ndarray,
    ) -> "Workers":
        """Validate and wrap the arrays.

        >>> Workers.build([0], [0], [0], [30], [0, 0], [9211, 6111]).occupation_isco.tolist()
        [9211, 6111]
        """
        per_worker = {
            "origin": _ints(origin, "origin"),
            "sex": _ints(sex, "sex"),
            "available_from": _ints(available_from, "available_from"),
            "available_to": _ints(available_to, "available_to"),
        }
        per_occupation = {
            "occupation_worker": _ints(occupation_worker, "occupation_worker"),
            "occupation_isco": _ints(occupation_isco, "occupation_isco"),
        }
        _same_length(per_worker)
        _same_length(per_occupation)
        n = len(per_worker["origin"])
        _check_range(per_worker["origin"], "origin", 0, NO_END)
        _check_range(per_worker["sex"], "sex", FEMALE, OTHER)
        _check_window(per_worker["available_from"], per_worker["available_to"], "available_to")
        _check_range(per_occupation["occupation_worker"], "occupation_worker", 0, n - 1)
        _check_isco(per_occupation["occupation_isco"], "occupation_isco")
        return cls(**per_worker, **per_occupation)


@dataclass(frozen=True, eq=False)
class Vacancies:
    """Published vacancies: destination country index, ISCO unit group, positions, days published and closed.

    `closed` is the day the vacancy was filled or closed (NO_END while open); `closed_as_filled` says it was filled.
    """

    destination: np.ndarray
    isco: np.ndarray
    positions: np.ndarray
    published: np.ndarray
    closed: np.ndarray
    closed_as_filled: np.ndarray

    @classmethod
    def build(
        cls,
        destination: Sequence[int] | np.ndarray,
        isco: Sequence[int] | np.ndarray,
        positions: Sequence[int] | np.ndarray,
        published: Sequence[int] | np.ndarray,
        closed: Sequence[int] | np.ndarray,
        closed_as_filled: Sequence[bool] | np.ndarray,
    ) -> "Vacancies":
        """Validate and wrap the arrays.

        >>> Vacancies.build([1], [9211], [4], [10], [NO_END], [False]).positions.tolist()
        [4]
        """
        arrays = {
            "destination": _ints(destination, "destination"),
            "isco": _ints(isco, "isco"),
            "positions": _ints(positions, "positions"),
            "published": _ints(published, "published"),
            "closed": _ints(closed, "closed"),
        }
        filled = np.asarray(closed_as_filled, dtype=bool).reshape(-1)
        _same_length({**arrays, "closed_as_filled": filled})
        _check_range(arrays["destination"], "destination", 0, NO_END)
        _check_isco(arrays["isco"], "isco")
        _check_range(arrays["positions"], "positions", 0, NO_END)
        _check_window(arrays["published"], arrays["closed"], "closed")
        return cls(**arrays, closed_as_filled=filled)


@dataclass(frozen=True, eq=False)
class Hires:
    """Accepted placements (accepted or any later state, not declined): vacancy row, worker's sex, day accepted."""

    vacancy: np.ndarray
    sex: np.ndarray
    accepted: np.ndarray

    @classmethod
    def build(
        cls,
        vacancy: Sequence[int] | np.ndarray,
        sex: Sequence[int] | np.ndarray,
        accepted: Sequence[int] | np.ndarray,
        n_vacancies: int,
    ) -> "Hires":
        """Validate and wrap the arrays.

        >>> Hires.build([0, 0], [0, 1], [12, 15], n_vacancies=1).sex.tolist()
        [0, 1]
        """
        arrays = {
            "vacancy": _ints(vacancy, "vacancy"),
            "sex": _ints(sex, "sex"),
            "accepted": _ints(accepted, "accepted"),
        }
        _same_length(arrays)
        _check_range(arrays["vacancy"], "vacancy", 0, n_vacancies - 1)
        _check_range(arrays["sex"], "sex", FEMALE, OTHER)
        return cls(**arrays)


@dataclass(frozen=True)
class Thresholds:
    """Tightness at or above `shortage` is a shortage, at or below `surplus` a surplus, else balanced.

    The defaults are symmetric on a log scale: 3 open positions for 2 workers, or 2 for 3.

    >>> Thresholds().classify(np.array([0.0, 1.0, 1.5, np.inf])).tolist()
    [0, 1, 2, 2]
    """

    shortage: float = 1.5
    surplus: float = 2 / 3

    def __post_init__(self) -> None:
        for name in ("shortage", "surplus"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or isinstance(value, bool) or not np.isfinite(value) or value <= 0:
                raise InvalidParameter(name, value, "must be a positive finite number")
        if not self.surplus < 1 < self.shortage:
            raise InvalidParameter("surplus", self.surplus, f"must be below 1, and shortage ({self.shortage}) above 1")

    def classify(self, tightness: np.ndarray) -> np.ndarray:
        """Class of each tightness (SURPLUS 0, BALANCED 1, SHORTAGE 2); NaN (no supply, no demand) is balanced."""
        classes = np.full(tightness.shape, BALANCED, dtype=np.int8)
        with np.errstate(invalid="ignore"):
            classes[tightness >= self.shortage] = SHORTAGE
            classes[tightness <= self.surplus] = SURPLUS
        return classes


def month_ends(months: Sequence[int] | np.ndarray) -> np.ndarray:
    """The last day (day number) of each month (month number).

    >>> month_ends([0, 1]).tolist()  # January and February 1970
    [30, 58]
    """
    numbers = _ints(months, "months")
    return ((numbers + 1).astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)) - 1


def month_of(days: np.ndarray) -> np.ndarray:
    """The month number of each day number.

    >>> month_of(np.array([0, 31, 59])).tolist()
    [0, 1, 2]
    """
    return np.asarray(days, dtype=np.int64).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def group_of(isco: np.ndarray, level: int) -> np.ndarray:
    """The ISCO-08 group at `level` (1-4) of unit groups given as integers: 9211 at level 2 is 92.

    >>> group_of(np.array([9211, 110]), 1).tolist()
    [9, 0]
    """
    if level not in ISCO_LEVELS:
        raise InvalidParameter("level", level, "ISCO-08 levels are 1, 2, 3 and 4")
    return np.asarray(isco, dtype=np.int64) // 10 ** (4 - level)


def group_code(group: int, level: int) -> str:
    """An integer group at a level as its ISCO-08 code: (110, 4) -> '0110'; (0, 1) -> '0'.

    >>> group_code(92, 2)
    '92'
    """
    return f"{group:0{level}d}"


@dataclass(frozen=True, eq=False)
class MarketTable:
    """One row per (country, group, month) with any supply or demand; counts by sex have columns F, M, _T.

    `tightness` is NaN where nothing is open and nobody is available, inf where positions are open and nobody is.
    `fill_rate` and `median_days_to_fill` are NaN where no position was published in the month (or none filled).
    """

    level: int
    country: np.ndarray
    group: np.ndarray
    month: np.ndarray
    supply: np.ndarray  # (n, 3) F, M, _T
    open_positions: np.ndarray
    new_positions: np.ndarray
    filled: np.ndarray  # (n, 3) F, M, _T
    cohort_positions: np.ndarray
    cohort_filled: np.ndarray
    fill_rate: np.ndarray
    median_days_to_fill: np.ndarray
    tightness: np.ndarray
    classification: np.ndarray

    def __len__(self) -> int:
        return len(self.country)

    def take(self, rows: np.ndarray) -> "MarketTable":
        """The table restricted to `rows` (a boolean mask or indices)."""
        return MarketTable(
            level=self.level,
            **{
                name: getattr(self, name)[rows]
                for name in (
                    "country",
                    "group",
                    "month",
                    "supply",
                    "open_positions",
                    "new_positions",
                    "filled",
                    "cohort_positions",
                    "cohort_filled",
                    "fill_rate",
                    "median_days_to_fill",
                    "tightness",
                    "classification",
                )
            },
        )


def _sex_columns(sex: np.ndarray) -> np.ndarray:
    """Indicator columns F, M, _T for each row: (n, 3) of 0/1."""
    columns = np.zeros((len(sex), 3), dtype=np.int64)
    columns[sex == FEMALE, 0] = 1
    columns[sex == MALE, 1] = 1
    columns[:, 2] = 1
    return columns


def days_to_fill(vacancies: Vacancies, hires: Hires) -> np.ndarray:
    """Days from publication to the day the last position was filled, or the vacancy closed as filled (NaN if not).

    >>> v = Vacancies.build([0, 0], [9211, 9211], [2, 1], [10, 10], [NO_END, 40], [False, True])
    >>> days_to_fill(v, Hires.build([0, 0], [0, 1], [14, 20], n_vacancies=2)).tolist()
    [10.0, 30.0]
    """
    n = len(vacancies.positions)
    filled_on = np.full(n, np.nan)
    if len(hires.vacancy):
        order = np.lexsort((hires.accepted, hires.vacancy))
        by_vacancy, accepted = hires.vacancy[order], hires.accepted[order]
        starts = np.searchsorted(by_vacancy, np.arange(n), side="left")
        counts = np.bincount(by_vacancy, minlength=n)
        full = (counts >= vacancies.positions) & (vacancies.positions > 0)
        last = starts[full] + vacancies.positions[full] - 1
        filled_on[full] = accepted[last]
    closed = np.isnan(filled_on) & vacancies.closed_as_filled
    filled_on[closed] = vacancies.closed[closed]
    return filled_on - vacancies.published


def market_table(
    workers: Workers,
    vacancies: Vacancies,
    hires: Hires,
    months: Sequence[int] | np.ndarray,
    level: int = 4,
    thresholds: Thresholds | None = None,
) -> MarketTable:
    """Supply, demand, tightness and their class for every (country, ISCO group at `level`, month in `months`).

    >>> w = Workers.build([0, 0], [0, 1], [0, 0], [NO_END, NO_END], [0, 1], [9211, 9211])
    >>> v = Vacancies.build([1], [9211], [3], [5], [NO_END], [False])
    >>> t = market_table(w, v, Hires.build([], [], [], n_vacancies=1), months=[0], level=1)
    >>> t.country.tolist(), t.group.tolist(), t.supply.tolist(), t.open_positions.tolist()
    ([0, 1], [9, 9], [[1, 1, 2], [0, 0, 0]], [0, 3])
    """
    thresholds = thresholds or Thresholds()
    month_numbers = np.unique(_ints(months, "months"))
    ends = month_ends(month_numbers)
    n_months = len(month_numbers)
    n_vacancies = len(vacancies.positions)

    # Supply: one row per distinct (worker, group), available on each month's reference day.
    pair_group = group_of(workers.occupation_isco, level)
    pairs = np.unique(np.stack([workers.occupation_worker, pair_group], axis=1), axis=0).reshape(-1, 2)
    pair_worker, pair_group = pairs[:, 0], pairs[:, 1]
    available = (workers.available_from[pair_worker, None] <= ends[None, :]) & (
        workers.available_to[pair_worker, None] >= ends[None, :]
    )
    row, col = np.nonzero(available)
    supply_keys = np.stack([workers.origin[pair_worker[row]], pair_group[row], month_numbers[col]], axis=1)
    supply_sex = _sex_columns(workers.sex[pair_worker[row]])

    # Open positions on each reference day.
    vacancy_group = group_of(vacancies.isco, level)
    open_on = (vacancies.published[:, None] <= ends[None, :]) & (vacancies.closed[:, None] >= ends[None, :])
    taken = np.zeros((n_vacancies, n_months), dtype=np.int64)
    if len(hires.vacancy):
        month_index = np.searchsorted(ends, hires.accepted, side="left")  # first reference day on or after
        inside = month_index < n_months
        np.add.at(taken, (hires.vacancy[inside], month_index[inside]), 1)
        taken = np.cumsum(taken, axis=1)
    remaining = np.where(open_on, np.maximum(vacancies.positions[:, None] - taken, 0), 0)
    row, col = np.nonzero(remaining)
    open_keys = np.stack([vacancies.destination[row], vacancy_group[row], month_numbers[col]], axis=1)
    open_values = remaining[row, col]

    # Flows of the month: new positions, the cohort's fill, and the placements accepted in the month.
    published_month = month_of(vacancies.published)
    in_range = np.isin(published_month, month_numbers)
    cohort_keys = np.stack([vacancies.destination, vacancy_group, published_month], axis=1)[in_range]
    cohort_positions = vacancies.positions[in_range]
    hires_per_vacancy = np.bincount(hires.vacancy, minlength=n_vacancies)
    cohort_filled = np.minimum(hires_per_vacancy, vacancies.positions)[in_range]
    cohort_days = days_to_fill(vacancies, hires)[in_range]

    hire_month = month_of(hires.accepted)
    hired_in_range = np.isin(hire_month, month_numbers)
    hire_keys = np.stack([vacancies.destination[hires.vacancy], vacancy_group[hires.vacancy], hire_month], axis=1)[
        hired_in_range
    ]
    hire_sex = _sex_columns(hires.sex[hired_in_range])

    # One row per key seen anywhere, then every measure summed onto it.
    all_keys = np.concatenate(
        [supply_keys, open_keys, cohort_keys, hire_keys, np.zeros((0, 3), dtype=np.int64)], axis=0
    ).astype(np.int64)
    keys, inverse = np.unique(all_keys, axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    n = len(keys)
    bounds = np.cumsum([0, len(supply_keys), len(open_keys), len(cohort_keys), len(hire_keys)])
    at = [inverse[bounds[i] : bounds[i + 1]] for i in range(4)]

    supply = np.zeros((n, 3), dtype=np.int64)
    np.add.at(supply, at[0], supply_sex)
    open_positions = np.bincount(at[1], weights=open_values, minlength=n).astype(np.int64)
    new_positions = np.bincount(at[2], weights=cohort_positions, minlength=n).astype(np.int64)
    cohort_filled_sum = np.bincount(at[2], weights=cohort_filled, minlength=n).astype(np.int64)
    filled = np.zeros((n, 3), dtype=np.int64)
    np.add.at(filled, at[3], hire_sex)

    median_days = np.full(n, np.nan)
    done = ~np.isnan(cohort_days)
    if done.any():
        cells, days = at[2][done], cohort_days[done]
        order = np.lexsort((days, cells))
        cells, days = cells[order], days[order]
        unique_cells, first, counts = np.unique(cells, return_index=True, return_counts=True)
        low = days[first + (counts - 1) // 2]
        high = days[first + counts // 2]
        median_days[unique_cells] = (low + high) / 2

    with np.errstate(divide="ignore", invalid="ignore"):
        fill_rate = np.where(new_positions > 0, cohort_filled_sum / np.maximum(new_positions, 1), np.nan)
        tightness = np.where(
            supply[:, 2] > 0,
            open_positions / np.maximum(supply[:, 2], 1),
            np.where(open_positions > 0, np.inf, np.nan),
        )
    return MarketTable(
        level=level,
        country=keys[:, 0] if n else np.zeros(0, dtype=np.int64),
        group=keys[:, 1] if n else np.zeros(0, dtype=np.int64),
        month=keys[:, 2] if n else np.zeros(0, dtype=np.int64),
        supply=supply,
        open_positions=open_positions,
        new_positions=new_positions,
        filled=filled,
        cohort_positions=new_positions.copy(),
        cohort_filled=cohort_filled_sum,
        fill_rate=fill_rate,
        median_days_to_fill=median_days,
        tightness=tightness,
        classification=thresholds.classify(tightness),
    )


def suppressed(counts: np.ndarray, minimum: int = 3) -> np.ndarray:
    """Which counts of (n, 3) F, M, _T rows to hide so that no group of 1 to `minimum - 1` persons shows.

    A count from 1 to minimum-1 is hidden (primary suppression). If F or M is hidden, so is the other sex, since
    _T minus the one shown would give it back (secondary suppression); _T shows if it is large enough.

    >>> suppressed(np.array([[1, 5, 6], [0, 4, 4], [0, 2, 2]])).tolist()
    [[True, True, False], [False, False, False], [True, True, True]]
    """
    if not isinstance(minimum, int) or minimum < 1:
        raise InvalidParameter("minimum", minimum, "must be a positive integer")
    counts = np.asarray(counts)
    hidden = (counts > 0) & (counts < minimum)
    either_sex = hidden[:, 0] | hidden[:, 1]
    hidden[:, 0] |= either_sex
    hidden[:, 1] |= either_sex
    return hidden


@dataclass(frozen=True, eq=False)
class Opportunities:
    """Corridors (origin, destination, group) where the group is in surplus at the origin and in shortage at the
    destination, in one month. `gap` = open positions minus available workers at the destination; `excess` =
    available workers minus open positions at the origin; `size` = the smaller of the two; `origin_supply` (n, 3)
    is the origin's available workers by sex (F, M, _T), `destination_supply` the destination's."""

    origin: np.ndarray
    destination: np.ndarray
    group: np.ndarray
    gap: np.ndarray
    excess: np.ndarray
    size: np.ndarray
    origin_supply: np.ndarray
    destination_supply: np.ndarray
    origin_tightness: np.ndarray
    destination_tightness: np.ndarray

    def __len__(self) -> int:
        return len(self.origin)


def opportunities(table: MarketTable, month: int) -> Opportunities:
    """The corridor opportunity matrix of one month, largest opportunity first.

    >>> w = Workers.build([0] * 4, [0, 0, 1, 1], [0] * 4, [NO_END] * 4, [0, 1, 2, 3], [9211] * 4)
    >>> v = Vacancies.build([1], [9211], [5], [0], [NO_END], [False])
    >>> o = opportunities(market_table(w, v, Hires.build([], [], [], 1), [0]), month=0)
    >>> (int(o.origin[0]), int(o.destination[0]), int(o.gap[0]), int(o.excess[0]), int(o.size[0]))
    (0, 1, 5, 4, 4)
    """
    in_month = table.month == month
    short = np.flatnonzero(in_month & (table.classification == SHORTAGE))
    surplus = np.flatnonzero(in_month & (table.classification == SURPLUS) & (table.supply[:, 2] > 0))
    d_grid, o_grid = np.meshgrid(short, surplus, indexing="ij")
    d_index, o_index = d_grid.ravel(), o_grid.ravel()
    keep = (table.group[d_index] == table.group[o_index]) & (table.country[d_index] != table.country[o_index])
    d_index, o_index = d_index[keep], o_index[keep]
    gap = table.open_positions[d_index] - table.supply[d_index, 2]
    excess = table.supply[o_index, 2] - table.open_positions[o_index]
    size = np.minimum(gap, excess)
    order = np.lexsort((table.country[o_index], table.country[d_index], table.group[d_index], -size))
    d_index, o_index = d_index[order], o_index[order]
    return Opportunities(
        origin=table.country[o_index],
        destination=table.country[d_index],
        group=table.group[d_index],
        gap=gap[order],
        excess=excess[order],
        size=size[order],
        origin_supply=table.supply[o_index],
        destination_supply=table.supply[d_index],
        origin_tightness=table.tightness[o_index],
        destination_tightness=table.tightness[d_index],
    )
