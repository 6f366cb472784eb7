"""Labour registry pages: agency pools, the officials' home, schemes and labour standards."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.accounts.rules import require_permission
from migdev.accounts.views import domain_errors_as_http, signed_in
from migdev.core.errors import DomainError, PermissionDenied
from migdev.labour.forms import (
    LabourStandardForm,
    SchemeForm,
    add_domain_error,
)
from migdev.labour.models import Scheme
from migdev.labour.selectors import registry as selectors
from migdev.labour.selectors import registry_reference as reference
from migdev.labour.services import registry as services

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
