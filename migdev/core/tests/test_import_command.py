"""`migdev import`: a bad file gives its message and a non-zero exit, never a traceback; nothing is imported."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from migdev.core.apps import DATA_DIR
from migdev.core.datasets import DATASETS, Dataset
from migdev.core.models import Region
from migdev.core.progress import ProgressReporter

pytestmark = pytest.mark.django_db


def run_migdev(*args: str, var_dir: Path) -> subprocess.CompletedProcess[str]:
    """The real `migdev` command in a child process, on an empty SQLite database of its own."""
    env = {
        **os.environ,
        "MIGDEV_VAR_DIR": str(var_dir),
        "MIGDEV_DATABASE_URL": f"sqlite:///{var_dir / 'cli.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "migdev.config.settings.base",
    }
    return subprocess.run(  # noqa: S603  (our own interpreter and module)
        [sys.executable, "-c", "import sys; from migdev.cli import main; sys.exit(main())", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_cut_file_through_the_real_command_exits_non_zero_without_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "m49"
    folder.mkdir()
    data = (DATA_DIR / "m49" / "m49_regions.csv").read_bytes()
    (folder / "m49_regions.csv").write_bytes(data[: len(data) // 2 - 3])
    result = run_migdev("import", "reference", str(folder), var_dir=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "m49_regions.csv, row " in result.stderr
    assert "the last line has no line end" in result.stderr
    assert "nothing was imported" in result.stderr


def test_invalid_utf8_through_the_real_command(tmp_path: Path) -> None:
    folder = tmp_path / "m49"
    folder.mkdir()
    (folder / "m49_regions.csv").write_bytes(b"m49,kind,name,parent_m49\n002,region,Afr\xefque,\n")
    result = run_migdev("import", "reference", str(folder), var_dir=tmp_path)
    assert (result.returncode, "Traceback" in result.stderr) == (1, False)
    assert "m49_regions.csv, row 2: the file is not UTF-8 text" in result.stderr


def test_a_loader_s_unexpected_error_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a fault no check foresaw (here a loader's own bug) ends in a message naming the path, not a traceback."""

    def broken(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(DATASETS, "broken", Dataset("broken", "test", broken))
    with pytest.raises(CommandError, match=r"unexpected ZeroDivisionError while importing.*nothing was imported"):
        call_command("import_dataset", "broken", str(tmp_path))


def test_allow_shrink_is_passed_to_the_loader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def loader(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
        seen.append(allow_shrink)
        return f"{Region.objects.count()} regions"

    monkeypatch.setitem(DATASETS, "probe", Dataset("probe", "test", loader))
    call_command("import_dataset", "probe", str(tmp_path))
    call_command("import_dataset", "probe", str(tmp_path), "--allow-shrink")
    assert seen == [False, True]


def test_setup_names_a_damaged_shipped_file_instead_of_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from migdev.core.errors import ImportFileError
    from migdev.core.management.commands import setup

    def damaged(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
        raise ImportFileError(str(path / "m49_regions.csv"), 12, "m49", "the last line has no line end")

    monkeypatch.setattr(setup, "call_command", lambda *args, **kwargs: None)  # no migrate in a test transaction
    monkeypatch.setattr(setup, "setup_datasets", lambda: [Dataset("reference", "test", damaged, shipped=tmp_path)])
    with pytest.raises(CommandError, match=r"^reference: .*m49_regions.csv, row 12, column m49: the last line has no "):
        call_command("setup", "--no-demo", "--no-embeddings")
