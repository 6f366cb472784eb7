"""Downloads: every indicator table as CSV or SDMX-CSV, with the methodology and the attribution on each row."""

from collections.abc import Callable
from typing import Literal

from django.http import HttpRequest, StreamingHttpResponse
from ninja import Router

from migdev.remittances import exports, selectors
from migdev.remittances.adapters import Value
from migdev.remittances.api.params import OptionalCountry, OptionalPeriod

router = Router()

Table = Literal[
    "global-average",
    "weighted-average",
    "corridor-average",
    "regional-average",
    "provider-type",
    "instrument",
    "sending-country",
    "receiving-country",
    "smart",
]


def _smart_rows() -> list[Value]:
    return [
        Value(s.period, s.value, s.n_services, 1, (f"{s.sending}-{s.receiving}",))
        for s in selectors.smart_values()
        if s.value is not None
    ]


TABLES: dict[str, tuple[str, Callable[[], list[Value]]]] = {
    "global-average": ("", selectors.global_series),
    "weighted-average": ("", selectors.weighted_averages),
    "corridor-average": (
        "corridor",
        lambda: [
            Value(v.period, v.value, v.n_services, 1, ("-".join(v.group),)) for v in selectors.corridor_averages()
        ],
    ),
    "regional-average": ("region", lambda: selectors.regional_averages()),
    "provider-type": ("provider_type", lambda: selectors.category_averages("provider_type")),
    "instrument": ("instrument", lambda: selectors.category_averages("instrument")),
    "sending-country": ("sending", lambda: selectors.sending_country_averages()),
    "receiving-country": ("receiving", lambda: selectors.receiving_country_averages()),
    "smart": ("corridor", _smart_rows),
}


def _response(body: object, content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(body, content_type=content_type)  # type: ignore[arg-type]
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@router.get("/downloads/quotes.csv", summary="Price quotes as CSV (both amounts, recomputed costs and flags)")
def download_quotes_csv(
    request: HttpRequest,
    period: OptionalPeriod = None,
    sending: OptionalCountry = None,
    receiving: OptionalCountry = None,
) -> StreamingHttpResponse:
    """Filtered by quarter and corridor; the 2011-2014 quotes keep their ShareAlike licence (CC BY-SA 4.0)."""
    rows = (
        selectors.quotes(period, sending.upper() if sending else None, receiving.upper() if receiving else None)
        .values_list(*exports.QUOTE_COLUMNS)
        .iterator(chunk_size=5_000)
    )
    return _response(exports.quotes_csv(rows), "text/csv; charset=utf-8", "rpw-quotes.csv")


@router.get("/downloads/{table}.sdmx.csv", summary="An indicator table as SDMX-CSV 2.0")
def download_sdmx_csv(request: HttpRequest, table: Table) -> StreamingHttpResponse:
    dimension, rows = TABLES[table]
    content_type = "application/vnd.sdmx.data+csv; version=2.0; charset=utf-8"
    return _response(exports.indicator_sdmx_csv(table, dimension, rows()), content_type, f"rpw-{table}.sdmx.csv")


@router.get("/downloads/{table}.csv", summary="An indicator table as CSV")
def download_csv(request: HttpRequest, table: Table) -> StreamingHttpResponse:
    dimension, rows = TABLES[table]
    return _response(exports.indicator_csv(table, dimension, rows()), "text/csv; charset=utf-8", f"rpw-{table}.csv")
