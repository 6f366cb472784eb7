"""Small RPW files for tests: legacy CSVs cut from the shipped file, and workbooks in the current 42-column schema
(built from the schema in data/PROVENANCE.md, section 4, since the full workbook is not shipped)."""

import csv
import gzip
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from migdev.remittances.apps import DATA_DIR

SHIPPED_QUOTES = DATA_DIR / "rpw_quotes_2011q1_2014q2.csv.gz"

WORKBOOK_COLUMNS = [
    "id",
    "period",
    "source_code",
    "source_name",
    "source_region",
    "source_income",
    "source_lending",
    "source_G8G20",
    "destination_code",
    "destination_name",
    "destination_region",
    "destination_income",
    "destination_lending",
    "destination_G8G20",
    "firm",
    "firm_type",
    "payment instrument",
    "access point",
    "speed actual",
    "cc1 lcu amount",
    "cc1 denomination amount",
    "cc1 lcu code",
    "cc1 lcu fee",
    "cc1 lcu fx rate",
    "cc1 fx margin",
    "cc1 total cost %",
    "cc2 lcu amount",
    "cc2 denomination amount",
    "cc2 lcu code",
    "cc2 lcu fee",
    "cc2 lcu fx rate",
    "cc2 fx margin",
    "cc2 total cost %",
    "inter lcu bank fx",
    "transparent",
    "Standard Note",
    "note2",
    "receiving network coverage",
    "pickup location",
    "pickup method",
    "date",
    "corridor",
]
assert len(WORKBOOK_COLUMNS) == 42


def legacy_rows(period: str = "2014_2Q", count: int = 40) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the first `count` rows of one quarter of the shipped legacy file."""
    with gzip.open(SHIPPED_QUOTES, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [row for row in reader if row["period"] == period][:count]
        return list(reader.fieldnames or []), rows


def write_legacy(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def workbook_row(**values: Any) -> dict[str, Any]:
    """A USA -> MEX 2016Q2 bank transfer: fee 10 on USD 200, rate 18.0 against interbank 18.5 (margin 2.70 %)."""
    row: dict[str, Any] = {
        "id": 1,
        "period": "2016_2Q",
        "source_code": "USA",
        "source_name": "United States",
        "source_region": "High income",
        "destination_code": "MEX",
        "destination_name": "Mexico",
        "destination_region": "Latin America & Caribbean",
        "firm": "Demo Bank",
        "firm_type": "Bank",
        "payment instrument": "Bank account",
        "access point": "Online",
        "speed actual": "Next day",
        "cc1 lcu amount": 200,
        "cc1 denomination amount": 200,
        "cc1 lcu code": "USD",
        "cc1 lcu fee": 10,
        "cc1 lcu fx rate": 18.0,
        "cc1 fx margin": 2.7027,
        "cc1 total cost %": 7.7027,
        "cc2 lcu amount": 500,
        "cc2 denomination amount": 500,
        "cc2 lcu code": "USD",
        "cc2 lcu fee": 10,
        "cc2 lcu fx rate": 18.0,
        "cc2 fx margin": 2.7027,
        "cc2 total cost %": 4.7027,
        "inter lcu bank fx": 18.5,
        "transparent": "Yes",
        "receiving network coverage": "Nationwide",
        "pickup method": "Bank account",
        "date": "2016-05-10",
        "corridor": "USA_MEX",
    }
    row.update(values)
    return row


def write_workbook(path: Path, rows: list[dict[str, Any]], columns: list[str] | None = None) -> Path:
    workbook = Workbook()
    terms = workbook.active
    assert terms is not None
    terms.title = "Terms of Use"
    terms.append(["CC BY 4.0"])
    sheet = workbook.create_sheet("Dataset (from Q2 2016)")
    header = columns or WORKBOOK_COLUMNS
    sheet.append(header)
    for row in rows:
        sheet.append([row.get(column) for column in header])
    workbook.save(path)
    return path
