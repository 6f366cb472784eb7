"""The treaty-actions importer: shipped data loaded once and idempotent, updates added, each kind of bad input refused
with its row and column named and nothing written."""

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from migdev.core.errors import ImportFileError
from migdev.core.progress import SilentProgress
from migdev.law.apps import DATA_DIR
from migdev.law.models import Instrument, TreatyAction
from migdev.law.services import load_instruments, load_treaty_actions

pytestmark = pytest.mark.django_db

HEADER = "instrument,participant_name,iso3,action,action_date,source,as_of,notes\n"
GOOD = "ilo_c181,Testland,FRA,ratification,2001-05-01,https://example.org/source,2020-01-01,\n"


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "update.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    return path


def snapshot() -> list[tuple[str, str, str, str]]:
    return list(TreatyAction.objects.order_by("id").values_list("instrument_id", "participant", "action", "notes"))


def test_shipped_data_is_loaded_and_reloading_changes_nothing() -> None:
    assert TreatyAction.objects.count() == 1211
    assert Instrument.objects.count() == 23
    before = snapshot()
    assert load_treaty_actions(DATA_DIR / "ratifications" / "treaty_actions.csv", SilentProgress()).endswith(
        "0 new, 0 changed"
    )
    assert load_instruments(DATA_DIR, SilentProgress()).startswith("23 instruments")
    assert snapshot() == before


def test_update_file_adds_new_actions_and_keeps_the_others(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD, "ilo_c181,European Union,,approval,2002,https://example.org/eu,2020,year_only\n")
    assert load_treaty_actions(path, SilentProgress()) == "2 treaty actions read: 2 new, 0 changed"
    assert TreatyAction.objects.count() == 1213
    eu = TreatyAction.objects.get(instrument_id="ilo_c181", participant="EU")
    assert (eu.country_id, eu.date_precision, eu.date_label) == (None, "year", "2002")


def test_cli_imports_an_update(tmp_path: Path) -> None:
    call_command("import_dataset", "law-treaty-actions", str(write(tmp_path, GOOD)))
    assert TreatyAction.objects.filter(instrument_id="ilo_c181", participant="FRA").exists()


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        ("ilo_c999,Testland,FRA,ratification,2001-05-01,src,,\n", "instrument", "unknown instrument 'ilo_c999'"),
        ("ilo_c181,Testland,XXX,ratification,2001-05-01,src,,\n", "iso3", "unknown country 'XXX'"),
        ("ilo_c181,Atlantis,,ratification,2001-05-01,src,,\n", "iso3", "not a known non-State participant"),
        ("ilo_c181,Testland,FRA,ratified,2001-05-01,src,,\n", "action", "unknown action 'ratified'"),
        ("ilo_c181,Testland,FRA,ratification,2001-02-30,src,,\n", "action_date", "not a date that exists"),
        ("ilo_c181,Testland,FRA,ratification,1st May 2001,src,,\n", "action_date", "is not a date"),
        ("ilo_c181,Testland,FRA,ratification,2001-05,src,,\n", "action_date", "give the day"),
        ("ilo_c181,Testland,FRA,ratification,1990-05-01,src,,\n", "action_date", "before the instrument was adopted"),
        ("ilo_c181,Testland,FRA,ratification,2099-05-01,src,,\n", "action_date", "in the future"),
        ("ilo_c181,Testland,FRA,ratification,2021-05-01,src,2020-01-01,\n", "action_date", "after the source's as-of"),
        ("ilo_c181,Testland,FRA,ratification,2001-05-01,,,\n", "source", "needs its source"),
        ("ilo_c181,Testland,FRA,ratification,2001-05-01,src,last year,\n", "as_of", "is not a date"),
    ],
)
def test_bad_row_is_named_and_nothing_is_written(tmp_path: Path, row: str, column: str, message: str) -> None:
    before = snapshot()
    path = write(tmp_path, GOOD, row)  # the good first row must not be written either
    with pytest.raises(ImportFileError) as caught:
        load_treaty_actions(path, SilentProgress())
    assert (caught.value.row, caught.value.column) == (3, column)
    assert message in caught.value.problem
    assert snapshot() == before


def test_duplicate_row_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="row 3: the same action is already on row 2"):
        load_treaty_actions(write(tmp_path, GOOD, GOOD), SilentProgress())
    assert not TreatyAction.objects.filter(instrument_id="ilo_c181").exists()


def test_missing_column_is_refused(tmp_path: Path) -> None:
    header = "instrument,participant_name,iso3,action,action_date,source,notes\n"
    with pytest.raises(ImportFileError, match="missing column 'as_of'"):
        load_treaty_actions(
            write(tmp_path, "ilo_c181,Testland,FRA,ratification,2001-05-01,src,\n", header=header), SilentProgress()
        )
    assert not TreatyAction.objects.filter(instrument_id="ilo_c181").exists()


def test_cli_reports_the_row_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD, "ilo_c181,Testland,FRA,ratified,2001-05-01,src,,\n")
    with pytest.raises(CommandError, match=r"row 3, column action: unknown action 'ratified'.*nothing was imported"):
        call_command("import_dataset", "law-treaty-actions", str(path))
    assert not TreatyAction.objects.filter(instrument_id="ilo_c181").exists()
