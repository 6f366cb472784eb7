"""Home page and the 'About the data' page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

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
