"""Labour registry pages: public vacancies and schemes; a worker's own profile, consents, data and invitations."""

import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migdev.accounts.views import domain_errors_as_http, signed_in
from migdev.core.errors import DomainError, NotFound
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.labour import compliance
from migdev.labour.forms import (
    WorkerProfileForm,
    add_domain_error,
)
from migdev.labour.models import Cefr, Consent, WorkerProfile
from migdev.labour.selectors import registry as selectors
from migdev.labour.services import personal_data
from migdev.labour.services import registry as services
from migdev.labour.views.registry.pickers import (
    _essential_suggestion,
    _picker_results,
    _text_box,
)

# --- public --------------------------------------------------------------------------------------------------------


def vacancy_list(request: HttpRequest) -> HttpResponse:
    destination = request.GET.get("destination", "")[:MAX_FILTER_LENGTH]
    isco = request.GET.get("isco", "")[:MAX_FILTER_LENGTH]
    query = request.GET.get("q", "")[:MAX_FILTER_LENGTH]
    vacancies = selectors.published_vacancies(destination=destination, isco=isco, query=query, summary=True)[:200]
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
