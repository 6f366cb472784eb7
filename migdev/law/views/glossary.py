"""Migration law pages: the glossary of terms the instruments define, quoted from their texts."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from migdev.core.errors import NotFound
from migdev.law.models import Instrument
from migdev.law.selectors import glossary as selectors


def glossary(request: HttpRequest) -> HttpResponse:
    """Every term in alphabetical order, searched within the terms and filtered by the defining instrument."""
    q = request.GET.get("q", "")[:100]
    instrument = request.GET.get("instrument", "")[:40]
    defining = Instrument.objects.filter(definitions__isnull=False).distinct().order_by("short_title")
    context = {
        "terms": selectors.terms(q, instrument),
        "q": q,
        "instrument": instrument,
        "instruments": defining,
    }
    return render(request, "law/glossary.html", context)


def glossary_term(request: HttpRequest, term_id: str) -> HttpResponse:
    """A term: its definitions quoted with links to the articles, and the articles that use it."""
    try:
        item = selectors.term(term_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    context = {
        "term": item,
        "definitions": selectors.definitions(item),
        "used_in": selectors.used_in(item),
    }
    return render(request, "law/glossary_term.html", context)


def glossary_csv(request: HttpRequest) -> HttpResponse:
    """The glossary with its quoted definitions, as CSV."""
    response = HttpResponse(selectors.as_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="migdev-law-glossary.csv"'
    return response
