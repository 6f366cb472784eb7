"""Corridor pages: the picker and top corridors, one corridor's six blocks, its PDF brief, the ranking and its
downloads."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError
from migdev.core.selectors import countries
from migdev.corridors import brief, exports, selectors
from migdev.corridors.selectors import ranking as ranking_selectors

PAGE_SIZE = 100


def index(request: HttpRequest) -> HttpResponse:
    """The two-country picker and the ten largest corridors."""
    rows, names = ranking_selectors.ranked(ranking_selectors.RankingQuery())
    top = [
        {
            "row": r,
            "origin": names.get(r.origin, (r.origin,))[0],
            "destination": names.get(r.destination, (r.destination,))[0],
        }
        for r in rows[:10]
    ]
    return render(request, "corridors/index.html", {"countries": countries(), "top": top})


def go(request: HttpRequest) -> HttpResponse:
    """Where the picker sends: the chosen corridor, or back to the picker."""
    origin, destination = request.GET.get("origin", "")[:3], request.GET.get("destination", "")[:3]
    try:
        found = selectors.pair(origin, destination)
    except DomainError:
        return redirect("corridors:index")
    return redirect("corridors:corridor", origin=found.origin.iso3, destination=found.destination.iso3)


def _corridor(origin: str, destination: str) -> selectors.Corridor:
    try:
        return selectors.corridor(origin, destination)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


def corridor(request: HttpRequest, origin: str, destination: str) -> HttpResponse:
    found = _corridor(origin, destination)
    chart = {
        "stock": [{"year": p.year, "sex": p.sex, "value": p.value} for p in found.people.stock],
    }
    return render(request, "corridors/corridor.html", {"c": found, "pair": found.pair, "chart": chart})


def brief_pdf(request: HttpRequest, origin: str, destination: str) -> HttpResponse:
    found = _corridor(origin, destination)
    response = HttpResponse(brief.render(found), content_type="application/pdf")
    language = (get_language() or "en")[:2]
    response["Content-Disposition"] = f'attachment; filename="corridor-{found.pair.slug}-{language}.pdf"'
    return response


def _query(request: HttpRequest) -> ranking_selectors.RankingQuery:
    def region(name: str) -> int | None:
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() and len(value) <= 3 else None

    sort = request.GET.get("sort", "stock")
    sort = sort if sort in ranking_selectors.COLUMNS else "stock"
    return ranking_selectors.RankingQuery(
        sort, request.GET.get("dir") != "asc", region("origin_region"), region("destination_region")
    )


def _columns() -> list[tuple[str, str]]:
    return [
        ("stock", _("Migrants")),
        ("female_share", _("Women (per cent)")),
        ("instruments", _("Instruments in common")),
        ("cost", _("Cost of sending USD 200 (per cent)")),
        ("schemes", _("Labour schemes")),
    ]


def ranking(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    rows, names = ranking_selectors.ranked(query)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = [
        {
            "row": r,
            "origin": names.get(r.origin, (r.origin,))[0],
            "destination": names.get(r.destination, (r.destination,))[0],
        }
        for r in page.object_list
    ]
    params = request.GET.copy()
    params.pop("page", None)
    filters = params.copy()
    for name in ("sort", "dir"):
        filters.pop(name, None)
    context = {
        "page": page,
        "rows": shown,
        "query": query,
        "regions": ranking_selectors.regions(),
        "params": params.urlencode(),
        "filters": filters.urlencode(),
        "count": len(rows),
        "columns": _columns(),
        "year": rows[0].year if rows else "",
    }
    return render(request, "corridors/ranking.html", context)


def ranking_csv(request: HttpRequest) -> StreamingHttpResponse:
    rows, names = ranking_selectors.ranked(_query(request))
    response = StreamingHttpResponse(exports.ranking_csv(rows, names), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="corridors.csv"'
    return response


def ranking_sdmx(request: HttpRequest) -> StreamingHttpResponse:
    rows, names = ranking_selectors.ranked(_query(request))
    content_type = "application/vnd.sdmx.data+csv; version=2.0; charset=utf-8"
    response = StreamingHttpResponse(exports.ranking_sdmx_csv(rows, names), content_type=content_type)
    response["Content-Disposition"] = 'attachment; filename="corridors.sdmx.csv"'
    return response
