"""Migration law pages: full-text search of the texts, glossary and lessons, with facets as links and pages."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from migdev.core.models import Country
from migdev.law.search.engine import PAGE_SIZE, Results, filters_from, search
from migdev.law.search.query import QueryError


def _link(base: dict[str, str], **changes: str) -> str:
    """The search page with some parameters changed (an empty value removes one); back to page 1."""
    params = {**base, **changes}
    return "?" + urlencode({k: v for k, v in params.items() if v})


def _facet_links(results: Results, base: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "facet": facet,
            "values": [
                {"value": v, "url": _link(base, **{facet.name: "" if v.selected else v.value})} for v in facet.values
            ],
        }
        for facet in results.facets
        if facet.values
    ]


def search_page(request: HttpRequest) -> HttpResponse:
    """The search form; with a query, ranked hits with highlighted snippets, facets as links and pages."""
    context: dict[str, Any] = {
        "q": request.GET.get("q", "")[:400],
        "countries": Country.objects.order_by("name"),
        "party": request.GET.get("party", "")[:8].upper(),
    }
    status = 200
    if context["q"].strip():
        try:
            text, filters, page = filters_from(request.GET)
            results = search(text, filters, page)
        except QueryError as error:
            context["error"] = error.message
            status = 400
        else:
            base = {"q": text, **filters.as_params()}
            context.update(
                results=results,
                facets=_facet_links(results, base),
                previous_url=_link(base, page=str(page - 1)) if page > 1 else "",
                next_url=_link(base, page=str(page + 1)) if page < results.pages else "",
                all_versions_url=_link(base, versions="" if filters.all_versions else "all"),
                party_clear_url=_link(base, party=""),
                first=(page - 1) * PAGE_SIZE + 1,
                last=(page - 1) * PAGE_SIZE + len(results.hits),
            )
    return render(request, "law/search.html", context, status=status)
