"""The UN DESA International Migrant Stock 2020 loader: published figures, idempotency, each kind of bad input."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Max
from openpyxl import load_workbook

from migdev.core.datasets import DATASETS
from migdev.core.errors import ImportFileError
from migdev.core.progress import SilentProgress
from migdev.stats import importers
from migdev.stats.models import Area, Indicator, Observation, Source
from migdev.stats.services import load_undesa_stock
from migdev.stats.tests.conftest import SHIPPED, SMALL_LOCATIONS, small_workbook

pytestmark = pytest.mark.django_db


def value(indicator: str, m49: int, year: str, sex: str = "_T", counterpart: int | None = None) -> float:
    return Observation.objects.get(
        indicator__code=indicator, ref_area_id=m49, counterpart_area_id=counterpart, period=year, sex_id=sex
    ).value


def snapshot() -> tuple[int, int | None, int, int]:
    return (
        Observation.objects.count(),
        Observation.objects.aggregate(last=Max("id"))["last"],
        Area.objects.count(),
        Source.objects.count(),
    )


def test_world_stock_2020_matches_un_desa() -> None:
    """UN DESA, International Migrant Stock 2020, Table 1 and Table 4 (WORLD, 900)."""
    assert value("migrant-stock", 900, "2020") == 280_598_105
    assert value("migrant-stock", 900, "2020", "M") == 145_655_844
    assert value("migrant-stock", 900, "2020", "F") == 134_942_261
    assert value("migrant-stock", 900, "1990") == 152_986_157
    assert round(value("migrant-female-share", 900, "2020"), 2) == 48.09


def test_usa_and_mexico_to_usa_match_un_desa() -> None:
    """UN DESA IMS 2020: USA Table 1; Mexico -> USA from the origin-destination file (see PROVENANCE.md)."""
    assert value("migrant-stock", 840, "2020") == 50_632_836
    assert value("migrant-stock", 840, "2020", "F") == 26_153_840
    assert value("migrant-stock-bilateral", 840, "2020", counterpart=484) == 10_853_105
    assert value("migrant-stock-bilateral", 840, "2020", "F", counterpart=484) == 5_056_331


def test_population_is_stored_in_persons_and_type_of_data_in_status() -> None:
    """Table 2 publishes thousands with three decimals (WORLD 2020: 7,794,798.729 thousand)."""
    assert value("population", 900, "2020") == 7_794_798_729
    usa = Observation.objects.get(indicator__code="migrant-stock", ref_area_id=840, period="2020", sex_id="_T")
    assert usa.status == "B"
    assert (
        Observation.objects.get(indicator__code="migrant-stock", ref_area_id=776, period="2020", sex_id="_T").status
        == "B R"
    )


def test_areas_kinds_names_and_codes() -> None:
    assert Area.objects.count() == 282  # 283 rows, 927 Australia and New Zealand listed twice
    usa = Area.objects.get(m49=840)
    assert (usa.name_en, usa.kind, usa.iso3) == ("United States of America", "country", "USA")
    assert usa.name_fr == "États-Unis"
    assert "Puerto Rico" in usa.notes
    assert Area.objects.get(m49=900).kind == "aggregate"
    assert Area.objects.get(m49=957).name_en == "Polynesia"  # trailing '*' stripped


def test_indicators_and_sources_are_described() -> None:
    stock = Indicator.objects.get(code="migrant-stock")
    assert (stock.name_en, stock.name_fr, stock.unit, stock.sdg_code) == (
        "International migrant stock",
        "Stock de migrants internationaux",
        "PS",
        "",
    )
    assert Indicator.objects.get(code="migrant-stock-bilateral").bilateral
    sources = Source.objects.filter(code__startswith="undesa-ims2020")
    assert sources.count() == 2
    for source in sources:
        assert source.licence == "CC BY 3.0 IGO"
        assert source.version == "2020 (POP/DB/MIG/Stock/Rev.2020)"
        assert source.url == "https://www.un.org/development/desa/pd/content/international-migrant-stock"
        assert "Population Division" in source.publisher
        assert "International Migrant Stock 2020" in source.attribution


def test_dataset_is_registered_for_setup() -> None:
    dataset = DATASETS["undesa-stock"]
    assert dataset.setup_order == 50
    assert dataset.shipped == SHIPPED


def test_reloading_replaces_the_observations() -> None:
    count = Observation.objects.count()
    areas = Area.objects.count()
    load_undesa_stock(SHIPPED, SilentProgress())
    assert Observation.objects.count() == count
    assert Area.objects.count() == areas
    assert value("migrant-stock", 900, "2020") == 280_598_105


def test_small_workbook_loads(tmp_path: Path) -> None:
    small_workbook(tmp_path / importers.WORKBOOK_FILE)
    (tmp_path / importers.BILATERAL_FILE).write_text(
        ",".join(importers.BILATERAL_HEADER) + "\n2020,MEX,Mexico,484,USA,USA,840,10,6,4\n", encoding="utf-8"
    )
    summary = load_undesa_stock(tmp_path, SilentProgress(), allow_shrink=True)
    assert summary.startswith("3 areas")
    assert value("migrant-stock-bilateral", 840, "2020", counterpart=484) == 10


# --- bad input: each raises ImportFileError naming file, row and column, and writes nothing --------------------


def expect_error(folder: Path, *fragments: str) -> ImportFileError:
    before = snapshot()
    with pytest.raises(ImportFileError) as caught:
        load_undesa_stock(folder, SilentProgress())
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, message
    assert snapshot() == before
    return caught.value


def test_csv_wrong_header(real_folder: Path, write_csv_head: Callable[[int], list[str]]) -> None:
    lines = write_csv_head(20)
    lines[0] = lines[0].replace("origin_m49", "origin_code")
    (real_folder / importers.BILATERAL_FILE).write_text("".join(lines), encoding="utf-8")
    error = expect_error(
        real_folder, importers.BILATERAL_FILE, "row 1, column origin_m49", "expected header 'origin_m49'"
    )
    assert error.row == 1


def test_csv_unknown_area_code(real_folder: Path, write_csv_head: Callable[[int], list[str]]) -> None:
    lines = write_csv_head(20)
    lines[5] = lines[5].replace(",24,", ",999,", 1)
    (real_folder / importers.BILATERAL_FILE).write_text("".join(lines), encoding="utf-8")
    expect_error(real_folder, importers.BILATERAL_FILE, "row 6, column origin_m49", "unknown area code '999'")


def test_csv_non_numeric_value(real_folder: Path, write_csv_head: Callable[[int], list[str]]) -> None:
    lines = write_csv_head(20)
    fields = lines[9].rstrip("\n").split(",")
    fields[8] = "12a"
    lines[9] = ",".join(fields) + "\n"
    (real_folder / importers.BILATERAL_FILE).write_text("".join(lines), encoding="utf-8")
    expect_error(real_folder, importers.BILATERAL_FILE, "row 10, column stock_male", "'12a' is not a number")


def test_csv_truncated_last_row(real_folder: Path, write_csv_head: Callable[[int], list[str]]) -> None:
    lines = write_csv_head(30)
    lines[-1] = ",".join(lines[-1].split(",")[:6])  # the file was cut in the middle of its last line
    (real_folder / importers.BILATERAL_FILE).write_text("".join(lines), encoding="utf-8")
    expect_error(real_folder, importers.BILATERAL_FILE, "row 30", "the last line has no line end")


def test_csv_row_with_missing_fields(real_folder: Path, write_csv_head: Callable[[int], list[str]]) -> None:
    lines = write_csv_head(30)
    lines[12] = ",".join(lines[12].split(",")[:6]) + "\n"
    (real_folder / importers.BILATERAL_FILE).write_text("".join(lines), encoding="utf-8")
    expect_error(real_folder, importers.BILATERAL_FILE, "row 13", "6 fields where the header has 10 (truncated row?)")


def test_missing_file_in_folder(real_folder: Path) -> None:
    (real_folder / importers.BILATERAL_FILE).unlink()
    expect_error(real_folder, importers.BILATERAL_FILE, "file not found")


def test_missing_file_through_the_cli(real_folder: Path) -> None:
    (real_folder / importers.WORKBOOK_FILE).unlink()
    before = snapshot()
    with pytest.raises(CommandError, match=r"file not found.*nothing was imported"):
        call_command("import_dataset", "undesa-stock", str(real_folder))
    assert snapshot() == before


def test_xlsx_wrong_header(real_folder: Path) -> None:
    path = real_folder / importers.WORKBOOK_FILE
    workbook = load_workbook(path)
    workbook["Table 3"]["D11"] = "Code"
    workbook.save(path)
    expect_error(real_folder, "sheet 'Table 3'", "row 11, column D", "expected header 'Location code', found 'Code'")


def test_xlsx_non_numeric_value(tmp_path: Path) -> None:
    shutil.copy(SHIPPED / importers.BILATERAL_FILE, tmp_path / importers.BILATERAL_FILE)
    workbook = small_workbook(tmp_path / importers.WORKBOOK_FILE)
    workbook["Table 1"]["H13"] = "n/a"
    workbook.save(tmp_path / importers.WORKBOOK_FILE)
    expect_error(tmp_path, importers.WORKBOOK_FILE, "sheet 'Table 1'", "row 13, column H", "'n/a' is not a number")


def test_xlsx_unknown_area_code(tmp_path: Path) -> None:
    locations = [*SMALL_LOCATIONS[:2], (None, "Atlantis", "B", [1] * 7)]
    small_workbook(tmp_path / importers.WORKBOOK_FILE, locations)  # type: ignore[arg-type]
    shutil.copy(SHIPPED / importers.BILATERAL_FILE, tmp_path / importers.BILATERAL_FILE)
    expect_error(tmp_path, "sheet 'Table 1'", "row 14, column D", "unknown area code None")


def test_xlsx_sheet_missing_rows(tmp_path: Path) -> None:
    path = tmp_path / importers.WORKBOOK_FILE
    workbook = small_workbook(path)
    workbook["Table 2"].delete_rows(14)  # the United States row of Table 2
    workbook.save(path)
    shutil.copy(SHIPPED / importers.BILATERAL_FILE, tmp_path / importers.BILATERAL_FILE)
    expect_error(tmp_path, "sheet 'Table 2'", "column D", "1 location(s) of Table 1 are missing, first 840")


def test_xlsx_sheet_missing_columns(tmp_path: Path) -> None:
    path = tmp_path / importers.WORKBOOK_FILE
    workbook = small_workbook(path)
    workbook["Table 1"].delete_cols(26)  # females 2020
    workbook.save(path)
    shutil.copy(SHIPPED / importers.BILATERAL_FILE, tmp_path / importers.BILATERAL_FILE)
    expect_error(tmp_path, "sheet 'Table 1'", "row 11, column Z", "expected header 2020, found None")


def test_xlsx_sheet_missing(tmp_path: Path) -> None:
    path = tmp_path / importers.WORKBOOK_FILE
    workbook = small_workbook(path)
    del workbook["Table 4"]
    workbook.save(path)
    shutil.copy(SHIPPED / importers.BILATERAL_FILE, tmp_path / importers.BILATERAL_FILE)
    expect_error(tmp_path, importers.WORKBOOK_FILE, "sheet 'Table 4' is missing")


def test_not_a_workbook(real_folder: Path) -> None:
    (real_folder / importers.WORKBOOK_FILE).write_bytes(b"PK\x03\x04 this is not a workbook")
    expect_error(real_folder, importers.WORKBOOK_FILE, "not a readable .xlsx workbook")
