"""Migration law pages: the catalogue, an instrument (parties on a date, timeline, map), country rights profiles."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError, NotFound
from migdev.core.models import Country
from migdev.law import profiles, selectors
from migdev.law.models import Instrument
from migdev.law.status import STATUS_LABELS, Status


def index(request: HttpRequest) -> HttpResponse:
    """Every instrument, filtered by theme and kind, with how complete its ratification data is."""
    theme = request.GET.get("theme", "")
    kind = request.GET.get("kind", "")
    kinds = dict(Instrument.Kind.choices)
    items = selectors.instruments(theme=theme or None, kind=kind if kind in kinds else None)
    rows = [{"instrument": i, "statement": selectors.statement(selectors.completeness_of(i))} for i in items]
    context = {
        "rows": rows,
        "themes": selectors.themes(),
        "theme": theme,
        "kinds": kinds,
        "kind": kind,
        "countries": Country.objects.order_by("name"),
    }
    return render(request, "law/index.html", context)


def instrument(request: HttpRequest, instrument_id: str) -> HttpResponse:
    """One instrument: its metadata, and for a binding one its parties on a date, timeline and world map."""
    try:
        item = selectors.instrument(instrument_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    context: dict[str, object] = {"instrument": item, "statement": selectors.statement(selectors.completeness_of(item))}
    if item.binding:
        error = ""
        try:
            asked = selectors.parse_as_of(request.GET.get("as_of"))
        except DomainError as exc:
            asked, error = None, str(exc.message)
        answer = selectors.parties(item, asked)
        context.update(
            {
                "answer": answer,
                "as_of_error": error,
                "chart_data": _chart_data(item, answer),
            }
        )
    return render(request, "law/instrument.html", context)


def _chart_data(item: Instrument, answer: selectors.Parties) -> dict[str, object]:
    """What timeline.js and status_map.js need: points, statuses by zero-padded M49, translated labels."""
    shown = (Status.PARTY, Status.UNCERTAIN, Status.SIGNATORY, Status.DENOUNCED)
    return {
        "timeline": [
            {"date": p.date.isoformat(), "parties": p.parties, "uncertain": p.uncertain}
            for p in selectors.timeline(item)
        ],
        "asOf": answer.as_of.isoformat(),
        "dataAsOf": answer.statement.data_as_of.isoformat() if answer.statement.data_as_of else None,
        "topology": static("vendor/world-countries-110m.json"),
        "statuses": {f"{r.m49:03d}": str(r.status) for r in answer.rows if r.m49 is not None and r.status in shown},
        "names": {f"{r.m49:03d}": r.name for r in answer.rows if r.m49 is not None},
        "links": {f"{r.m49:03d}": reverse("law:country", args=[r.iso3]) for r in answer.rows if r.m49 and r.iso3},
        "labels": {
            "statuses": {str(s): str(STATUS_LABELS[s]) for s in shown},
            "none": str(STATUS_LABELS[Status.NONE]),
            "parties": _("Parties"),
            "uncertain": _("Status uncertain (year-only or undated action)"),
            "date": _("Date"),
            "dataAsOf": _("Data complete to"),
        },
    }


def find_country(request: HttpRequest) -> HttpResponse:
    """Go to the rights profile of the country named or coded (ISO3) in `q`."""
    query = request.GET.get("q", "").strip()
    if query:
        for country in Country.objects.all():
            if query.casefold() in (country.name.casefold(), country.iso3.casefold()):
                return redirect("law:country", code=country.iso3)
        messages.error(request, _("No country matches “%(query)s”.") % {"query": query})
    return redirect("law:index")


def country(request: HttpRequest, code: str) -> HttpResponse:
    """A country's rights profile: instruments it is party to, only signed, has not joined, or unknown."""
    error = ""
    try:
        on = selectors.parse_as_of(request.GET.get("as_of"))
    except DomainError as exc:
        on, error = None, str(exc.message)
    try:
        profile = profiles.profile(code, on)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    context = {"profile": profile, "as_of": on, "as_of_error": error, "countries": Country.objects.order_by("name")}
    return render(request, "law/country.html", context)


def compare(request: HttpRequest) -> HttpResponse:
    """Two or more rights profiles side by side, one row per instrument."""
    codes = ",".join(c for c in request.GET.getlist("countries") if c)
    error = ""
    table: list[dict[str, object]] = []
    compared: list[profiles.RightsProfile] = []
    on = None
    if codes:
        try:
            on = selectors.parse_as_of(request.GET.get("as_of"))
            compared = profiles.compared(codes, on)
        except DomainError as exc:
            error = str(exc.message)
        if compared:
            table = [
                {"instrument": row.instrument, "statement": row.statement, "cells": [p.statuses[i] for p in compared]}
                for i, row in enumerate(compared[0].statuses)
            ]
    context = {
        "compared": compared,
        "table": table,
        "error": error,
        "as_of": on,
        "chosen": [c.strip().upper() for c in codes.split(",") if c.strip()],
        "countries": Country.objects.order_by("name"),
    }
    return render(request, "law/compare.html", context)
