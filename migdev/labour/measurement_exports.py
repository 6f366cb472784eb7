"""The labour market measurement as CSV and SDMX-CSV 2.0, written line by line.

SDMX-CSV: dataflow MIGDEV:LABOUR_MARKET(1.0); dimensions INDICATOR, REF_AREA (M49), OCCUPATION (ISCO-08 code),
SEX (F, M, _T; _Z "not applicable" for figures about positions), TIME_PERIOD (YYYY-MM); measure OBS_VALUE; attributes
UNIT_MEASURE, OBS_STATUS and CONF_STATUS (F free, C confidential: the count of 1 or 2 persons is left empty).
"""

import csv
import io
from collections.abc import Iterable, Iterator

from migdev.labour.selectors.measurement import ByPerson, MarketCell
from migdev.stats.exports import format_value, m49_code

DATAFLOW = "MIGDEV:LABOUR_MARKET(1.0)"
SDMX_HEADER = [
    "STRUCTURE",
    "STRUCTURE_ID",
    "ACTION",
    "INDICATOR",
    "REF_AREA",
    "OCCUPATION",
    "SEX",
    "TIME_PERIOD",
    "OBS_VALUE",
    "UNIT_MEASURE",
    "OBS_STATUS",
    "CONF_STATUS",
]
CSV_HEADER = [
    "country_iso3",
    "country_m49",
    "country_name",
    "isco_code",
    "isco_level",
    "isco_title",
    "month",
    "supply_F",
    "supply_M",
    "supply_T",
    "open_positions",
    "new_positions",
    "filled_F",
    "filled_M",
    "filled_T",
    "tightness",
    "no_supply",
    "classification",
    "fill_rate",
    "median_days_to_fill",
]


def _lines(rows: Iterable[list[str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate(0)


def _text(value: int | float | None) -> str:
    return "" if value is None else format_value(float(value))


def market_csv(cells: Iterable[MarketCell]) -> Iterator[str]:
    """One line per (country, ISCO group, month); hidden counts and undefined ratios are empty."""

    def body() -> Iterator[list[str]]:
        yield CSV_HEADER
        for cell in cells:
            yield [
                cell.country.iso3,
                m49_code(cell.country.m49),
                cell.country.name,
                cell.occupation.code,
                str(cell.occupation.level),
                cell.occupation.title,
                cell.month,
                *(_text(value) for _sex, value in cell.supply.items()),
                str(cell.open_positions),
                str(cell.new_positions),
                *(_text(value) for _sex, value in cell.filled.items()),
                _text(cell.tightness),
                "true" if cell.no_supply else "false",
                cell.classification,
                _text(cell.fill_rate),
                _text(cell.median_days_to_fill),
            ]

    return _lines(body())


def market_sdmx_csv(cells: Iterable[MarketCell]) -> Iterator[str]:
    """SDMX-CSV 2.0, one observation per line: counts of persons by sex, positions and ratios with sex _Z."""

    def observation(cell: MarketCell, indicator: str, sex: str, value: int | float | None, unit: str) -> list[str]:
        area = m49_code(cell.country.m49)
        conf = "C" if value is None else "F"
        return [
            "dataflow",
            DATAFLOW,
            "I",
            indicator,
            area,
            cell.occupation.code,
            sex,
            cell.month,
            _text(value),
            unit,
            "A",
            conf,
        ]

    def persons(cell: MarketCell, indicator: str, counts: ByPerson) -> Iterator[list[str]]:
        for sex, value in counts.items():
            yield observation(cell, indicator, sex, value, "PS")

    def body() -> Iterator[list[str]]:
        yield SDMX_HEADER
        for cell in cells:
            yield from persons(cell, "LM_SUPPLY", cell.supply)
            yield observation(cell, "LM_OPEN_POSITIONS", "_Z", cell.open_positions, "POSITIONS")
            yield observation(cell, "LM_NEW_POSITIONS", "_Z", cell.new_positions, "POSITIONS")
            yield from persons(cell, "LM_FILLED_POSITIONS", cell.filled)
            if cell.tightness is not None:
                yield observation(cell, "LM_TIGHTNESS", "_Z", cell.tightness, "RATIO")
            if cell.fill_rate is not None:
                yield observation(cell, "LM_FILL_RATE", "_Z", cell.fill_rate, "RATIO")
            if cell.median_days_to_fill is not None:
                yield observation(cell, "LM_DAYS_TO_FILL", "_Z", cell.median_days_to_fill, "DAYS")

    return _lines(body())
