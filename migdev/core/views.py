"""Home page and the 'About the data' page."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.templatetags.static import static

from migdev.core import selectors
from migdev.core.attributions import SHIPPED_DATASETS


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
