"""Loaders: idempotent on the shipped data; each kind of bad input names file, row and column and writes nothing."""

import csv
import gzip
from pathlib import Path

import pytest

from migdev.core.apps import DATA_DIR
from migdev.core.datasets import DATASETS
from migdev.core.errors import ImportFileError
from migdev.core.importers.esco import load_esco
from migdev.core.importers.isco08 import load_isco08
from migdev.core.importers.reference import load_reference
from migdev.core.models import Country, EscoOccupation, EscoOccupationSkill, EscoSkill, IscoGroup, Region
from migdev.core.progress import SilentProgress

pytestmark = pytest.mark.django_db


def snapshot() -> tuple[int, ...]:
    """Row counts of the reference tables, to show a failed import changed nothing."""
    models = (Region, Country, IscoGroup, EscoOccupation, EscoSkill, EscoOccupationSkill)
    return tuple(m.objects.count() for m in models)


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def test_every_loader_is_registered_for_setup_in_order() -> None:
    assert [(DATASETS[n].setup_order, DATASETS[n].shipped) for n in ("reference", "isco08", "esco")] == [
        (10, DATA_DIR / "m49"),
        (20, DATA_DIR / "isco08"),
        (30, DATA_DIR / "esco"),
    ]


def test_reference_and_isco08_load_twice_without_change() -> None:
    before = snapshot()
    summary = load_reference(DATA_DIR / "m49", SilentProgress())
    assert "29 M49 regions (5 regions, 17 sub-regions, 7 intermediate regions; 0 new, 0 changed, 0 removed)" in summary
    assert "249 countries (0 new, 0 changed, 0 removed; 2 without an M49 region" in summary
    assert "0 new, 0 changed, 0 removed" in load_isco08(DATA_DIR / "isco08", SilentProgress())
    assert snapshot() == before
    assert Country.objects.get(iso3="FRA").name_es == "Francia"


def test_esco_loads_twice_without_change_and_counts_the_skipped_relations() -> None:
    before = snapshot()
    summary = load_esco(DATA_DIR / "esco", SilentProgress())
    assert "123788 occupation-skill relations (0 new, 0 changed, 0 removed)" in summary
    assert "67 relations skipped" in summary
    assert snapshot() == before


# --- reference (m49_regions.csv) ---

M49_HEADER = ["m49", "kind", "name", "parent_m49"]


def assert_rejected(path: Path, loader, expected: str, row: int | None, column: str | None) -> None:  # type: ignore[no-untyped-def]
    before = snapshot()
    with pytest.raises(ImportFileError) as caught:
        loader(path, SilentProgress())
    error = caught.value
    assert (error.row, error.column) == (row, column)
    assert error.path.endswith(path.name)
    message = str(error)
    assert expected in message
    if row is not None:
        assert f"row {row}" in message
    if column is not None:
        assert f"column {column}" in message
    assert snapshot() == before


def test_reference_rejects_a_wrong_header(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m49_regions.csv", [["code", "kind", "name", "parent"], ["002", "region", "Africa", ""]]
    )
    assert_rejected(path, load_reference, "missing column 'm49'", 1, "m49")


def test_reference_rejects_an_unknown_parent_code(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m49_regions.csv",
        [M49_HEADER, ["002", "region", "Africa", ""], ["202", "subregion", "Sub-Saharan Africa", "999"]],
    )
    assert_rejected(path, load_reference, "unknown parent code 999", 3, "parent_m49")


def test_reference_rejects_a_non_numeric_code(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m49_regions.csv", [M49_HEADER, ["AFR", "region", "Africa", ""]])
    assert_rejected(path, load_reference, "'AFR' is not a numeric M49 code", 2, "m49")


def test_reference_rejects_a_code_of_more_than_three_digits(tmp_path: Path) -> None:
    """UN DESA's aggregate codes (e.g. 5500 Central Asia) are not M49 codes."""
    path = write_csv(tmp_path / "m49_regions.csv", [M49_HEADER, ["5500", "region", "Central Asia", ""]])
    assert_rejected(path, load_reference, "5500 is not a 3-digit M49 code", 2, "m49")


def test_reference_rejects_an_unknown_kind(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "m49_regions.csv", [M49_HEADER, ["002", "continent", "Africa", ""]])
    assert_rejected(path, load_reference, "'continent'", 2, "kind")


def test_reference_rejects_an_intermediate_region_directly_under_a_region(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m49_regions.csv",
        [M49_HEADER, ["002", "region", "Africa", ""], ["014", "intermediate", "Eastern Africa", "002"]],
    )
    assert_rejected(path, load_reference, "'intermediate' with parent 002 (region)", 3, "kind")


def test_reference_rejects_a_country_directly_under_a_region(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m49_regions.csv", [M49_HEADER, ["002", "region", "Africa", ""], ["404", "country", "Kenya", "002"]]
    )
    assert_rejected(path, load_reference, "'country' with parent 002 (region)", 3, "kind")


def test_reference_rejects_a_code_given_twice(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "m49_regions.csv", [M49_HEADER, ["002", "region", "Africa", ""], ["2", "region", "Africa", ""]]
    )
    assert_rejected(path, load_reference, "code 002 appears twice", 3, "m49")


def test_reference_rejects_a_truncated_file(tmp_path: Path) -> None:
    path = tmp_path / "m49_regions.csv"
    path.write_text('m49,kind,name,parent_m49\n002,region,Africa,\n202,subregion,"Sub-Saharan Af', encoding="utf-8")
    assert_rejected(path, load_reference, "truncated", 3, None)


def test_reference_replaces_un_desa_aggregate_codes_with_m49_regions() -> None:
    """A database loaded from the former UN DESA file (904 > 916 > MEX) moves to M49 and loses the old codes."""
    Country.objects.update(subregion=None, intermediate_region=None)
    for kind in ("intermediate", "subregion", "region"):  # children first: a region protects its children
        Region.objects.filter(kind=kind).delete()
    latin = Region.objects.create(m49=904, name="Latin America and the Caribbean", kind="region")
    Region.objects.create(m49=916, name="Central America", kind="subregion", parent=latin)
    Country.objects.filter(iso3="MEX").update(subregion_id=916)
    summary = load_reference(DATA_DIR / "m49", SilentProgress())
    assert "29 new, 0 changed, 2 removed" in summary
    assert not Region.objects.filter(m49__in=(904, 916)).exists()
    mexico = Country.objects.get(iso3="MEX")
    assert (mexico.intermediate_region_id, mexico.subregion_id) == (13, 419)
    assert Region.objects.count() == 29


def test_reference_rejects_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"m49_regions\.csv: file not found"):
        load_reference(tmp_path, SilentProgress())


# --- isco08 ---

ISCO_HEADER = ["code", "level", "parent_code", "title_en", "title_fr", "title_es", "esco_uri"]


def isco_folder(tmp_path: Path, rows: list[list[str]], header: list[str] = ISCO_HEADER) -> Path:
    write_csv(tmp_path / "isco08_structure.csv", [header, *rows])
    write_csv(tmp_path / "ISCOGroups_en.csv", [["code", "description"], ["2", "Professionals ..."]])
    return tmp_path


def test_isco08_rejects_a_wrong_header(tmp_path: Path) -> None:
    folder = isco_folder(tmp_path, [["2", "1", "", "Professionals", "", "", ""]], ["code", "level", "parent", "title"])
    assert_rejected(
        folder / "isco08_structure.csv", lambda p, r: load_isco08(folder, r), "'parent_code'", 1, "parent_code"
    )


def test_isco08_rejects_an_unknown_parent_code(tmp_path: Path) -> None:
    folder = isco_folder(
        tmp_path, [["2", "1", "", "Professionals", "", "", ""], ["31", "2", "3", "Technicians", "", "", ""]]
    )
    assert_rejected(
        folder / "isco08_structure.csv", lambda p, r: load_isco08(folder, r), "unknown parent code 3", 3, "parent_code"
    )


def test_isco08_rejects_a_level_that_does_not_match_the_code(tmp_path: Path) -> None:
    folder = isco_folder(tmp_path, [["2", "2", "", "Professionals", "", "", ""]])
    assert_rejected(folder / "isco08_structure.csv", lambda p, r: load_isco08(folder, r), "level '2'", 2, "level")


def test_isco08_rejects_a_truncated_row(tmp_path: Path) -> None:
    folder = isco_folder(tmp_path, [["2", "1", "", "Professionals", "", "", ""], ["21", "2", "2"]])
    assert_rejected(
        folder / "isco08_structure.csv", lambda p, r: load_isco08(folder, r), "3 fields where the header has 7", 3, None
    )


# --- esco ---

OCC_HEADER = ["conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels", "description", "code"]
SKILL_HEADER = ["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels", "description"]
REL_HEADER = ["occupationUri", "relationType", "skillType", "skillUri"]
OCC = "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000001"
OCC_GONE = "http://data.europa.eu/esco/occupation/00000000-0000-4000-8000-000000000002"
SKILL = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000001"
SKILL_UNKNOWN = "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-000000000009"


def esco_folder(
    tmp_path: Path,
    occupations: list[list[str]] | None = None,
    relations: list[list[str]] | None = None,
    occupation_header: list[str] = OCC_HEADER,
) -> Path:
    occupations = occupations or [["Occupation", OCC, "2221", "test nurse", "nurse\ncarer", "Cares.", "2221.9"]]
    write_csv(tmp_path / "occupations_en.csv", [occupation_header, *occupations])
    write_csv(tmp_path / "occupations_fr.csv", [OCC_HEADER, ["Occupation", OCC, "2221", "infirmier test", "", "", ""]])
    write_csv(
        tmp_path / "skills_en.csv", [SKILL_HEADER, ["KnowledgeSkillCompetence", SKILL, "knowledge", "", "care", "", ""]]
    )
    relations = relations or [[OCC, "essential", "knowledge", SKILL]]
    write_csv(tmp_path / "occupationSkillRelations.csv", [REL_HEADER, *relations])
    return tmp_path


def test_esco_rejects_a_wrong_header(tmp_path: Path) -> None:
    header = [c if c != "iscoGroup" else "isco" for c in OCC_HEADER]
    folder = esco_folder(tmp_path, occupation_header=header)
    assert_rejected(
        folder / "occupations_en.csv", lambda p, r: load_esco(folder, r), "missing column 'iscoGroup'", 1, "iscoGroup"
    )


def test_esco_rejects_an_unknown_isco_unit_group(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path, occupations=[["Occupation", OCC, "9999", "test nurse", "", "", "1"]])
    assert_rejected(
        folder / "occupations_en.csv",
        lambda p, r: load_esco(folder, r),
        "unknown ISCO-08 unit group '9999'",
        2,
        "iscoGroup",
    )


def test_esco_rejects_an_unknown_relation_type(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path, relations=[[OCC, "required", "knowledge", SKILL]])
    path = folder / "occupationSkillRelations.csv"
    assert_rejected(
        path, lambda p, r: load_esco(folder, r), "'required' is neither essential nor optional", 2, "relationType"
    )


def test_esco_rejects_an_unknown_skill(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path, relations=[[OCC, "optional", "knowledge", SKILL_UNKNOWN]])
    path = folder / "occupationSkillRelations.csv"
    assert_rejected(path, lambda p, r: load_esco(folder, r), "unknown skill", 2, "skillUri")


def test_esco_rejects_a_truncated_gzip_file(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path)
    relations = folder / "occupationSkillRelations.csv"
    compressed = gzip.compress((relations.read_text(encoding="utf-8") * 50).encode())
    (folder / "occupationSkillRelations.csv.gz").write_bytes(compressed[: len(compressed) // 2])
    relations.unlink()
    before = snapshot()
    with pytest.raises(ImportFileError, match=r"occupationSkillRelations\.csv\.gz, row \d+: the gzip file is damaged"):
        load_esco(folder, SilentProgress())
    assert snapshot() == before


def test_esco_rejects_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path)
    (folder / "skills_en.csv").write_bytes(",".join(SKILL_HEADER).encode() + b"\nK,\xff\xfe,,,,,\n")
    before = snapshot()
    with pytest.raises(ImportFileError, match=r"skills_en\.csv, row 2: the file is not UTF-8 text"):
        load_esco(folder, SilentProgress())
    assert snapshot() == before


def test_esco_relation_to_a_missing_occupation_is_skipped_and_counted(tmp_path: Path) -> None:
    """A small folder (replacing the whole ESCO set, so allow_shrink, inside this test's transaction) with one orphan
    relation."""
    folder = esco_folder(
        tmp_path,
        relations=[[OCC, "essential", "knowledge", SKILL], [OCC_GONE, "optional", "knowledge", SKILL]],
    )
    summary = load_esco(folder, SilentProgress(), allow_shrink=True)
    assert "1 occupation-skill relations" in summary and "1 relations skipped" in summary
    occupation = EscoOccupation.objects.get(uri=OCC)
    assert (occupation.preferred_label_en, occupation.preferred_label_fr) == ("test nurse", "infirmier test")
    assert list(occupation.skill_relations.values_list("relation", flat=True)) == ["essential"]
    assert EscoOccupation.objects.count() == 1
