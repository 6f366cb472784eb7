"""Reads of the statistics store: country profiles, map values, series and lists, each in a few queries."""

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import CharField, Max, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from migdev.core.caching import cached
from migdev.core.errors import NotFound
from migdev.stats.models import Area, Indicator, Observation, Source

STOCK = "migrant-stock"
POPULATION = "population"
STOCK_SHARE = "migrant-stock-share"
FEMALE_SHARE = "migrant-female-share"
BILATERAL = "migrant-stock-bilateral"
SEX_ORDER = {"_T": 0, "M": 1, "F": 2}


@dataclass(frozen=True)
class Point:
    """One figure of a series: year, sex code (F, M, _T), value, and the source it comes from."""

    year: str
    sex: str
    value: float
    source: str  # Source.code


@dataclass(frozen=True)
class Partner:
    """A country of origin (or destination) of the migrants of a profile, with its stock."""

    m49: int
    iso3: str
    name: str
    value: float
    year: str
    source: str


@dataclass
class CountryProfile:
    area: Area
    immigrant_stock: list[Point] = field(default_factory=list)
    female_share: list[Point] = field(default_factory=list)
    share_of_population: list[Point] = field(default_factory=list)
    population: list[Point] = field(default_factory=list)
    top_origins: list[Partner] = field(default_factory=list)
    top_destinations: list[Partner] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def latest(self, series: str, sex: str = "_T") -> Point | None:
        points = [p for p in getattr(self, series) if p.sex == sex]
        return points[-1] if points else None


def area_by_code(code: str) -> Area:
    """The area for an ISO3 code (countries) or an M49 code (countries and aggregates such as 900 World)."""
    code = code.strip()
    area: Area | None
    if code.isdigit():
        area = Area.objects.filter(m49=int(code)).first()
    else:
        area = Area.objects.filter(iso3=code.upper()).first() if len(code) == 3 else None
    if area is None:
        raise NotFound(f"No statistics for the area {code!r} (give an ISO 3166-1 alpha-3 or M49 code)", "iso3")
    return area


def country_profile(code: str, top: int = 10) -> CountryProfile:
    """Immigrant stock by sex over time, shares, population, top origins and destinations (cached until the data
    changes; six queries when computed)."""
    return cached(f"stats:profile:{code.strip().upper()}:{top}", lambda: _country_profile(code, top))


def _country_profile(code: str, top: int) -> CountryProfile:
    area = area_by_code(code)
    profile = CountryProfile(area=area)
    series = {STOCK: profile.immigrant_stock, FEMALE_SHARE: profile.female_share}
    series |= {STOCK_SHARE: profile.share_of_population, POPULATION: profile.population}
    rows = (
        Observation.objects.filter(ref_area=area, counterpart_area__isnull=True, indicator__code__in=list(series))
        .values_list("indicator__code", "period", "sex_id", "value", "source__code")
        .order_by("period")
    )
    source_codes: set[str] = set()
    for indicator, period, sex, value, source in rows:
        series[indicator].append(Point(period, sex, value, source))
        source_codes.add(source)
    for points in series.values():
        points.sort(key=lambda p: (p.year, SEX_ORDER.get(p.sex, 9)))
    profile.top_origins = _top_partners(area, top, origins=True)
    profile.top_destinations = _top_partners(area, top, origins=False)
    source_codes |= {p.source for p in profile.top_origins + profile.top_destinations}
    profile.sources = list(Source.objects.filter(code__in=source_codes).order_by("code"))
    return profile


def _top_partners(area: Area, top: int, origins: bool) -> list[Partner]:
    """The `top` origins of the immigrants in `area` (or destinations of its emigrants), latest year, both sexes."""
    side, other = ("ref_area", "counterpart_area") if origins else ("counterpart_area", "ref_area")
    bilateral = Observation.objects.filter(indicator__code=BILATERAL, sex_id="_T", **{side: area})
    latest = bilateral.aggregate(latest=Max("period"))["latest"]
    if latest is None:
        return []
    rows = bilateral.filter(period=latest).select_related(other, "source").order_by("-value", f"{other}__m49")[:top]
    partners = []
    for obs in rows:
        partner: Area = getattr(obs, other)
        partners.append(Partner(partner.m49, partner.iso3, partner.name, obs.value, obs.period, obs.source.code))
    return partners


def partner_map_values(area: Area, origins: bool) -> tuple[str | None, dict[int, float]]:
    """(latest year, {M49: persons}) of every origin of `area`'s immigrants, or destination of its emigrants."""
    key = f"stats:partners:{area.m49}:{'origins' if origins else 'destinations'}"
    return cached(key, lambda: _partner_map_values(area, origins), per_language=False)


def _partner_map_values(area: Area, origins: bool) -> tuple[str | None, dict[int, float]]:
    side, other = ("ref_area", "counterpart_area") if origins else ("counterpart_area", "ref_area")
    bilateral = Observation.objects.filter(indicator__code=BILATERAL, sex_id="_T", **{side: area})
    latest = bilateral.aggregate(latest=Max("period"))["latest"]
    if latest is None:
        return None, {}
    return latest, dict(bilateral.filter(period=latest).values_list(f"{other}_id", "value"))


def map_values(indicator: str, year: str, sex: str = "_T") -> dict[int, float]:
    """{M49 code: value} of an indicator for every country (no aggregates) in one year."""
    rows = Observation.objects.filter(
        indicator__code=indicator,
        period=year,
        sex_id=sex,
        counterpart_area__isnull=True,
        ref_area__kind=Area.Kind.COUNTRY,
    ).values_list("ref_area_id", "value")
    return dict(rows)


def indicators() -> QuerySet[Indicator]:
    return Indicator.objects.order_by("code")


def indicator_by_code(code: str) -> Indicator:
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        raise NotFound(f"Unknown indicator {code!r}", "indicator")
    return indicator


def periods(indicator: Indicator) -> list[str]:
    """The periods an indicator has observations for, oldest first."""
    return list(
        Observation.objects.filter(indicator=indicator).values_list("period", flat=True).distinct().order_by("period")
    )


def areas(kind: str | None = None) -> QuerySet[Area]:
    """Reference areas by M49 code; `kind` is "country" or "aggregate"."""
    queryset = Area.objects.order_by("m49")
    return queryset.filter(kind=kind) if kind else queryset


def observations(
    indicator: str | None = None,
    area: str | None = None,
    counterpart: str | None = None,
    period: str | None = None,
    sex: str | None = None,
) -> QuerySet[Observation]:
    """Observations matching the filters (areas by ISO3 or M49), in a stable order, with what rows show."""
    queryset = Observation.objects.select_related("indicator", "ref_area", "counterpart_area", "source")
    if indicator:
        queryset = queryset.filter(indicator=indicator_by_code(indicator))
    if area:
        queryset = queryset.filter(ref_area=area_by_code(area))
    if counterpart:
        queryset = queryset.filter(counterpart_area=_area_filter(counterpart, "counterpart"))
    if period:
        queryset = queryset.filter(period=period)
    if sex:
        queryset = queryset.filter(sex_id=sex)
    return queryset.order_by("indicator__code", "ref_area_id", "counterpart_area_id", "period", "sex_id")


def _area_filter(code: str, field_name: str) -> Area:
    try:
        return area_by_code(code)
    except NotFound as exc:
        raise NotFound(exc.message, field_name) from exc


@dataclass(frozen=True)
class SeriesRow:
    """A row of an exported series, flat: codes, not objects."""

    ref_area: int
    ref_area_iso3: str
    ref_area_name: str
    counterpart_area: int | None
    counterpart_area_iso3: str
    counterpart_area_name: str
    period: str
    sex: str
    value: float
    status: str
    dataflow: str
    source: str


def series_rows(indicator: Indicator, **filters: str | None) -> Iterator[SeriesRow]:
    """The observations of one indicator as flat rows, streamed; bad filters raise here, before streaming."""
    lang = (get_language() or "en").split("-")[0]
    name_field = f"name_{lang}" if lang in ("en", "fr", "es") else "name_en"
    queryset = (
        observations(indicator=indicator.code, **filters)
        .annotate(
            ref_name=Coalesce(f"ref_area__{name_field}", "ref_area__name_en", output_field=CharField()),
            counterpart_name=Coalesce(
                f"counterpart_area__{name_field}", "counterpart_area__name_en", output_field=CharField()
            ),
        )
        .values_list(
            "ref_area_id",
            "ref_area__iso3",
            "ref_name",
            "counterpart_area_id",
            "counterpart_area__iso3",
            "counterpart_name",
            "period",
            "sex_id",
            "value",
            "status",
            "source__dataflow",
            "source__code",
        )
    )
    return (
        SeriesRow(
            ref,
            ref_iso3,
            ref_name or "",
            cpart,
            cpart_iso3 or "",
            cpart_name or "",
            period,
            sex,
            value,
            status,
            flow,
            source,
        )
        for ref, ref_iso3, ref_name, cpart, cpart_iso3, cpart_name, period, sex, value, status, flow, source in (
            queryset.iterator(chunk_size=5_000)
        )
    )


def bilateral_values(indicator: str, period: str) -> dict[tuple[str, str], float]:
    """{(ref area ISO3, counterpart ISO3): value} of a bilateral indicator in one period, both sexes, one query."""
    rows = Observation.objects.filter(indicator__code=indicator, period=period, sex_id="_T").values_list(
        "ref_area__iso3", "counterpart_area__iso3", "value"
    )
    return {(ref, counterpart): value for ref, counterpart, value in rows if ref and counterpart}


# --- bilateral series by partner (added for the diaspora room; existing selectors above are unchanged) -----------


@dataclass(frozen=True)
class BilateralRow:
    """One bilateral figure seen from one side: the partner area, period, sex, value and source."""

    partner_m49: int
    partner_iso3: str
    partner_name: str
    period: str
    sex: str
    value: float
    source: str  # Source.code


def bilateral_by_partner(indicator: str, code: str, *, as_counterpart: bool) -> tuple[list[BilateralRow], list[Source]]:
    """Every figure of a bilateral indicator where the area `code` is the counterpart (as_counterpart=True: its
    partners are the reference areas) or the reference area (its partners are the counterparts), with the sources.

    An indicator that is not loaded gives no rows (not an error): a room shows "no data" for it.
    """
    area = area_by_code(code)
    if not Indicator.objects.filter(code=indicator).exists():
        return [], []
    side, other = ("counterpart_area", "ref_area") if as_counterpart else ("ref_area", "counterpart_area")
    lang = (get_language() or "en").split("-")[0]
    name_field = f"name_{lang}" if lang in ("en", "fr", "es") else "name_en"
    rows = (
        Observation.objects.filter(indicator__code=indicator, **{side: area}, **{f"{other}__isnull": False})
        .annotate(partner_name=Coalesce(f"{other}__{name_field}", f"{other}__name_en", output_field=CharField()))
        .values_list(f"{other}_id", f"{other}__iso3", "partner_name", "period", "sex_id", "value", "source__code")
        .order_by(f"{other}_id", "period", "sex_id")
    )
    found = [
        BilateralRow(m49, iso3 or "", name or "", period, sex, value, src)
        for m49, iso3, name, period, sex, value, src in rows
    ]
    sources = list(Source.objects.filter(code__in={r.source for r in found}).order_by("code"))
    return found, sources


# --- bilateral values of one sex (added for the corridors room; existing selectors above are unchanged) ----------


def bilateral_values_of_sex(indicator: str, period: str, sex: str) -> dict[tuple[str, str], float]:
    """{(ref area ISO3, counterpart ISO3): value} of a bilateral indicator in one period for one sex, one query;
    areas without an ISO3 code (aggregates) are left out."""
    rows = Observation.objects.filter(indicator__code=indicator, period=period, sex_id=sex).values_list(
        "ref_area__iso3", "counterpart_area__iso3", "value"
    )
    return {(ref, counterpart): value for ref, counterpart, value in rows if ref and counterpart}
