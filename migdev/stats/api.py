"""Statistics API: indicators, country profiles, map values, observations, CSV and SDMX-CSV series.

Names come in the request language (Accept-Language: en, fr, es)."""

from typing import Annotated, Literal

from django.http import HttpRequest, StreamingHttpResponse
from ninja import Query, Router, Schema
from ninja.pagination import paginate

from migdev.core.errors import DomainError
from migdev.core.input_limits import BoundedPageNumberPagination
from migdev.stats import exports, selectors
from migdev.stats.models import Observation, Source

router = Router(tags=["statistics"])

SexCode = Literal["F", "M", "_T"]


class IndicatorOut(Schema):
    code: str
    name: str
    description: str
    unit: str
    decimals: int
    sdg_code: str
    bilateral: bool


class SourceOut(Schema):
    code: str
    publisher: str
    title: str
    licence: str
    url: str
    version: str
    attribution: str


class PointOut(Schema):
    year: str
    sex: str
    value: float
    source: str


class PartnerOut(Schema):
    iso3: str
    m49: int
    name: str
    value: float
    year: str
    source: str


class ProfileOut(Schema):
    iso3: str
    m49: int
    name: str
    kind: str
    immigrant_stock: list[PointOut]
    female_share: list[PointOut]
    share_of_population: list[PointOut]
    population: list[PointOut]
    top_origins: list[PartnerOut]
    top_destinations: list[PartnerOut]
    sources: list[SourceOut]


class MapOut(Schema):
    indicator: str
    name: str
    unit: str
    year: str
    sex: str
    years: list[str]
    values: dict[str, float]  # zero-padded M49 code ("004") -> value, as the ids of the world map


class ObservationOut(Schema):
    indicator: str
    ref_area: int
    ref_area_iso3: str
    counterpart_area: int | None
    counterpart_area_iso3: str | None
    period: str
    sex: str
    value: float
    status: str
    source: str

    @staticmethod
    def resolve_indicator(obj: Observation) -> str:
        return obj.indicator.code

    @staticmethod
    def resolve_ref_area(obj: Observation) -> int:
        return obj.ref_area.m49

    @staticmethod
    def resolve_ref_area_iso3(obj: Observation) -> str:
        return obj.ref_area.iso3

    @staticmethod
    def resolve_counterpart_area(obj: Observation) -> int | None:
        return obj.counterpart_area_id

    @staticmethod
    def resolve_counterpart_area_iso3(obj: Observation) -> str | None:
        return obj.counterpart_area.iso3 if obj.counterpart_area else None

    @staticmethod
    def resolve_sex(obj: Observation) -> str:
        return obj.sex_id

    @staticmethod
    def resolve_source(obj: Observation) -> str:
        return obj.source.code


class ObservationFilters(Schema):
    indicator: str | None = None
    area: str | None = None
    counterpart: str | None = None
    period: str | None = None
    sex: SexCode | None = None


class SeriesFilters(Schema):
    area: str | None = None
    counterpart: str | None = None
    period: str | None = None
    sex: SexCode | None = None


def _source_out(source: Source) -> SourceOut:
    return SourceOut(
        code=source.code,
        publisher=source.publisher,
        title=source.title,
        licence=source.licence,
        url=source.url,
        version=source.version,
        attribution=source.attribution,
    )


@router.get("/indicators", response=list[IndicatorOut], summary="Indicators of the statistics store")
def list_indicators(request: HttpRequest) -> list[IndicatorOut]:
    return [
        IndicatorOut(
            code=i.code,
            name=i.name,
            description=i.description,
            unit=i.unit,
            decimals=i.decimals,
            sdg_code=i.sdg_code,
            bilateral=i.bilateral,
        )
        for i in selectors.indicators()
    ]


@router.get("/profiles/{code}", response=ProfileOut, summary="Migration profile of a country (ISO3) or area (M49)")
def get_profile(request: HttpRequest, code: str) -> ProfileOut:
    profile = selectors.country_profile(code)
    area = profile.area

    def points(series: list[selectors.Point]) -> list[PointOut]:
        return [PointOut(year=p.year, sex=p.sex, value=p.value, source=p.source) for p in series]

    def partners(items: list[selectors.Partner]) -> list[PartnerOut]:
        return [
            PartnerOut(iso3=p.iso3, m49=p.m49, name=p.name, value=p.value, year=p.year, source=p.source) for p in items
        ]

    return ProfileOut(
        iso3=area.iso3,
        m49=area.m49,
        name=area.name,
        kind=area.kind,
        immigrant_stock=points(profile.immigrant_stock),
        female_share=points(profile.female_share),
        share_of_population=points(profile.share_of_population),
        population=points(profile.population),
        top_origins=partners(profile.top_origins),
        top_destinations=partners(profile.top_destinations),
        sources=[_source_out(s) for s in profile.sources],
    )


@router.get("/map", response=MapOut, summary="Values of an indicator for every country in one year (for maps)")
def get_map(
    request: HttpRequest,
    indicator: str = "migrant-stock",
    year: Annotated[str | None, Query(pattern=r"^\d{4}$", description="A year, e.g. 2020")] = None,
    sex: SexCode = "_T",
) -> MapOut:
    chosen = selectors.indicator_by_code(indicator)
    if chosen.bilateral:
        raise DomainError(f"{indicator!r} is bilateral: it has no single value per country", "indicator")
    years = selectors.periods(chosen)
    if year is None:
        year = years[-1] if years else ""
    elif year not in years:
        raise DomainError(f"No {indicator!r} figures for {year!r}; years: {', '.join(years)}", "year")
    values = selectors.map_values(chosen.code, year, sex)
    return MapOut(
        indicator=chosen.code,
        name=chosen.name,
        unit=chosen.unit,
        year=year,
        sex=sex,
        years=years,
        values={exports.m49_code(m49): value for m49, value in values.items()},
    )


@router.get("/observations", response=list[ObservationOut], summary="Observations, filtered and paginated")
@paginate(BoundedPageNumberPagination, page_size=100)
def list_observations(request: HttpRequest, filters: Query[ObservationFilters]) -> list[ObservationOut]:
    queryset = selectors.observations(**filters.dict())
    return queryset  # type: ignore[return-value]  # paginated, then each row goes through ObservationOut


@router.get("/series/{indicator}.sdmx.csv", summary="A series as SDMX-CSV (version 2.0; ?version=1.0 for 1.0)")
def series_sdmx_csv(
    request: HttpRequest, indicator: str, filters: Query[SeriesFilters], version: Literal["2.0", "1.0"] = "2.0"
) -> StreamingHttpResponse:
    chosen = selectors.indicator_by_code(indicator)
    rows = selectors.series_rows(chosen, **filters.dict())
    content_type = f"application/vnd.sdmx.data+csv; version={version}; charset=utf-8"
    response = StreamingHttpResponse(exports.series_sdmx_csv(chosen, rows, version), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{chosen.code}.sdmx.csv"'
    return response


@router.get("/series/{indicator}.csv", summary="A series as CSV, with area codes and names")
def series_csv(request: HttpRequest, indicator: str, filters: Query[SeriesFilters]) -> StreamingHttpResponse:
    chosen = selectors.indicator_by_code(indicator)
    rows = selectors.series_rows(chosen, **filters.dict())
    response = StreamingHttpResponse(exports.series_csv(chosen, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{chosen.code}.csv"'
    return response
