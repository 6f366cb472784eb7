"""The ranking of every corridor with a migrant stock: stock, female share, instruments in common, remittance cost
and schemes, computed over all pairs at once (a handful of queries) and cached until the data changes."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from migdev.core.caching import cached
from migdev.core.errors import DomainError
from migdev.core.models import Country, Region
from migdev.labour.selectors import corridor as labour
from migdev.law.selectors import corridor as law
from migdev.remittances.selectors import indicators
from migdev.stats import selectors as stats

COLUMNS = ("stock", "female_share", "instruments", "cost", "schemes")


@dataclass(frozen=True)
class Row:
    origin: str  # ISO3
    destination: str
    year: str
    stock: float
    female_share: float | None
    instruments: int  # binding instruments both are party to
    cost: float | None  # latest corridor average for USD 200 (destination sends to origin), per cent
    cost_period: str
    schemes: int  # active schemes of the destination open to the origin's nationals


def _latest_costs() -> dict[tuple[str, str], tuple[float, str]]:
    latest: dict[tuple[str, str], tuple[float, str]] = {}
    for value in indicators.corridor_averages():
        sending, receiving = value.group
        if (receiving, sending) not in latest or latest[(receiving, sending)][1] < value.period:
            latest[(receiving, sending)] = (value.value, value.period)
    return latest


def _compute() -> list[Row]:
    indicator = stats.indicator_by_code(stats.BILATERAL) if stats.indicators().filter(code=stats.BILATERAL) else None
    years = stats.periods(indicator) if indicator else []
    if not years:
        return []
    year = years[-1]
    totals = stats.bilateral_values_of_sex(stats.BILATERAL, year, "_T")  # (destination, origin) -> persons
    females = stats.bilateral_values_of_sex(stats.BILATERAL, year, "F")
    parties = law.parties_by_country()
    costs = _latest_costs()
    rows = []
    for (destination, origin), stock in totals.items():
        if stock <= 0:
            continue
        female = females.get((destination, origin))
        cost = costs.get((origin, destination))
        rows.append(
            Row(
                origin,
                destination,
                year,
                stock,
                100.0 * female / stock if female is not None else None,
                len(parties.get(origin, set()) & parties.get(destination, set())),
                cost[0] if cost else None,
                cost[1] if cost else "",
                0,
            )
        )
    rows.sort(key=lambda r: (-r.stock, r.origin, r.destination))
    return rows


def ranking() -> list[Row]:
    """Every corridor with a positive stock in the latest year, largest first; schemes are read live (one query)."""
    rows = cached("corridors:ranking", _compute, per_language=False)
    schemes = labour.active_schemes_by_pair()
    if not schemes:
        return rows
    return [
        Row(
            r.origin,
            r.destination,
            r.year,
            r.stock,
            r.female_share,
            r.instruments,
            r.cost,
            r.cost_period,
            schemes.get((r.origin, r.destination), 0),
        )
        for r in rows
    ]


Names = dict[str, tuple[str, int | None, int | None, int]]


def country_regions() -> Names:
    """{ISO3: (name, region M49, sub-region M49, own M49)} in the active language, one query."""
    return {
        c.iso3: (c.name, c.subregion.parent_id if c.subregion else None, c.subregion_id, c.m49)
        for c in Country.objects.select_related("subregion")
    }


@dataclass(frozen=True)
class RankingQuery:
    sort: str = "stock"
    descending: bool = True
    origin_region: int | None = None  # an M49 region or sub-region the origin belongs to
    destination_region: int | None = None


def ranked(query: RankingQuery) -> tuple[list[Row], Names]:
    """The ranking filtered by regions and sorted by one column (empty values last), with the countries' names."""
    if query.sort not in COLUMNS:
        raise DomainError(_("Sort by one of: %(columns)s.") % {"columns": ", ".join(COLUMNS)}, "sort")
    countries = country_regions()

    def within(iso3: str, region: int | None) -> bool:
        if region is None:
            return True
        _name, parent, sub, _m49 = countries.get(iso3, ("", None, None, 0))
        return region in (parent, sub)

    rows = [
        r
        for r in ranking()
        if within(r.origin, query.origin_region) and within(r.destination, query.destination_region)
    ]
    present = [r for r in rows if getattr(r, query.sort) is not None]
    absent = [r for r in rows if getattr(r, query.sort) is None]
    present.sort(key=lambda r: getattr(r, query.sort), reverse=query.descending)
    return present + absent, countries


def regions() -> list[Region]:
    """The M49 regions and sub-regions a ranking may be filtered by, by name."""
    return list(Region.objects.filter(kind__in=("region", "subregion")).order_by("name"))
