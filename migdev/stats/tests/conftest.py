"""Fixtures of the statistics tests: folders of UN DESA files, real or small and broken on purpose."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from migdev.stats import importers

SHIPPED = Path(importers.__file__).resolve().parent / "data" / "undesa_ims2020"
YEARS = [int(y) for y in importers.YEARS]

# (code, name, type of data, both sexes 1990..2020) of a tiny destination workbook
SMALL_LOCATIONS = [
    (900, "WORLD", "", [152986157, 161289976, 173230585, 191446828, 220983187, 247958644, 280598105]),
    (484, "Mexico", "B R", [701088, 707434, 538051, 712487, 969538, 1013637, 1197624]),
    (840, "United States of America*", "B", [23251026, 28451053, 34814053, 39258293, 44183643, 48178877, 50632836]),
]


def small_workbook(path: Path, locations: list[tuple[int, str, str, list[int]]] | None = None) -> Workbook:
    """A workbook laid out like the official one (header on row 11), with a few locations, saved at `path`."""
    locations = locations if locations is not None else SMALL_LOCATIONS
    workbook = Workbook()
    workbook.remove(workbook.active)
    for spec in importers.SHEETS:
        sheet = workbook.create_sheet(spec.sheet)
        sheet.cell(row=3, column=5, value=f"{spec.sheet}: test copy")  # rows 1-10 hold titles in the official file
        header = [None, "Region, development group, country or area", "Notes", "Location code", "Type of data"]
        for col, title in enumerate(header + YEARS * len(spec.sexes), start=1):
            sheet.cell(row=importers.HEADER_ROW, column=col, value=title)
        for index, (code, name, status, values) in enumerate(locations, start=1):
            row = importers.HEADER_ROW + index
            cells = [index, name, None, code, status] + list(values) * len(spec.sexes)
            for col, value in enumerate(cells, start=1):
                sheet.cell(row=row, column=col, value=value)
    workbook.create_sheet("Notes")
    workbook.save(path)
    return workbook


@pytest.fixture
def real_folder(tmp_path: Path) -> Path:
    """A copy of the shipped files, to corrupt."""
    folder = tmp_path / "undesa"
    shutil.copytree(SHIPPED, folder)
    for file in folder.iterdir():
        file.chmod(0o644)
    return folder


@pytest.fixture
def write_csv_head(real_folder: Path) -> Callable[[int], list[str]]:
    """Keep only the first n lines of the real bilateral CSV; returns them for corruption."""

    def keep(lines: int) -> list[str]:
        path = real_folder / importers.BILATERAL_FILE
        with path.open(encoding="utf-8") as handle:
            head = [next(handle) for _ in range(lines)]
        path.write_text("".join(head), encoding="utf-8")
        return head

    return keep
