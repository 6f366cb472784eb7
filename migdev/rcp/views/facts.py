"""Correcting a fact of a process from its page: stewards and the process's secretariat, with a source and a date."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.rcp.forms import FactCorrectionForm
from migdev.rcp.selectors import processes as selectors
from migdev.rcp.services import facts


@login_required
@domain_errors_as_http
def fact_correct(request: HttpRequest, rcp_id: str, field: str) -> HttpResponse:
    process = selectors.process(rcp_id)
    if field not in facts.CORRECTABLE:
        raise Http404()
    require_permission(facts.correct_fact, request.user, process)
    current = facts.stored_text(process, field)
    form = FactCorrectionForm(request.POST or None, initial={"value": current}, field=field)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        correction = facts.Correction(value=str(data["value"]), source=data["source"], as_of=data["as_of"])
        try:
            facts.correct_fact(signed_in(request), process, field, correction)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Fact corrected. Its history keeps the old value and your source."))
            return redirect(reverse("rcp:process", args=[process.rcp_id]) + "#facts")
    context = {
        "process": process,
        "field": field,
        "label": facts.CORRECTABLE[field],
        "current": current,
        "history": [c for c in selectors.history(process) if c.field == field],
        "form": form,
    }
    return render(request, "rcp/fact_form.html", context)
