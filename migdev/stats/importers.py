"""Readers of the UN DESA International Migrant Stock 2020 files: parse and check, never write.

Each reader returns plain records; `services.load_undesa_stock` writes them in one transaction. Every
problem raises ImportFileError naming the file (and sheet), row and column, before anything is written.
"""

import math
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import finite_number, read_rows

WORKBOOK_FILE = "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx"
BILATERAL_FILE = "undesa_ims2020_bilateral_stock_by_sex.csv"

YEARS = ("1990", "1995", "2000", "2005", "2010", "2015", "2020")
MISSING = ".."
HEADER_ROW = 11  # the row with "Location code", "Type of data", 1990 ... 2020
FIRST_DATA_ROW = 12
# Columns (1-based) of the destination tables: B name, C notes, D location code, E type of data, F.. values.
NAME_COL, NOTES_COL, CODE_COL, TYPE_COL, FIRST_VALUE_COL = 2, 3, 4, 5, 6


@dataclass(frozen=True)
class SheetSpec:
    """One table of the destination workbook: which indicator it holds, in which sex blocks of 7 years."""

    sheet: str
    indicator: str
    sexes: tuple[str, ...]  # one block of YEARS per sex, left to right
    scale: float = 1.0  # Table 2 is in thousands with three decimals, i.e. exact persons: stored as persons


SHEETS = (
    SheetSpec("Table 1", "migrant-stock", ("_T", "M", "F")),
    SheetSpec("Table 2", "population", ("_T", "M", "F"), scale=1000.0),
    SheetSpec("Table 3", "migrant-stock-share", ("_T", "M", "F")),
    SheetSpec("Table 4", "migrant-female-share", ("_T",)),
)

BILATERAL_HEADER = (
    "year",
    "origin_iso3",
    "origin_name",
    "origin_m49",
    "destination_iso3",
    "destination_name",
    "destination_m49",
    "stock_total",
    "stock_male",
    "stock_female",
)


@dataclass(frozen=True, slots=True)
class AreaRecord:
    m49: int
    name: str
    kind: str  # "country" or "aggregate"
    notes: str


@dataclass(frozen=True, slots=True)
class ObservationRecord:
    indicator: str
    ref_area: int
    counterpart_area: int | None
    period: str
    sex: str
    value: float
    status: str


@dataclass
class WorkbookContent:
    areas: list[AreaRecord]
    observations: list[ObservationRecord]


@dataclass
class BilateralContent:
    iso3_by_m49: dict[int, str]
    observations: list[ObservationRecord]


def require_file(folder: Path, name: str) -> Path:
    """The file `name` in `folder`, or an ImportFileError saying it is missing."""
    path = folder / name
    if not path.is_file():
        raise ImportFileError(str(path), None, None, f"file not found (expected {name} in {folder})")
    return path


def clean_area_name(raw: str) -> str:
    """'   United States of America*' -> 'United States of America' (the '*' marks a country note)."""
    return raw.strip().rstrip("*").strip()


def read_workbook(path: Path) -> WorkbookContent:
    """Tables 1-4 of the destination workbook: areas (from Table 1) and their observations."""
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, zlib.error, ParseError) as exc:
        raise ImportFileError(str(path), None, None, f"not a readable .xlsx workbook ({exc})") from exc
    try:
        return _read_tables(path, workbook)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error, ParseError) as exc:
        # read-only workbooks are read sheet by sheet, so a damaged or cut file can fail only here
        raise ImportFileError(str(path), None, None, f"the workbook is damaged or truncated ({exc})") from exc
    finally:
        workbook.close()


def _read_tables(path: Path, workbook: Any) -> WorkbookContent:
    """Areas and observations of Tables 1-4 of an open workbook."""
    for spec in SHEETS:
        if spec.sheet not in workbook.sheetnames:
            raise ImportFileError(str(path), None, None, f"sheet {spec.sheet!r} is missing")
    notes = _read_notes(workbook["Notes"]) if "Notes" in workbook.sheetnames else {}
    areas: list[AreaRecord] = []
    observations: list[ObservationRecord] = []
    table1_codes: list[int] = []
    for spec in SHEETS:
        rows = _read_sheet(path, workbook[spec.sheet], spec)
        codes = [code for code, _, _, _, _ in rows]
        if spec.sheet == "Table 1":
            table1_codes = codes
            areas = [
                AreaRecord(
                    m49=code,
                    name=name,
                    # In this file every aggregate has a UN DESA code >= 900; countries keep their M49 code.
                    kind="country" if code < 900 else "aggregate",
                    notes=" ".join(notes.get(n, "") for n in note_numbers).strip(),
                )
                for code, name, note_numbers, _, _ in rows
            ]
        else:
            _check_same_locations(path, spec.sheet, table1_codes, codes)
        for code, _, _, status, values in rows:
            observations.extend(
                ObservationRecord(spec.indicator, code, None, period, sex, value, status)
                for (period, sex), value in values.items()
            )
    return WorkbookContent(areas=areas, observations=observations)


def _sheet_path(path: Path, sheet: str) -> str:
    return f"{path} (sheet {sheet!r})"


def _read_notes(sheet: object) -> dict[int, str]:
    """Footnote number -> text, from the 'Notes' sheet (rows whose first filled cell is an integer)."""
    notes: dict[int, str] = {}
    for row in sheet.iter_rows(values_only=True):  # type: ignore[attr-defined]
        cells = [c for c in row if c is not None and c != ""]
        if len(cells) >= 2 and isinstance(cells[0], int) and isinstance(cells[1], str):
            notes[cells[0]] = cells[1].strip()
    return notes


def _note_numbers(raw: object) -> tuple[int, ...]:
    if raw is None or raw == "":
        return ()
    if isinstance(raw, int):
        return (raw,)
    return tuple(int(part) for part in re.findall(r"\d+", str(raw)))


Row = tuple[int, str, tuple[int, ...], str, dict[tuple[str, str], float]]


def _read_sheet(path: Path, sheet: object, spec: SheetSpec) -> list[Row]:
    """(code, name, note numbers, type-of-data status, {(year, sex): value}) for each location row."""
    where = _sheet_path(path, spec.sheet)
    last_col = FIRST_VALUE_COL + len(YEARS) * len(spec.sexes) - 1
    rows = sheet.iter_rows(min_row=1, values_only=True)  # type: ignore[attr-defined]
    header: tuple[object, ...] = ()
    for number, row in enumerate(rows, start=1):
        if number == HEADER_ROW:
            header = row
            break
    _check_header(where, header, spec, last_col)
    result: list[Row] = []
    seen: set[int] = set()
    for number, row in enumerate(rows, start=HEADER_ROW + 1):
        if not any(cell not in (None, "") for cell in row):
            continue
        cells = list(row) + [None] * (last_col - len(row))
        code = _location_code(where, number, cells[CODE_COL - 1])
        if code in seen:
            # 927 Australia and New Zealand is listed twice (SDG region and geographic region), same figures.
            continue
        seen.add(code)
        name = cells[NAME_COL - 1]
        if not isinstance(name, str) or not name.strip():
            raise ImportFileError(where, number, get_column_letter(NAME_COL), "the location name is empty")
        status = " ".join(str(cells[TYPE_COL - 1] or "").split())
        values: dict[tuple[str, str], float] = {}
        for block, sex in enumerate(spec.sexes):
            for offset, year in enumerate(YEARS):
                col = FIRST_VALUE_COL + block * len(YEARS) + offset
                value = _number(where, number, col, cells[col - 1])
                if value is not None:
                    values[(year, sex)] = float(round(value * spec.scale)) if spec.scale != 1.0 else value
        result.append((code, clean_area_name(name), _note_numbers(cells[NOTES_COL - 1]), status, values))
    if not result:
        raise ImportFileError(where, FIRST_DATA_ROW, None, "the table has no location rows")
    return result


def _check_header(where: str, header: tuple[object, ...], spec: SheetSpec, last_col: int) -> None:
    expected: list[tuple[int, object]] = [(CODE_COL, "Location code"), (TYPE_COL, "Type of data")]
    for block in range(len(spec.sexes)):
        for offset, year in enumerate(YEARS):
            expected.append((FIRST_VALUE_COL + block * len(YEARS) + offset, int(year)))
    for col, title in expected:
        found = header[col - 1] if col <= len(header) else None
        if isinstance(found, str):
            found = found.strip()
        if found != title and str(found) != str(title):
            raise ImportFileError(
                where, HEADER_ROW, get_column_letter(col), f"expected header {title!r}, found {found!r}"
            )
    assert last_col == expected[-1][0]


def _location_code(where: str, row: int, raw: object) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool) and raw > 0:
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    raise ImportFileError(where, row, get_column_letter(CODE_COL), f"unknown area code {raw!r}")


def _number(where: str, row: int, col: int, raw: object) -> float | None:
    """A figure of the table; '..' (not available) and an empty cell are None; text, NaN and infinity are refused."""
    if raw is None or raw == MISSING:
        return None
    column = get_column_letter(col)
    if isinstance(raw, str):
        text = raw.strip().replace(",", "")
        return None if text in ("", MISSING) else finite_number(where, row, column, text)
    if not isinstance(raw, int | float) or isinstance(raw, bool):
        raise ImportFileError(where, row, column, f"{raw!r} is not a number")
    if not math.isfinite(raw):
        raise ImportFileError(where, row, column, f"{raw!r} is not a finite number")
    return float(raw)


def _check_same_locations(path: Path, sheet: str, table1: list[int], codes: list[int]) -> None:
    present, expected = set(codes), set(table1)
    missing = [code for code in table1 if code not in present]
    if missing:
        raise ImportFileError(
            _sheet_path(path, sheet),
            None,
            get_column_letter(CODE_COL),
            f"{len(missing)} location(s) of Table 1 are missing, first {missing[0]} (truncated sheet?)",
        )
    extra = [code for code in codes if code not in expected]
    if extra:
        raise ImportFileError(
            _sheet_path(path, sheet), None, get_column_letter(CODE_COL), f"unknown area code {extra[0]}"
        )


def read_bilateral(path: Path, known_areas: set[int]) -> BilateralContent:
    """Origin x destination x sex stock; ref_area = destination, counterpart_area = origin."""
    observations: list[ObservationRecord] = []
    iso3_by_m49: dict[int, str] = {}
    where = str(path)
    for number, record in read_rows(path, BILATERAL_HEADER, ordered=True):
        year = record["year"].strip()
        if year not in YEARS:
            raise ImportFileError(where, number, "year", f"unknown year {year!r}; expected one of {YEARS}")
        origin = _area_code(path, number, "origin_m49", record["origin_m49"], known_areas)
        destination = _area_code(path, number, "destination_m49", record["destination_m49"], known_areas)
        for side, m49 in (("origin", origin), ("destination", destination)):
            iso3 = record[f"{side}_iso3"].strip()
            if iso3:
                iso3_by_m49.setdefault(m49, iso3)
        total, male, female = (
            _count(path, number, column, record[column]) for column in ("stock_total", "stock_male", "stock_female")
        )
        if total != male + female:
            raise ImportFileError(
                where, number, "stock_total", f"{total:g} is not stock_male + stock_female ({male + female:g})"
            )
        for sex, value in (("_T", total), ("M", male), ("F", female)):
            observations.append(ObservationRecord("migrant-stock-bilateral", destination, origin, year, sex, value, ""))
    return BilateralContent(iso3_by_m49=iso3_by_m49, observations=observations)


def _area_code(path: Path, row: int, column: str, raw: str, known: set[int]) -> int:
    text = raw.strip()
    if not text.isdigit() or int(text) not in known:
        raise ImportFileError(str(path), row, column, f"unknown area code {raw!r} (not a location of the workbook)")
    return int(text)


def _count(path: Path, row: int, column: str, raw: str) -> float:
    value = finite_number(str(path), row, column, raw)
    if value < 0 or value != int(value):
        raise ImportFileError(str(path), row, column, f"{raw!r} is not a count of persons")
    return value
