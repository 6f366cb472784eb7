"""Labour registry pages: an employer's vacancies (forms, compliance, actions), candidates and invitations."""

from dataclasses import replace
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migdev.accounts.models import User
from migdev.accounts.rules import require_permission
from migdev.accounts.views import domain_errors_as_http, signed_in
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.labour.forms import (
    InviteForm,
    VacancyForm,
    add_domain_error,
)
from migdev.labour.models import Cefr, CostCategory, Vacancy
from migdev.labour.selectors import registry as selectors
from migdev.labour.selectors import registry_reference as reference
from migdev.labour.services import registry as services
from migdev.labour.views import text_terms
from migdev.labour.views.registry.pickers import (
    _picker_results,
    _text_box,
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
