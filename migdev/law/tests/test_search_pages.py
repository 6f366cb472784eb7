"""Search page and API: the form, hits with escaped snippets, facets as links, pages, errors without a 500, OpenAPI."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_law_index_links_to_the_search(client: Client) -> None:
    page = client.get("/en/law/").content.decode()
    assert 'href="/en/law/search/"' in page and 'action="/en/law/search/"' in page


def test_search_page_shows_highlighted_french_hits_and_facets(client: Client) -> None:
    response = client.get("/en/law/search/", {"q": "travailleurs migrants"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<mark>travailleurs</mark>" in page and "<mark>migrants</mark>" in page
    assert "?q=travailleurs+migrants&amp;kind=lesson" in page  # a facet as a link
    assert 'lang="fr"' in page


def test_search_page_pages_and_filters(client: Client) -> None:
    page = client.get("/en/law/search/", {"q": "state", "type": "universal", "page": "2"}).content.decode()
    assert "Page 2 of" in page and 'rel="prev"' in page and "type=universal" in page
    assert "11–20 shown" in page


def test_search_page_without_query_shows_the_form(client: Client) -> None:
    page = client.get("/en/law/search/").content.decode()
    assert 'name="q"' in page and 'class="hits"' not in page and 'class="error"' not in page


@pytest.mark.parametrize(
    ("params", "field_text"),
    [({"q": "mi*"}, "prefix"), ({"q": "x\x00"}, "NUL"), ({"q": "a", "year": "19x0"}, "year"), ({"q": "-a"}, "")],
)
def test_search_page_explains_bad_input(client: Client, params: dict[str, str], field_text: str) -> None:
    response = client.get("/en/law/search/", params)
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode() and field_text in response.content.decode()


def test_search_page_in_french(client: Client) -> None:
    page = client.get("/fr/law/search/", {"q": "trabajadores migrantes"}).content.decode()
    assert "<mark>trabajadores</mark>" in page and "résultat" in page


def test_api_search(client: Client) -> None:
    response = client.get("/api/v1/law/search", {"q": '"migrant for employment"', "language": "eng"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["total"] > 0 and body["page"] == 1
    first = body["hits"][0]
    assert set(first) >= {"kind", "title", "label", "language", "url", "snippet"}
    assert "<mark>migrant</mark> <mark>for</mark> <mark>employment</mark>" in " ".join(
        h["snippet"] for h in body["hits"]
    )
    assert {f["name"] for f in body["facets"]} == {"kind", "language", "type", "theme", "year"} | (
        {"country"} if any(f["name"] == "country" for f in body["facets"]) else set()
    )


def test_api_search_errors_name_the_parameter(client: Client) -> None:
    response = client.get("/api/v1/law/search", {"q": "mi*"})
    assert response.status_code == 400 and response.json()["error"]["field"] == "q"
    response = client.get("/api/v1/law/search", {"q": "a", "party": "ZZZ"})
    assert response.status_code in (400, 404) and response.json()["error"]["field"] == "party"
    assert client.get("/api/v1/law/search", {"q": "a", "language": "deu"}).status_code == 422
    assert client.get("/api/v1/law/search", {"q": "x" * 201}).status_code == 422


def test_api_search_is_in_the_openapi_schema(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/v1/law/search"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"q", "party", "language", "page", "versions"}


def test_stewards_see_the_search_index_read_only() -> None:
    from migdev.accounts.tests.factories import StewardFactory

    client = Client()
    client.force_login(StewardFactory())
    assert client.get("/en/admin/law/searchentry/").status_code == 200
    assert client.get("/en/admin/law/searchentry/add/").status_code == 403
