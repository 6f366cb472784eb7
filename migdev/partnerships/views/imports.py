"""The stewards' commitments import page: upload a CSV (the format of `migdev import commitments`), queued as a
durable job that checks it whole and loads it whole or not at all; the page lists each import's outcome and reloads
itself while one is being checked."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.accounts.rules import require_permission
from migdev.accounts.views import add_domain_error, domain_errors_as_http, signed_in
from migdev.core.errors import DomainError
from migdev.partnerships.forms import ImportForm
from migdev.partnerships.importers import REQUIRED
from migdev.partnerships.selectors import registry as selectors
from migdev.partnerships.services import imports as services

OPTIONAL = (
    "summary", "pledger_country", "partners", "type", "matches", "amount", "currency", "gcm_objectives",
    "guiding_principles", "sdg_targets", "countries", "rcps", "start", "deadline", "status",
)  # fmt: skip


@login_required
@domain_errors_as_http
def commitment_import(request: HttpRequest) -> HttpResponse:
    require_permission(services.upload_commitments, request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            queued = services.upload_commitments(
                signed_in(request), str(upload.name), upload.read(services.MAX_IMPORT_BYTES + 1)
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("%(file)s is being checked: its rows are read in the background, and the result shows below.")
                % {"file": queued.file_name},
            )
            return redirect("partnerships:commitment_import")
    imports = list(selectors.imports()[:20])
    context = {
        "form": form,
        "imports": imports,
        "checking": any(i.unfinished for i in imports),
        "required": REQUIRED,
        "optional": OPTIONAL,
    }
    return render(request, "partnerships/import.html", context)
