"""Migration law pages: the instruments catalogue and an instrument's page (parties on a date, timeline, map)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError, NotFound
from migdev.law import selectors
from migdev.law.models import Instrument
from migdev.law.status import STATUS_LABELS, Status


def index(request: HttpRequest) -> HttpResponse:
    """Every instrument, filtered by theme and kind, with how complete its ratification data is."""
    theme = request.GET.get("theme", "")
    kind = request.GET.get("kind", "")
    kinds = dict(Instrument.Kind.choices)
    items = selectors.instruments(theme=theme or None, kind=kind if kind in kinds else None)
    rows = [{"instrument": i, "statement": selectors.statement(selectors.completeness_of(i))} for i in items]
    context = {"rows": rows, "themes": selectors.themes(), "theme": theme, "kinds": kinds, "kind": kind}
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
        "labels": {
            "statuses": {str(s): str(STATUS_LABELS[s]) for s in shown},
            "none": str(STATUS_LABELS[Status.NONE]),
            "parties": _("Parties"),
            "uncertain": _("Status uncertain (year-only or undated action)"),
            "date": _("Date"),
            "dataAsOf": _("Data complete to"),
        },
    }
