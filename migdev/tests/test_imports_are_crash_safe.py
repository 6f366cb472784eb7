"""Every importer is crash-safe: killed midway it leaves nothing, run again it completes; a malformed file stops it
with the file named and the database unchanged. A dataset registered without an entry here fails the test."""

import gzip
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.db import connection

from migdev.core.datasets import DATASETS, Dataset, run_import, setup_datasets
from migdev.core.errors import DomainError
from migdev.core.progress import SilentProgress
from migdev.tests.crash_imports import table_counts

# The file of each dataset that the faults below spoil (relative to its shipped folder; "" for a one-file dataset),
# or None where the loader reads no file of its own.
SPOILED_FILE: dict[str, str | None] = {
    "reference": "m49_regions.csv",
    "impact-library": "measures.csv",
    "isco08": "isco08_structure.csv",
    "esco": "occupations_en.csv.gz",
    "undesa-stock": "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
    "remittance-flows-2017": "",
    "law-instruments": "catalogue.csv",
    "law-treaty-actions": "",
    "law-texts": "manifest.tsv",
    "law-national": "laws.csv",
    "law-glossary": "",
    "law-training": "migrants-recruitment.toml",
    "law-search-index": None,  # built from the texts already stored
    "rpw": "",
    "rpw-series": "",
    "rcp": "rcp_members.csv",
    "policy-frameworks": "gcm_objectives.csv",
}
NOT_SHIPPED = {"law-akn"}  # one Akoma Ntoso file given by the user; hostile XML: law/tests/test_akn.py
NOT_SHIPPED |= {"commitments"}  # a partner's CSV of commitments; bad rows: partnerships/tests/test_import.py


def cut_mid_row(data: bytes) -> bytes:
    """The first lines and half of the next one, as a copy cut off by a full disk or a dropped download."""
    lines = data.splitlines(keepends=True)
    cut = min(4, len(lines) - 1)
    return b"".join(lines[:cut]) + lines[cut][: max(1, len(lines[cut].rstrip(b"\r\n")) // 2)]


def spoil_text(fault: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def spoil(path: Path) -> None:
        if path.suffix == ".gz":
            path.write_bytes(gzip.compress(fault(gzip.decompress(path.read_bytes())), mtime=0))
        elif path.suffix == ".xlsx":
            path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        else:
            path.write_bytes(fault(path.read_bytes()))

    return spoil


FAULTS: dict[str, Callable[[Path], object]] = {
    "cut mid-row": spoil_text(cut_mid_row),
    "not a data file": lambda path: path.write_bytes(b"\x00\x9f\x92\x96 not what this file should be \xff\n" * 8),
    "gzip stream cut short": lambda path: path.write_bytes(path.read_bytes()[: max(20, path.stat().st_size // 3)]),
}


def spoiled_copy(dataset: Dataset, fault: str, tmp_path: Path) -> tuple[Path, str]:
    """A copy of the shipped data with one file spoiled (the others linked), and that file's name."""
    assert dataset.shipped is not None
    relative = SPOILED_FILE[dataset.name]
    assert relative is not None
    if dataset.shipped.is_file():
        target = tmp_path / dataset.shipped.name
        shutil.copyfile(dataset.shipped, target)
        root = spoiled = target
    else:
        root = tmp_path / dataset.shipped.name
        for item in dataset.shipped.iterdir():
            (root / item.name).parent.mkdir(parents=True, exist_ok=True)
            (root / item.name).symlink_to(item, target_is_directory=item.is_dir())
        spoiled = root / relative
        spoiled.unlink()
        shutil.copyfile(dataset.shipped / relative, spoiled)
    FAULTS[fault](spoiled)
    return root, spoiled.name


def test_every_dataset_says_which_file_to_spoil() -> None:
    assert set(DATASETS) - NOT_SHIPPED == set(SPOILED_FILE), "add the new dataset to SPOILED_FILE"


CASES = [
    (name, fault)
    for name, relative in SPOILED_FILE.items()
    if relative is not None
    for fault in FAULTS
    if fault != "gzip stream cut short" or relative.endswith(".gz") or name in {"rpw"}
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "fault"), CASES, ids=[f"{n}: {f}" for n, f in CASES])
def test_a_malformed_file_is_named_and_changes_nothing(name: str, fault: str, tmp_path: Path) -> None:
    dataset = DATASETS[name]
    path, spoiled = spoiled_copy(dataset, fault, tmp_path)
    before = table_counts()
    with pytest.raises(DomainError) as refused:
        run_import(dataset, path, SilentProgress())
    assert spoiled in str(refused.value.message), refused.value.message
    assert table_counts() == before


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[dict[str, str]]:
    """The environment of a process that uses a new, empty database of the kind the tests run on."""
    env = {k: v for k, v in os.environ.items() if k != "MIGDEV_DATABASE_URL"}
    env |= {"DJANGO_SETTINGS_MODULE": "migdev.config.settings.base", "MIGDEV_VAR_DIR": str(tmp_path)}
    if connection.vendor == "sqlite":
        yield env
        return
    import psycopg

    server = connection.settings_dict
    name = f"migdev_crash_{os.getpid()}"
    login = {"host": server["HOST"], "port": server["PORT"] or 5432, "user": server["USER"]}
    with psycopg.connect(dbname="postgres", autocommit=True, password=server["PASSWORD"] or None, **login) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        url = f"postgres://{login['user']}@{login['host']}:{login['port']}/{name}"
        yield env | {"MIGDEV_DATABASE_URL": url}
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_an_import_killed_midway_leaves_nothing_and_a_rerun_completes_it(empty_database: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "migdev.tests.crash_imports"],
        env=empty_database,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = {line["dataset"]: line for line in map(json.loads, done.stdout.splitlines())}
    assert list(report) == [d.name for d in setup_datasets()]
    for name, line in report.items():
        assert line["killed"], f"{name}: the import ended before it could be killed midway"
        assert line["changed_by_the_killed_import"] == {}, f"{name}: the killed import left rows behind"
        # The search index is rebuilt, not added to: on PostgreSQL the law loaders keep it up to date as they go.
        if name != "law-search-index":
            assert line["rows_added_by_the_rerun"] > 0, f"{name}: the rerun loaded nothing ({line['rerun']})"
