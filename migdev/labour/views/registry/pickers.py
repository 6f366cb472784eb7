"""Labour registry pages: searchable pickers (occupations, skills, languages) and suggestions from free text."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from migdev.core import esco_suggestions
from migdev.core.errors import DomainError
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.labour.forms import (
    WorkerProfileForm,
)
from migdev.labour.selectors import registry_reference as reference
from migdev.labour.views import text_terms

# --- searchable pickers --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Picker:
    """A searchable picker: what it searches, and whether its results are ticked (several) or chosen (one)."""

    search: Callable[[str], list[reference.Choice]]
    labels: Callable[[list[str]], dict[str, str]]
    multiple: bool
    label: Any


PICKERS: dict[str, Picker] = {
    "occupation_add": Picker(
        reference.pick_occupations, reference.occupation_labels, True, _lazy("Find an occupation in ESCO")
    ),
    "occupation": Picker(
        reference.pick_occupations, reference.occupation_labels, False, _lazy("Find the occupation in ESCO")
    ),
    "skill_add": Picker(
        reference.pick_skills, reference.skill_labels, True, _lazy("Find a skill in ESCO (English labels)")
    ),
    "language_add": Picker(
        reference.pick_languages, reference.language_names, False, _lazy("Find a language (name or ISO 639-3 code)")
    ),
}


@dataclass(frozen=True)
class PickerResults:
    """What a picker shows: the field its results are sent as, the term searched and the choices found."""

    field: str
    multiple: bool
    q: str
    choices: list[reference.Choice]
    checked: bool = False
    searched: bool = False
    note: str = ""
    kept: tuple[reference.Choice, ...] = ()  # ticked before this search: they stay ticked


def _picker_results(data: Any, fields: list[str]) -> dict[str, PickerResults]:
    """The results of each picker whose search term (`<field>_q`) was sent: a search without JavaScript."""
    results = {}
    for name in fields:
        q = str(data.get(f"{name}_q", "")).strip()
        picker = PICKERS[name]
        results[name] = PickerResults(name, picker.multiple, q, picker.search(q) if q else [], searched=bool(q))
    return results


def _essential_suggestion(form: WorkerProfileForm) -> PickerResults:
    """ESCO's essential skills of the worker's occupations not yet held, ticked, for the worker to confirm."""
    found = reference.essential_skills_of(form.held_occupations(), excluding=form.held_skills())
    note = (
        _("The essential skills of your occupations in ESCO. Untick those you do not have, then save.")
        if found
        else _("You already list every essential skill of your occupations (or you list no occupation).")
    )
    return PickerResults("skill_add", True, "", found, checked=True, searched=True, note=note)


def pick(request: HttpRequest) -> HttpResponse:
    """A picker's results: a fragment for htmx, a page of its own without JavaScript."""
    name = request.GET.get("field", "")
    if name not in PICKERS:
        raise Http404(_("No such picker."))
    picker = PICKERS[name]
    q = (request.GET.get("q") or request.GET.get(f"{name}_q") or "").strip()[:MAX_FILTER_LENGTH]
    ticked = request.GET.getlist(name) if picker.multiple else []
    labels = picker.labels(ticked)
    kept = tuple(reference.Choice(value, labels[value], "") for value in ticked if value in labels)
    found = [choice for choice in picker.search(q) if choice.value not in labels] if q else []
    results = PickerResults(name, picker.multiple, q, found, searched=bool(q), kept=kept)
    if request.headers.get("HX-Request"):
        return render(request, "labour/registry/_picker_results.html", {"results": results})
    return render(request, "labour/registry/pick.html", {"results": results, "label": picker.label})


def essential_skills(request: HttpRequest) -> HttpResponse:
    """The essential-skill suggestion of the profile page, for htmx (the worker's unsaved rows are sent along)."""
    ticked = request.GET.getlist("skill_add")
    labels = reference.skill_labels(ticked)
    results = replace(
        _essential_suggestion(WorkerProfileForm(request.GET)),
        kept=tuple(reference.Choice(uri, labels[uri], "") for uri in ticked if uri in labels),
    )
    return render(request, "labour/registry/_picker_results.html", {"results": results})


@dataclass(frozen=True)
class TextBox:
    """The free-text box of a form: the text, what it suggested (or why not), and how occupations are picked
    (`occupation_add`: several, for a worker; `occupation`: one, for a vacancy)."""

    text: str
    occupation_field: str
    suggestions: esco_suggestions.TextSuggestions | None = None
    error: str = ""
    check_first_occupation: bool = False
    terms: tuple[text_terms.TermRow, ...] = ()  # a vacancy's wage, hours, length and start read from its text
    max_chars: int = esco_suggestions.MAX_TEXT_CHARS


def _kept_keys(data: Any, prefix: str) -> list[str]:
    removed = set(data.getlist(f"{prefix}_remove")) if hasattr(data, "getlist") else set()
    keys = data.getlist(f"{prefix}_key") + data.getlist(f"{prefix}_add") if hasattr(data, "getlist") else []
    return [key for key in keys if key and key not in removed]


def _text_box(request: HttpRequest, occupation_field: str, suggest: bool) -> TextBox:
    """The box as sent; with `suggest`, ESCO suggestions for its text, less what the form already lists."""
    data = request.POST
    box = TextBox(str(data.get("free_text", "")), occupation_field)
    if not suggest:
        return box
    if not esco_suggestions.SuggestionThrottle().allow_request(request):
        return replace(box, error=_("Too many suggestions in a minute: wait a moment, then try again."))
    held_occupations = [data.get("occupation", "")] if occupation_field == "occupation" else []
    try:
        found = reference.text_suggestions(
            box.text, _kept_keys(data, "skill"), _kept_keys(data, "occupation") + held_occupations
        )
    except DomainError as error:
        return replace(box, error=str(error.message))
    for_vacancy = occupation_field == "occupation"
    return replace(
        box,
        suggestions=found,
        check_first_occupation=for_vacancy and not data.get("occupation"),
        terms=tuple(text_terms.suggested_terms(box.text)) if for_vacancy else (),
    )


@login_required
@require_POST
def suggest_from_text(request: HttpRequest) -> HttpResponse:
    """The free-text box's suggestions, for htmx; `for=vacancy` offers one occupation, else several."""
    field = "occupation" if request.GET.get("for") == "vacancy" else "occupation_add"
    box = _text_box(request, field, suggest=True)
    return render(request, "labour/registry/_text_suggestions.html", {"box": box})
