"""Labour exchange API: measurement of supply and demand (/api/v1/labour/market/...), public aggregates only."""

from collections.abc import Iterator
from typing import Annotated

from django.http import HttpRequest, StreamingHttpResponse
from ninja import Field, Query, Router, Schema

from migdev.labour import measurement_exports
from migdev.labour.selectors import measurement as selectors
from migdev.stats.exports import m49_code

router = Router(tags=["labour"])


class PlaceOut(Schema):
    iso3: str
    m49: str
    name: str


class IscoGroupRefOut(Schema):
    code: str
    level: int
    title: str


# Persons by sex ("F", "M", "_T"); null where the count is hidden (1 or 2 persons, or what would give one back).
PersonsOut = dict[str, int | None]


class CellOut(Schema):
    country: PlaceOut
    occupation: IscoGroupRefOut
    month: str
    supply: PersonsOut
    open_positions: int
    new_positions: int
    filled: PersonsOut
    tightness: float | None
    no_supply: bool
    classification: str
    fill_rate: float | None
    median_days_to_fill: float | None


class ThresholdsOut(Schema):
    shortage: float
    surplus: float
    minimum_count: int


class MarketOut(Schema):
    level: int
    basis: str
    months: list[str]
    thresholds: ThresholdsOut
    cells: list[CellOut]


class OpportunityOut(Schema):
    origin: PlaceOut
    destination: PlaceOut
    occupation: IscoGroupRefOut
    month: str
    gap: int
    excess: int
    size: int
    origin_supply: PersonsOut
    origin_tightness: float | None
    destination_tightness: float | None
    schemes: list[str]


class MarketMapOut(Schema):
    level: int
    group: str
    month: str
    basis: str
    tightness: dict[str, float | None]  # zero-padded M49 -> tightness (null: nobody available, or hidden)
    classification: dict[str, str]  # zero-padded M49 -> shortage / balanced / surplus


IscoLevel = Annotated[int, Field(ge=1, le=4, description="ISCO-08 level: 1 (major group) to 4 (unit group)")]


class MarketFilters(Schema):
    level: IscoLevel | None = None
    group: str | None = None
    country: str | None = None
    month: str | None = None
    start: str | None = None
    end: str | None = None
    basis: str = "nationality"


class MonthFilters(Schema):
    level: IscoLevel | None = None
    group: str | None = None
    month: str | None = None
    basis: str = "nationality"


def _place(place: selectors.Place) -> PlaceOut:
    return PlaceOut(iso3=place.iso3, m49=m49_code(place.m49), name=place.name)


def _occupation(occupation: selectors.Occupation) -> IscoGroupRefOut:
    return IscoGroupRefOut(code=occupation.code, level=occupation.level, title=occupation.title)


def _persons(counts: selectors.ByPerson) -> PersonsOut:
    return dict(counts.items())


def _market(filters: MarketFilters) -> selectors.Market:
    return selectors.measure(
        level=filters.level,
        group=filters.group,
        country=filters.country,
        start=filters.start,
        end=filters.end,
        month=filters.month,
        basis=filters.basis,
    )


@router.get(
    "/market/cells",
    response=MarketOut,
    summary="Labour supply and demand by country, ISCO-08 group and month, with tightness and its class",
)
def market_cells(request: HttpRequest, filters: Query[MarketFilters]) -> MarketOut:
    market = _market(filters)
    return MarketOut(
        level=market.level,
        basis=market.basis,
        months=market.months,
        thresholds=ThresholdsOut(
            shortage=selectors.THRESHOLDS.shortage,
            surplus=selectors.THRESHOLDS.surplus,
            minimum_count=selectors.MINIMUM_COUNT,
        ),
        cells=[
            CellOut(
                country=_place(c.country),
                occupation=_occupation(c.occupation),
                month=c.month,
                supply=_persons(c.supply),
                open_positions=c.open_positions,
                new_positions=c.new_positions,
                filled=_persons(c.filled),
                tightness=c.tightness,
                no_supply=c.no_supply,
                classification=c.classification,
                fill_rate=c.fill_rate,
                median_days_to_fill=c.median_days_to_fill,
            )
            for c in market.cells
        ],
    )


@router.get(
    "/market/opportunities",
    response=list[OpportunityOut],
    summary="Corridor opportunity matrix: occupations in shortage at a destination and in surplus at an origin",
)
def market_opportunities(request: HttpRequest, filters: Query[MonthFilters]) -> list[OpportunityOut]:
    found = selectors.opportunity_matrix(
        month=filters.month, level=filters.level, group=filters.group, basis=filters.basis
    )
    return [
        OpportunityOut(
            origin=_place(o.origin),
            destination=_place(o.destination),
            occupation=_occupation(o.occupation),
            month=o.month,
            gap=o.gap,
            excess=o.excess,
            size=o.size,
            origin_supply=_persons(o.origin_supply),
            origin_tightness=o.origin_tightness,
            destination_tightness=o.destination_tightness,
            schemes=o.schemes,
        )
        for o in found
    ]


@router.get("/market/map", response=MarketMapOut, summary="Tightness and its class by country for one group and month")
def market_map(request: HttpRequest, filters: Query[MonthFilters]) -> MarketMapOut:
    view = selectors.market_map(month=filters.month, level=filters.level, group=filters.group, basis=filters.basis)
    return MarketMapOut(
        level=view.level,
        group=view.group.code if view.group else "",
        month=view.month,
        basis=view.basis,
        tightness={m49_code(c.country.m49): c.tightness for c in view.cells},
        classification={m49_code(c.country.m49): c.classification for c in view.cells},
    )


def _download(lines: Iterator[str], name: str, content_type: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get("/market/cells.csv", summary="The labour market measurement as CSV")
def market_cells_csv(request: HttpRequest, filters: Query[MarketFilters]) -> StreamingHttpResponse:
    cells = _market(filters).cells  # computed before streaming, so a bad filter is a JSON error
    return _download(measurement_exports.market_csv(cells), "labour-market.csv", "text/csv; charset=utf-8")


@router.get("/market/cells.sdmx.csv", summary="The labour market measurement as SDMX-CSV 2.0")
def market_cells_sdmx_csv(request: HttpRequest, filters: Query[MarketFilters]) -> StreamingHttpResponse:
    cells = _market(filters).cells
    content_type = "application/vnd.sdmx.data+csv; version=2.0; charset=utf-8"
    return _download(measurement_exports.market_sdmx_csv(cells), "labour-market.sdmx.csv", content_type)
