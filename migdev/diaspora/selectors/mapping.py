"""The diaspora map of an origin country: where its emigrants live, by sex, 1990–2020, beside remittance flows.

Read from the statistics store through its selectors only (UN DESA bilateral stocks; the World Bank/KNOMAD 2017
bilateral remittance matrix where the remittances room has loaded it).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from migdev.stats import selectors as stats

if TYPE_CHECKING:
    from migdev.stats.models import Area, Source

REMITTANCE_FLOWS = "remittance-flow-2017"  # ref_area = receiving country, counterpart = sending; USD millions
REMITTANCE_YEAR = "2017"
SEXES = ("_T", "M", "F")


def female_share(female: float | None, total: float | None) -> float | None:
    """Women as a percentage of the total; None where the total is missing or zero."""
    if female is None or not total:
        return None
    return 100.0 * female / total


def growth(first: float | None, last: float | None) -> float | None:
    """Percentage change from `first` to `last`; None where it cannot be computed (missing or zero start)."""
    if first is None or last is None or not first:
        return None
    return 100.0 * (last - first) / first


@dataclass
class Destination:
    """One country where emigrants of the origin live: stock by year and sex, and the remittances it sends."""

    m49: int
    iso3: str
    name: str
    stock: dict[tuple[str, str], float] = field(default_factory=dict)  # (year, sex) -> persons
    remittances: float | None = None  # USD millions sent to the origin in 2017, where known

    def value(self, year: str, sex: str = "_T") -> float | None:
        return self.stock.get((year, sex))

    def female_share(self, year: str) -> float | None:
        return female_share(self.value(year, "F"), self.value(year, "_T"))


@dataclass
class DiasporaMap:
    """Everything the map page, its table, the API and the CSV show about one origin country."""

    origin: "Area"
    years: list[str]
    destinations: list[Destination]
    totals: dict[tuple[str, str], float]  # (year, sex) -> emigrants in all destinations
    remittances_loaded: bool
    sources: list["Source"]

    @property
    def latest_year(self) -> str | None:
        return self.years[-1] if self.years else None

    @property
    def first_year(self) -> str | None:
        return self.years[0] if self.years else None

    def total(self, year: str | None, sex: str = "_T") -> float | None:
        return self.totals.get((year, sex)) if year else None

    def female_share(self, year: str | None) -> float | None:
        return female_share(self.total(year, "F"), self.total(year, "_T")) if year else None

    def growth(self, since: str | None = None) -> float | None:
        """Growth of the diaspora (both sexes) from `since` (default: the first year) to the latest year, in %."""
        return growth(self.total(since or self.first_year), self.total(self.latest_year))

    @property
    def remittance_total(self) -> float | None:
        known = [d.remittances for d in self.destinations if d.remittances is not None]
        return sum(known) if known else None


def diaspora_map(code: str) -> DiasporaMap:
    """The diaspora of the origin `code` (ISO3 or M49): destinations by stock in the latest year, largest first."""
    origin = stats.area_by_code(code)
    key = origin.iso3 or str(origin.m49)
    rows, sources = stats.bilateral_by_partner(stats.BILATERAL, key, as_counterpart=True)
    flows, flow_sources = stats.bilateral_by_partner(REMITTANCE_FLOWS, key, as_counterpart=False)
    by_partner: dict[int, Destination] = {}
    totals: dict[tuple[str, str], float] = defaultdict(float)
    years: set[str] = set()
    for row in rows:
        destination = by_partner.setdefault(
            row.partner_m49, Destination(row.partner_m49, row.partner_iso3, row.partner_name)
        )
        destination.stock[(row.period, row.sex)] = row.value
        totals[(row.period, row.sex)] += row.value
        years.add(row.period)
    for flow in flows:
        if flow.period != REMITTANCE_YEAR or flow.sex != "_T":
            continue
        destination = by_partner.setdefault(
            flow.partner_m49, Destination(flow.partner_m49, flow.partner_iso3, flow.partner_name)
        )
        destination.remittances = (destination.remittances or 0.0) + flow.value
    ordered_years = sorted(years)
    latest = ordered_years[-1] if ordered_years else ""
    destinations = sorted(
        by_partner.values(), key=lambda d: (-(d.value(latest) or 0.0), -(d.remittances or 0.0), d.name)
    )
    return DiasporaMap(
        origin=origin,
        years=ordered_years,
        destinations=destinations,
        totals=dict(totals),
        remittances_loaded=bool(flows),
        sources=sources + [s for s in flow_sources if s not in sources],
    )


def origins() -> list["Area"]:
    """Countries that may be picked as an origin, by name."""
    return sorted(stats.areas("country"), key=lambda a: a.name)
