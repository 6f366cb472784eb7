"""Labour exchange pages: registry (worker profile, vacancies, compliance, candidates, invitations, schemes).

Thin: each view parses a form, calls one service or selector, and renders.
"""

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, URLResolver, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migdev.accounts.models import User
from migdev.accounts.views import domain_errors_as_http
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.labour import compliance
from migdev.labour.forms import InviteForm, SchemeForm, VacancyForm, WorkerProfileForm, add_domain_error
from migdev.labour.models import Cefr, Consent, CostCategory, Scheme, Vacancy, WorkerProfile
from migdev.labour.selectors import registry as selectors
from migdev.labour.services import registry as services


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


# --- public --------------------------------------------------------------------------------------------------------


def vacancy_list(request: HttpRequest) -> HttpResponse:
    destination = request.GET.get("destination", "")
    isco = request.GET.get("isco", "")
    query = request.GET.get("q", "")
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
    held = worker.occupations.all()
    first = held[0] if held else None
    return {
        "sex": worker.sex_id,
        "date_of_birth": worker.date_of_birth,
        "nationality": worker.nationality_id,
        "residence": worker.residence_id,
        "education": worker.education,
        "occupation": first.occupation.uri if first else None,
        "years_experience": first.years_experience if first else 0,
        "languages": ", ".join(f"{lang.language_id} {Cefr(lang.level).label}" for lang in worker.languages.all()),
        "available_from": worker.available_from,
        "available_to": worker.available_to,
        "is_available": worker.is_available,
        "preferred_destinations": ", ".join(c.pk for c in worker.preferred_destinations.all()),
        "sending_agency": worker.sending_agency_id,
    }


@login_required
@domain_errors_as_http
def my_profile(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    worker = selectors.worker_profile_of(user)
    initial = _profile_initial(worker) if worker else {"nationality": user.country_id, "residence": user.country_id}
    form = WorkerProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        skills = [s.skill.uri for s in worker.skills.all()] if worker else []
        try:
            if worker is None:
                services.create_worker_profile(user, user, form.profile_input(skills))
            else:
                services.update_worker_profile(user, worker, form.profile_input(skills))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your worker profile is saved."))
            return redirect("labour:my_profile")
    record = selectors.worker_record(user, worker) if worker else None
    return render(
        request,
        "labour/registry/my_profile.html",
        {"form": form, "worker": worker, "record": record, "purposes": Consent.Purpose.choices},
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
    user, worker = _user(request), _own_worker(request)
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
    data = services.export_worker_data(_user(request), _own_worker(request))
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-labour-data.json"'
    return response


@login_required
@domain_errors_as_http
def my_erase(request: HttpRequest) -> HttpResponse:
    worker = _own_worker(request)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        services.erase_worker(_user(request), worker)
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
            services.answer_invitation(_user(request), invitation, request.POST.get("answer") == "accept")
        except DomainError as error:
            messages.error(request, str(error.message))
        return redirect("labour:my_invitations")
    return render(
        request, "labour/registry/my_invitations.html", {"invitations": selectors.invitations_of_worker(worker)}
    )


# --- employers -----------------------------------------------------------------------------------------------------


@login_required
def employer_vacancies(request: HttpRequest) -> HttpResponse:
    user = _user(request)
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
        languages=", ".join(f"{n.language_id} {Cefr(n.min_level).label}" for n in vacancy.languages.all()),
    )
    for term in vacancy.cost_terms.all():
        initial[f"cost_{term.category}"] = term.payer
    return initial


@login_required
@domain_errors_as_http
def vacancy_form(request: HttpRequest, vacancy_id: int | None = None) -> HttpResponse:
    user = _user(request)
    vacancy = selectors.vacancy_by_id(user, vacancy_id) if vacancy_id else None
    employers = selectors.employer_organisations(user)
    if vacancy is None and not employers.exists():
        raise PermissionDenied(_("Only members of an approved employer post vacancies."))
    form = VacancyForm(request.POST or None, employers=employers, initial=_vacancy_initial(vacancy) if vacancy else {})
    if vacancy is not None:
        del form.fields["employer"]  # a vacancy stays with its employer
    if request.method == "POST" and form.is_valid():
        try:
            if vacancy is None:
                saved = services.create_vacancy(user, form.cleaned_data["employer"], form.vacancy_input())
            else:
                saved = services.update_vacancy(user, vacancy, form.vacancy_input())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The vacancy is saved as a draft."))
            return redirect("labour:vacancy_detail", vacancy_id=saved.pk)
    return render(
        request,
        "labour/registry/vacancy_form.html",
        {"form": form, "vacancy": vacancy, "cost_fields": form.cost_fields(), "categories": CostCategory.choices},
    )


@login_required
@require_POST
@domain_errors_as_http
def vacancy_action(request: HttpRequest, vacancy_id: int, action: str) -> HttpResponse:
    user = _user(request)
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


@login_required
@domain_errors_as_http
def vacancy_candidates(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    user = _user(request)
    vacancy = selectors.vacancy_by_id(user, vacancy_id)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
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
    user = _user(request)
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
    user = _user(request)
    scheme = selectors.scheme_by_id(scheme_id) if scheme_id else None
    form = SchemeForm(
        request.POST or None,
        destinations=selectors.scheme_destinations(user),
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
]
