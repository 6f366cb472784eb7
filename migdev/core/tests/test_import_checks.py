"""Reference loaders refuse truncated and malformed files: the message names file, row and column; nothing changes.

Each test cuts or spoils a copy of the shipped files in the way real files get damaged (a download cut short, a
spreadsheet saved with a BOM, an editor's stray bytes) and checks that no row was written, changed or removed.
"""

import csv
import gzip
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from migdev.core.apps import DATA_DIR
from migdev.core.errors import ImportFileError
from migdev.core.importers.esco import load_esco
from migdev.core.importers.isco08 import load_isco08
from migdev.core.importers.reference import load_reference
from migdev.core.models import Country, EscoOccupation, EscoOccupationSkill, EscoSkill, IscoGroup, Region
from migdev.core.progress import SilentProgress
from migdev.core.tests.test_loaders import OCC, OCC_HEADER, SKILL, SKILL_HEADER, esco_folder, isco_folder, write_csv

pytestmark = pytest.mark.django_db

Loader = Callable[..., str]


def state() -> tuple[object, ...]:
    """What a failed import must leave as it was: row counts, every country's placement, every ISCO group."""
    counts = tuple(m.objects.count() for m in (Region, Country, IscoGroup, EscoOccupation, EscoSkill))
    placements = tuple(Country.objects.order_by("iso3").values_list("iso3", "subregion", "intermediate_region"))
    groups = tuple(IscoGroup.objects.order_by("code").values_list("code", "parent", "title", "esco_uri"))
    return counts, EscoOccupationSkill.objects.count(), placements, groups


def rejected(loader: Loader, folder: Path, file: str, row: int | None, column: str | None, problem: str) -> str:
    """Load `folder`, expect ImportFileError on `file` at (row, column) saying `problem`; nothing may change."""
    before = state()
    with pytest.raises(ImportFileError) as caught:
        loader(folder, SilentProgress())
    error = caught.value
    message = str(error)
    assert Path(error.path).name == file, message
    assert (error.row, error.column) == (row, column), message
    assert problem in message, message
    assert state() == before
    return message


def copy_of(tmp_path: Path, shipped: str) -> Path:
    folder = tmp_path / shipped
    shutil.copytree(DATA_DIR / shipped, folder)
    return folder


def cut(path: Path, fraction: float, at_line_end: bool) -> int:
    """Cut the text file `path` at `fraction` of its bytes, mid-line or at the line end before; returns its lines."""
    data = path.read_bytes()
    end = int(len(data) * fraction)
    if at_line_end:
        end = data.rindex(b"\n", 0, end) + 1
    elif data[end - 1 : end + 1].count(b"\n"):
        end -= 2
    path.write_bytes(data[:end])
    return data[:end].count(b"\n") + (0 if at_line_end else 1)


# --- reference (m49_regions.csv) ---------------------------------------------------------------------------------

M49 = "m49_regions.csv"


def test_reference_cut_mid_line_removes_nothing(tmp_path: Path) -> None:
    """Issue 16: half the file, its last row cut mid-line, imported with '11 removed' regions and 129 countries
    changed. The last line has no line end, so the file is refused and no region or placement changes."""
    folder = copy_of(tmp_path, "m49")
    lines = cut(folder / M49, 0.5, at_line_end=False)
    rejected(load_reference, folder, M49, lines, None, "the last line has no line end")


def test_reference_cut_at_a_line_end_lacks_regions(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "m49")
    cut(folder / M49, 0.5, at_line_end=True)
    rejected(load_reference, folder, M49, None, "m49", "M49 region(s) 142 Asia, 150 Europe missing")


def test_reference_region_with_nothing_under_it_is_a_cut_file(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "m49")
    lines = (folder / M49).read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.endswith(",053\n")]  # Australia and New Zealand loses its countries
    assert len(kept) < len(lines)
    (folder / M49).write_text("".join(kept), encoding="utf-8")
    rejected(load_reference, folder, M49, None, "parent_m49", "subregion 053 Australia and New Zealand has no row")


def test_reference_with_far_fewer_placed_countries_than_stored_is_refused(tmp_path: Path) -> None:
    """Every region keeps one country under it, so the file looks whole, but most countries are gone: refused,
    unless --allow-shrink says the smaller set is meant."""
    folder = copy_of(tmp_path, "m49")
    with (folder / M49).open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    kept, placed_under = [rows[0]], set()
    for row in rows[1:]:
        kind, parent = row[1], row[3]
        if kind != "country" or parent not in placed_under:
            kept.append(row)
        if kind == "country":
            placed_under.add(parent)
    with (folder / M49).open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(kept)
    message = rejected(load_reference, folder, M49, None, None, "countries placed in an M49 region where 247 are")
    assert "--allow-shrink" in message
    summary = load_reference(folder, SilentProgress(), allow_shrink=True)
    assert "29 M49 regions" in summary
    assert Country.objects.filter(subregion__isnull=False).count() == len(placed_under) - 1  # 1: Antarctica's ""


def test_reference_row_with_a_missing_field(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "m49")
    text = (folder / M49).read_text(encoding="utf-8").replace("404,country,Kenya,014\n", "404,country,Kenya\n")
    (folder / M49).write_text(text, encoding="utf-8")
    row = text.splitlines().index("404,country,Kenya") + 1
    rejected(load_reference, folder, M49, row, None, "3 fields where the header has 4")


def test_reference_empty_file(tmp_path: Path) -> None:
    (tmp_path / M49).write_bytes(b"")
    rejected(load_reference, tmp_path, M49, 1, None, "the file is empty")


def test_reference_header_only(tmp_path: Path) -> None:
    (tmp_path / M49).write_text("m49,kind,name,parent_m49\n", encoding="utf-8")
    rejected(load_reference, tmp_path, M49, None, "m49", "M49 region(s) 002 Africa, 009 Oceania")


def test_reference_not_utf8(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "m49")
    data = (folder / M49).read_bytes().replace(b"Kenya", b"K\xe9nya")  # Latin-1, not UTF-8
    (folder / M49).write_bytes(data)
    message = rejected(load_reference, folder, M49, data[: data.index(b"K\xe9nya")].count(b"\n") + 1, None, "UTF-8")
    assert "not UTF-8 text" in message


def test_reference_with_a_byte_order_mark_loads_unchanged(tmp_path: Path) -> None:
    """Spreadsheet programs save UTF-8 CSV with a BOM; the file is the same data."""
    folder = copy_of(tmp_path, "m49")
    (folder / M49).write_bytes(b"\xef\xbb\xbf" + (folder / M49).read_bytes())
    before = state()
    assert "0 new, 0 changed, 0 removed" in load_reference(folder, SilentProgress())
    assert state() == before


# --- isco08 ------------------------------------------------------------------------------------------------------

STRUCTURE = "isco08_structure.csv"


def test_isco08_cut_in_an_esco_address_stores_nothing(tmp_path: Path) -> None:
    """Issue 16: a file cut mid-row stored 'http://da' as a group's ESCO address."""
    folder = copy_of(tmp_path, "isco08")
    data = (folder / STRUCTURE).read_bytes()
    end = data.index(b"http://data.europa.eu/esco/isco/C2221") + len(b"http://da")
    (folder / STRUCTURE).write_bytes(data[:end])
    rejected(load_isco08, folder, STRUCTURE, data[:end].count(b"\n") + 1, None, "the last line has no line end")


def test_isco08_esco_address_of_the_wrong_form(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "isco08")
    data = (folder / STRUCTURE).read_bytes()
    spoiled = data.replace(b"http://data.europa.eu/esco/isco/C2221\r\n", b"http://da\r\n")
    (folder / STRUCTURE).write_bytes(spoiled)
    row = data[: data.index(b"http://data.europa.eu/esco/isco/C2221\r\n")].count(b"\n") + 1
    rejected(load_isco08, folder, STRUCTURE, row, "esco_uri", "'http://da' is not ESCO's address of group 2221")


def test_isco08_cut_at_a_line_end_is_incomplete(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "isco08")
    cut(folder / STRUCTURE, 0.5, at_line_end=True)
    rejected(load_isco08, folder, STRUCTURE, None, "code", "missing: the file is incomplete (truncated?)")


def test_isco08_group_without_groups_under_it(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "isco08")
    lines = (folder / STRUCTURE).read_bytes().splitlines(keepends=True)
    kept = [line for line in lines if not (line.startswith(b"222") and line.index(b",") == 4)]
    (folder / STRUCTURE).write_bytes(b"".join(kept))
    rejected(load_isco08, folder, STRUCTURE, None, "code", "group 222 has no group under it")


def test_isco08_with_far_fewer_groups_than_stored_is_refused(tmp_path: Path) -> None:
    """A structurally complete file (each minor group keeps one unit group) still lacks most unit groups."""
    folder = copy_of(tmp_path, "isco08")
    lines = (folder / STRUCTURE).read_bytes().splitlines(keepends=True)
    kept, minors = [lines[0]], set()
    for line in lines[1:]:
        code = line.split(b",")[0]
        if len(code) < 4 or code[:3] not in minors:
            kept.append(line)
        if len(code) == 4:
            minors.add(code[:3])
    (folder / STRUCTURE).write_bytes(b"".join(kept))
    rejected(load_isco08, folder, STRUCTURE, None, None, "only 313 ISCO-08 groups where 619 are stored")


def test_isco08_definitions_with_a_bad_code(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "isco08")
    path = folder / "ISCOGroups_en.csv"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"isco/C0,0,", b"isco/C0,O,", 1))
    rejected(load_isco08, folder, "ISCOGroups_en.csv", 2, "code", "'O' is not an ISCO-08 code")


def test_isco08_gzip_cut_short(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "isco08")
    compressed = gzip.compress((folder / STRUCTURE).read_bytes())
    (folder / f"{STRUCTURE}.gz").write_bytes(compressed[: len(compressed) // 2])
    (folder / STRUCTURE).unlink()
    before = state()
    with pytest.raises(ImportFileError, match=r"isco08_structure\.csv\.gz, row \d+: the gzip file is damaged"):
        load_isco08(folder, SilentProgress())
    assert state() == before


# --- esco --------------------------------------------------------------------------------------------------------


def rewrite_gz(path: Path, change: Callable[[bytes], bytes]) -> None:
    path.write_bytes(gzip.compress(change(gzip.decompress(path.read_bytes())), compresslevel=1))


def test_esco_relations_cut_at_a_line_end_remove_nothing(tmp_path: Path) -> None:
    """Half of occupationSkillRelations.csv, cut cleanly between rows, would delete 60,000 relations."""
    folder = copy_of(tmp_path, "esco")
    path = folder / "occupationSkillRelations.csv.gz"
    rewrite_gz(path, lambda data: data[: data.rindex(b"\n", 0, len(data) // 2) + 1])
    rejected(load_esco, folder, path.name, None, None, "occupation-skill relations where 123788 are stored")


def test_esco_occupations_cut_mid_line(tmp_path: Path) -> None:
    folder = copy_of(tmp_path, "esco")
    path = folder / "occupations_fr.csv.gz"
    rewrite_gz(path, lambda data: data[: data.rindex(b"\nOccupation,http://data.europa.eu/esco/occupation/") + 40])
    rejected(load_esco, folder, path.name, 3008, None, "the last line has no line end: the file was cut short")


def test_esco_cut_uri(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path, relations=[[OCC, "essential", "knowledge", "http://da"]])
    rejected(load_esco, folder, "occupationSkillRelations.csv", 2, "skillUri", "'http://da' is not an ESCO skill URI")


def test_esco_skill_uri_where_an_occupation_uri_belongs(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path, relations=[[SKILL, "essential", "knowledge", SKILL]])
    rejected(load_esco, folder, "occupationSkillRelations.csv", 2, "occupationUri", "is not an ESCO occupation URI")


def test_esco_french_occupation_uri_is_checked(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path)
    write_csv(folder / "occupations_fr.csv", [OCC_HEADER, ["Occupation", OCC[:-5], "2221", "infirmier", "", "", ""]])
    rejected(load_esco, folder, "occupations_fr.csv", 2, "conceptUri", "is not an ESCO occupation URI")


def test_esco_unknown_skill_type(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path)
    skill = ["KnowledgeSkillCompetence", SKILL, "sector-specific", "", "a", "", ""]
    write_csv(folder / "skills_en.csv", [SKILL_HEADER, skill])
    rejected(load_esco, folder, "skills_en.csv", 2, "skillType", "'sector-specific' is not an ESCO skill type")


def test_esco_unknown_reuse_level(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path)
    skill = ["KnowledgeSkillCompetence", SKILL, "knowledge", "x", "a", "", ""]
    write_csv(folder / "skills_en.csv", [SKILL_HEADER, skill])
    rejected(load_esco, folder, "skills_en.csv", 2, "reuseLevel", "'x' is not an ESCO reuse level")


def test_esco_occupation_code_outside_its_unit_group(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path, occupations=[["Occupation", OCC, "2221", "test nurse", "", "", "2222.1"]])
    rejected(load_esco, folder, "occupations_en.csv", 2, "code", "'2222.1' is not an ESCO code under unit group 2221")


def test_esco_header_without_line_end(tmp_path: Path) -> None:
    folder = esco_folder(tmp_path)
    (folder / "skills_en.csv").write_text(",".join(SKILL_HEADER), encoding="utf-8")
    rejected(load_esco, folder, "skills_en.csv", 1, None, "the file ends after its header line without a line end")


# --- every CSV of isco08 and esco: the faults of any file, on a one-record copy ------------------------------------

FAULTS: dict[str, tuple[Callable[[bytes], bytes], int, str]] = {
    "empty": (lambda data: b"", 1, "the file is empty"),
    "no line end": (lambda data: data.rstrip(b"\r\n"), 2, "the last line has no line end"),
    "missing field": (lambda data: data.rstrip(b"\r\n").rsplit(b",", 1)[0] + b"\r\n", 2, "fields where the header"),
    "not UTF-8": (lambda data: data[:-2] + b"\xff" + data[-2:], 2, "the file is not UTF-8 text"),
}
FILES = [
    (load_isco08, "isco08_structure.csv"),
    (load_isco08, "ISCOGroups_en.csv"),
    *((load_esco, name) for name in ("occupations_en.csv", "occupations_fr.csv", "skills_en.csv")),
    (load_esco, "occupationSkillRelations.csv"),
]


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize(("loader", "file"), FILES, ids=[name for _, name in FILES])
def test_every_file_refuses_each_fault(tmp_path: Path, loader: Loader, file: str, fault: str) -> None:
    if loader is load_isco08:
        folder = isco_folder(tmp_path, [["2", "1", "", "Professionals", "", "", "http://data.europa.eu/esco/isco/C2"]])
    else:
        folder = esco_folder(tmp_path)
    spoil, row, problem = FAULTS[fault]
    (folder / file).write_bytes(spoil((folder / file).read_bytes()))
    rejected(loader, folder, file, row, None, problem)
