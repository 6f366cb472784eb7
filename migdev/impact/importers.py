"""Loading the impact room's shipped library: the screening checklist (a proposal), the measures and the monitoring
indicators. All or nothing; every fault names its file, row and column."""

import re
from pathlib import Path

from django.db import transaction

from migdev.core.errors import ImportFileError
from migdev.core.importers.csvfiles import dataset_file, read_rows
from migdev.core.models import GcmObjective, SdgIndicator
from migdev.core.progress import ProgressReporter
from migdev.impact.dimensions import DIMENSIONS, ITEM_DIMENSION
from migdev.impact.models import Measure, MonitoringIndicator, ScreeningItem

CHECKLIST_FILE = "migration_impact_screening_checklist.csv"
MEASURES_FILE = "measures.csv"
INDICATORS_FILE = "monitoring_indicators.csv"
CHECKLIST_COLUMNS = (
    "item_id", "dimension", "screening_question", "evidence_or_indicator", "scoping_trigger", "gcm_objectives",
    "sdg_indicators", "sdg_10_7_2_subs", "basis_source_ids",
)  # fmt: skip
MEASURE_COLUMNS = (
    "code", "dimension", "kind", "gcm_objectives", "inspiration", "title_en", "title_fr", "title_es",
    "description_en", "description_fr", "description_es",
)  # fmt: skip
INDICATOR_COLUMNS = ("code", "dimension", "sdg_indicators", "disaggregation", "name_en", "name_fr", "name_es")
LANGUAGES = ("en", "fr", "es")
SDG_CODE = re.compile(r"^\d{1,2}\.[0-9a-z]{1,2}\.\d{1,2}$")


class _Codes:
    """The GCM objectives and SDG indicators known to core, to check the tags against."""

    def __init__(self) -> None:
        self.gcm = set(GcmObjective.objects.values_list("number", flat=True))
        self.sdg = set(SdgIndicator.objects.values_list("code", flat=True))
        if not self.gcm or not self.sdg:
            raise ImportFileError("policy-frameworks", None, None, "load the GCM objectives and SDG indicators first")

    def objectives(self, where: str, row: int, raw: str) -> list[int]:
        numbers = []
        for part in filter(None, (p.strip() for p in raw.split(";"))):
            if not part.isdigit() or int(part) not in self.gcm:
                raise ImportFileError(where, row, "gcm_objectives", f"{part!r} is not a GCM objective (1 to 23)")
            numbers.append(int(part))
        return numbers

    def indicators(self, where: str, row: int, raw: str, strict: bool = True) -> list[str]:
        """The SDG indicator codes of `raw` that core holds; with `strict`, any other code is a fault."""
        codes = [p.strip() for p in raw.split(";") if p.strip()]
        for code in codes:
            if not SDG_CODE.match(code):
                raise ImportFileError(where, row, "sdg_indicators", f"{code!r} is not an SDG indicator code")
            if strict and code not in self.sdg:
                raise ImportFileError(where, row, "sdg_indicators", f"{code!r} is not a known SDG indicator")
        return [code for code in codes if code in self.sdg]


def _required(where: str, row: int, record: dict[str, str], column: str) -> str:
    value = record[column].strip()
    if not value:
        raise ImportFileError(where, row, column, "empty")
    return value


def _dimension(where: str, row: int, value: str) -> str:
    if value not in DIMENSIONS:
        raise ImportFileError(where, row, "dimension", f"{value!r} is not one of {', '.join(DIMENSIONS)}")
    return value


def _checklist(path: Path, codes: _Codes) -> list[tuple[dict[str, object], list[int], list[str]]]:
    file = dataset_file(path, CHECKLIST_FILE)
    where = str(file)
    items: list[tuple[dict[str, object], list[int], list[str]]] = []
    for row, record in read_rows(file, CHECKLIST_COLUMNS):
        code = _required(where, row, record, "item_id")
        if code not in ITEM_DIMENSION:
            raise ImportFileError(where, row, "item_id", f"{code!r} is not an item of the checklist")
        values: dict[str, object] = {
            "code": code,
            "order": len(items) + 1,
            "dimension": ITEM_DIMENSION[code],
            "topic_en": _required(where, row, record, "dimension"),
            "question_en": _required(where, row, record, "screening_question"),
            "evidence_hint_en": record["evidence_or_indicator"].strip(),
            "trigger_en": record["scoping_trigger"].strip(),
            "source_ids": record["basis_source_ids"].strip()[:100],
            "sdg_codes": record["sdg_indicators"].strip()[:100],
        }
        items.append(
            (
                values,
                codes.objectives(where, row, record["gcm_objectives"]),
                codes.indicators(where, row, record["sdg_indicators"], strict=False),
            )
        )
    if {str(v["code"]) for v, _o, _i in items} != set(ITEM_DIMENSION):
        raise ImportFileError(where, None, "item_id", f"expected the {len(ITEM_DIMENSION)} items of the checklist")
    return items


def _measures(path: Path, codes: _Codes) -> list[tuple[dict[str, object], list[int]]]:
    file = dataset_file(path, MEASURES_FILE)
    where = str(file)
    measures = []
    for row, record in read_rows(file, MEASURE_COLUMNS):
        kind = _required(where, row, record, "kind")
        if kind not in Measure.Kind.values:
            raise ImportFileError(where, row, "kind", f"{kind!r} is not 'mitigation' or 'enhancement'")
        values: dict[str, object] = {
            "code": _required(where, row, record, "code"),
            "dimension": _dimension(where, row, record["dimension"].strip()),
            "kind": kind,
            "inspiration": record["inspiration"].strip()[:20],
        }
        for language in LANGUAGES:
            values[f"title_{language}"] = _required(where, row, record, f"title_{language}")[:200]
            values[f"description_{language}"] = _required(where, row, record, f"description_{language}")
        measures.append((values, codes.objectives(where, row, record["gcm_objectives"])))
    return measures


def _indicators(path: Path, codes: _Codes) -> list[tuple[dict[str, object], list[str]]]:
    file = dataset_file(path, INDICATORS_FILE)
    where = str(file)
    indicators = []
    for row, record in read_rows(file, INDICATOR_COLUMNS):
        values: dict[str, object] = {
            "code": _required(where, row, record, "code"),
            "dimension": _dimension(where, row, record["dimension"].strip()),
            "disaggregation": record["disaggregation"].strip()[:30],
        }
        for language in LANGUAGES:
            values[f"name_{language}"] = _required(where, row, record, f"name_{language}")[:200]
        indicators.append((values, codes.indicators(where, row, record["sdg_indicators"])))
    return indicators


def load_impact_library(path: Path, progress: ProgressReporter, /, *, allow_shrink: bool = False) -> str:
    """Load (or update) the checklist, the measures and the monitoring indicators; every file is read first."""
    codes = _Codes()
    items = _checklist(path, codes)
    measures = _measures(path, codes)
    indicators = _indicators(path, codes)
    with (
        transaction.atomic(),
        progress.task("Impact library", total=len(items) + len(measures) + len(indicators)) as task,
    ):
        for values, objectives, sdgs in items:
            item, _created = ScreeningItem.objects.update_or_create(code=values.pop("code"), defaults=values)
            item.gcm_objectives.set(objectives)
            item.sdg_indicators.set(SdgIndicator.objects.filter(code__in=sdgs))
            task.advance()
        for values, objectives in measures:
            measure, _created = Measure.objects.update_or_create(code=values.pop("code"), defaults=values)
            measure.gcm_objectives.set(objectives)
            task.advance()
        for values, sdgs in indicators:
            indicator, _created = MonitoringIndicator.objects.update_or_create(code=values.pop("code"), defaults=values)
            indicator.sdg_indicators.set(SdgIndicator.objects.filter(code__in=sdgs))
            task.advance()
    return (
        f"{len(items)} screening items (a proposal), {len(measures)} measures, {len(indicators)} monitoring indicators"
    )
