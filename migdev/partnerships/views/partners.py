"""Partner pages: the public list and details; members register their organisation as a partner."""

from typing import Any

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation, User
from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.partnerships.forms import PartnerForm
from migdev.partnerships.models import Partner
from migdev.partnerships.selectors import registry as selectors
from migdev.partnerships.services import commitments as services


def partner_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")[:MAX_FILTER_LENGTH]
    query = request.GET.get("q", "")[:MAX_FILTER_LENGTH]
    context = {
        "partners": list(selectors.partners(kind, query)[:500]),
        "kinds": Partner.Kind.choices,
        "kind": kind,
        "q": query,
        "can_register": bool(_registrable(request.user)) or rules.has_perm("partnerships.add_partner", request.user),
    }
    return render(request, "partnerships/partner_list.html", context)


@domain_errors_as_http
def partner_detail(request: HttpRequest, partner_id: int) -> HttpResponse:
    partner = selectors.partner_by_id(partner_id)
    context = {
        "partner": partner,
        "pledges": list(selectors.commitments(selectors.CommitmentFilters(partner=partner.pk))[:200]),
    }
    return render(request, "partnerships/partner_detail.html", context)


def _registrable(user: Any) -> list[Organisation]:
    """The approved organisations the user belongs to that are not partners yet."""
    if not isinstance(user, User):
        return []
    return list(
        Organisation.objects.filter(memberships__user=user, status="approved", partner__isnull=True)
        .distinct()
        .order_by("name")
    )


@login_required
@domain_errors_as_http
def partner_create(request: HttpRequest) -> HttpResponse:
    organisations = _registrable(request.user)
    if not organisations:
        require_permission(services.register_partner, request.user, None)
    form = PartnerForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organisation = next((o for o in organisations if o.pk == data["organisation"]), None)
            partner = services.register_partner(
                signed_in(request),
                organisation,
                services.PartnerInput(
                    data["name"], data["kind"], data["country"].iso3 if data["country"] else "", data["website"]
                ),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The partner is registered."))
            return redirect("partnerships:partner_detail", partner_id=partner.pk)
    return render(request, "partnerships/partner_form.html", {"form": form})
