"""Reads of the labour market measurement: rows gathered in a few queries, computed by engines.labour.market.

Public aggregates only: no worker appears; counts of persons from 1 to MINIMUM_COUNT - 1 are hidden (see
docs/labour-measurement.md).
"""

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from django.db.models import Exists, Min, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from migdev.core.errors import DomainError, NotFound
from migdev.core.models import Country, IscoGroup
from migdev.engines.labour import market
from migdev.labour.models import Consent, Placement, Scheme, Vacancy, WorkerOccupation, WorkerProfile

THRESHOLDS = market.Thresholds()  # tightness >= 1.5 shortage, <= 2/3 surplus
MINIMUM_COUNT = 3  # counts of persons from 1 to 2 are hidden
MAX_MONTHS = 120
SEXES = market.SEXES
CLASSES = market.CLASSES

Basis = Literal["nationality", "residence"]
BASES: tuple[Basis, ...] = ("nationality", "residence")

_EPOCH = dt.date(1970, 1, 1)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_NOT_HIRED = (Placement.State.OFFERED, Placement.State.DECLINED)
_CLOSED = (Vacancy.State.FILLED, Vacancy.State.CLOSED)


@dataclass(frozen=True)
class Place:
    iso3: str
    m49: int
    name: str


@dataclass(frozen=True)
class Occupation:
    code: str
    level: int
    title: str


@dataclass(frozen=True)
class ByPerson:
    """A count of persons by sex; None where hidden (1 or 2 persons, or what would give one back)."""

    F: int | None
    M: int | None
    T: int | None

    def items(self) -> list[tuple[str, int | None]]:
        return [("F", self.F), ("M", self.M), ("_T", self.T)]


@dataclass(frozen=True)
class MarketCell:
    """Supply and demand of one (country, ISCO-08 group, month); the country is origin for supply, destination for
    demand. `tightness` is None where it cannot be shown: nobody available (`no_supply`), or supply hidden."""

    country: Place
    occupation: Occupation
    month: str
    supply: ByPerson
    open_positions: int
    new_positions: int
    filled: ByPerson
    tightness: float | None
    no_supply: bool
    classification: str
    fill_rate: float | None
    median_days_to_fill: float | None


@dataclass(frozen=True)
class Opportunity:
    """An occupation in shortage at the destination and in surplus at the origin in one month, with its sizes."""

    origin: Place
    destination: Place
    occupation: Occupation
    month: str
    gap: int
    excess: int
    size: int
    origin_supply: ByPerson
    origin_tightness: float | None
    destination_tightness: float | None
    schemes: list[str]


@dataclass(frozen=True)
class Market:
    """The measurement of a query: cells sorted by country, group and month; the months measured."""

    level: int
    basis: Basis
    months: list[str]
    cells: list[MarketCell]


# --- parsing ---------------------------------------------------------------------------------------------------------


def _month_number(text: str, field: str) -> int:
    found = _MONTH.match(text.strip())
    if not found or not 1 <= int(found[2]) <= 12:
        raise DomainError(_("%(field)s: %(value)r is not a month (YYYY-MM)") % {"field": field, "value": text}, field)
    return (int(found[1]) - 1970) * 12 + int(found[2]) - 1


def month_label(number: int) -> str:
    """A month number (months since 1970-01) as YYYY-MM."""
    year, month = divmod(int(number), 12)
    return f"{1970 + year:04d}-{month + 1:02d}"


def current_month() -> str:
    today = timezone.localdate()
    return f"{today.year:04d}-{today.month:02d}"


def _day(value: dt.date | dt.datetime | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return (value - _EPOCH).days


def _level_and_group(level: int | None, group: str | None) -> tuple[int, IscoGroup | None]:
    if group:
        found = IscoGroup.objects.filter(pk=group.strip()).first()
        if found is None:
            raise NotFound(_("Unknown ISCO-08 group %(code)r") % {"code": group}, "group")
        if level is not None and level != found.level:
            raise DomainError(
                _("The ISCO-08 group %(code)s is at level %(found)d, not %(level)d")
                % {"code": found.code, "found": found.level, "level": level},
                "level",
            )
        return found.level, found
    level = 1 if level is None else level
    if level not in market.ISCO_LEVELS:
        raise DomainError(_("level: ISCO-08 levels are 1, 2, 3 and 4, not %(level)r") % {"level": level}, "level")
    return level, None


def _country(code: str | None, field: str) -> Country | None:
    if not code:
        return None
    found = Country.objects.filter(pk=code.strip().upper()).first()
    if found is None:
        raise NotFound(_("Unknown country %(code)r (give an ISO 3166-1 alpha-3 code)") % {"code": code}, field)
    return found


def place(code: str) -> Place:
    """A country by its ISO3 code, for the pages."""
    found = _country(code, "country")
    assert found is not None
    return Place(found.iso3, found.m49, found.name)


def _basis(basis: str) -> Basis:
    for known in BASES:
        if basis == known:
            return known
    raise DomainError(_("basis: give nationality or residence, not %(basis)r") % {"basis": basis}, "basis")


def measured_months(start: str | None = None, end: str | None = None) -> list[str]:
    """The months from `start` to `end` (YYYY-MM, both included); by default from the first month with data to now."""
    last = _month_number(end, "to") if end else _month_number(current_month(), "to")
    if start:
        first = _month_number(start, "from")
    else:
        first_day = min(
            (
                d
                for d in (
                    _day(Vacancy.objects.filter(published_at__isnull=False).aggregate(d=Min("published_at"))["d"]),
                    _day(WorkerProfile.objects.aggregate(d=Min("registered_on"))["d"]),
                )
                if d is not None
            ),
            default=None,
        )
        first = int(market.month_of(np.array([first_day]))[0]) if first_day is not None else last
        first = min(max(first, last - MAX_MONTHS + 1), last)
    if last < first:
        raise DomainError(_("to: the last month comes before the first"), "to")
    if last - first + 1 > MAX_MONTHS:
        raise DomainError(_("from: at most %(n)d months at once") % {"n": MAX_MONTHS}, "from")
    return [month_label(m) for m in range(first, last + 1)]


# --- rows into the engine's inputs -----------------------------------------------------------------------------------

_SEX_INDEX = {"F": market.FEMALE, "M": market.MALE}


def _sex(code: str) -> int:
    return _SEX_INDEX.get(code, market.OTHER)


def _counted_workers() -> Iterable[tuple[int, str, str, str, dt.date | None, dt.date | None, dt.date]]:
    """Workers looking for work, except those who withdrew their consent to be counted in statistics (and did not
    give it again): one query."""
    statistics = Consent.objects.filter(worker=OuterRef("pk"), purpose=Consent.Purpose.STATISTICS)
    return (
        WorkerProfile.objects.filter(is_available=True)
        .filter(~Exists(statistics.filter(withdrawn_at__isnull=False)) | Exists(statistics.filter(withdrawn_at=None)))
        .values_list(
            "pk", "nationality_id", "residence_id", "sex_id", "available_from", "available_to", "registered_on"
        )
    )


def _inputs(basis: Basis) -> tuple[market.Workers, market.Vacancies, market.Hires, list[str]]:
    """Workers, published vacancies and accepted placements as engine arrays; countries listed by index. 4 queries."""
    countries: dict[str, int] = {}

    def index(iso3: str) -> int:
        return countries.setdefault(iso3, len(countries))

    worker_index: dict[int, int] = {}
    origin: list[int] = []
    sex: list[int] = []
    start: list[int] = []
    end: list[int] = []
    for pk, nationality, residence, sex_code, available_from, available_to, registered_on in _counted_workers():
        registered = _day(registered_on) or 0
        begin = max(_day(available_from) or registered, registered)
        until = _day(available_to) if available_to else market.NO_END
        if until is None or until < begin:  # available until before registering: on no day
            continue
        worker_index[pk] = len(origin)
        origin.append(index(nationality if basis == "nationality" else residence))
        sex.append(_sex(sex_code))
        start.append(begin)
        end.append(until)
    occ_worker: list[int] = []
    occ_isco: list[int] = []
    for worker_id, isco in WorkerOccupation.objects.filter(worker__is_available=True).values_list(
        "worker_id", "occupation__isco_group_id"
    ):
        if worker_id in worker_index and isco.isdigit() and len(isco) == 4:
            occ_worker.append(worker_index[worker_id])
            occ_isco.append(int(isco))
    workers = market.Workers.build(origin, sex, start, end, occ_worker, occ_isco)

    vacancy_rows = list(
        Vacancy.objects.filter(published_at__isnull=False, isco_group__level=4).values_list(
            "pk", "destination_id", "isco_group_id", "positions", "published_at", "closed_at", "state"
        )
    )
    vacancy_index = {row[0]: i for i, row in enumerate(vacancy_rows)}
    dest: list[int] = []
    isco_codes: list[int] = []
    positions: list[int] = []
    published: list[int] = []
    closed: list[int] = []
    as_filled: list[bool] = []
    for _pk, destination, isco, count, published_at, closed_at, state in vacancy_rows:
        day = _day(published_at) or 0
        dest.append(index(destination))
        isco_codes.append(int(isco))
        positions.append(int(count))
        published.append(day)
        closed.append(max(_day(closed_at) or day, day) if state in _CLOSED else market.NO_END)
        as_filled.append(state == Vacancy.State.FILLED)
    vacancies = market.Vacancies.build(dest, isco_codes, positions, published, closed, as_filled)

    hire_rows = (
        Placement.objects.filter(vacancy_id__in=list(vacancy_index))
        .exclude(state__in=_NOT_HIRED)
        .annotate(accepted_on=Min("events__on", filter=Q(events__state=Placement.State.ACCEPTED)))
        .values_list("vacancy_id", "worker__sex_id", "accepted_on", "offered_on")
    )
    hire_vacancy: list[int] = []
    hire_sex: list[int] = []
    hire_day: list[int] = []
    for vacancy_id, sex_code, accepted_on, offered_on in hire_rows:
        hire_vacancy.append(vacancy_index[vacancy_id])
        hire_sex.append(_sex(sex_code))
        hire_day.append(_day(accepted_on or offered_on) or 0)
    hires = market.Hires.build(hire_vacancy, hire_sex, hire_day, n_vacancies=len(vacancy_rows))
    return workers, vacancies, hires, list(countries)


# --- the measurement -------------------------------------------------------------------------------------------------


def _table(level: int, basis: Basis, months: list[str]) -> tuple[market.MarketTable, list[str]]:
    workers, vacancies, hires, countries = _inputs(basis)
    numbers = [_month_number(m, "month") for m in months]
    return market.market_table(workers, vacancies, hires, numbers, level=level, thresholds=THRESHOLDS), countries


def _names(
    countries: Iterable[str], level: int, groups: Iterable[int]
) -> tuple[dict[str, Place], dict[int, Occupation]]:
    """Country and ISCO-08 names in the request language: two queries."""
    places = {c.iso3: Place(c.iso3, c.m49, c.name) for c in Country.objects.filter(pk__in=set(countries))}
    codes = {market.group_code(g, level): g for g in set(groups)}
    titles = {g.code: g.title for g in IscoGroup.objects.filter(pk__in=list(codes))}
    occupations = {g: Occupation(code, level, titles.get(code, code)) for code, g in codes.items()}
    return places, occupations


def _persons(counts: np.ndarray, hidden: np.ndarray) -> ByPerson:
    shown = [None if hide else int(count) for count, hide in zip(counts, hidden, strict=True)]
    return ByPerson(F=shown[0], M=shown[1], T=shown[2])


def _number(value: float) -> float | None:
    return float(value) if np.isfinite(value) else None


def _group_mask(table: market.MarketTable, group: IscoGroup | None) -> np.ndarray:
    if group is None:
        return np.ones(len(table), dtype=bool)
    return table.group == int(group.code)


def measure(
    *,
    level: int | None = None,
    group: str | None = None,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
    month: str | None = None,
    basis: str = "nationality",
) -> Market:
    """Supply, demand, tightness, class and fill of every (country, ISCO group, month) asked for: six queries.

    `group` (a code at any level) fixes the level; otherwise `level` (default 1) gives every group at that level.
    `month` is a shortcut for start = end = month.
    """
    if month:
        _month_number(month, "month")
        start = end = month
    level, chosen = _level_and_group(level, group)
    place = _country(country, "country")
    counted_on = _basis(basis)
    months = measured_months(start, end)
    table, countries = _table(level, counted_on, months)
    mask = _group_mask(table, chosen)
    if place is not None:
        mask &= np.array([countries[c] == place.iso3 for c in table.country], dtype=bool)
    table = table.take(mask)
    hidden_supply = market.suppressed(table.supply, MINIMUM_COUNT)
    hidden_filled = market.suppressed(table.filled, MINIMUM_COUNT)
    places, occupations = _names((countries[c] for c in table.country), level, table.group.tolist())
    cells = []
    for i in range(len(table)):
        supply_hidden = bool(hidden_supply[i, 2])
        tightness = table.tightness[i]
        cells.append(
            MarketCell(
                country=places[countries[table.country[i]]],
                occupation=occupations[int(table.group[i])],
                month=month_label(table.month[i]),
                supply=_persons(table.supply[i], hidden_supply[i]),
                open_positions=int(table.open_positions[i]),
                new_positions=int(table.new_positions[i]),
                filled=_persons(table.filled[i], hidden_filled[i]),
                tightness=None if supply_hidden else _number(tightness),
                no_supply=bool(np.isinf(tightness)),
                classification=CLASSES[int(table.classification[i])],
                fill_rate=_number(table.fill_rate[i]),
                median_days_to_fill=_number(table.median_days_to_fill[i]),
            )
        )
    cells.sort(key=lambda c: (c.country.name, c.occupation.code, c.month))
    return Market(level=level, basis=counted_on, months=months, cells=cells)


def _schemes_by_corridor(destinations: set[str]) -> list[tuple[str, str, set[str], list[str]]]:
    """Active schemes as (code, destination, eligible origins, eligible ISCO codes): three queries."""
    schemes = Scheme.objects.filter(is_active=True, destination_id__in=destinations).prefetch_related(
        "eligible_origins", "eligible_occupations"
    )
    return [
        (
            s.code,
            s.destination_id,
            {c.pk for c in s.eligible_origins.all()},
            [g.pk for g in s.eligible_occupations.all()],
        )
        for s in schemes
    ]


def _scheme_covers(codes: list[str], group: str) -> bool:
    """A scheme with no occupation list takes every occupation; else one of its groups and `group` must nest."""
    return not codes or any(code.startswith(group) or group.startswith(code) for code in codes)


def opportunity_matrix(
    *, month: str | None = None, level: int | None = None, group: str | None = None, basis: str = "nationality"
) -> list[Opportunity]:
    """Occupations in shortage at a destination and in surplus at an origin in one month, largest first."""
    level, chosen = _level_and_group(level, group)
    counted_on = _basis(basis)
    label = month or current_month()
    number = _month_number(label, "month")
    table, countries = _table(level, counted_on, [label])
    found = market.opportunities(table.take(_group_mask(table, chosen)), number)
    places, occupations = _names(
        [countries[c] for c in np.concatenate([found.origin, found.destination])], level, found.group.tolist()
    )
    schemes = _schemes_by_corridor({countries[d] for d in found.destination})
    hidden = market.suppressed(found.origin_supply, MINIMUM_COUNT)
    # The sizes would give back a count of 1 or 2 available workers at either end: such corridors are left out.
    shown = ~hidden[:, 2] & ~market.suppressed(found.destination_supply, MINIMUM_COUNT)[:, 2]
    result = []
    for i in np.flatnonzero(shown):
        origin, destination = countries[found.origin[i]], countries[found.destination[i]]
        occupation = occupations[int(found.group[i])]
        result.append(
            Opportunity(
                origin=places[origin],
                destination=places[destination],
                occupation=occupation,
                month=label,
                gap=int(found.gap[i]),
                excess=int(found.excess[i]),
                size=int(found.size[i]),
                origin_supply=_persons(found.origin_supply[i], hidden[i]),
                origin_tightness=_number(found.origin_tightness[i]),
                destination_tightness=_number(found.destination_tightness[i]),
                schemes=sorted(
                    code
                    for code, scheme_destination, origins, groups in schemes
                    if scheme_destination == destination
                    and origin in origins
                    and _scheme_covers(groups, occupation.code)
                ),
            )
        )
    return result


def isco_groups(level: int) -> list[Occupation]:
    """The ISCO-08 groups of a level, for the forms."""
    if level not in market.ISCO_LEVELS:
        raise DomainError(_("level: ISCO-08 levels are 1, 2, 3 and 4, not %(level)r") % {"level": level}, "level")
    return [Occupation(g.code, g.level, g.title) for g in IscoGroup.objects.filter(level=level).order_by("code")]


@dataclass(frozen=True)
class MarketMap:
    """One ISCO group in one month, a cell per country; `groups` are the groups with figures that month."""

    level: int
    group: Occupation | None
    month: str
    basis: Basis
    cells: list[MarketCell]
    groups: list[Occupation]


def market_map(
    *, month: str | None = None, level: int | None = None, group: str | None = None, basis: str = "nationality"
) -> MarketMap:
    """The figures of a map: every country for one group (by default the one with the most open positions)."""
    label = month or current_month()
    if group:
        level, _chosen = _level_and_group(level, group)
    whole = measure(level=level, start=label, end=label, basis=basis)
    weight: dict[str, int] = {}
    groups: dict[str, Occupation] = {}
    for cell in whole.cells:
        groups[cell.occupation.code] = cell.occupation
        weight[cell.occupation.code] = weight.get(cell.occupation.code, 0) + cell.open_positions
    code = group.strip() if group else max(sorted(weight), key=lambda c: weight[c], default=None)
    chosen = groups.get(code) if code else None
    if chosen is None and code:
        chosen = next((g for g in isco_groups(whole.level) if g.code == code), None)
    return MarketMap(
        level=whole.level,
        group=chosen,
        month=label,
        basis=whole.basis,
        cells=[c for c in whole.cells if chosen is not None and c.occupation.code == chosen.code],
        groups=sorted(groups.values(), key=lambda g: g.code),
    )
