"""A match explained in words, from the matching engine's score components (engines/matching/scoring.py): what the
worker holds of what the vacancy asks, in the order a person weighs it. The table of components stays beside it."""

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

_FULL = 0.999  # a component at 1 (rounded to 4 places when stored)


def _essential(explanation: Mapping[str, Any]) -> str:
    held, missing = len(explanation.get("matched_essential") or []), len(explanation.get("missing_essential") or [])
    if not held + missing:
        return ""
    if not missing:
        return ngettext("holds the essential skill asked", "holds all %(n)s essential skills asked", held) % {"n": held}
    return ngettext(
        "holds %(held)s of the %(total)s essential skill asked",
        "holds %(held)s of the %(total)s essential skills asked",
        held + missing,
    ) % {"held": held, "total": held + missing}


def _occupation(value: float) -> str:
    if value >= _FULL:
        return _("works in the same occupation")
    if value >= 0.5:
        return _("works in a closely related occupation")
    if value > 0:
        return _("works in a related occupation")
    return _("works in another occupation")


def _language(value: float) -> str:
    # Fit is (level held − level asked + 2) / 3, capped at 1: 2/3 at the level asked, 1 a level or more above it.
    return (
        _("speaks the contract languages above the level asked")
        if value >= _FULL
        else _("speaks the contract languages at the level asked")
    )


def _experience(value: float) -> str:
    if value >= _FULL:
        return _("has the experience asked")
    return _("has %(percent)s%% of the experience asked") % {"percent": round(value * 100)}


def _education(value: float) -> str:
    if value >= _FULL:
        return _("has the education asked")
    return _("has less education than asked")


def _preference(value: float) -> str:
    if value >= _FULL:
        return _("prefers this destination and scheme")
    if value > 0.5:
        return _("partly matches the worker's preferences")
    if value == 0.5:
        return ""  # no preference stated: neither for nor against
    return _("is not among the worker's preferences")


_PHRASES = {
    "occupation": _occupation,
    "language": _language,
    "experience": _experience,
    "education": _education,
    "preference": _preference,
}


def reasons(explanation: Mapping[str, Any]) -> list[str]:
    """The explanation in short phrases: essential skills held, occupation, languages, experience, education,
    preferences, returning worker. Accepts the stored form (PairExplanation.as_json()) or an object with as_json()."""
    if hasattr(explanation, "as_json"):
        explanation = explanation.as_json()
    values = {c["component"]: float(c["value"]) for c in explanation.get("contributions") or []}
    phrases = [_essential(explanation)]
    for component, phrase in _PHRASES.items():
        if component in values:
            phrases.append(phrase(values[component]))
    if values.get("returning", 0) >= _FULL:
        phrases.append(_("returns to this employer"))
    return [p for p in phrases if p]


def summary(explanation: Mapping[str, Any]) -> str:
    """The reasons as one sentence, e.g. "Holds 3 of the 4 essential skills asked; works in the same occupation"."""
    text = "; ".join(reasons(explanation))
    return text[:1].upper() + text[1:]
