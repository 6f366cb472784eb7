"""Migration law pages: documents in Akoma Ntoso, read by article."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError, NotFound
from migdev.law import selectors
from migdev.law.selectors import national
from migdev.law.selectors.glossary import terms_used_in


def documents(request: HttpRequest) -> HttpResponse:
    """Every document held in Akoma Ntoso: the instruments' texts and imported AKN documents."""
    return render(request, "law/documents.html", {"works": selectors.works()})


def document(request: HttpRequest, work_id: int) -> HttpResponse:
    """A document by article: table of contents, stable anchors (#art_3), exports; `?on=YYYY-MM-DD` shows the
    version that stood on that date (point in time)."""
    try:
        item = selectors.work(work_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    context: dict[str, object] = {"work": item, "law": national.national_law(item), "on": request.GET.get("on", "")}
    try:
        found = national.expression_on(item, national.parse_on(request.GET.get("on")))
    except DomainError as exc:
        if exc.field != "on":
            raise Http404(exc.message) from exc
        context.update(on_error=exc.message, versions=national.versions(item))
        return render(request, "law/document.html", context, status=404 if isinstance(exc, NotFound) else 400)
    context.update(expression=found, rendered=selectors.rendered(found), glossary_terms=terms_used_in(found))
    context["versions"] = national.versions(item)
    return render(request, "law/document.html", context)


def instrument_text(request: HttpRequest, instrument_id: str) -> HttpResponse:
    """The text of an instrument, where MigDev holds it."""
    try:
        item = selectors.instrument(instrument_id)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    found = selectors.instrument_work(item)
    if found is None:
        raise Http404(_("The text of this instrument is not yet available in MigDev."))
    return redirect("law:document", work_id=found.pk)
