"""Organisations and initiatives registry pages: list, view, register, edit (members of the organisation, stewards)."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.diaspora.forms import DiasporaOrganisationForm, InitiativeForm
from migdev.diaspora.models import DiasporaOrganisation, Initiative
from migdev.diaspora.selectors import experts as expert_selectors
from migdev.diaspora.selectors import registry as selectors
from migdev.diaspora.services import registry as services


def organisation_list(request: HttpRequest) -> HttpResponse:
    origin = request.GET.get("origin", "")[:MAX_FILTER_LENGTH]
    query = request.GET.get("q", "")[:MAX_FILTER_LENGTH]
    kind = request.GET.get("kind", "")[:MAX_FILTER_LENGTH]
    objective_raw = request.GET.get("objective", "")[:3]
    objective = int(objective_raw) if objective_raw.isdigit() else None
    context = {
        "entries": list(selectors.organisations(origin=origin, query=query)),
        "initiatives": list(selectors.initiatives(kind=kind, objective=objective)[:200]),
        "objectives": list(selectors.gcm_objectives()),
        "kinds": Initiative.Kind.choices,
        "kind": kind,
        "objective": objective,
        "q": query,
        "can_register": bool(expert_selectors.institutions_of(request.user, expert_selectors.REGISTRY_KINDS)),
    }
    return render(request, "diaspora/organisation_list.html", context)


@domain_errors_as_http
def organisation_detail(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = selectors.organisation_entry(entry_id)
    context = {"entry": entry, "can_edit": rules.has_perm("diaspora.change_diasporaorganisation", request.user, entry)}
    return render(request, "diaspora/organisation_detail.html", context)


def _organisation_input(form: DiasporaOrganisationForm) -> services.OrganisationInput:
    data = form.cleaned_data
    return services.OrganisationInput(
        origin=data["origin"].pk,
        residence=data["residence"].pk,
        focus=data["focus"],
        description=data["description"],
        contact_email=data["contact_email"],
        website=data["website"],
    )


@login_required
@domain_errors_as_http
def organisation_create(request: HttpRequest) -> HttpResponse:
    organisations = [
        o
        for o in expert_selectors.institutions_of(request.user, expert_selectors.REGISTRY_KINDS)
        if not hasattr(o, "diaspora_entry")
    ]
    if not organisations:
        require_permission(services.register_diaspora_organisation, request.user, None)
    form = DiasporaOrganisationForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = expert_selectors.organisation_by_id(form.cleaned_data["organisation"])
            entry = services.register_diaspora_organisation(signed_in(request), organisation, _organisation_input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The organisation is in the registry."))
            return redirect("diaspora:organisation_detail", entry_id=entry.pk)
    return render(request, "diaspora/organisation_form.html", {"form": form, "entry": None})


@login_required
@domain_errors_as_http
def organisation_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry: DiasporaOrganisation = selectors.organisation_entry(entry_id)
    require_permission(services.update_diaspora_organisation, request.user, entry)
    initial = {
        "origin": entry.origin_id,
        "residence": entry.residence_id,
        "focus": entry.focus,
        "description": entry.description,
        "contact_email": entry.contact_email,
        "website": entry.website,
    }
    form = DiasporaOrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_diaspora_organisation(signed_in(request), entry, _organisation_input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("diaspora:organisation_detail", entry_id=entry.pk)
    return render(request, "diaspora/organisation_form.html", {"form": form, "entry": entry})


def _initiative_input(form: InitiativeForm) -> services.InitiativeInput:
    data = form.cleaned_data
    return services.InitiativeInput(
        title=data["title"],
        kind=data["kind"],
        country=data["country"].pk,
        description=data["description"],
        start_year=data["start_year"],
        website=data["website"],
        gcm_objectives=[o.number for o in data["gcm_objectives"]],
    )


@login_required
@domain_errors_as_http
def initiative_create(request: HttpRequest, entry_id: int) -> HttpResponse:
    entry = selectors.organisation_entry(entry_id)
    require_permission(services.add_initiative, request.user, entry)
    form = InitiativeForm(request.POST or None, initial={"country": entry.origin_id})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_initiative(signed_in(request), entry, _initiative_input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The initiative has been added."))
            return redirect("diaspora:organisation_detail", entry_id=entry.pk)
    return render(request, "diaspora/initiative_form.html", {"form": form, "entry": entry, "initiative": None})


@login_required
@domain_errors_as_http
def initiative_edit(request: HttpRequest, initiative_id: int) -> HttpResponse:
    initiative = selectors.initiative_by_id(initiative_id)
    require_permission(services.update_initiative, request.user, initiative)
    initial = {
        "title": initiative.title,
        "kind": initiative.kind,
        "country": initiative.country_id,
        "description": initiative.description,
        "start_year": initiative.start_year,
        "website": initiative.website,
        "gcm_objectives": list(initiative.gcm_objectives.all()),
    }
    form = InitiativeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_initiative(signed_in(request), initiative, _initiative_input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("diaspora:organisation_detail", entry_id=initiative.diaspora_organisation_id)
    context = {"form": form, "entry": initiative.diaspora_organisation, "initiative": initiative}
    return render(request, "diaspora/initiative_form.html", context)
