"""Labour exchange pages: protection. Placements and their seasons, the cost ledger, grievances, the officials' flags
dashboard, employers' returning workers, and the public SDG 10.7.1 and circular KPI pages."""

from datetime import date
from typing import Any

import rules
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, URLResolver, path
from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation, User
from migdev.accounts.rules import is_member_of_org
from migdev.accounts.views import domain_errors_as_http, signed_in
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.core.models import Country
from migdev.engines.labour.indicators import DEFAULT_MIN_GROUP_SIZE, suppress_small
from migdev.labour.forms import (
    AnswerForm,
    ContractForm,
    CostForm,
    GrievanceForm,
    GrievanceStatusForm,
    IndicatorFilterForm,
    OfferForm,
    ResolveFlagForm,
    StepForm,
    add_domain_error,
)
from migdev.labour.models import Placement, RiskFlag, WorkerProfile
from migdev.labour.protection import indicator_label
from migdev.labour.selectors import indicator_names
from migdev.labour.selectors import protection as selectors
from migdev.labour.services import protection as services

State = Placement.State


# --- placements -------------------------------------------------------------------------------------------------------


def _employer_ids(user: User) -> list[int]:
    return list(
        user.memberships.filter(
            organisation__status=Organisation.Status.APPROVED, organisation__kind=Organisation.Kind.EMPLOYER
        ).values_list("organisation_id", flat=True)
    )


def _offer(request: HttpRequest, form: OfferForm) -> Placement | None:
    data = form.cleaned_data
    worker = WorkerProfile.objects.filter(pseudonym=data["worker"].strip()).first()
    if worker is None:
        form.add_error("worker", _("No worker with this pseudonym."))
        return None
    details = services.OfferDetails(data["season"], data["offered_on"], named_request=data["named_request"])
    try:
        return services.offer_placement(signed_in(request), data["vacancy"], worker, details)
    except PermissionDenied:
        raise
    except DomainError as error:
        add_domain_error(form, error)
        return None


@login_required
@domain_errors_as_http
def placements_page(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    employers = _employer_ids(user)
    form = OfferForm(request.POST or None, employers=employers) if employers else None
    if request.method == "POST" and form is not None and form.is_valid():
        placement = _offer(request, form)
        if placement is not None:
            messages.success(request, _("The offer is made."))
            return redirect("labour:protection_placement", placement_id=placement.pk)
    state = request.GET.get("state", "")
    placements = list(selectors.placements_for(user, state=state if state in State.values else "")[:300])
    return render(
        request,
        "labour/protection/placements.html",
        {
            "placements": placements,
            "states": State.choices,
            "state": state,
            "offer_form": form,
            "employers": Organisation.objects.filter(pk__in=employers).order_by("name"),
        },
    )


def _placement_action(request: HttpRequest, placement: Placement) -> forms.Form | None:
    """Run the action the posted form asks for; return the form with its errors, or None when it succeeded."""
    user = signed_in(request)
    action = request.POST.get("action", "")
    form: forms.Form
    try:
        if action in ("accept", "decline"):
            form = AnswerForm(request.POST, prefix="answer")
            if form.is_valid():
                if action == "accept":
                    services.accept_offer(user, placement, form.cleaned_data["on"])
                else:
                    services.decline_offer(user, placement, form.cleaned_data["on"], form.cleaned_data["reason"])
                return None
        elif action == "step":
            form = StepForm(request.POST, prefix="step")
            if form.is_valid():
                data = form.cleaned_data
                services.advance_placement(user, placement, data["state"], data["on"], data["reason"])
                return None
        elif action == "contract":
            form = ContractForm(request.POST, prefix="contract")
            if form.is_valid():
                data = form.cleaned_data
                terms = services.ContractTerms(
                    stage=data["stage"],
                    employer=placement.vacancy.employer,
                    occupation=placement.vacancy.occupation,
                    wage_amount=data["wage_amount"],
                    wage_currency=data["wage_currency"],
                    wage_period=data["wage_period"],
                    weekly_hours=data["weekly_hours"],
                    language=data["language"],
                    signed_on=data["signed_on"],
                    rest_days_per_week=data["rest_days_per_week"],
                    retains_documents=data["retains_documents"],
                )
                services.record_contract(user, placement, terms)
                return None
        elif action == "cost":
            form = CostForm(request.POST, prefix="cost", placement=placement)
            if form.is_valid():
                data = form.cleaned_data
                details = services.CostDetails(
                    category=data["category"],
                    amount=data["amount"],
                    currency=data["currency"],
                    paid_by=data["paid_by"],
                    paid_on=data["paid_on"],
                    paid_to=data["paid_to"],
                    amount_in_wage_currency=data["amount_in_wage_currency"],
                )
                services.record_cost_payment(user, placement, details)
                return None
        else:
            raise NotFound(_("Unknown action."), field="action")
    except PermissionDenied:
        raise
    except DomainError as error:
        add_domain_error(form, error)
    return form


@login_required
@domain_errors_as_http
def placement_page(request: HttpRequest, placement_id: int) -> HttpResponse:
    user = signed_in(request)
    placement = selectors.placement_by_id(placement_id, user)
    failed: forms.Form | None = None
    if request.method == "POST":
        failed = _placement_action(request, placement)
        if failed is None:
            messages.success(request, _("Saved."))
            return redirect("labour:protection_placement", placement_id=placement.pk)
        placement.refresh_from_db()
    record = selectors.placement_record(user, placement)

    def form_for(kind: type[forms.Form], prefix: str, **extra: Any) -> forms.Form:
        if failed is not None and failed.prefix == prefix:
            return failed
        return kind(prefix=prefix, **extra)

    may_answer = placement.state == State.OFFERED and rules.has_perm("labour.answer_offer", user, placement)
    may_progress = rules.has_perm("labour.record_placement_progress", user, placement)
    may_pay = rules.has_perm("labour.add_costpayment", user, placement)
    return render(
        request,
        "labour/protection/placement.html",
        {
            "record": record,
            "placement": placement,
            "flags": [(f, indicator_label(f.indicator or str(f.details.get("check", "")))) for f in record.flags],
            "answer_form": form_for(AnswerForm, "answer") if may_answer else None,
            "step_form": form_for(StepForm, "step") if may_progress else None,
            "contract_form": form_for(ContractForm, "contract") if may_progress else None,
            "cost_form": form_for(CostForm, "cost", placement=placement) if may_pay else None,
        },
    )


@login_required
@domain_errors_as_http
def returning_workers_page(request: HttpRequest, organisation_id: int) -> HttpResponse:
    user = signed_in(request)
    employer = Organisation.objects.filter(pk=organisation_id).first()
    if employer is None:
        raise Http404(_("No such organisation."))
    rows = selectors.returning_workers(user, employer)
    form = OfferForm(request.POST or None, employers=[employer.pk], initial={"named_request": True})
    if request.method == "POST" and form.is_valid():
        placement = _offer(request, form)
        if placement is not None:
            messages.success(request, _("The returning worker is offered the season."))
            return redirect("labour:protection_placement", placement_id=placement.pk)
    return render(
        request, "labour/protection/returning_workers.html", {"employer": employer, "rows": rows, "offer_form": form}
    )


# --- grievances and flags ---------------------------------------------------------------------------------------------


@login_required
@domain_errors_as_http
def grievances_page(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    worker = selectors.worker_profile_of(user)
    form = GrievanceForm(request.POST or None, worker=worker) if worker is not None else None
    if request.method == "POST" and form is not None and worker is not None and form.is_valid():
        data = form.cleaned_data
        try:
            grievance = services.file_grievance(
                user, worker, data["against"], data["indicator"], data["description"], data["placement"]
            )
        except PermissionDenied:
            raise
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your grievance is filed. Only officials of your countries can read it."))
            return redirect("labour:protection_grievance", grievance_id=grievance.pk)
    grievances = [(g, indicator_label(g.indicator)) for g in selectors.grievances_for(user)[:300]]
    against_mine = [
        (org, [(n, indicator_label(n.indicator)) for n in selectors.grievances_against(user, org)])
        for org in Organisation.objects.filter(memberships__user=user, status=Organisation.Status.APPROVED)
        if is_member_of_org(user, org)
    ]
    return render(
        request,
        "labour/protection/grievances.html",
        {"grievances": grievances, "form": form, "against_mine": [row for row in against_mine if row[1]]},
    )


@login_required
@domain_errors_as_http
def grievance_page(request: HttpRequest, grievance_id: int) -> HttpResponse:
    user = signed_in(request)
    grievance = selectors.grievance_record(user, grievance_id)
    may_handle = rules.has_perm("labour.change_grievance", user, grievance)
    initial = {"status": grievance.status, "resolution": grievance.resolution}
    form = GrievanceStatusForm(request.POST or None, initial=initial) if may_handle else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.update_grievance(user, grievance, form.cleaned_data["status"], form.cleaned_data["resolution"])
        except PermissionDenied:
            raise
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("labour:protection_grievance", grievance_id=grievance.pk)
    return render(
        request,
        "labour/protection/grievance.html",
        {"grievance": grievance, "indicator": indicator_label(grievance.indicator), "form": form},
    )


@login_required
@domain_errors_as_http
def flags_page(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if request.method == "POST":
        flag = selectors.flag_by_id(user, int(request.POST.get("flag", "0") or 0))
        form = ResolveFlagForm(request.POST)
        if form.is_valid():
            try:
                services.resolve_flag(user, flag, form.cleaned_data["note"])
            except PermissionDenied:
                raise
            except DomainError as error:
                messages.error(request, str(error.message))
            else:
                messages.success(request, _("The flag is resolved."))
        else:
            messages.error(request, _("Say what was done."))
        return redirect("labour:protection_flags")
    kind = request.GET.get("kind", "")
    flags = selectors.flags_for(user, kind=kind if kind in RiskFlag.Kind.values else "")[:500]
    dashboard = rules.has_perm("labour.view_protection_dashboard", user)
    counts = selectors.protection_counts_by_sex(user) if dashboard else None
    return render(
        request,
        "labour/protection/flags.html",
        {
            "flags": [(f, indicator_label(f.indicator or str(f.details.get("check", "")))) for f in flags],
            "kinds": RiskFlag.Kind.choices,
            "kind": kind,
            "dashboard": dashboard,
            "may_resolve": dashboard or user.is_steward,
            "counts": _labelled(counts) if counts else None,
            "resolve_form": ResolveFlagForm(),
        },
    )


def _labelled(counts: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    def label(key: str) -> str:
        kind, _sep, detail = key.partition(":")
        if kind in RiskFlag.Kind.values and not detail:
            return str(RiskFlag.Kind(kind).label)
        return indicator_label(detail or key)

    return {part: [{**row, "label": label(row["key"])} for row in rows] for part, rows in counts.items()}


# --- public indicators ------------------------------------------------------------------------------------------------


def _iso3(country: Country | None) -> str:
    return country.iso3 if country is not None else ""


def recruitment_cost_page(request: HttpRequest) -> HttpResponse:
    # An official starts from their own country; any submitted filter (even "all countries") replaces it.
    form = IndicatorFilterForm(request.GET or indicator_names.official_starting_filter(request.user) or None)
    report, error = None, ""
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    try:
        filters = selectors.clean_filters(
            _iso3(data.get("origin")), _iso3(data.get("destination")), data.get("occupation") or "", data.get("period")
        )
        report = indicator_names.named_recruitment_cost(selectors.recruitment_cost_report(filters))
    except DomainError as failure:
        add_domain_error(form, failure)
        error = str(failure.message)
    return render(
        request,
        "labour/protection/recruitment_cost.html",
        {
            "form": form,
            "report": report,
            "chart_data": indicator_names.recruitment_cost_chart(report) if report else None,
            "error": error,
            "definition": selectors.RECRUITMENT_COST_DEFINITION,
            "min_group_size": DEFAULT_MIN_GROUP_SIZE,
        },
    )


def circular_page(request: HttpRequest) -> HttpResponse:
    form = IndicatorFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    report = None
    try:
        filters = selectors.clean_filters(
            _iso3(data.get("origin")),
            _iso3(data.get("destination")),
            "",
            data.get("period"),
            request.GET.get("scheme", ""),
        )
        report = selectors.circular_report(filters)
    except DomainError as failure:
        add_domain_error(form, failure)
    groups = []
    if report is not None:
        corridors = indicator_names.name_corridors(report.by_corridor)
        groups = [
            (_("All placements"), [("", suppress_small(report.total))]),
            (_("By scheme"), [(k, suppress_small(v)) for k, v in report.by_scheme.items()]),
            (_("By corridor"), [(corridors[k], suppress_small(v)) for k, v in report.by_corridor.items()]),
            (_("By sex"), [(k, suppress_small(v)) for k, v in report.by_sex.items()]),
        ]
    return render(
        request,
        "labour/protection/circular.html",
        {
            "form": form,
            "groups": groups,
            "definitions": selectors.CIRCULAR_DEFINITIONS,
            "min_group_size": DEFAULT_MIN_GROUP_SIZE,
            "today": date.today(),
        },
    )


urlpatterns: list[URLPattern | URLResolver] = [
    path("placements/", placements_page, name="protection_placements"),
    path("placements/<int:placement_id>/", placement_page, name="protection_placement"),
    path(
        "employers/<int:organisation_id>/returning-workers/",
        returning_workers_page,
        name="protection_returning_workers",
    ),
    path("grievances/", grievances_page, name="protection_grievances"),
    path("grievances/<int:grievance_id>/", grievance_page, name="protection_grievance"),
    path("flags/", flags_page, name="protection_flags"),
    path("indicators/recruitment-cost/", recruitment_cost_page, name="protection_recruitment_cost"),
    path("indicators/circular/", circular_page, name="protection_circular"),
]
