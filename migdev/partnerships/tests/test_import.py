"""`migdev import commitments`: a good file loads (twice without duplicates); every bad row is refused naming its
row and column, and nothing of the file is kept."""

from pathlib import Path

import pytest
from django.core.management import call_command

from migdev.core.datasets import DATASETS, run_import
from migdev.core.errors import ImportFileError
from migdev.core.progress import SilentProgress
from migdev.partnerships.models import Commitment, Partner

pytestmark = pytest.mark.django_db

HEADER = (
    "title,pledger,pledger_kind,pledger_country,form,type,partners,gcm_objectives,countries,rcps,start,deadline,"
    "status\n"
)
GOOD = (
    HEADER + "Fair recruitment pledge,Acme Ltd.,business,CAN,policy,individual,,6;10,CAN;PHL,colombo,2024-01-01,"
    "2026-12-31,planned\n"
    + "Skills fund,Union of Workers,worker_organisation,FRA,financial,partnership,Acme Ltd.,18,FRA,rabat,"
    "2024-02-01,,in_progress\n"
)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "commitments.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _load(path: Path) -> str:
    return run_import(DATASETS["commitments"], path, SilentProgress())


def test_a_good_file_loads_and_loading_it_again_updates(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    assert _load(path) == "2 commitments added, 0 updated"
    fair = Commitment.objects.get(title="Fair recruitment pledge")
    assert sorted(o.number for o in fair.gcm_objectives.all()) == [6, 10]
    assert fair.rcp_ids == ["colombo"]
    assert Commitment.objects.get(title="Skills fund").partners.get().name == "Acme Ltd."
    assert _load(path) == "0 commitments added, 2 updated"
    assert Commitment.objects.count() == 2


def test_the_cli_imports_a_file(tmp_path: Path) -> None:
    call_command("import_dataset", "commitments", str(_write(tmp_path, GOOD)))
    assert Commitment.objects.count() == 2


BAD_ROWS = {
    "unknown ISO3": ("Pledge,Acme Ltd.,business,CAN,policy,individual,,6,XYZ,,,,planned", "countries", "XYZ"),
    "unknown pledger country": (
        "Pledge,New Co,business,QQQ,policy,individual,,6,,,,,planned",
        "pledger_country",
        "QQQ",
    ),
    "unknown objective": ("Pledge,Acme Ltd.,business,CAN,policy,individual,,24,CAN,,,,planned", "gcm_objectives", "24"),
    "objective not a number": (
        "Pledge,Acme Ltd.,business,CAN,policy,individual,,six,CAN,,,,planned",
        "gcm_objectives",
        "six",
    ),
    "impossible date": (
        "Pledge,Acme Ltd.,business,CAN,policy,individual,,6,CAN,,2025-02-30,,planned",
        "start",
        "2025-02-30",
    ),
    "deadline before start": (
        "Pledge,Acme Ltd.,business,CAN,policy,individual,,6,CAN,,2025-03-01,2025-01-01,planned",
        "deadline",
        "before",
    ),
    "date out of range": (
        "Pledge,Acme Ltd.,business,CAN,policy,individual,,6,CAN,,1890-01-01,,planned",
        "start",
        "1990",
    ),
    "unknown RCP": ("Pledge,Acme Ltd.,business,CAN,policy,individual,,6,CAN,nowhere,,,planned", "rcps", "nowhere"),
    "unknown partner": (
        "Pledge,Acme Ltd.,business,CAN,policy,partnership,Ghost Inc.,6,CAN,,,,planned",
        "partners",
        "Ghost",
    ),
    "unknown kind": ("Pledge,New Co,company,CAN,policy,individual,,6,CAN,,,,planned", "pledger_kind", "company"),
    "unknown form": ("Pledge,Acme Ltd.,business,CAN,money,individual,,6,CAN,,,,planned", "form", "money"),
    "unknown status": ("Pledge,Acme Ltd.,business,CAN,policy,individual,,6,CAN,,,,done", "status", "done"),
    "empty title": (",Acme Ltd.,business,CAN,policy,individual,,6,CAN,,,,planned", "title", ""),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_a_bad_row_is_refused_by_row_and_column_and_nothing_is_kept(tmp_path: Path, case: str) -> None:
    row, column, shown = BAD_ROWS[case]
    # The first row is good: it must not be kept when the second is refused.
    path = _write(tmp_path, GOOD.splitlines(keepends=True)[0] + GOOD.splitlines(keepends=True)[1] + row + "\n")
    with pytest.raises(ImportFileError) as error:
        _load(path)
    message = error.value.message
    assert f"row 3, column {column}" in message, message
    assert shown in message
    assert Commitment.objects.count() == 0
    assert Partner.objects.count() == 0


def test_a_file_without_the_required_columns_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError) as error:
        _load(_write(tmp_path, "title,pledger\nX,Y\n"))
    assert "pledger_kind" in error.value.message
