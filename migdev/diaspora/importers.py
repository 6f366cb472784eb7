"""Loading the GCM objectives (the shipped CSV): atomic, idempotent, every fault named by file, row and column."""

from pathlib import Path

from django.db import transaction

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import dataset_file, read_rows
from migdev.core.progress import ProgressReporter
from migdev.diaspora.models import GcmObjective

OBJECTIVES_FILE = "gcm_objectives.csv"
COLUMNS = ("objective_no", "title", "short_label", "resolution_paragraph")
OBJECTIVE_COUNT = 23


def _number(where: str, row: int, column: str, raw: str, low: int, high: int) -> int:
    if not raw.strip().isdigit() or not low <= int(raw) <= high:
        raise ImportFileError(where, row, column, f"expected a whole number from {low} to {high}, got {raw!r}")
    return int(raw)


def load_gcm_objectives(path: Path, progress: ProgressReporter, /, *, allow_shrink: bool = False) -> str:
    """Load the 23 GCM objectives (number, title, short label, resolution paragraph); all or nothing."""
    source = dataset_file(path, OBJECTIVES_FILE)
    where = str(source)
    records: dict[int, dict[str, object]] = {}
    for row, fields in read_rows(source, COLUMNS):
        number = _number(where, row, "objective_no", fields["objective_no"], 1, OBJECTIVE_COUNT)
        if number in records:
            raise ImportFileError(where, row, "objective_no", f"objective {number} appears twice")
        for column in ("title", "short_label"):
            if not fields[column].strip():
                raise ImportFileError(where, row, column, "is empty")
        paragraph = _number(where, row, "resolution_paragraph", fields["resolution_paragraph"], 1, 100)
        records[number] = {
            "title_en": fields["title"].strip(),
            "short_label_en": fields["short_label"].strip(),
            "resolution_paragraph": paragraph,
        }
    missing = sorted(set(range(1, OBJECTIVE_COUNT + 1)) - set(records))
    if missing and not allow_shrink:
        raise ImportFileError(where, None, "objective_no", f"objectives missing: {', '.join(map(str, missing))}")
    with transaction.atomic(), progress.task("GCM objectives", total=len(records)) as task:
        for number, values in records.items():
            GcmObjective.objects.update_or_create(number=number, defaults=values)
            task.advance()
    return f"{len(records)} GCM objectives"
