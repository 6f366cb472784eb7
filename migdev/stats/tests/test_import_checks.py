"""The UN DESA loader refuses NaN, infinity, bad bytes, empty and cut files, naming file, row and column; no writes."""

from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from migdev.core.errors import ImportFileError
from migdev.core.progress import SilentProgress
from migdev.stats import importers
from migdev.stats.models import Observation
from migdev.stats.services import load_undesa_stock
from migdev.stats.tests.conftest import small_workbook
from migdev.stats.tests.test_import import expect_error, snapshot, value

pytestmark = pytest.mark.django_db

HEADER = ",".join(importers.BILATERAL_HEADER) + "\n"


def spoil_field(folder: Path, lines: list[str], index: int, field: int, text: str) -> None:
    fields = lines[index].rstrip("\n").split(",")
    fields[field] = text
    lines[index] = ",".join(fields) + "\n"
    (folder / importers.BILATERAL_FILE).write_text("".join(lines), encoding="utf-8")


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "-inf", "Infinity"])
def test_csv_nan_or_infinite_count(real_folder: Path, write_csv_head: Callable[[int], list[str]], text: str) -> None:
    """Issue 16: 'nan' and 'inf' crashed the loader with a raw traceback (int() of a non-finite float)."""
    lines = write_csv_head(20)
    spoil_field(real_folder, lines, 9, 8, text)
    expect_error(real_folder, importers.BILATERAL_FILE, "row 10, column stock_male", f"{text!r} is not a finite number")


def test_csv_invalid_utf8(real_folder: Path, write_csv_head: Callable[[int], list[str]]) -> None:
    """Issue 16: a byte that is not UTF-8 crashed the loader with UnicodeDecodeError."""
    lines = write_csv_head(20)
    data = (
        "".join(lines[:6]).encode() + lines[6].encode().replace(b"Angola", b"Ang\xf4la") + "".join(lines[7:]).encode()
    )
    (real_folder / importers.BILATERAL_FILE).write_bytes(data)
    error = expect_error(real_folder, importers.BILATERAL_FILE, "row 7", "the file is not UTF-8 text")
    assert error.row == 7


def test_csv_empty_file(real_folder: Path) -> None:
    (real_folder / importers.BILATERAL_FILE).write_bytes(b"")
    expect_error(real_folder, importers.BILATERAL_FILE, "row 1", "the file is empty")


def test_csv_cut_at_a_line_end_deletes_no_observation(
    real_folder: Path, write_csv_head: Callable[[int], list[str]]
) -> None:
    """A download cut between two rows passes every row check; loading it would replace 69,000 observations by 57."""
    write_csv_head(20)
    stored = Observation.objects.filter(source__code="undesa-ims2020-origin-destination").count()
    expect_error(
        real_folder, importers.BILATERAL_FILE, f"only 57 observations where {stored} are stored", "--allow-shrink"
    )


def test_csv_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    small_workbook(tmp_path / importers.WORKBOOK_FILE)
    row = "2020,MEX,Mexico,484,USA,USA,840,10,6,4\n"
    (tmp_path / importers.BILATERAL_FILE).write_bytes(b"\xef\xbb\xbf" + (HEADER + row).encode())
    load_undesa_stock(tmp_path, SilentProgress(), allow_shrink=True)
    assert value("migrant-stock-bilateral", 840, "2020", counterpart=484) == 10


def test_xlsx_nan_and_infinity(tmp_path: Path) -> None:
    (tmp_path / importers.BILATERAL_FILE).write_text(HEADER, encoding="utf-8")
    for cell, text in (("H13", "nan"), ("I13", "inf")):
        workbook = small_workbook(tmp_path / importers.WORKBOOK_FILE)
        workbook["Table 3"][cell] = text
        workbook.save(tmp_path / importers.WORKBOOK_FILE)
        expect_error(tmp_path, "sheet 'Table 3'", f"row 13, column {cell[0]}", f"{text!r} is not a finite number")


def test_xlsx_cut_short(real_folder: Path) -> None:
    path = real_folder / importers.WORKBOOK_FILE
    path.write_bytes(path.read_bytes()[:200_000])
    expect_error(real_folder, importers.WORKBOOK_FILE, "not a readable .xlsx workbook")


def test_cli_prints_the_message_for_nan(real_folder: Path, write_csv_head: Callable[[int], list[str]]) -> None:
    lines = write_csv_head(20)
    spoil_field(real_folder, lines, 9, 9, "nan")
    before = snapshot()
    with pytest.raises(CommandError, match=r"row 10, column stock_female: 'nan' is not a finite number.*nothing was"):
        call_command("import_dataset", "undesa-stock", str(real_folder))
    assert snapshot() == before


def test_cli_allow_shrink_replaces_with_a_smaller_file(
    real_folder: Path, write_csv_head: Callable[[int], list[str]]
) -> None:
    write_csv_head(20)
    with pytest.raises(ImportFileError):
        load_undesa_stock(real_folder, SilentProgress())
    call_command("import_dataset", "undesa-stock", str(real_folder), "--allow-shrink")
    assert Observation.objects.filter(source__code="undesa-ims2020-origin-destination").count() == 57
