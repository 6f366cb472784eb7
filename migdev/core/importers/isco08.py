"""The "isco08" dataset: the 619 groups of ISCO-08 (ILO) with EN/FR/ES titles and the ILO's EN definitions."""

from pathlib import Path

from django.db import transaction
from django.utils import translation

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import dataset_file, read_rows
from migdev.core.importers.sync import check_not_shrinking, sync_table
from migdev.core.models import IscoGroup
from migdev.core.progress import ProgressReporter

STRUCTURE_FILE = "isco08_structure.csv"
STRUCTURE_COLUMNS = ("code", "level", "parent_code", "title_en", "title_fr", "title_es", "esco_uri")
LANGUAGES = ("en", "fr", "es")
DEFINITIONS_FILE = "ISCOGroups_en.csv"
DEFINITIONS_COLUMNS = ("code", "description")

# Known errors of the source files, corrected here (see migdev/core/data/isco08/PROVENANCE.md):
# the 2020 ESCO Spanish export titles 215 "Ingenieros no clasificados bajo otros epígrafes"; the ILO's Spanish
# CIUO-08 title of 215 (EN "Electrotechnology engineers") is "Ingenieros en electrotecnología".
TITLE_CORRECTIONS: dict[tuple[str, str], str] = {("215", "es"): "Ingenieros en electrotecnología"}
# ESCO's concept of an ISCO-08 group: this prefix and the group's code (e.g. .../isco/C2221).
ESCO_ISCO_PREFIX = "http://data.europa.eu/esco/isco/C"
MAJOR_GROUPS = tuple(str(digit) for digit in range(10))  # ISCO-08's ten major groups, 0 (armed forces) to 9


def load_isco08(path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Load the ISCO-08 groups of isco08_structure.csv with the descriptions of ISCOGroups_en.csv.

    The structure must be complete (ten major groups, every group above unit level with groups under it); a file
    with far fewer groups than are stored is refused unless `allow_shrink`.
    """
    structure = dataset_file(path, STRUCTURE_FILE)
    definitions = dataset_file(path, DEFINITIONS_FILE)
    descriptions = _read_descriptions(definitions)
    groups = _read_structure(structure, descriptions, progress)
    with translation.override("en"), transaction.atomic():
        check_not_shrinking(str(structure), "ISCO-08 groups", len(groups), IscoGroup.objects.count(), allow_shrink)
        result, _ = sync_table(
            IscoGroup,
            "code",
            groups,
            ["level", "parent", "title", "title_en", "title_fr", "title_es", "description", "esco_uri"],
            str(structure),
        )
    by_level = [sum(1 for g in groups if g.level == level) for level in (1, 2, 3, 4)]
    return f"{len(groups)} ISCO-08 groups ({'/'.join(map(str, by_level))} by level; {result})"


def _read_descriptions(path: Path) -> dict[str, str]:
    """Code -> English description, from ESCO's export of the ISCO-08 groups."""
    where = str(path)
    descriptions: dict[str, str] = {}
    for row, record in read_rows(path, DEFINITIONS_COLUMNS):
        code = record["code"].strip()
        if not (code.isdigit() and 1 <= len(code) <= 4):
            raise ImportFileError(where, row, "code", f"{code!r} is not an ISCO-08 code (1 to 4 digits)")
        descriptions[code] = record["description"].strip()
    return descriptions


def _read_structure(path: Path, descriptions: dict[str, str], progress: ProgressReporter) -> list[IscoGroup]:
    """The groups of the file, each checked: code of `level` digits, parent = code minus its last digit, known."""
    where = str(path)
    groups: dict[str, IscoGroup] = {}
    records = list(read_rows(path, STRUCTURE_COLUMNS))
    with progress.task("ISCO-08 groups", len(records)) as task:
        for row, record in records:
            code = record["code"].strip()
            if not (code.isdigit() and 1 <= len(code) <= 4):
                raise ImportFileError(where, row, "code", f"{code!r} is not an ISCO-08 code (1 to 4 digits)")
            if code in groups:
                raise ImportFileError(where, row, "code", f"code {code} appears twice")
            if record["level"].strip() != str(len(code)):
                raise ImportFileError(where, row, "level", f"level {record['level']!r} for a {len(code)}-digit code")
            parent_code = record["parent_code"].strip()
            if parent_code != code[:-1]:
                raise ImportFileError(where, row, "parent_code", f"parent of {code} should be {code[:-1]!r}")
            if parent_code and parent_code not in groups:
                raise ImportFileError(where, row, "parent_code", f"unknown parent code {parent_code}")
            titles = {lang: TITLE_CORRECTIONS.get((code, lang), record[f"title_{lang}"].strip()) for lang in LANGUAGES}
            if not titles["en"]:
                raise ImportFileError(where, row, "title_en", "empty English title")
            esco_uri = record["esco_uri"].strip()
            if esco_uri and esco_uri != f"{ESCO_ISCO_PREFIX}{code}":
                raise ImportFileError(
                    where,
                    row,
                    "esco_uri",
                    f"{esco_uri!r} is not ESCO's address of group {code} ({ESCO_ISCO_PREFIX}{code})",
                )
            groups[code] = IscoGroup(
                code=code,
                level=len(code),
                parent_id=parent_code or None,
                title=titles["en"],
                title_en=titles["en"],
                title_fr=titles["fr"] or None,
                title_es=titles["es"] or None,
                description=descriptions.get(code, ""),
                esco_uri=esco_uri,
            )
            task.advance()
    _check_complete(where, groups)
    return list(groups.values())


def _check_complete(where: str, groups: dict[str, IscoGroup]) -> None:
    """All ten major groups are there and every group above unit level has groups under it, or the file is cut."""
    missing = [code for code in MAJOR_GROUPS if code not in groups]
    if missing:
        raise ImportFileError(
            where, None, "code", f"major group(s) {', '.join(missing)} missing: the file is incomplete (truncated?)"
        )
    parents = {group.parent_id for group in groups.values()}
    empty = [code for code, group in groups.items() if group.level < 4 and code not in parents]
    if empty:
        raise ImportFileError(
            where, None, "code", f"group {empty[0]} has no group under it: the file is incomplete (truncated?)"
        )
