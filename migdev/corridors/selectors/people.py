"""People: the corridor's migrant stock by sex, 1990–2020, and its share of the origin's emigrants and of the
destination's immigrants (UN DESA, read through `stats.selectors`)."""

from collections import defaultdict
from dataclasses import dataclass, field

from migdev.core.errors import NotFound
from migdev.corridors.pairs import Pair
from migdev.corridors.selectors.blocks import Block
from migdev.stats import selectors as stats

SEX_ORDER = {"_T": 0, "M": 1, "F": 2}


@dataclass(frozen=True)
class StockPoint:
    year: str
    sex: str  # _T both sexes, M, F (as in the statistics API)
    value: float


@dataclass(frozen=True)
class People(Block):
    stock: list[StockPoint] = field(default_factory=list)
    year: str = ""  # the latest year of the corridor's stock
    total: float | None = None
    female_share: float | None = None  # per cent of the corridor's migrants
    share_of_emigrants: float | None = None  # per cent of the origin's emigrants (in countries) living there
    share_of_immigrants: float | None = None  # per cent of the destination's immigrants born in the origin
    attribution: str = ""


def _percent(part: float | None, whole: float | None) -> float | None:
    return 100.0 * part / whole if part is not None and whole else None


def people(pair: Pair) -> People:
    origin, destination = pair.origin.iso3, pair.destination.iso3
    try:
        rows, sources = stats.bilateral_by_partner(stats.BILATERAL, origin, as_counterpart=True)
        profile = stats.country_profile(destination)
    except NotFound:
        return People(source="UN DESA", as_of="", has_data=False)
    stock = sorted(
        (StockPoint(r.period, r.sex, r.value) for r in rows if r.partner_iso3 == destination),
        key=lambda p: (p.year, SEX_ORDER.get(p.sex, 9)),
    )
    if not stock:
        return People(source="UN DESA", as_of="", has_data=False)
    emigrants: dict[str, float] = defaultdict(float)
    for r in rows:
        if r.partner_iso3 and r.sex == "_T":  # countries only: aggregates have no ISO3 code
            emigrants[r.period] += r.value
    year = stock[-1].year
    latest = {p.sex: p.value for p in stock if p.year == year}
    immigrants = next((p.value for p in profile.immigrant_stock if p.year == year and p.sex == "_T"), None)
    source = next((s for s in sources), None)
    return People(
        source=source.title if source else "UN DESA",
        as_of=year,
        has_data=True,
        stock=stock,
        year=year,
        total=latest.get("_T"),
        female_share=_percent(latest.get("F"), latest.get("_T")),
        share_of_emigrants=_percent(latest.get("_T"), emigrants.get(year)),
        share_of_immigrants=_percent(latest.get("_T"), immigrants),
        attribution=source.attribution if source else "",
    )
