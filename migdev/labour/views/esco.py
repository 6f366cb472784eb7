"""The ESCO label embeddings page: a steward sees how many labels are embedded and queues a background run that
embeds the rest, then watches its progress (the page reloads itself while a run is unfinished)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from migdev.accounts.rules import require_permission
from migdev.accounts.views import domain_errors_as_http, signed_in
from migdev.core.errors import Conflict
from migdev.labour.selectors import esco as selectors
from migdev.labour.services import esco as services


@login_required
@domain_errors_as_http
@require_http_methods(["GET", "POST"])
def esco_embeddings(request: HttpRequest) -> HttpResponse:
    require_permission(services.queue_esco_embedding, request.user)
    if request.method == "POST":
        try:
            services.queue_esco_embedding(signed_in(request))
        except Conflict as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The run is queued: a worker embeds the labels, and its progress shows below."))
        return redirect("labour:esco_embeddings")
    runs = list(selectors.embedding_runs())
    context = {"state": selectors.embedding_state(), "runs": runs, "running": any(r.unfinished for r in runs)}
    return render(request, "labour/esco_embeddings.html", context)


urlpatterns: list[URLPattern] = [path("esco/embeddings/", esco_embeddings, name="esco_embeddings")]
