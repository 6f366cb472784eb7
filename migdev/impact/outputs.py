"""What each drafted stage's output holds, checked and cleaned (rules only; no database writes).

Every function takes the raw output (from a form or the API) and returns the cleaned dict that is stored as the
stage's new version, or raises DomainError naming the field at fault (e.g. `impacts[2].magnitude`).
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.utils.translation import gettext as _

from migdev.core.errors import DomainError
from migdev.engines.impact_significance import significance
from migdev.impact import screening
from migdev.impact.dimensions import DIMENSIONS

MAX_TEXT = 5000
MAX_ROWS = 60
DIRECTIONS = ("positive", "negative")


def clean_text(value: Any, field: str, required: bool = False, limit: int = MAX_TEXT) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise DomainError(_("This field is required."), field=field)
    if len(text) > limit:
        raise DomainError(_("At most %(n)s characters.") % {"n": limit}, field=field)
    return text


def _rows(value: Any, field: str) -> list[Mapping[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise DomainError(_("Expected a list of records."), field=field)
    if len(value) > MAX_ROWS:
        raise DomainError(_("At most %(n)s rows.") % {"n": MAX_ROWS}, field=field)
    return value


def one_of(value: Any, allowed: Iterable[str], field: str) -> str:
    allowed = list(allowed)
    if value not in allowed:
        raise DomainError(
            _("%(value)s is not one of: %(allowed)s.") % {"value": repr(value), "allowed": ", ".join(allowed)},
            field=field,
        )
    return str(value)


def clean_screening(raw: Mapping[str, Any], items: list[str]) -> dict[str, Any]:
    """Answers keyed by item code, each yes/no/unknown with its evidence; the outcome once all are answered."""
    answers = raw.get("answers") or {}
    if not isinstance(answers, Mapping):
        raise DomainError(_("Expected answers keyed by item."), field="answers")
    cleaned: dict[str, dict[str, str]] = {}
    for code, answer in answers.items():
        if code not in items:
            raise DomainError(_("%(code)s is not an item of the checklist.") % {"code": code}, field=f"answers.{code}")
        answer = answer if isinstance(answer, Mapping) else {"answer": answer}
        value = answer.get("answer") or ""
        if not value:
            continue
        cleaned[code] = {
            "answer": one_of(value, screening.ANSWERS, f"answers.{code}.answer"),
            "evidence": clean_text(answer.get("evidence"), f"answers.{code}.evidence", limit=2000),
        }
    complete = set(cleaned) == set(items)
    outcome = screening.outcome({c: a["answer"] for c, a in cleaned.items()}) if complete else ""
    return {"answers": cleaned, "outcome": outcome}


def _countries(value: Any, known: set[str], field: str) -> list[str]:
    codes = value if isinstance(value, list) else [c for c in str(value or "").replace(";", ",").split(",")]
    cleaned = []
    for code in (str(c).strip().upper() for c in codes):
        if not code:
            continue
        if code not in known:
            raise DomainError(_("%(code)s is not an ISO 3166-1 alpha-3 country code.") % {"code": code}, field=field)
        if code not in cleaned:
            cleaned.append(code)
    return cleaned


def clean_scoping(raw: Mapping[str, Any], countries: set[str]) -> dict[str, Any]:
    """Dimensions in play, area of influence (origin and destination countries, places), stakeholders, consultations."""
    dimensions = raw.get("dimensions") or []
    if not isinstance(dimensions, list):
        raise DomainError(_("Expected a list of dimensions."), field="dimensions")
    stakeholders = []
    for i, row in enumerate(_rows(raw.get("stakeholders"), "stakeholders")):
        name = clean_text(row.get("name"), f"stakeholders[{i}].name", limit=200)
        if name:
            group = clean_text(row.get("group"), f"stakeholders[{i}].group", limit=200)
            stakeholders.append({"name": name, "group": group, "consulted": bool(row.get("consulted"))})
    consultations = []
    for i, row in enumerate(_rows(raw.get("consultations"), "consultations")):
        summary = clean_text(row.get("summary"), f"consultations[{i}].summary")
        if not summary:
            continue
        date = clean_text(row.get("date"), f"consultations[{i}].date", required=True, limit=10)
        if len(date) != 10 or date[4] != "-" or date[7] != "-" or not date.replace("-", "").isdigit():
            raise DomainError(_("Give the date as YYYY-MM-DD."), field=f"consultations[{i}].date")
        consultations.append(
            {
                "date": date,
                "participants": clean_text(row.get("participants"), f"consultations[{i}].participants", limit=500),
                "method": clean_text(row.get("method"), f"consultations[{i}].method", limit=200),
                "summary": summary,
            }
        )
    return {
        "dimensions": [one_of(d, DIMENSIONS, "dimensions") for d in dict.fromkeys(dimensions)],
        "origins": _countries(raw.get("origins"), countries, "origins"),
        "destinations": _countries(raw.get("destinations"), countries, "destinations"),
        "places": clean_text(raw.get("places"), "places", limit=1000),
        "stakeholders": stakeholders,
        "consultations": consultations,
    }


def _rating(value: Any, field: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise DomainError(_("Rate from 1 to 4."), field=field) from None
    if number not in (1, 2, 3, 4) or str(value).strip() not in {"1", "2", "3", "4"}:
        raise DomainError(_("Rate from 1 to 4."), field=field)
    return number


def clean_prediction(raw: Mapping[str, Any], in_scope: list[str]) -> dict[str, Any]:
    """The impact matrix: each impact's dimension (one in scope), direction, description and three ratings."""
    impacts = []
    for i, row in enumerate(_rows(raw.get("impacts"), "impacts")):
        description = clean_text(row.get("description"), f"impacts[{i}].description", limit=1000)
        if not description:
            continue
        dimension = one_of(row.get("dimension"), in_scope or DIMENSIONS, f"impacts[{i}].dimension")
        impacts.append(
            {
                "dimension": dimension,
                "direction": one_of(row.get("direction"), DIRECTIONS, f"impacts[{i}].direction"),
                "description": description,
                "magnitude": _rating(row.get("magnitude"), f"impacts[{i}].magnitude"),
                "likelihood": _rating(row.get("likelihood"), f"impacts[{i}].likelihood"),
                "sensitivity": _rating(row.get("sensitivity"), f"impacts[{i}].sensitivity"),
            }
        )
    return {"impacts": impacts}


def rate(prediction: Mapping[str, Any], prediction_version: int, notes: Any) -> dict[str, Any]:
    """The significance of every impact of a prediction, by the engine's stated rule."""
    rated = []
    for impact in prediction.get("impacts", []):
        result = significance(impact["magnitude"], impact["likelihood"], impact["sensitivity"])
        rated.append({**impact, "score": result.score, "level": result.level, "significant": result.significant})
    return {"impacts": rated, "prediction_version": prediction_version, "notes": clean_text(notes, "notes")}


def clean_mitigation(raw: Mapping[str, Any], impacts: int, measures: set[str], indicators: set[str]) -> dict[str, Any]:
    """Measures (from the library or written out) for impacts by their number, and monitoring indicators."""
    chosen = []
    for i, row in enumerate(_rows(raw.get("measures"), "measures")):
        code = clean_text(row.get("measure"), f"measures[{i}].measure", limit=20)
        text = clean_text(row.get("text"), f"measures[{i}].text", limit=1000)
        if not code and not text:
            continue
        if code and code not in measures:
            raise DomainError(_("%(code)s is not a measure of the library.") % {"code": code}, f"measures[{i}].measure")
        raw_impact = str(row.get("impact", "")).strip()
        impact = int(raw_impact) if raw_impact.isdigit() else -1
        if not 0 <= impact < impacts:
            raise DomainError(_("Choose the impact this measure addresses."), field=f"measures[{i}].impact")
        responsible = clean_text(row.get("responsible"), f"measures[{i}].responsible", limit=200)
        chosen.append({"impact": impact, "measure": code, "text": text, "responsible": responsible})
    plan = []
    for i, row in enumerate(_rows(raw.get("indicators"), "indicators")):
        code = clean_text(row.get("indicator"), f"indicators[{i}].indicator", limit=30)
        if not code:
            continue
        if code not in indicators:
            raise DomainError(
                _("%(code)s is not a monitoring indicator of the library.") % {"code": code},
                field=f"indicators[{i}].indicator",
            )
        plan.append(
            {
                "indicator": code,
                "frequency": clean_text(row.get("frequency"), f"indicators[{i}].frequency", limit=100),
                "responsible": clean_text(row.get("responsible"), f"indicators[{i}].responsible", limit=200),
                "target": clean_text(row.get("target"), f"indicators[{i}].target", limit=200),
            }
        )
    return {"measures": chosen, "indicators": plan}
