"""RPW files: the legacy CSV (2011-2016Q1) and the current workbook's sheet "Dataset (from Q2 2016)" (42 columns).

Columns are matched by name (the workbook's order is indicative); each reader yields QuoteRecords row by row.
"""

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import read_rows
from migdev.remittances.importers.quotes import REQUIRED_COLUMNS, Codes, QuoteRecord, RowReader

WORKBOOK_SHEET = "Dataset (from Q2 2016)"
# Workbook column -> the legacy name the row reader uses.
WORKBOOK_RENAMES = {
    "source_code": "source",
    "destination_code": "destination",
    "payment instrument": "product",
    "access point": "sending location",
    "pickup method": "pick-up method",
    "receiving network coverage": "coverage",
    "Standard Note": "note1",
}
WORKBOOK_NAMES = {legacy: name for name, legacy in WORKBOOK_RENAMES.items()}
WORKBOOK_REQUIRED = tuple(WORKBOOK_NAMES.get(c, c) for c in REQUIRED_COLUMNS)


def is_workbook(path: Path) -> bool:
    return path.suffix.casefold() in (".xlsx", ".xlsm")


def read_quotes(path: Path, codes: Codes) -> Iterator[QuoteRecord]:
    """Every quote of an RPW file of either schema, in file order."""
    return read_workbook(path, codes) if is_workbook(path) else read_legacy(path, codes)


def read_legacy(path: Path, codes: Codes) -> Iterator[QuoteRecord]:
    reader = RowReader(str(path), codes)
    for row, record in read_rows(path, REQUIRED_COLUMNS):
        yield from reader.quotes(row, lambda column, record=record: record.get(column))  # type: ignore[misc]


def read_workbook(path: Path, codes: Codes) -> Iterator[QuoteRecord]:
    """The sheet 'Dataset (from Q2 2016)', streamed (read-only): about 200,000 rows in the full release."""
    where = str(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, zlib.error, ParseError) as exc:
        raise ImportFileError(where, None, None, f"not a readable .xlsx workbook ({exc})") from exc
    try:
        if WORKBOOK_SHEET not in workbook.sheetnames:
            raise ImportFileError(where, None, None, f"sheet {WORKBOOK_SHEET!r} is missing")
        yield from _sheet_quotes(f"{where}, sheet {WORKBOOK_SHEET}", workbook[WORKBOOK_SHEET], codes)
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error, ParseError) as exc:
        # a read-only workbook is read as it goes, so a damaged or cut file fails here, mid-sheet
        raise ImportFileError(where, None, None, f"the workbook is damaged or truncated ({exc})") from exc
    finally:
        workbook.close()


def _sheet_quotes(where: str, sheet: Any, codes: Codes) -> Iterator[QuoteRecord]:
    rows = sheet.iter_rows(values_only=True)
    header_cells = next(rows, None)
    if header_cells is None:
        raise ImportFileError(where, 1, None, "the sheet is empty")
    header = ["" if h is None else str(h).strip() for h in header_cells]
    missing = [c for c in WORKBOOK_REQUIRED if c not in header]
    if missing:
        raise ImportFileError(where, 1, missing[0], f"missing column {missing[0]!r}")
    position = {WORKBOOK_RENAMES.get(name, name): index for index, name in enumerate(header) if name}
    reader = RowReader(where, codes)
    for row, values in enumerate(rows, start=2):
        if all(v is None or v == "" for v in values):
            continue  # empty helper rows at the bottom of some releases

        def cell(column: str, values: tuple[Any, ...] = values) -> object:
            index = position.get(column)
            return values[index] if index is not None and index < len(values) else None

        try:
            yield from reader.quotes(row, cell)
        except ImportFileError as exc:  # name the column as the workbook does
            if exc.column not in WORKBOOK_NAMES:
                raise
            raise ImportFileError(exc.path, exc.row, WORKBOOK_NAMES[exc.column], exc.problem) from None
