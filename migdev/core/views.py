"""Home page and the 'About the data' page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html", {})


def about_data(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about_data.html", {})
