"""National legislation pages: the laws by country, a law's versions, and what changed between two versions."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from migdev.core.errors import DomainError, NotFound
from migdev.law import selectors
from migdev.law.selectors import national


def national_laws(request: HttpRequest) -> HttpResponse:
    """Every national law MigDev holds, by country, with its subjects and the instruments it implements."""
    return render(request, "law/national_laws.html", {"laws": national.laws()})


def versions(request: HttpRequest, work_id: int) -> HttpResponse:
    """The versions (expressions) of a document, each with its dates, and a form to compare two of them."""
    try:
        item = selectors.work(work_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    found = national.versions(item)
    context = {"work": item, "versions": found, "law": national.national_law(item)}
    return render(request, "law/versions.html", context)


def diff(request: HttpRequest, work_id: int) -> HttpResponse:
    """What changed between two versions, article by article (?from_date=YYYY-MM-DD&to_date=YYYY-MM-DD)."""
    try:
        item = selectors.work(work_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    found = national.versions(item)
    dates = [v.expression.date for v in found]
    old = request.GET.get("from_date") or (dates[-2] if len(dates) > 1 else "")
    new = request.GET.get("to_date") or (dates[-1] if dates else "")
    context = {"work": item, "versions": found, "old": old, "new": new, "law": national.national_law(item)}
    status = 200
    try:
        context["diff"] = national.diff(item, old, new)
    except DomainError as exc:
        context["error"], status = exc.message, 404 if isinstance(exc, NotFound) else 400
    return render(request, "law/diff.html", context, status=status)
