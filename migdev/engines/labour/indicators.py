"""Protection and circular-migration indicators on plain data: SDG 10.7.1 (recruitment cost) and circular KPIs.

SDG indicator 10.7.1, "recruitment cost borne by employee as a proportion of monthly income earned in country of
destination" (ILO/World Bank KNOMAD, SDG metadata 10.7.1): for each worker k, C_k / E_k, where C_k is what the worker
paid to be recruited and E_k the monthly earnings in the destination, both in the wage currency. The figures reported
are the mean, the median and the 4th quintile (the 80th percentile) over the workers of a group.

Percentiles interpolate linearly between order statistics (Hyndman & Fan type 7, as numpy's default and Excel's
PERCENTILE.INC): the p-th percentile of sorted x_0..x_{n-1} is x_i + (x_{i+1} - x_i) * f where i + f = p * (n - 1).

Groups with fewer than `min_group_size` workers (default 3) are suppressed: their n is given, their figures are not,
so that no single worker's costs can be read from a published aggregate.
"""

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from math import floor, isfinite

HOURS_WEEKS_PER_MONTH = 52 / 12
MONTH_DAYS = 365.25 / 12
DEFAULT_MIN_GROUP_SIZE = 3
SEXES = ("F", "M")


class IndicatorInputError(ValueError):
    """An input row cannot be used; `parameter` names the value at fault."""

    def __init__(self, message: str, parameter: str) -> None:
        super().__init__(message)
        self.parameter = parameter


# ---------------------------------------------------------------------------------------------------------------------
# SDG 10.7.1


def monthly_earnings(wage_amount: float, wage_period: str, weekly_hours: float) -> float:
    """A wage converted to a month: per hour × weekly hours × 52/12, per week × 52/12, per year / 12.

    >>> monthly_earnings(15.0, "hour", 40)
    2600.0
    >>> monthly_earnings(1200.0, "year", 40)
    100.0
    """
    if not isfinite(wage_amount) or wage_amount <= 0:
        raise IndicatorInputError("The wage must be a positive number.", "wage_amount")
    if wage_period == "hour":
        if not isfinite(weekly_hours) or weekly_hours <= 0:
            raise IndicatorInputError("An hourly wage needs positive weekly hours.", "weekly_hours")
        return wage_amount * weekly_hours * HOURS_WEEKS_PER_MONTH
    if wage_period == "week":
        return wage_amount * HOURS_WEEKS_PER_MONTH
    if wage_period == "month":
        return wage_amount
    if wage_period == "year":
        return wage_amount / 12
    raise IndicatorInputError(f"Unknown wage period: {wage_period}", "wage_period")


@dataclass(frozen=True)
class RecruitmentCostRow:
    """One worker's season: who (sex), where (corridor), what (ISCO code), the costs paid and the wage earned."""

    sex: str
    origin: str
    destination: str
    occupation: str
    season: int
    cost_paid: float  # C_k, in the wage currency
    wage_amount: float
    wage_period: str
    weekly_hours: float

    @property
    def monthly_earnings(self) -> float:
        return monthly_earnings(self.wage_amount, self.wage_period, self.weekly_hours)

    @property
    def cost_share(self) -> float:
        """C_k / E_k."""
        if not isfinite(self.cost_paid) or self.cost_paid < 0:
            raise IndicatorInputError("The cost paid must be zero or more.", "cost_paid")
        return self.cost_paid / self.monthly_earnings


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0 ≤ p ≤ 1), interpolating linearly between order statistics (type 7).

    >>> percentile([0.0, 1.0, 2.0, 3.0, 4.0], 0.8)
    3.2
    """
    if not values:
        raise IndicatorInputError("No values.", "values")
    if not 0 <= p <= 1:
        raise IndicatorInputError("The percentile must be between 0 and 1.", "p")
    ordered = sorted(values)
    position = p * (len(ordered) - 1)
    low = floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Summary:
    """Mean, median and 4th quintile of a group's cost shares; None where the group is suppressed (n too small)."""

    n: int
    mean: float | None
    median: float | None
    q4: float | None

    @property
    def suppressed(self) -> bool:
        return self.n > 0 and self.mean is None


def summarise(values: Sequence[float], min_group_size: int = DEFAULT_MIN_GROUP_SIZE) -> Summary:
    """The figures of one group; groups smaller than `min_group_size` keep their n but show no figures.

    >>> summarise([0.0, 1.0, 2.0, 3.0, 4.0])
    Summary(n=5, mean=2.0, median=2.0, q4=3.2)
    >>> summarise([0.5, 1.0])
    Summary(n=2, mean=None, median=None, q4=None)
    """
    if min_group_size < 1:
        raise IndicatorInputError("The minimum group size must be at least 1.", "min_group_size")
    n = len(values)
    if n == 0 or n < min_group_size:
        return Summary(n=n, mean=None, median=None, q4=None)
    return Summary(n=n, mean=sum(values) / n, median=percentile(values, 0.5), q4=percentile(values, 0.8))


@dataclass(frozen=True)
class RecruitmentCostReport:
    """SDG 10.7.1 over a set of workers, overall and by sex, corridor ("PHL→CAN") and occupation (ISCO code)."""

    total: Summary
    by_sex: dict[str, Summary]
    by_corridor: dict[str, Summary]
    by_occupation: dict[str, Summary]
    by_corridor_and_sex: dict[str, dict[str, Summary]] = field(default_factory=dict)


def recruitment_cost(
    rows: Iterable[RecruitmentCostRow], min_group_size: int = DEFAULT_MIN_GROUP_SIZE
) -> RecruitmentCostReport:
    """SDG 10.7.1: mean, median and 4th quintile of C_k / E_k, overall and by sex, corridor and occupation.

    F and M are always reported (n = 0 when there is nobody); other sex codes count in the total only.

    >>> rows = [RecruitmentCostRow("F", "PHL", "CAN", "9111", 2024, c, 2000.0, "month", 40) for c in (0, 500, 1000)]
    >>> report = recruitment_cost(rows)
    >>> report.total.median, report.by_sex["F"].n, report.by_sex["M"].n
    (0.25, 3, 0)
    """
    shares: list[float] = []
    by_sex: dict[str, list[float]] = {sex: [] for sex in SEXES}
    by_corridor: dict[str, list[float]] = defaultdict(list)
    by_occupation: dict[str, list[float]] = defaultdict(list)
    by_corridor_and_sex: dict[str, dict[str, list[float]]] = defaultdict(lambda: {sex: [] for sex in SEXES})
    for row in rows:
        share = row.cost_share
        corridor = f"{row.origin}→{row.destination}"
        shares.append(share)
        by_corridor[corridor].append(share)
        by_occupation[row.occupation].append(share)
        if row.sex in by_sex:
            by_sex[row.sex].append(share)
            by_corridor_and_sex[corridor][row.sex].append(share)
    return RecruitmentCostReport(
        total=summarise(shares, min_group_size),
        by_sex={sex: summarise(values, min_group_size) for sex, values in by_sex.items()},
        by_corridor={key: summarise(by_corridor[key], min_group_size) for key in sorted(by_corridor)},
        by_occupation={key: summarise(by_occupation[key], min_group_size) for key in sorted(by_occupation)},
        by_corridor_and_sex={
            key: {sex: summarise(values, min_group_size) for sex, values in groups.items()}
            for key, groups in sorted(by_corridor_and_sex.items())
        },
    )


# ---------------------------------------------------------------------------------------------------------------------
# Circular migration

ENDED_NORMALLY = ("completed", "returned")
NEVER_LEFT = ("offered", "accepted", "contract_origin", "declined")


@dataclass(frozen=True)
class SeasonRecord:
    """One placement (a worker's season) as the circular KPIs see it."""

    worker: Hashable
    employer: Hashable
    scheme: str
    origin: str
    destination: str
    sex: str
    season: int
    state: str
    named_request: bool = False
    departed_on: date | None = None
    completed_on: date | None = None
    due_return_on: date | None = None
    returned_on: date | None = None

    @property
    def went_abroad(self) -> bool:
        return self.state not in NEVER_LEFT

    @property
    def corridor(self) -> str:
        return f"{self.origin}→{self.destination}"


@dataclass(frozen=True)
class CircularKpis:
    """Circular-migration KPIs of a group of placements; a rate is None where its denominator is 0.

    - return_rate: placements returned on or before the due date / placements completed or returned;
    - rehire_rate: workers with 2+ seasons / workers who went abroad at least once;
    - same_employer_rehire_share: returning seasons (a worker's 2nd or later) with the employer of the worker's
      previous season / all returning seasons;
    - named_request_share: placements the employer asked for by name / all placements that went abroad;
    - mean_months_between_seasons: mean gap, in months of 365.25/12 days, from the return (or completion) of a season
      to the departure of the same worker's next season;
    - overstay_rate: placements not returned by their due date / placements abroad whose due date is on or before
      `as_of`.
    """

    placements: int
    workers: int
    return_rate: float | None
    rehire_rate: float | None
    same_employer_rehire_share: float | None
    named_request_share: float | None
    mean_months_between_seasons: float | None
    overstay_rate: float | None


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def circular_kpis(records: Iterable[SeasonRecord], as_of: date) -> CircularKpis:
    """The circular KPIs of a group of placements, with due dates judged on `as_of`.

    >>> a = SeasonRecord("w1", "e1", "s", "MEX", "CAN", "M", 2023, "returned", departed_on=date(2023, 5, 1),
    ...                  completed_on=date(2023, 10, 1), due_return_on=date(2023, 10, 15),
    ...                  returned_on=date(2023, 10, 5))
    >>> b = SeasonRecord("w1", "e1", "s", "MEX", "CAN", "M", 2024, "arrived", named_request=True,
    ...                  departed_on=date(2024, 4, 5))
    >>> kpis = circular_kpis([a, b], as_of=date(2024, 6, 1))
    >>> kpis.return_rate, kpis.rehire_rate, kpis.same_employer_rehire_share, kpis.named_request_share
    (1.0, 1.0, 1.0, 0.5)
    """
    abroad = [r for r in records if r.went_abroad]
    ended = [r for r in abroad if r.state in ENDED_NORMALLY]
    on_time = [
        r for r in ended if r.returned_on is not None and (r.due_return_on is None or r.returned_on <= r.due_return_on)
    ]
    due = [r for r in abroad if r.due_return_on is not None and r.due_return_on <= as_of]
    overstayed = [
        r for r in due if r.returned_on is None or (r.due_return_on is not None and r.returned_on > r.due_return_on)
    ]
    seasons_of: dict[Hashable, list[SeasonRecord]] = defaultdict(list)
    for record in abroad:
        seasons_of[record.worker].append(record)
    rehired = 0
    returning = 0
    same_employer = 0
    gaps: list[float] = []
    for seasons in seasons_of.values():
        seasons.sort(key=lambda r: (r.season, r.departed_on or date.min))
        if len({r.season for r in seasons}) >= 2:
            rehired += 1
        for previous, current in pairwise(seasons):
            returning += 1
            same_employer += previous.employer == current.employer
            back = previous.returned_on or previous.completed_on
            if back is not None and current.departed_on is not None and current.departed_on >= back:
                gaps.append((current.departed_on - back).days / MONTH_DAYS)
    return CircularKpis(
        placements=len(abroad),
        workers=len(seasons_of),
        return_rate=_ratio(len(on_time), len(ended)),
        rehire_rate=_ratio(rehired, len(seasons_of)),
        same_employer_rehire_share=_ratio(same_employer, returning),
        named_request_share=_ratio(sum(r.named_request for r in abroad), len(abroad)),
        mean_months_between_seasons=sum(gaps) / len(gaps) if gaps else None,
        overstay_rate=_ratio(len(overstayed), len(due)),
    )


def circular_kpis_by(
    records: Iterable[SeasonRecord], key: Callable[[SeasonRecord], str], as_of: date
) -> dict[str, CircularKpis]:
    """The circular KPIs of each group of placements, `key` giving a placement's group (a scheme, a corridor, a sex).

    A worker's seasons in different groups count in each group separately (a re-hire is within the group).
    """
    groups: dict[str, list[SeasonRecord]] = defaultdict(list)
    for record in records:
        groups[key(record)].append(record)
    return {name: circular_kpis(groups[name], as_of) for name in sorted(groups)}


def suppress_small(kpis: CircularKpis, min_group_size: int = DEFAULT_MIN_GROUP_SIZE) -> CircularKpis:
    """The KPIs with every rate hidden when fewer than `min_group_size` workers are behind them (for the public).

    >>> one = circular_kpis([SeasonRecord("w", "e", "s", "MEX", "CAN", "F", 2024, "departed")], date(2024, 1, 1))
    >>> suppress_small(one).named_request_share is None
    True
    """
    if kpis.workers >= min_group_size:
        return kpis
    return CircularKpis(kpis.placements, kpis.workers, None, None, None, None, None, None)
