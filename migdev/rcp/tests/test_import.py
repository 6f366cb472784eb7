"""The RCP import: the shipped data, idempotence with a fact history, and every bad-input case refused by row."""

import shutil
from pathlib import Path

import pytest

from migdev.core.datasets import DATASETS, run_import
from migdev.core.errors import ImportFileError
from migdev.core.progress import SilentProgress
from migdev.rcp.models import FactChange, Member, Process, Source

SHIPPED = Path(__file__).resolve().parents[1] / "data"
pytestmark = pytest.mark.django_db


def copy(tmp_path: Path) -> Path:
    for name in ("rcps.csv", "rcp_members.csv", "PROVENANCE.md"):
        shutil.copyfile(SHIPPED / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_shipped_data_is_loaded_with_sources_dates_and_doubts() -> None:
    assert Process.objects.count() == 29
    assert Member.objects.count() == 589
    assert Source.objects.filter(code="S20").exists()
    colombo = Process.objects.get(rcp_id="colombo")
    assert colombo.kind == "rcp" and colombo.established_year == 2003
    assert colombo.member_count_as_of == "2024"
    assert colombo.is_uncertain("chair_history")
    sacm = Process.objects.get(rcp_id="sacm")
    assert sacm.established_year == 1999 and sacm.is_uncertain("established_year")
    bali = Member.objects.filter(process__rcp_id="bali", country_id="AUS").first()
    assert bali is not None and bali.role.endswith("_2002")
    kosovo = Member.objects.filter(code="XKX").first()
    assert kosovo is not None and kosovo.country is None and "not ISO" in kosovo.note


def test_a_rerun_changes_nothing_and_a_changed_fact_is_in_the_history(tmp_path: Path) -> None:
    folder = copy(tmp_path)
    before = FactChange.objects.count()
    run_import(DATASETS["rcp"], folder, SilentProgress())
    assert FactChange.objects.count() == before
    edit(folder / "rcps.csv", '"IOM (Technical Support Unit, IOM Sri Lanka)"', '"Sri Lanka (test)"')
    edit(
        folder / "rcp_members.csv",
        "colombo,Bangladesh,BGD,state_or_territory,member,2024",
        "colombo,Bangladesh,BGD,state_or_territory,observer,2024",
    )
    run_import(DATASETS["rcp"], folder, SilentProgress())
    changes = {c.field: c for c in FactChange.objects.filter(process__rcp_id="colombo")}
    assert changes["secretariat"].old_value.startswith("IOM") and changes["secretariat"].new_value == "Sri Lanka (test)"
    assert "Bangladesh (observer" in changes["members"].new_value
    assert changes["secretariat"].via.startswith("import")
    assert Member.objects.get(process__rcp_id="colombo", country_id="BGD").role == "observer"


BAD_ROWS = [
    (
        "rcp_members.csv",
        ",BGD,state_or_territory,member,2024,",
        ",BGX,state_or_territory,member,2024,",
        "iso3",
        "unknown ISO",
    ),
    ("rcps.csv", "\nadd,Abu Dhabi", "\ncolombo,Abu Dhabi", "rcp_id", "duplicate process id"),
    ("rcp_members.csv", ",BGD,state_or_territory,member,", ",BGD,state_or_territory,chairman,", "role", "unknown role"),
    (
        "rcp_members.csv",
        ",BGD,state_or_territory,member,2024,",
        ",BGD,state_or_territory,member,2099,",
        "as_of",
        "impossible year",
    ),
    (
        "rcp_members.csv",
        ",BGD,state_or_territory,member,2024,",
        ",BGD,state_or_territory,member,2023-02-30,",
        "as_of",
        "impossible date",
    ),
    (
        "rcp_members.csv",
        ",BGD,state_or_territory,member,2024,",
        ",BGD,state_or_territory,member,2016-2011,",
        "as_of",
        "ends before",
    ),
    ("rcps.csv", ",RCP,Asia,2003,", ",RCP,Asia,1850,", "established_year", "impossible year"),
    ("rcp_members.csv", "colombo,Bangladesh", "nowhere,Bangladesh", "rcp_id", "unknown process"),
    ("rcps.csv", ",RCP,Asia,2003,", ",Club,Asia,2003,", "iscm_type", "unknown type"),
]


@pytest.mark.parametrize(
    ("name", "old", "new", "column", "problem"), BAD_ROWS, ids=[f"{r[3]}: {r[4]}" for r in BAD_ROWS]
)
def test_a_bad_row_is_named_and_nothing_is_written(
    tmp_path: Path, name: str, old: str, new: str, column: str, problem: str
) -> None:
    folder = copy(tmp_path)
    edit(folder / name, old, new)
    edit(folder / "rcps.csv", '"IOM (Technical Support Unit, IOM Sri Lanka)"', '"changed (must not be kept)"')
    counts = (Process.objects.count(), Member.objects.count(), FactChange.objects.count())
    with pytest.raises(ImportFileError) as refused:
        run_import(DATASETS["rcp"], folder, SilentProgress())
    assert refused.value.column == column and refused.value.row is not None
    assert problem in str(refused.value.message) and name in str(refused.value.message)
    assert (Process.objects.count(), Member.objects.count(), FactChange.objects.count()) == counts
    assert Process.objects.get(rcp_id="colombo").secretariat.startswith("IOM")
