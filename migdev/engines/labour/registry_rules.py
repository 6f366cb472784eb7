"""Pure date and wage arithmetic behind the labour registry's rules: season windows, maximum stay, wage periods.

Plain values in and out; no Django. The registry's eligibility and compliance checks call these.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

WEEKS_PER_YEAR = Decimal(52)
MONTHS_PER_YEAR = Decimal(12)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clipped to the month's last day.

    >>> add_months(date(2025, 1, 31), 1)
    datetime.date(2025, 2, 28)
    """
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def contract_end(start: date, months: int) -> date:
    """The last day of a contract of `months` months starting on `start`.

    >>> contract_end(date(2025, 3, 1), 7)
    datetime.date(2025, 9, 30)
    """
    return add_months(start, months) - timedelta(days=1)


def hours_in_period(period: str, weekly_hours: Decimal) -> Decimal:
    """Working hours in one wage period ("hour", "week", "month", "year") at `weekly_hours` a week.

    A month is 52/12 weeks, as labour statistics convert weekly to monthly pay.
    >>> hours_in_period("month", Decimal(40))
    Decimal('173.3333333333333333333333333')
    """
    if period == "hour":
        return Decimal(1)
    if period == "week":
        return weekly_hours
    if period == "month":
        return weekly_hours * WEEKS_PER_YEAR / MONTHS_PER_YEAR
    if period == "year":
        return weekly_hours * WEEKS_PER_YEAR
    raise ValueError(f"unknown wage period: {period}")


def convert_wage(amount: Decimal, from_period: str, to_period: str, weekly_hours: Decimal) -> Decimal:
    """A wage expressed per `from_period`, converted to `to_period` at `weekly_hours` a week.

    >>> convert_wage(Decimal("15"), "hour", "week", Decimal(40))
    Decimal('600')
    """
    if weekly_hours <= 0:
        raise ValueError("weekly hours must be positive")
    hourly = amount / hours_in_period(from_period, weekly_hours)
    return hourly * hours_in_period(to_period, weekly_hours)


def season_months(start_month: int, end_month: int) -> list[int]:
    """The months of a season window, in order; a window may run over the new year (e.g. 11 to 4).

    >>> season_months(11, 2)
    [11, 12, 1, 2]
    """
    length = (end_month - start_month) % 12 + 1
    return [(start_month - 1 + k) % 12 + 1 for k in range(length)]


def within_season(start_month: int, end_month: int, first_month: int, months: int) -> bool:
    """Whether `months` months of work starting in `first_month` stay inside the season window.

    >>> within_season(4, 10, 5, 6), within_season(4, 10, 5, 7)
    (True, False)
    """
    window = season_months(start_month, end_month)
    if first_month not in window:
        return False
    return window.index(first_month) + max(months, 1) <= len(window)


@dataclass(frozen=True)
class StayExcess:
    """The fullest window found by `longest_stay`: its first day, the days stayed in it and the days allowed."""

    window_start: date
    days_stayed: int
    days_allowed: int

    @property
    def exceeded(self) -> bool:
        return self.days_stayed > self.days_allowed


def _overlap(stay: tuple[date, date], start: date, end: date) -> int:
    """Days of the stay (both ends included) inside [start, end)."""
    first, last = max(stay[0], start), min(stay[1] + timedelta(days=1), end)
    return max((last - first).days, 0)


def longest_months_in_days(months: int) -> int:
    """The most days `months` consecutive calendar months can hold, so a contract of that many months always fits.

    >>> longest_months_in_days(7), longest_months_in_days(1)
    (215, 31)
    """
    return max((add_months(date(2000, month, 1), months) - date(2000, month, 1)).days for month in range(1, 13))


def longest_stay(stays: list[tuple[date, date]], max_months: int, window_months: int) -> StayExcess | None:
    """The window of `window_months` holding the most days of stay, against `max_months` months allowed in it.

    Stays are (first day, last day) pairs. The maximum of a sliding window over intervals is reached with the
    window starting on a stay's first day or ending on a stay's last day, so only those windows are tried.
    `max_months` months allow as many days as the longest run of that many calendar months.
    >>> longest_stay([(date(2024, 4, 1), date(2024, 10, 31))], 7, 11).exceeded
    False
    >>> longest_stay([(date(2023, 4, 1), date(2023, 9, 30)), (date(2024, 1, 1), date(2024, 2, 29))], 7, 11)
    StayExcess(window_start=datetime.date(2023, 4, 1), days_stayed=243, days_allowed=215)
    """
    if not stays:
        return None
    allowed = longest_months_in_days(max_months)
    candidates: set[date] = set()
    for first, last in stays:
        candidates.add(first)
        candidates.add(add_months(last + timedelta(days=1), -window_months))
    worst: StayExcess | None = None
    for start in sorted(candidates):
        end = add_months(start, window_months)
        found = StayExcess(start, sum(_overlap(stay, start, end) for stay in stays), allowed)
        if worst is None or found.days_stayed > worst.days_stayed:
            worst = found
    return worst
