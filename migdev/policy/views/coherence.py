"""Country policy profile pages: the profile (policies and laws in force, lead agency, working groups, published
self-assessments, plans, requests), its edit forms, and a working group with members, meetings and decisions."""

from collections.abc import Callable
from typing import Any

import rules
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.policy import frameworks
from migdev.policy.forms import InstrumentForm, MeetingForm, MemberForm, ProfileForm, WorkingGroupForm
from migdev.policy.selectors import assessments, capacity, coherence, plans
from migdev.policy.services import coherence as services


@domain_errors_as_http
def country(request: HttpRequest, code: str) -> HttpResponse:
    found = coherence.country_policy(code)
    context = {
        "policy": found,
        "history": assessments.history(request.user, found.country.pk),
        "bands": frameworks.BAND_LABELS,
        "plans": list(plans.plans(found.country.pk)),
        "requests": list(capacity.requests(found.country.pk)),
        "initiatives": list(capacity.initiatives(found.country.pk)),
        "can_edit": rules.has_perm("policy.change_country_policy", request.user, found.country),
    }
    return render(request, "policy/country.html", context)


def _form_page(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any]], Any],
    done: tuple[str, Callable[[Any], HttpResponse]],
    context: dict[str, Any],
) -> HttpResponse:
    """Show the form; on a valid POST run `save` (a service call) and redirect, or show the service's error."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            message, go_to = done
            messages.success(request, message)
            return go_to(saved)
    return render(request, "policy/form.html", {"form": form, **context})


@login_required
@domain_errors_as_http
def profile_edit(request: HttpRequest, code: str) -> HttpResponse:
    found = coherence.country_policy(code)
    require_permission(services.save_profile, request.user, found.country)
    p = found.profile
    initial = {"lead_agency": p.lead_agency, "summary": p.summary, "source": p.source, "as_of": p.as_of} if p else {}
    return _form_page(
        request,
        ProfileForm(request.POST or None, initial=initial),
        lambda data: services.save_profile(signed_in(request), found.country, services.ProfileInput(**data)),
        (_("Saved."), lambda _saved: redirect("policy:country", code=found.country.pk)),
        {"title": _("Policy profile of %(country)s") % {"country": found.country.name}, "back": found.country},
    )


@login_required
@domain_errors_as_http
def instrument_add(request: HttpRequest, code: str) -> HttpResponse:
    found = coherence.country_policy(code)
    require_permission(services.add_instrument, request.user, found.country)
    return _form_page(
        request,
        InstrumentForm(request.POST or None, laws=[(w.work_id, w.title) for w in found.national_laws]),
        lambda data: services.add_instrument(signed_in(request), found.country, services.InstrumentInput(**data)),
        (_("The policy is recorded."), lambda _saved: redirect("policy:country", code=found.country.pk)),
        {"title": _("Record a policy or law of %(country)s") % {"country": found.country.name}, "back": found.country},
    )


@login_required
@domain_errors_as_http
def group_new(request: HttpRequest, code: str) -> HttpResponse:
    found = coherence.country(code)
    require_permission(services.create_group, request.user, found)
    title = _("Record the inter-ministerial working group of %(country)s") % {"country": found.name}
    return _form_page(
        request,
        WorkingGroupForm(request.POST or None),
        lambda data: services.create_group(signed_in(request), found, services.GroupInput(**data)),
        (
            _("The working group is recorded."),
            lambda group: redirect("policy:working_group", working_group_id=group.pk),
        ),
        {"title": title, "back": found},
    )


@domain_errors_as_http
def working_group(request: HttpRequest, working_group_id: int) -> HttpResponse:
    group = coherence.working_group(working_group_id)
    context = {"group": group, "can_edit": rules.has_perm("policy.change_country_policy", request.user, group)}
    return render(request, "policy/working_group.html", context)


@login_required
@domain_errors_as_http
def member_add(request: HttpRequest, working_group_id: int) -> HttpResponse:
    group = coherence.working_group(working_group_id)
    require_permission(services.add_member, request.user, group)
    return _form_page(
        request,
        MemberForm(request.POST or None),
        lambda data: services.add_member(signed_in(request), group, data["ministry"], data["role"]),
        (_("The ministry is added."), lambda _saved: redirect("policy:working_group", working_group_id=group.pk)),
        {"title": _("Add a ministry to %(group)s") % {"group": group.name}, "group": group},
    )


@login_required
@domain_errors_as_http
def meeting_add(request: HttpRequest, working_group_id: int) -> HttpResponse:
    group = coherence.working_group(working_group_id)
    require_permission(services.record_meeting, request.user, group)
    return _form_page(
        request,
        MeetingForm(request.POST or None),
        lambda data: services.record_meeting(
            signed_in(request), group, data["date"], data["summary"], data["decisions"].splitlines()
        ),
        (_("The meeting is recorded."), lambda _saved: redirect("policy:working_group", working_group_id=group.pk)),
        {"title": _("Record a meeting of %(group)s") % {"group": group.name}, "group": group},
    )
