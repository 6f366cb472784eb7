"""Accounts pages: registration, my account, API tokens, organisations, and the stewards' pages."""

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from migdev.accounts import selectors, services
from migdev.accounts.forms import (
    AddMemberForm,
    ApiTokenForm,
    EraseForm,
    OrganisationForm,
    OrganisationRegistrationForm,
    ProfileForm,
    ReviewForm,
    WorkerRegistrationForm,
)
from migdev.accounts.models import AuditEvent, User
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.core.input_limits import MAX_ID

# Accounts created on a page are signed in at once, with the backend that checks passwords.
SIGN_IN_BACKEND = "django.contrib.auth.backends.ModelBackend"

View = Callable[..., HttpResponse]


def domain_errors_as_http(view: View) -> View:
    """Turn the services' typed errors into 404 and 403 pages."""

    @wraps(view)
    def run(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            raise Http404(error.message) from error
        except PermissionDenied as error:
            raise DjangoPermissionDenied(error.message) from error

    return run


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    """Show a service's error next to the field it names (or above the form)."""
    field = error.field if error.field in form.fields else None
    if error.field == "password" and "password1" in form.fields:
        field = "password1"
    form.add_error(field, str(error.message))


def signed_in(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def register_worker(request: HttpRequest) -> HttpResponse:
    form = WorkerRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.register_worker(request.user, form.account_details(), form.cleaned_data["country"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            login(request, user, backend=SIGN_IN_BACKEND)
            messages.success(request, _("Welcome to MigDev. Your account is open."))
            return redirect("accounts:my_account")
    return render(request, "accounts/register_worker.html", {"form": form})


def register_organisation(request: HttpRequest) -> HttpResponse:
    form_class = OrganisationForm if request.user.is_authenticated else OrganisationRegistrationForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        account = form.account_details() if isinstance(form, OrganisationRegistrationForm) else None
        try:
            organisation = services.register_organisation(
                request.user,
                name=data["name"],
                kind=data["kind"],
                country=data["country"],
                website=data["website"],
                account=account,
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if not request.user.is_authenticated:
                admin_membership = organisation.memberships.select_related("user").get()
                login(request, admin_membership.user, backend=SIGN_IN_BACKEND)
            messages.success(
                request,
                _("%(name)s is registered. A platform steward will review it; until then it has no rights.")
                % {"name": organisation.name},
            )
            return redirect("accounts:my_account")
    return render(request, "accounts/register_organisation.html", {"form": form})


def _my_account_page(
    request: HttpRequest, *, token_form: ApiTokenForm | None = None, new_key: str = ""
) -> HttpResponse:
    user = signed_in(request)
    return render(
        request,
        "accounts/my_account.html",
        {
            "person": user,
            "official_countries": list(user.official_countries.order_by("name")),
            "memberships": list(selectors.memberships_of(user)),
            "tokens": list(selectors.api_tokens_of(user)),
            "token_form": token_form or ApiTokenForm(),
            "new_key": new_key,
            "erase_form": EraseForm(),
        },
    )


@login_required
def my_account(request: HttpRequest) -> HttpResponse:
    return _my_account_page(request)


@login_required
@domain_errors_as_http
def edit_profile(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    initial = {"first_name": user.first_name, "last_name": user.last_name, "email": user.email, "country": user.country}
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(user, user, form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect("accounts:my_account")
    return render(request, "accounts/profile_form.html", {"form": form})


@login_required
@require_POST
def create_token(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            _token, key = services.create_api_token(signed_in(request), form.cleaned_data["name"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            # The key is shown on this response only; it is never stored in clear.
            return _my_account_page(request, new_key=key)
    return _my_account_page(request, token_form=form)


@login_required
@require_POST
@domain_errors_as_http
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    user = signed_in(request)
    try:
        services.revoke_api_token(user, selectors.api_token_of(user, token_id))
    except DomainError as error:
        if isinstance(error, NotFound | PermissionDenied):
            raise
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The token is revoked."))
    return redirect("accounts:my_account")


@login_required
@require_POST
@domain_errors_as_http
def export_my_data(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    data = services.export_personal_data(user, user)
    response = HttpResponse(json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="migdev-my-data-{user.pk}.json"'
    return response


@login_required
@require_POST
@domain_errors_as_http
def erase_my_account(request: HttpRequest) -> HttpResponse:
    form = EraseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the box to confirm the erasure."))
        return redirect("accounts:my_account")
    services.erase_person(signed_in(request), signed_in(request))
    logout(request)
    messages.success(request, _("Your personal data is erased and your account closed."))
    return redirect("core:home")


@login_required
@domain_errors_as_http
def organisation_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = selectors.organisation_by_id(organisation_id)
    user = signed_in(request)
    may_manage = user.has_perm("accounts.add_member", organisation)
    is_member = organisation.memberships.filter(user=user).exists()
    if not (organisation.is_approved or may_manage or is_member or user.has_perm("accounts.approve_organisation")):
        raise Http404(_("No such organisation."))
    form = AddMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = selectors.user_by_username(form.cleaned_data["username"])
            services.add_member(user, organisation, member, is_admin=form.cleaned_data["is_admin"])
        except PermissionDenied:
            raise
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("%(user)s is now a member.") % {"user": member.username})
            return redirect("accounts:organisation", organisation_id=organisation.pk)
    context = {
        "organisation": organisation,
        "members": list(selectors.organisation_members(organisation)) if (may_manage or is_member) else [],
        "may_manage": may_manage,
        "is_member": is_member,
        "form": form,
    }
    return render(request, "accounts/organisation_detail.html", context)


def steward_only(view: View) -> View:
    """Pages for platform stewards; others get 403."""

    @wraps(view)
    def run(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("accounts.approve_organisation"):
            raise DjangoPermissionDenied(_("Only platform stewards may see this page."))
        return view(request, *args, **kwargs)

    return login_required(run)


@steward_only
def pending_organisations(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/pending_organisations.html",
        {"organisations": list(selectors.pending_organisations()), "form": ReviewForm()},
    )


@steward_only
@require_POST
@domain_errors_as_http
def review_organisation(request: HttpRequest, organisation_id: int, decision: str) -> HttpResponse:
    organisation = selectors.organisation_by_id(organisation_id)
    form = ReviewForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    review = services.approve_organisation if decision == "approve" else services.reject_organisation
    try:
        review(signed_in(request), organisation, note)
    except PermissionDenied:
        raise
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        if decision == "approve":
            messages.success(request, _("%(name)s is approved.") % {"name": organisation.name})
        else:
            messages.success(request, _("%(name)s is rejected.") % {"name": organisation.name})
    return redirect("accounts:pending_organisations")


@login_required
@domain_errors_as_http
def person_record(request: HttpRequest, person_id: int) -> HttpResponse:
    record = selectors.person_record(request.user, selectors.user_by_id(person_id))
    return render(request, "accounts/person_record.html", {"record": record})


PEOPLE_PER_PAGE = 25


@login_required
@domain_errors_as_http
def people(request: HttpRequest) -> HttpResponse:
    """The people whose records the viewer may open (stewards: all; officials: their countries'), searchable."""
    search = request.GET.get("q", "").strip()
    found = selectors.people_visible_to(request.user, search)
    page = Paginator(found, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/people.html",
        {
            "page": page,
            "q": search,
            "official_countries": list(signed_in(request).official_countries.order_by("name")),
            "everyone": signed_in(request).is_steward or signed_in(request).is_superuser,
        },
    )


@login_required
@domain_errors_as_http
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit events the viewer may see; a subject that is not an id (a word, a number beyond any id) is ignored."""
    subject = request.GET.get("subject", "")
    action = request.GET.get("action", "")
    events = selectors.audit_events(
        request.user,
        subject_id=int(subject) if subject.isdigit() and int(subject) <= MAX_ID else None,
        action=action if action in AuditEvent.Action.values else "",
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/audit_log.html",
        {
            "page": page,
            "rows": selectors.audit_rows(page.object_list),
            "actions": AuditEvent.Action.choices,
            "action": action,
            "subject": subject,
        },
    )
