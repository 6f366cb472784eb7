"""Capacity-building pages: requests and initiatives with their overlaps, a country's request form, and an
international organisation's initiative form (offer, then update as it runs)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.core.models import Country
from migdev.policy.forms import InitiativeForm, RequestForm
from migdev.policy.models import CapacityInitiative
from migdev.policy.models.capacity import DOMAIN_CHOICES
from migdev.policy.selectors import capacity as selectors
from migdev.policy.services import capacity as services
from migdev.policy.views.common import kept_countries, require_country_keeper


def capacity(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("country", "")[:MAX_FILTER_LENGTH].strip()[:3]
    raw_domain = request.GET.get("domain", "")[:2]
    domain = int(raw_domain) if raw_domain.isdigit() and 1 <= int(raw_domain) <= 6 else None
    requests = selectors.requests(code)
    initiatives = selectors.initiatives(code)
    named = Country.objects.filter(pk=code.upper()).first() if code else None
    if domain:
        requests, initiatives = requests.filter(domain=domain), initiatives.filter(domain=domain)
    context = {
        "requests": list(requests),
        "initiatives": list(initiatives),
        "editable": selectors.editable_initiatives(request.user),
        "overlaps": selectors.overlaps(code),
        "country": named.name if named else code.upper(),
        "code": named.pk if named else "",
        "countries": selectors.countries_with_capacity(),
        "domains": DOMAIN_CHOICES,
        "domain": domain,
        "can_request": kept_countries(request.user) != [],
        "can_offer": bool(selectors.offering_organisations(request.user)),
    }
    return render(request, "policy/capacity.html", context)


@login_required
@domain_errors_as_http
def request_new(request: HttpRequest) -> HttpResponse:
    initial = {key: request.GET.get(key, "")[:3] for key in ("domain", "sub_id") if request.GET.get(key)}
    form = RequestForm(request.POST or None, countries=require_country_keeper(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_request(
                signed_in(request),
                data["country"],
                services.RequestInput(
                    data["title"],
                    data["gap"],
                    data["domain"],
                    data["sub_id"],
                    [o.number for o in data["gcm_objectives"]],
                ),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The request is recorded."))
            return redirect("policy:capacity")
    return render(
        request, "policy/form.html", {"form": form, "title": _("Request capacity building"), "english_objectives": True}
    )


def _initiative_form(request: HttpRequest, item: CapacityInitiative | None) -> InitiativeForm:
    organisations = selectors.offering_organisations(request.user) if item is None else [item.organisation]
    requests = [(r.pk, f"{r.country.name}: {r.title}") for r in selectors.requests().order_by("country__name", "title")]
    initial: dict[str, Any] = {}
    if len(organisations) == 1:
        initial["organisation"] = organisations[0]
    answering = request.GET.get("request", "")[:12]
    if item is None and answering.isdigit():
        asked = selectors.requests().filter(pk=int(answering)).first()
        if asked is not None:  # offered in answer to a request: its country, domain and objectives to start from
            initial.update(
                country=asked.country,
                domain=asked.domain,
                gcm_objectives=list(asked.gcm_objectives.all()),
                answers=[str(asked.pk)],
            )
    if item is not None:
        initial = {
            "organisation": item.organisation,
            "country": item.country,
            "title": item.title,
            "description": item.description,
            "domain": item.domain,
            "gcm_objectives": list(item.gcm_objectives.all()),
            "partners": item.partners,
            "start": item.start,
            "end": item.end,
            "status": item.status,
            "results": item.results,
            "answers": [str(r.pk) for r in item.answers.all()],
        }
    return InitiativeForm(request.POST or None, initial=initial, organisations=organisations, requests=requests)


def _input(form: InitiativeForm) -> services.InitiativeInput:
    data = form.cleaned_data
    return services.InitiativeInput(
        country=data["country"].pk,
        title=data["title"],
        domain=data["domain"],
        start=data["start"],
        description=data["description"],
        end=data["end"],
        partners=data["partners"],
        status=data["status"],
        results=data["results"],
        gcm_objectives=[o.number for o in data["gcm_objectives"]],
        answers=[int(pk) for pk in data["answers"]],
    )


@login_required
@domain_errors_as_http
def initiative_new(request: HttpRequest) -> HttpResponse:
    if not selectors.offering_organisations(request.user):
        require_permission(services.offer_initiative, request.user, None)
    form = _initiative_form(request, None)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_initiative(signed_in(request), form.cleaned_data["organisation"], _input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The initiative is recorded."))
            return redirect("policy:capacity")
    return render(
        request, "policy/form.html", {"form": form, "title": _("Offer an initiative"), "english_objectives": True}
    )


@login_required
@domain_errors_as_http
def initiative_edit(request: HttpRequest, cb_initiative_id: int) -> HttpResponse:
    item = selectors.initiative(cb_initiative_id)
    require_permission(services.update_initiative, request.user, item)
    form = _initiative_form(request, item)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_initiative(signed_in(request), item, _input(form))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("policy:capacity")
    context = {"form": form, "title": item.title, "english_objectives": True, "can_edit": True}
    return render(request, "policy/form.html", context)
