"""Commitment pages: the list with facets and search, a commitment with its progress, the forms to register or
change one and to add a progress update (members of the pledging organisation, stewards)."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.core.input_limits import MAX_FILTER_LENGTH
from migdev.core.models import Country
from migdev.partnerships.forms import CommitmentForm, ProgressForm
from migdev.partnerships.models import Commitment, Partner
from migdev.partnerships.rcps import rcp_names, rcp_url
from migdev.partnerships.selectors import registry as selectors
from migdev.partnerships.services import commitments as services
from migdev.partnerships.services.checks import CommitmentInput

# Fields whose choices are the frameworks' English titles (no French or Spanish wording was sourced).
ENGLISH_FIELDS = ("gcm_objectives", "guiding_principles", "sdg_targets")
STATUSES = [*Commitment.Status.choices, ("overdue", gettext_lazy("Overdue"))]


def _number(raw: str, high: int) -> int | None:
    return int(raw) if raw.isdigit() and 0 < int(raw) <= high else None


def commitment_list(request: HttpRequest) -> HttpResponse:
    keys = ("q", "kind", "country", "rcp", "status", "form", "type", "objective", "partner")
    get = {key: request.GET.get(key, "")[:MAX_FILTER_LENGTH] for key in keys}
    filters = selectors.CommitmentFilters(
        q=get["q"],
        objective=_number(get["objective"][:3], 23),
        kind=get["kind"],
        country=get["country"],
        rcp=get["rcp"],
        status=get["status"],
        form=get["form"],
        type=get["type"],
        partner=_number(get["partner"][:10], 2**31 - 1),
    )
    found = selectors.commitments(filters)
    context = {
        "commitments": list(found[:200]),
        "count": found.count(),
        "filters": filters,
        "objectives": list(selectors.gcm_objectives()),
        "kinds": Partner.Kind.choices,
        "statuses": STATUSES,
        "forms": Commitment.Form.choices,
        "types": Commitment.Type.choices,
        "rcps": list(rcp_names().items()),
        "countries": list(Country.objects.filter(commitments__isnull=False).distinct().order_by("name")),
        "can_pledge": bool(selectors.pledgers_of(request.user)),
        "can_import": rules.has_perm("partnerships.import_commitments", request.user),
        "query_string": request.GET.urlencode()[:2000],
    }
    return render(request, "partnerships/commitment_list.html", context)


@domain_errors_as_http
def commitment_detail(request: HttpRequest, commitment_id: int) -> HttpResponse:
    commitment = selectors.commitment_by_id(commitment_id)
    names = rcp_names()
    context = {
        "c": commitment,
        "updates": list(selectors.progress_updates(commitment)),
        "rcps": [(r, names.get(r, r), rcp_url(r)) for r in commitment.rcp_ids],
        "recommendations": list(commitment.recommendations.select_related("board")),
        "can_edit": rules.has_perm("partnerships.change_commitment", request.user, commitment),
    }
    return render(request, "partnerships/commitment_detail.html", context)


def _input(form: CommitmentForm) -> CommitmentInput:
    data = form.cleaned_data
    return CommitmentInput(
        title=data["title"],
        summary=data["summary"],
        type=data["type"],
        matches=data["matched_pledge"].pk if data["matched_pledge"] else None,
        form=data["form"],
        partners=[p.pk for p in data["partners"]],
        amount=data["amount"],
        currency=data["currency"],
        gcm_objectives=[o.number for o in data["gcm_objectives"]],
        guiding_principles=[p.letter for p in data["guiding_principles"]],
        sdg_targets=[t.code for t in data["sdg_targets"]],
        countries=[c.iso3 for c in data["countries"]],
        rcps=list(data["rcps"]),
        start=data["start"],
        deadline=data["deadline"],
        status=data["status"],
    )


def _show_error(form: CommitmentForm, error: DomainError) -> None:
    """The service's error beside its field (the pledge matched is `matched_pledge` on the page)."""
    if error.field == "matches":
        form.add_error("matched_pledge", str(error.message))
    else:
        add_domain_error(form, error)


@login_required
@domain_errors_as_http
def commitment_create(request: HttpRequest) -> HttpResponse:
    pledgers = selectors.pledgers_of(request.user)
    if not pledgers:
        require_permission(services.register_commitment, request.user, None)
    form = CommitmentForm(request.POST or None, pledgers=pledgers)
    if request.method == "POST" and form.is_valid():
        try:
            pledger = selectors.partner_by_id(form.cleaned_data["pledger"])
            commitment = services.register_commitment(signed_in(request), pledger, _input(form))
        except DomainError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("The commitment is registered."))
            return redirect("partnerships:commitment_detail", commitment_id=commitment.pk)
    return render(
        request,
        "partnerships/commitment_form.html",
        {"form": form, "commitment": None, "english_fields": ENGLISH_FIELDS},
    )


@login_required
@domain_errors_as_http
def commitment_edit(request: HttpRequest, commitment_id: int) -> HttpResponse:
    commitment = selectors.commitment_by_id(commitment_id)
    require_permission(services.update_commitment, request.user, commitment)
    initial = {
        "pledger": commitment.pledger_id,
        "title": commitment.title,
        "summary": commitment.summary,
        "type": commitment.type,
        "matched_pledge": commitment.matches_id,
        "form": commitment.form,
        "partners": list(commitment.partners.all()),
        "amount": "" if commitment.amount is None else str(commitment.amount),
        "currency": commitment.currency_id or "",
        "gcm_objectives": list(commitment.gcm_objectives.all()),
        "guiding_principles": list(commitment.guiding_principles.all()),
        "sdg_targets": list(commitment.sdg_targets.all()),
        "countries": list(commitment.countries.all()),
        "rcps": commitment.rcp_ids,
        "start": commitment.start,
        "deadline": commitment.deadline,
        "status": commitment.status,
    }
    form = CommitmentForm(request.POST or None, initial=initial, pledgers=[commitment.pledger])
    if request.method == "POST" and form.is_valid():
        try:
            services.update_commitment(signed_in(request), commitment, _input(form))
        except DomainError as error:
            _show_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("partnerships:commitment_detail", commitment_id=commitment.pk)
    return render(
        request,
        "partnerships/commitment_form.html",
        {"form": form, "commitment": commitment, "english_fields": ENGLISH_FIELDS},
    )


@login_required
@domain_errors_as_http
def progress_add(request: HttpRequest, commitment_id: int) -> HttpResponse:
    commitment = selectors.commitment_by_id(commitment_id)
    require_permission(services.add_progress, request.user, commitment)
    initial = {"date": timezone.localdate(), "status": commitment.status}
    form = ProgressForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["evidence"]
        evidence = None
        if upload:
            if upload.size > services.MAX_EVIDENCE_BYTES:
                form.add_error("evidence", _("The document is larger than 5 MB."))
            else:
                evidence = services.Evidence(upload.name, upload.read())
        if not form.errors:
            try:
                services.add_progress(
                    signed_in(request),
                    commitment,
                    services.ProgressInput(data["date"], data["text"], data["status"], data["evidence_url"], evidence),
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The progress update is recorded."))
                return redirect("partnerships:commitment_detail", commitment_id=commitment.pk)
    return render(request, "partnerships/progress_form.html", {"form": form, "c": commitment})
