"""Every kind of bad RPW file is refused with the file, row and column named, and nothing is stored."""

from pathlib import Path

import pytest

from migdev.core.errors import ImportFileError
from migdev.core.progress import SilentProgress
from migdev.remittances.models import PriceImport, PriceQuote
from migdev.remittances.services import load_corridor_series, load_prices
from migdev.remittances.tests.files import (
    WORKBOOK_COLUMNS,
    legacy_rows,
    workbook_row,
    write_legacy,
    write_workbook,
)

pytestmark = pytest.mark.django_db


def refused(path: Path, row: int | None, column: str | None, problem: str) -> None:
    before = (PriceImport.objects.count(), PriceQuote.objects.count())
    with pytest.raises(ImportFileError) as caught:
        load_prices(path, SilentProgress())
    error = caught.value
    assert (error.path.endswith(path.name) or path.name in error.path, error.row, error.column) == (True, row, column)
    assert problem in error.problem
    assert (PriceImport.objects.count(), PriceQuote.objects.count()) == before


def legacy(tmp_path: Path, row_index: int | None = None, **changes: str) -> Path:
    header, rows = legacy_rows("2014_2Q", 10)
    if row_index is not None:
        rows[row_index].update(changes)
    return write_legacy(tmp_path / "remittances-bad.csv", header, rows)


def test_missing_column(tmp_path: Path) -> None:
    header, rows = legacy_rows("2014_2Q", 5)
    header.remove("inter lcu bank fx")
    for row in rows:
        del row["inter lcu bank fx"]
    refused(write_legacy(tmp_path / "remittances-bad.csv", header, rows), 1, "inter lcu bank fx", "missing column")


def test_unknown_country_code(tmp_path: Path) -> None:
    refused(legacy(tmp_path, 3, destination="XYZ"), 5, "destination", "'XYZ' is not a known ISO 3166-1")


def test_unknown_currency_code(tmp_path: Path) -> None:
    refused(legacy(tmp_path, 2, **{"cc1 lcu code": "ZZZ"}), 4, "cc1 lcu code", "'ZZZ' is not an ISO 4217")


@pytest.mark.parametrize("rate", ["0", "-1.3"])
def test_zero_or_negative_interbank_rate(tmp_path: Path, rate: str) -> None:
    refused(legacy(tmp_path, 0, **{"inter lcu bank fx": rate}), 2, "inter lcu bank fx", "must be positive")


def test_amount_that_does_not_match_the_tier(tmp_path: Path) -> None:
    path = legacy(tmp_path, 6, **{"cc1 denomination amount": "500"})
    refused(path, 8, "cc1 denomination amount", "500 does not match the USD 200 amount")


def test_text_in_a_numeric_cell(tmp_path: Path) -> None:
    refused(legacy(tmp_path, 4, **{"cc1 lcu fee": "ten"}), 6, "cc1 lcu fee", "'ten' is not a number")


def test_truncated_csv(tmp_path: Path) -> None:
    path = legacy(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])
    refused(path, 11, None, "cut short")


def test_bad_period_and_yes_no(tmp_path: Path) -> None:
    refused(legacy(tmp_path, 1, period="2014-2"), 3, "period", "not a quarter")
    refused(legacy(tmp_path, 1, transparent="maybe"), 3, "transparent", "expected yes or no")


def test_workbook_missing_column(tmp_path: Path) -> None:
    columns = [c for c in WORKBOOK_COLUMNS if c != "cc1 lcu fee"]
    path = write_workbook(tmp_path / "remittances-bad.xlsx", [workbook_row()], columns)
    refused(path, 1, "cc1 lcu fee", "missing column")


def test_workbook_text_in_a_numeric_cell(tmp_path: Path) -> None:
    rows = [workbook_row(id=1), workbook_row(id=2, **{"inter lcu bank fx": "eighteen"})]
    refused(write_workbook(tmp_path / "remittances-bad.xlsx", rows), 3, "inter lcu bank fx", "is not a number")


def test_workbook_unknown_country_and_zero_rate(tmp_path: Path) -> None:
    rows = [workbook_row(id=1, destination_code="QQQ")]
    refused(write_workbook(tmp_path / "remittances-bad.xlsx", rows), 2, "destination_code", "QQQ")
    rows = [workbook_row(id=1, **{"inter lcu bank fx": 0})]
    refused(write_workbook(tmp_path / "remittances-bad.xlsx", rows), 2, "inter lcu bank fx", "must be positive")


def test_truncated_workbook(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "remittances-bad.xlsx", [workbook_row(id=i) for i in range(1, 200)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, None, None, "workbook")


def test_corridor_series_with_an_unknown_code(tmp_path: Path) -> None:
    path = tmp_path / "remittances-series.csv"
    header = "Sending Countries Name,Sending Countries Code,Series Name,Series Code,Receiving Countries  Name,"
    header += "Receiving Countries  Code,2014Q1 [YR2014Q1]\n"
    path.write_text(header + "Nowhere,NWH,Average,ATCR.CORR,Mexico,MEX,4.5\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        load_corridor_series(path, SilentProgress())
    assert (caught.value.row, caught.value.column) == (2, "Sending Countries Code")
