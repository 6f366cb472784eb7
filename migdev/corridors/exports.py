"""The ranking as CSV (codes and names) and SDMX-CSV 2.0 (one observation per corridor and measure), streamed."""

import csv
import io
from collections.abc import Iterable, Iterator

from migdev.corridors.selectors.ranking import Names, Row
from migdev.stats.exports import format_value, m49_code

DATAFLOW = "MIGDEV:CORRIDORS(1.0)"
# measure code, Row attribute, SDMX unit of measure
MEASURES = (
    ("MIGRANT_STOCK", "stock", "PS"),
    ("FEMALE_SHARE", "female_share", "PT"),
    ("INSTRUMENTS_IN_COMMON", "instruments", "NUMBER"),
    ("REMITTANCE_COST_USD200", "cost", "PT"),
    ("LABOUR_SCHEMES", "schemes", "NUMBER"),
)


def _lines(rows: Iterable[list[str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)


def _value(value: float | int | None) -> str:
    return "" if value is None else format_value(float(value))


def ranking_csv(rows: Iterable[Row], names: Names) -> Iterator[str]:
    header = [
        "origin_iso3",
        "origin_name",
        "destination_iso3",
        "destination_name",
        "year",
        "migrant_stock",
        "female_share_pct",
        "instruments_in_common",
        "remittance_cost_usd200_pct",
        "remittance_cost_period",
        "labour_schemes",
    ]

    def body() -> Iterator[list[str]]:
        yield header
        for r in rows:
            yield [
                r.origin,
                names.get(r.origin, ("",))[0],
                r.destination,
                names.get(r.destination, ("",))[0],
                r.year,
                _value(r.stock),
                _value(r.female_share),
                str(r.instruments),
                _value(r.cost),
                r.cost_period,
                str(r.schemes),
            ]

    return _lines(body())


def ranking_sdmx_csv(rows: Iterable[Row], names: Names) -> Iterator[str]:
    """SDMX-CSV 2.0: dimensions MEASURE, REF_AREA (destination), COUNTERPART_AREA (origin), TIME_PERIOD."""
    header = [
        "STRUCTURE",
        "STRUCTURE_ID",
        "ACTION",
        "MEASURE",
        "REF_AREA",
        "COUNTERPART_AREA",
        "TIME_PERIOD",
        "OBS_VALUE",
        "UNIT_MEASURE",
    ]

    m49 = {iso3: entry[3] for iso3, entry in names.items()}

    def body() -> Iterator[list[str]]:
        yield header
        for r in rows:
            for code, attribute, unit in MEASURES:
                value = getattr(r, attribute)
                if value is None:
                    continue
                period = r.cost_period if attribute == "cost" else r.year
                yield [
                    "dataflow",
                    DATAFLOW,
                    "I",
                    code,
                    m49_code(m49.get(r.destination)),
                    m49_code(m49.get(r.origin)),
                    period,
                    _value(value),
                    unit,
                ]

    return _lines(body())
