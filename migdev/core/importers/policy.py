"""The "policy-frameworks" dataset: the 23 GCM objectives, its 10 guiding principles and the migration-related SDG
targets and indicators (core/data/policy/, see PROVENANCE.md there). English only: no French or Spanish wording
was sourced, so pages show these titles in English, marked as such. Atomic and idempotent; every fault is named by
file, row and column."""

import re
from pathlib import Path

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import dataset_file, read_rows
from migdev.core.importers.sync import check_not_shrinking
from migdev.core.models import GcmGuidingPrinciple, GcmObjective, SdgIndicator, SdgTarget
from migdev.core.progress import ProgressReporter

OBJECTIVES_FILE = "gcm_objectives.csv"
PRINCIPLES_FILE = "gcm_guiding_principles.csv"
SDG_FILE = "sdg_migration_targets.csv"
OBJECTIVE_COLUMNS = ("objective_no", "title", "short_label", "resolution_paragraph", "source_ids")
PRINCIPLE_COLUMNS = ("letter", "principle", "source_ids")
SDG_COLUMNS = ("goal", "target", "target_text", "indicator", "indicator_text", "migration_link", "core", "source_ids")
OBJECTIVE_COUNT = 23
PRINCIPLE_LETTERS = "abcdefghij"
TARGET_CODE = re.compile(r"(?P<goal>[1-9][0-9]?)\.(?:[1-9][0-9]?|[a-z])")
INDICATOR_CODE = re.compile(r"[1-9][0-9]?\.(?:[1-9][0-9]?|[a-z])\.[1-9][0-9]?")


def _whole_number(where: str, row: int, column: str, raw: str, low: int, high: int) -> int:
    if not raw.strip().isdigit() or not low <= int(raw) <= high:
        raise ImportFileError(where, row, column, f"expected a whole number from {low} to {high}, got {raw!r}")
    return int(raw)


def _text(where: str, row: int, column: str, raw: str, limit: int) -> str:
    value = raw.strip()
    if not value:
        raise ImportFileError(where, row, column, "is empty")
    if len(value) > limit:
        raise ImportFileError(where, row, column, f"is longer than {limit} characters")
    return value


def _read_objectives(path: Path) -> dict[int, dict[str, object]]:
    source = dataset_file(path, OBJECTIVES_FILE)
    where = str(source)
    records: dict[int, dict[str, object]] = {}
    for row, fields in read_rows(source, OBJECTIVE_COLUMNS):
        number = _whole_number(where, row, "objective_no", fields["objective_no"], 1, OBJECTIVE_COUNT)
        if number in records:
            raise ImportFileError(where, row, "objective_no", f"objective {number} appears twice")
        records[number] = {
            "title": _text(where, row, "title", fields["title"], 300),
            "short_label": _text(where, row, "short_label", fields["short_label"], 120),
            "resolution_paragraph": _whole_number(
                where, row, "resolution_paragraph", fields["resolution_paragraph"], 1, 100
            ),
            "source_ids": fields["source_ids"].strip()[:100],
        }
    return records


def _read_principles(path: Path) -> dict[str, dict[str, object]]:
    source = dataset_file(path, PRINCIPLES_FILE)
    where = str(source)
    records: dict[str, dict[str, object]] = {}
    for row, fields in read_rows(source, PRINCIPLE_COLUMNS):
        letter = fields["letter"].strip()
        if len(letter) != 1 or letter not in PRINCIPLE_LETTERS:
            raise ImportFileError(where, row, "letter", f"expected a letter from a to j, got {letter!r}")
        if letter in records:
            raise ImportFileError(where, row, "letter", f"principle ({letter}) appears twice")
        records[letter] = {
            "name": _text(where, row, "principle", fields["principle"], 120),
            "source_ids": fields["source_ids"].strip()[:100],
        }
    return records


def _read_sdg(path: Path) -> tuple[dict[str, dict[str, object]], dict[str, dict[str, object]]]:
    source = dataset_file(path, SDG_FILE)
    where = str(source)
    targets: dict[str, dict[str, object]] = {}
    indicators: dict[str, dict[str, object]] = {}
    for row, fields in read_rows(source, SDG_COLUMNS):
        goal = _whole_number(where, row, "goal", fields["goal"], 1, 17)
        code = fields["target"].strip()
        match = TARGET_CODE.fullmatch(code)
        if match is None or int(match["goal"]) != goal:
            raise ImportFileError(where, row, "target", f"{code!r} is not a target of goal {goal}")
        target = {"goal": goal, "text": _text(where, row, "target_text", fields["target_text"], 2000)}
        if code in targets and targets[code] != target:
            raise ImportFileError(where, row, "target_text", f"target {code} has another wording on an earlier row")
        targets[code] = target
        indicator = fields["indicator"].strip()
        if not INDICATOR_CODE.fullmatch(indicator) or not indicator.startswith(code + "."):
            raise ImportFileError(where, row, "indicator", f"{indicator!r} is not an indicator of target {code}")
        if indicator in indicators:
            raise ImportFileError(where, row, "indicator", f"indicator {indicator} appears twice")
        core = fields["core"].strip().lower()
        if core not in ("yes", "related"):
            raise ImportFileError(where, row, "core", f"expected yes or related, got {core!r}")
        indicators[indicator] = {
            "target_id": code,
            "text": _text(where, row, "indicator_text", fields["indicator_text"], 2000),
            "migration_link": fields["migration_link"].strip()[:300],
            "core": core == "yes",
            "source_ids": fields["source_ids"].strip()[:100],
        }
    return targets, indicators


def load_policy_frameworks(path: Path, progress: ProgressReporter, /, *, allow_shrink: bool = False) -> str:
    """Load the GCM objectives and guiding principles and the SDG targets and indicators; all or nothing
    (run_import runs it in one transaction). Every file is read and checked before anything is written."""
    objectives = _read_objectives(path)
    principles = _read_principles(path)
    targets, indicators = _read_sdg(path)
    where = str(path)
    missing = sorted(set(range(1, OBJECTIVE_COUNT + 1)) - set(objectives))
    if missing and not allow_shrink:
        raise ImportFileError(
            str(dataset_file(path, OBJECTIVES_FILE)), None, "objective_no", f"objectives missing: {missing}"
        )
    check_not_shrinking(
        where, "GCM guiding principles", len(principles), GcmGuidingPrinciple.objects.count(), allow_shrink
    )
    check_not_shrinking(where, "SDG indicators", len(indicators), SdgIndicator.objects.count(), allow_shrink)
    total = len(objectives) + len(principles) + len(targets) + len(indicators)
    with progress.task("Policy frameworks (GCM, SDG)", total=total) as task:
        for number, values in objectives.items():
            GcmObjective.objects.update_or_create(number=number, defaults=values)
            task.advance()
        for letter, values in principles.items():
            GcmGuidingPrinciple.objects.update_or_create(letter=letter, defaults=values)
            task.advance()
        for code, values in targets.items():
            SdgTarget.objects.update_or_create(code=code, defaults=values)
            task.advance()
        for code, values in indicators.items():
            SdgIndicator.objects.update_or_create(code=code, defaults=values)
            task.advance()
    return (
        f"{len(objectives)} GCM objectives, {len(principles)} guiding principles, "
        f"{len(targets)} SDG targets, {len(indicators)} SDG indicators"
    )
