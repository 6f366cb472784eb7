"""Home page and the 'About the data' page."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils.translation import gettext as _

from migdev.core import selectors
from migdev.core.attributions import SHIPPED_DATASETS
from migdev.core.security import error_reference


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {})


def about_data(request: HttpRequest) -> HttpResponse:
    counts = selectors.row_counts(label for dataset in SHIPPED_DATASETS for label in dataset.counted)
    datasets = [
        {"dataset": dataset, "counts": [(name, *counts[name]) for name in dataset.counted]}
        for dataset in SHIPPED_DATASETS
    ]
    return render(request, "core/about_data.html", {"datasets": datasets})


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers ask for /favicon.ico whatever the page says: send them to the static icon (served by WhiteNoise)."""
    return HttpResponseRedirect(static("core/favicon.ico"))


def server_error(request: HttpRequest) -> HttpResponse:
    """The answer to an unexpected error: a short page (JSON under /api/) with the reference logged beside it."""
    reference = error_reference(request)
    message = _("Something went wrong on our side; it has been logged.")
    if request.path.startswith("/api/"):
        body = {"error": {"code": "server_error", "message": str(message), "field": None, "reference": reference}}
        return JsonResponse(body, status=500)
    html = render_to_string("500.html", {"reference": reference, "message": message})
    return HttpResponse(html, status=500)
