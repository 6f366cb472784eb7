"""Labour exchange pages: registry (worker profile, vacancies, compliance, candidates, invitations, schemes).

Thin: each view parses a form, calls one service or selector, and renders.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, URLResolver, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from migdev.accounts.models import User
from migdev.accounts.rules import require_permission
from migdev.accounts.views import domain_errors_as_http, signed_in
from migdev.core import esco_suggestions
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.labour import compliance
from migdev.labour.forms import (
    InviteForm,
    LabourStandardForm,
    SchemeForm,
    VacancyForm,
    WorkerProfileForm,
    add_domain_error,
)
from migdev.labour.models import Cefr, Consent, CostCategory, Scheme, Vacancy, WorkerProfile
from migdev.labour.selectors import registry as selectors
from migdev.labour.selectors import registry_reference as reference
from migdev.labour.services import personal_data
from migdev.labour.services import registry as services
from migdev.labour.views import text_terms

# --- public --------------------------------------------------------------------------------------------------------


def vacancy_list(request: HttpRequest) -> HttpResponse:
    destination = request.GET.get("destination", "")[:MAX_FILTER_LENGTH]
    isco = request.GET.get("isco", "")[:MAX_FILTER_LENGTH]
    query = request.GET.get("q", "")[:MAX_FILTER_LENGTH]
    vacancies = selectors.published_vacancies(destination=destination, isco=isco, query=query)[:200]
    return render(
        request,
        "labour/registry/vacancy_list.html",
        {"vacancies": vacancies, "destination": destination, "isco": isco, "q": query},
    )


@domain_errors_as_http
def vacancy_detail(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    user = request.user
    vacancy = selectors.vacancy_by_id(user, vacancy_id)
    worker = selectors.worker_profile_of(user)
    result = selectors.eligibility_for(request.user, worker, vacancy) if worker else None
    return render(
        request,
        "labour/registry/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "failures": compliance.check_vacancy(vacancy),
            "eligibility": result,
            "may_edit": vacancy.state in ("draft", "submitted") and user.has_perm("labour.change_vacancy", vacancy),
            "may_submit": vacancy.state == "draft" and user.has_perm("labour.change_vacancy", vacancy),
            "may_publish": vacancy.state == "submitted" and user.has_perm("labour.publish_vacancy", vacancy),
            "may_close": vacancy.state in ("draft", "submitted", "published")
            and user.has_perm("labour.close_vacancy", vacancy),
            "may_see_candidates": vacancy.state == "published"
            and user.has_perm("labour.view_vacancy_candidates", vacancy),
        },
    )


def scheme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "labour/registry/scheme_list.html", {"schemes": selectors.schemes()})


# --- workers -------------------------------------------------------------------------------------------------------


def _profile_initial(worker: WorkerProfile) -> dict[str, Any]:
    return {
        "sex": worker.sex_id,
        "date_of_birth": worker.date_of_birth,
        "nationality": worker.nationality_id,
        "residence": worker.residence_id,
        "education": worker.education,
        "occupations": [(held.occupation.uri, held.years_experience) for held in worker.occupations.all()],
        "skills": [(held.skill.uri, None) for held in worker.skills.all()],
        "languages": [(lang.language_id, lang.level) for lang in worker.languages.all()],
        "available_from": worker.available_from,
        "available_to": worker.available_to,
        "is_available": worker.is_available,
        "preferred_destinations": ", ".join(c.pk for c in worker.preferred_destinations.all()),
        "sending_agency": worker.sending_agency_id,
    }


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


PROFILE_PICKERS = ["occupation_add", "skill_add", "language_add"]


@login_required
@domain_errors_as_http
def my_profile(request: HttpRequest) -> HttpResponse:
    """The worker's profile; a search or a suggestion (buttons `search`, `suggest`) shows results and saves nothing."""
    user = signed_in(request)
    worker = selectors.worker_profile_of(user)
    initial = _profile_initial(worker) if worker else {"nationality": user.country_id, "residence": user.country_id}
    form = WorkerProfileForm(request.POST or None, initial=initial)
    pickers = _picker_results(request.POST, PROFILE_PICKERS)
    searching = request.method == "POST" and any(k in request.POST for k in ("search", "suggest", "suggest_text"))
    text_box = _text_box(request, "occupation_add", suggest="suggest_text" in request.POST)
    if "suggest" in request.POST:
        pickers["skill_add"] = _essential_suggestion(form)
    if request.method == "POST" and not searching and form.is_valid():
        try:
            if worker is None:
                services.create_worker_profile(user, user, form.profile_input())
            else:
                services.update_worker_profile(user, worker, form.profile_input())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your worker profile is saved."))
            return redirect("labour:my_profile")
    record = selectors.worker_record(user, worker) if worker else None
    return render(
        request,
        "labour/registry/my_profile.html",
        {
            "form": form,
            "worker": worker,
            "record": record,
            "purposes": Consent.Purpose.choices,
            "rows": {name: form.rows(name) for name in ("occupations", "skills", "languages")},
            "pickers": pickers,
            "levels": Cefr.choices,
            "searching": searching,
            "text_box": text_box,
        },
    )


def _own_worker(request: HttpRequest) -> WorkerProfile:
    worker = selectors.worker_profile_of(request.user)
    if worker is None:
        raise NotFound(_("You have no worker profile yet."), field="worker")
    return worker


@login_required
@require_POST
@domain_errors_as_http
def my_consent(request: HttpRequest) -> HttpResponse:
    user, worker = signed_in(request), _own_worker(request)
    purpose = request.POST.get("purpose", "")
    try:
        if request.POST.get("action") == "withdraw":
            services.withdraw_consent(user, worker, purpose)
        else:
            services.give_consent(user, worker, purpose)
    except DomainError as error:
        messages.error(request, str(error.message))
    return redirect("labour:my_profile")


@login_required
@domain_errors_as_http
def my_export(request: HttpRequest) -> HttpResponse:
    data = personal_data.export_worker_data(signed_in(request), _own_worker(request))
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-labour-data.json"'
    return response


@login_required
@domain_errors_as_http
def my_erase(request: HttpRequest) -> HttpResponse:
    worker = _own_worker(request)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        personal_data.erase_worker(signed_in(request), worker)
        return redirect("core:home")
    return render(request, "labour/registry/erase.html", {"worker": worker})


@login_required
@domain_errors_as_http
def my_vacancies(request: HttpRequest) -> HttpResponse:
    rows = selectors.vacancies_for_worker(_own_worker(request))
    return render(request, "labour/registry/my_vacancies.html", {"rows": rows})


@login_required
@domain_errors_as_http
def my_invitations(request: HttpRequest) -> HttpResponse:
    worker = _own_worker(request)
    if request.method == "POST":
        invitation = selectors.invitation_by_id(request.user, int(request.POST.get("invitation", "0") or 0))
        try:
            services.answer_invitation(signed_in(request), invitation, request.POST.get("answer") == "accept")
        except DomainError as error:
            messages.error(request, str(error.message))
        return redirect("labour:my_invitations")
    return render(
        request, "labour/registry/my_invitations.html", {"invitations": selectors.invitations_of_worker(worker)}
    )


# --- employers -----------------------------------------------------------------------------------------------------


@login_required
def employer_vacancies(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    return render(
        request,
        "labour/registry/employer_vacancies.html",
        {
            "rows": selectors.with_compliance(selectors.vacancies_of_user(user)),
            "employers": selectors.employer_organisations(user),
        },
    )


def _vacancy_initial(vacancy: Vacancy) -> dict[str, Any]:
    initial: dict[str, Any] = {
        name: getattr(vacancy, name)
        for name in (
            "title",
            "place",
            "positions",
            "wage_amount",
            "wage_period",
            "weekly_hours",
            "rest_days_per_week",
            "contract_months",
            "start_date",
            "min_education",
            "min_experience_years",
            "written_contract",
            "retains_documents",
            "housing_terms",
            "travel_terms",
        )
    }
    initial.update(
        employer=vacancy.employer_id,
        occupation=vacancy.occupation.uri,
        destination=vacancy.destination_id,
        wage_currency=vacancy.wage_currency_id,
        scheme=vacancy.scheme.code if vacancy.scheme else None,
        recruiter=vacancy.recruiter_id,
        contract_languages=", ".join(lang.pk for lang in vacancy.contract_languages.all()),
        languages=[(need.language_id, need.min_level) for need in vacancy.languages.all()],
        skills=[(need.skill.uri, "essential" if need.essential else "optional") for need in vacancy.skills.all()],
    )
    for term in vacancy.cost_terms.all():
        initial[f"cost_{term.category}"] = term.payer
    return initial


VACANCY_PICKERS = ["occupation", "skill_add", "language_add"]


@login_required
@domain_errors_as_http
def vacancy_form(request: HttpRequest, vacancy_id: int | None = None) -> HttpResponse:
    """A vacancy's terms; a search (button `search`) shows the pickers' results and saves nothing.

    A new vacancy, or one whose occupation changes, takes ESCO's skills of the occupation; the employer then edits
    them (add, remove, essential or optional).
    """
    user = signed_in(request)
    vacancy = selectors.vacancy_by_id(user, vacancy_id) if vacancy_id else None
    employers = selectors.employer_organisations(user)
    if vacancy is None and not employers.exists():
        raise PermissionDenied(_("Only members of an approved employer post vacancies."))
    if vacancy is not None:
        require_permission(services.update_vacancy, user, vacancy)  # the GET too: the form shows the terms
    data = text_terms.with_terms(request.POST) if text_terms.APPLY in request.POST else request.POST
    form = VacancyForm(data or None, employers=employers, initial=_vacancy_initial(vacancy) if vacancy else {})
    if vacancy is not None:
        del form.fields["employer"]  # a vacancy stays with its employer
    pickers = _picker_results(request.POST, VACANCY_PICKERS)
    buttons = ("search", "suggest_text", text_terms.APPLY)
    searching = request.method == "POST" and any(k in request.POST for k in buttons)
    text_box = _text_box(request, "occupation", suggest="suggest_text" in request.POST)
    if request.method == "POST" and not searching and form.is_valid():
        skills_from_esco = vacancy is None or form.cleaned_data["occupation"].strip() != vacancy.occupation.uri
        try:
            if vacancy is None:
                saved = services.create_vacancy(user, form.cleaned_data["employer"], _new_vacancy_input(form))
            else:
                saved = services.update_vacancy(user, vacancy, form.vacancy_input(skills_from_esco=skills_from_esco))
        except DomainError as error:
            if isinstance(error, PermissionDenied):
                raise
            add_domain_error(form, error)
        else:
            messages.success(request, _("The vacancy is saved as a draft."))
            return redirect("labour:vacancy_detail", vacancy_id=saved.pk)
    return render(
        request,
        "labour/registry/vacancy_form.html",
        {
            "form": form,
            "vacancy": vacancy,
            "cost_fields": form.cost_fields(),
            "categories": CostCategory.choices,
            "rows": {name: form.rows(name) for name in ("skills", "languages")},
            "chosen_occupation": form.chosen_occupation(),
            "pickers": pickers,
            "levels": Cefr.choices,
            "searching": searching,
            "text_box": text_box,
        },
    )


def _new_vacancy_input(form: VacancyForm) -> Any:
    """A new vacancy takes ESCO's skills of its occupation, plus any the employer ticked (e.g. from its text)."""
    data = form.vacancy_input(skills_from_esco=True)
    ticked = [uri for uri, _essential in form.cleaned_data["skills"]]
    if not ticked:
        return data
    skills = reference.esco_skills_of(data.occupation)
    known = {uri for uri, _essential in skills}
    return replace(data, skills=skills + [(uri, True) for uri in ticked if uri not in known])


@login_required
@require_POST
@domain_errors_as_http
def vacancy_action(request: HttpRequest, vacancy_id: int, action: str) -> HttpResponse:
    user = signed_in(request)
    vacancy = selectors.vacancy_by_id(user, vacancy_id)
    actions = {
        "submit": lambda: services.submit_vacancy(user, vacancy),
        "publish": lambda: services.publish_vacancy(user, vacancy),
        "close": lambda: services.close_vacancy(user, vacancy),
        "fill": lambda: services.close_vacancy(user, vacancy, filled=True),
    }
    if action not in actions:
        raise NotFound(_("No such action."), field="action")
    try:
        actions[action]()
    except DomainError as error:
        if isinstance(error, PermissionDenied):
            raise
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The vacancy is now: %(state)s.") % {"state": vacancy.get_state_display()})
    return redirect("labour:vacancy_detail", vacancy_id=vacancy.pk)


def invite_from_form(request: HttpRequest, user: User, vacancy: Vacancy) -> tuple[InviteForm, bool]:
    """The invitation form of a candidates page; on a valid POST, invite the worker it names (True if invited)."""
    form = InviteForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return form, False
    try:
        worker = selectors.worker_by_pseudonym(form.cleaned_data["worker"])
        services.invite_worker(user, vacancy, worker, form.cleaned_data["message"])
    except NotFound as error:
        form.add_error("worker", str(error.message))
    except PermissionDenied:
        raise
    except DomainError as error:
        add_domain_error(form, error)
    else:
        messages.success(request, _("%(worker)s is invited.") % {"worker": worker.pseudonym})
        return form, True
    return form, False


@login_required
@domain_errors_as_http
def vacancy_candidates(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    user = signed_in(request)
    vacancy = selectors.vacancy_by_id(user, vacancy_id)
    form, invited = invite_from_form(request, user, vacancy)
    if invited:
        return redirect("labour:vacancy_candidates", vacancy_id=vacancy.pk)
    return render(
        request,
        "labour/registry/candidates.html",
        {
            "vacancy": vacancy,
            "candidates": selectors.candidates(user, vacancy),
            "invitations": selectors.invitations_of_vacancy(user, vacancy),
            "form": form,
        },
    )


@login_required
@domain_errors_as_http
def worker_detail(request: HttpRequest, pseudonym: str) -> HttpResponse:
    """A worker's full record where the rules allow (audited), else the pseudonymous profile."""
    worker = selectors.worker_by_pseudonym(pseudonym)
    record = (
        selectors.worker_record(request.user, worker) if selectors.may_view_full_record(request.user, worker) else None
    )
    return render(
        request,
        "labour/registry/worker_detail.html",
        {"profile": selectors.pseudonymous_profile(worker), "record": record},
    )


# --- agencies and officials ----------------------------------------------------------------------------------------


@login_required
@domain_errors_as_http
def agency_pool(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = selectors.organisation_by_id(agency_id)
    pool = selectors.agency_pool(request.user, agency)
    return render(
        request,
        "labour/registry/agency_pool.html",
        {"agency": agency, "pool": [(selectors.pseudonymous_profile(w), may_edit) for w, may_edit in pool]},
    )


@login_required
@domain_errors_as_http
def official_home(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    registries = [selectors.country_registry(user, country) for country in selectors.official_countries(user)]
    return render(
        request,
        "labour/registry/official.html",
        {"registries": registries, "agencies": selectors.agency_organisations(user)},
    )


def _scheme_initial(scheme: Scheme) -> dict[str, Any]:
    initial = {
        name: getattr(scheme, name)
        for name in (
            "code",
            "name",
            "kind",
            "description",
            "season_start_month",
            "season_end_month",
            "max_stay_months",
            "max_stay_window_months",
            "min_weekly_hours",
            "cap_per_season",
            "cooling_off_days",
            "named_returning_allowed",
            "employer_pays_travel",
            "cost_sharing_notes",
            "source_url",
            "is_active",
        )
    }
    initial["destination"] = scheme.destination_id
    initial["eligible_origins"] = ", ".join(c.pk for c in scheme.eligible_origins.all())
    initial["eligible_occupations"] = ", ".join(g.code for g in scheme.eligible_occupations.all())
    initial["origin_caps"] = ", ".join(f"{c.origin_id} {c.cap}" for c in scheme.origin_caps.all())
    return initial


@login_required
@domain_errors_as_http
def scheme_manage(request: HttpRequest) -> HttpResponse:
    return render(
        request, "labour/registry/scheme_manage.html", {"schemes": selectors.schemes_managed_by(request.user)}
    )


@login_required
@domain_errors_as_http
def scheme_form(request: HttpRequest, scheme_id: int | None = None) -> HttpResponse:
    user = signed_in(request)
    scheme = selectors.scheme_by_id(scheme_id) if scheme_id else None
    destinations = selectors.scheme_destinations(user)
    if scheme is not None:
        require_permission(services.update_scheme, user, scheme)  # the GET too: the form shows the rules
    elif not destinations.exists():
        raise PermissionDenied(_("Only officials of a destination country create its schemes."))
    form = SchemeForm(
        request.POST or None,
        destinations=destinations,
        initial=_scheme_initial(scheme) if scheme else {},
    )
    if scheme is not None:
        del form.fields["destination"]  # a scheme stays with its destination
    if request.method == "POST" and form.is_valid():
        try:
            if scheme is None:
                services.create_scheme(user, form.cleaned_data["destination"], form.scheme_input())
            else:
                services.update_scheme(user, scheme, form.scheme_input())
        except DomainError as error:
            if isinstance(error, PermissionDenied):
                raise
            add_domain_error(form, error)
        else:
            messages.success(request, _("The scheme is saved."))
            return redirect("labour:scheme_manage")
    return render(request, "labour/registry/scheme_form.html", {"form": form, "scheme": scheme})


# --- labour standards ----------------------------------------------------------------------------------------------


def standard_list(request: HttpRequest) -> HttpResponse:
    """Public: the minimum wages and legal weekly hours vacancies are checked against, with their sources."""
    country = request.GET.get("country", "")
    return render(
        request,
        "labour/registry/standard_list.html",
        {
            "rows": reference.labour_standard_rows(country),
            "country": country,
            "may_edit": request.user.has_perm("labour.change_labourstandard"),
        },
    )


@login_required
@domain_errors_as_http
def standard_form(request: HttpRequest, standard_id: int | None = None) -> HttpResponse:
    """Stewards add a country's labour standard, or correct one (its country and date stay)."""
    user = signed_in(request)
    if not user.has_perm("labour.change_labourstandard"):
        raise PermissionDenied(_("Only stewards maintain the labour standards."))
    standard = reference.labour_standard_by_id(standard_id) if standard_id else None
    initial: dict[str, Any] = {}
    if standard is not None:
        initial = {
            "country": standard.country_id,
            "valid_from": standard.valid_from,
            "minimum_wage": standard.minimum_wage,
            "currency": standard.currency_id or "",
            "wage_period": standard.wage_period,
            "max_weekly_hours": standard.max_weekly_hours,
            "source": standard.source,
            "source_url": standard.source_url,
            "verified": standard.verified,
        }
    form = LabourStandardForm(request.POST or None, initial=initial)
    if standard is not None:
        for name in LabourStandardForm.FIXED:
            form.fields[name].disabled = True
    if request.method == "POST" and form.is_valid():
        try:
            services.record_labour_standard(user, form.cleaned_data["country"].pk, **form.standard_values())
        except DomainError as error:
            if isinstance(error, PermissionDenied):
                raise
            add_domain_error(form, error)
        else:
            messages.success(request, _("The labour standard is saved."))
            return redirect("labour:standard_list")
    return render(request, "labour/registry/standard_form.html", {"form": form, "standard": standard})


urlpatterns: list[URLPattern | URLResolver] = [
    path("vacancies/", vacancy_list, name="vacancy_list"),
    path("vacancies/<int:vacancy_id>/", vacancy_detail, name="vacancy_detail"),
    path("vacancies/<int:vacancy_id>/edit/", vacancy_form, name="vacancy_edit"),
    path("vacancies/<int:vacancy_id>/candidates/", vacancy_candidates, name="vacancy_candidates"),
    path("vacancies/<int:vacancy_id>/<slug:action>/", vacancy_action, name="vacancy_action"),
    path("vacancies/new/", vacancy_form, name="vacancy_new"),
    path("schemes/", scheme_list, name="scheme_list"),
    path("worker/profile/", my_profile, name="my_profile"),
    path("worker/consent/", my_consent, name="my_consent"),
    path("worker/export/", my_export, name="my_export"),
    path("worker/erase/", my_erase, name="my_erase"),
    path("worker/vacancies/", my_vacancies, name="my_vacancies"),
    path("worker/invitations/", my_invitations, name="my_invitations"),
    path("workers/<str:pseudonym>/", worker_detail, name="worker_detail"),
    path("employer/vacancies/", employer_vacancies, name="employer_vacancies"),
    path("agencies/<int:agency_id>/pool/", agency_pool, name="agency_pool"),
    path("official/", official_home, name="official_home"),
    path("official/schemes/", scheme_manage, name="scheme_manage"),
    path("official/schemes/new/", scheme_form, name="scheme_new"),
    path("official/schemes/<int:scheme_id>/edit/", scheme_form, name="scheme_edit"),
    path("pick/", pick, name="pick"),
    path("pick/essential-skills/", essential_skills, name="pick_essential_skills"),
    path("suggest-from-text/", suggest_from_text, name="suggest_from_text"),
    path("standards/", standard_list, name="standard_list"),
    path("standards/new/", standard_form, name="standard_new"),
    path("standards/<int:standard_id>/edit/", standard_form, name="standard_edit"),
]
