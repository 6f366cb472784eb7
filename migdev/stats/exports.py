"""Series as CSV and SDMX-CSV, written row by row so a large series streams.

SDMX-CSV comes in version 2.0 by default (STRUCTURE, STRUCTURE_ID, ACTION columns), the version the
`sdmx1` reader (and the SDMX 3.0 tools) read; version 1.0 (a DATAFLOW column) is available on request.
"""

import csv
import io
from collections.abc import Iterable, Iterator

from migdev.stats.models import Indicator
from migdev.stats.selectors import SeriesRow

SDMX_VERSIONS = ("2.0", "1.0")


def format_value(value: float) -> str:
    """280598105.0 -> '280598105'; 48.09093810523061 -> '48.09093810523061' (shortest exact repr)."""
    return str(int(value)) if value.is_integer() else repr(value)


def sdmx_id(code: str) -> str:
    """An indicator code as an SDMX identifier: 'migrant-stock' -> 'MIGRANT_STOCK'."""
    return code.upper().replace("-", "_")


def m49_code(m49: int | None) -> str:
    """M49 codes keep their leading zeros ('004' Afghanistan), as in the UN code lists."""
    return "" if m49 is None else f"{m49:03d}"


def _lines(rows: Iterable[list[str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)


def series_csv(indicator: Indicator, rows: Iterable[SeriesRow]) -> Iterator[str]:
    """Plain CSV with codes and names, one line per observation."""
    header = ["indicator", "ref_area_m49", "ref_area_iso3", "ref_area_name"]
    if indicator.bilateral:
        header += ["counterpart_area_m49", "counterpart_area_iso3", "counterpart_area_name"]
    header += ["period", "sex", "value", "unit", "status", "source"]

    def body() -> Iterator[list[str]]:
        yield header
        for row in rows:
            line = [indicator.code, m49_code(row.ref_area), row.ref_area_iso3, row.ref_area_name]
            if indicator.bilateral:
                line += [m49_code(row.counterpart_area), row.counterpart_area_iso3, row.counterpart_area_name]
            line += [row.period, row.sex, format_value(row.value), indicator.unit, row.status, row.source]
            yield line

    return _lines(body())


def series_sdmx_csv(indicator: Indicator, rows: Iterable[SeriesRow], version: str = "2.0") -> Iterator[str]:
    """SDMX-CSV: dimensions INDICATOR, REF_AREA, [COUNTERPART_AREA], SEX, TIME_PERIOD; OBS_VALUE; attributes."""
    if version not in SDMX_VERSIONS:
        raise ValueError(version)
    dimensions = ["INDICATOR", "REF_AREA"] + (["COUNTERPART_AREA"] if indicator.bilateral else [])
    dimensions += ["SEX", "TIME_PERIOD"]
    tail = ["OBS_VALUE", "UNIT_MEASURE", "OBS_STATUS"]
    lead = ["STRUCTURE", "STRUCTURE_ID", "ACTION"] if version == "2.0" else ["DATAFLOW"]

    def body() -> Iterator[list[str]]:
        yield lead + dimensions + tail
        for row in rows:
            line = ["dataflow", row.dataflow, "I"] if version == "2.0" else [row.dataflow]
            line += [sdmx_id(indicator.code), m49_code(row.ref_area)]
            if indicator.bilateral:
                line.append(m49_code(row.counterpart_area))
            line += [row.sex, row.period, format_value(row.value), indicator.unit, row.status]
            yield line

    return _lines(body())
