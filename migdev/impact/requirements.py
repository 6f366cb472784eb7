"""What a stage needs before the project may move on (stated on the project page), read from its latest outputs."""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from migdev.impact.dimensions import STAGES


def missing(
    stage: str, outcome: str, latest: Mapping[str, Any], items: list[str], evidence_items: set[str]
) -> list[str]:
    """The reasons the stage `stage` is not complete (empty when it is). `latest` maps each stage to its latest
    version (an object with `.number` and `.data`); `evidence_items` are the checklist items with a document."""
    version = latest.get(stage)
    data: Mapping[str, Any] = version.data if version is not None else {}
    if stage == "screening":
        answers = data.get("answers", {})
        reasons = []
        unanswered = [code for code in items if code not in answers]
        if unanswered:
            reasons.append(_("Answer every item (not answered: %(items)s).") % {"items": ", ".join(unanswered)})
        bare = [c for c, a in answers.items() if not a.get("evidence") and c not in evidence_items]
        if bare:
            reasons.append(_("Give evidence for every answer (missing for: %(items)s).") % {"items": ", ".join(bare)})
        return reasons
    if stage == "scoping":
        reasons = []
        if not data.get("dimensions"):
            reasons.append(_("Choose at least one dimension in play."))
        if outcome == "full" and not data.get("stakeholders"):
            reasons.append(_("A full assessment names the stakeholders to consult."))
        return reasons
    if stage == "baseline":
        return [] if version is not None else [_("Draw the baseline from the platform's data.")]
    if stage == "prediction":
        return [] if data.get("impacts") else [_("Enter at least one impact in the matrix.")]
    if stage == "significance":
        prediction = latest.get("prediction")
        if version is None or prediction is None or data.get("prediction_version") != prediction.number:
            return [_("Rate the significance of the latest impact matrix.")]
        return []
    if stage == "mitigation":
        return _mitigation(data, latest)
    if stage == "statement":
        reasons = []
        if not data.get("summary"):
            reasons.append(_("Write the non-technical summary."))
        scoping = latest.get("scoping")
        if outcome == "full" and not (scoping and scoping.data.get("consultations")):
            reasons.append(_("A full assessment records at least one consultation (scoping)."))
        return reasons
    return []


def _mitigation(data: Mapping[str, Any], latest: Mapping[str, Any]) -> list[str]:
    reasons = []
    rated = latest.get("significance")
    impacts = rated.data.get("impacts", []) if rated else []
    covered = {m["impact"] for m in data.get("measures", [])}
    uncovered = [
        str(i + 1)
        for i, impact in enumerate(impacts)
        if impact["significant"] and impact["direction"] == "negative" and i not in covered
    ]
    if uncovered:
        reasons.append(
            _("Every significant negative impact needs a measure (impacts without one: %(n)s).")
            % {"n": ", ".join(uncovered)}
        )
    if not data.get("indicators"):
        reasons.append(_("Choose at least one monitoring indicator."))
    return reasons


def next_stage(stage: str) -> str | None:
    index = STAGES.index(stage)
    return STAGES[index + 1] if index + 1 < len(STAGES) else None
