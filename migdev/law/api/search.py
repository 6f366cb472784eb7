"""Migration law API: full-text search of the documents' articles, glossary terms and lessons (EN/FR/ES)."""

from typing import Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from migdev.law.search.engine import Results, SearchFacet, SearchHit, filters_from, search

router = Router()


class SearchParams(Schema):
    q: str = Query(
        ...,
        max_length=200,
        description='Words (stemmed, accents optional), "a phrase", a prefix such as migra*, -word to leave out, '
        "a OR b",
    )
    kind: Literal["", "section", "term", "lesson"] = ""
    language: Literal["", "eng", "fra", "spa"] = ""
    type: Literal["", "universal", "regional", "bilateral", "national", "other"] = ""
    theme: str = Query("", max_length=40)
    country: str = Query("", max_length=3, description="ISO3 code of the country of a national law")
    year: int | None = Query(None, ge=1000, le=9999)
    party: str = Query(
        "", max_length=8, description="ISO3 code: only instruments this country is party to (computed status)"
    )
    versions: Literal["latest", "all"] = "latest"
    page: int = Query(1, ge=1, le=500)


class SearchOut(Schema):
    query: str
    total: int
    page: int
    pages: int
    capped: bool
    party_name: str
    party_instruments: int
    notes: list[str]
    hits: list[SearchHit]
    facets: list[SearchFacet]


@router.get(
    "/search",
    response=SearchOut,
    summary="Search the texts, glossary and lessons: ranked hits with highlighted snippets (HTML, only <mark>), facets",
)
def search_law(request: HttpRequest, params: Query[SearchParams]) -> Results:
    values = {k: str(v) for k, v in params.dict().items() if v is not None}
    text, filters, page = filters_from(values)
    return search(text, filters, page)
