"""Statistics pages in English, French and Spanish, with figures formatted per locale."""

import json
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

NBSP = "[\u00a0\u202f]"  # French and Spanish group thousands with a (narrow) no-break space


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_index_has_map_table_and_areas(client: Client, lang: str) -> None:
    html = page(client, f"/{lang}/stats/")
    assert 'id="world-map"' in html and "world-countries-110m.json" in html
    data = json.loads(re.search(r'<script id="map-data" type="application/json">(.*?)</script>', html, re.S)[1])  # type: ignore[index]
    assert data["values"]["840"] == 50_632_836
    assert f'href="/{lang}/stats/profiles/USA/"' in html
    assert f'href="/{lang}/stats/profiles/900/"' in html
    assert "/api/v1/stats/series/migrant-stock.sdmx.csv" in html


def test_index_table_is_formatted_per_locale(client: Client) -> None:
    assert "50,632,836" in page(client, "/en/stats/")
    assert re.search(f"50{NBSP}632{NBSP}836", page(client, "/fr/stats/"))
    assert re.search(f"50{NBSP}632{NBSP}836", page(client, "/es/stats/"))  # Django's es format, as the RAE advises


def test_world_profile_figures_per_locale(client: Client) -> None:
    """UN DESA IMS 2020: WORLD 280,598,105 migrants in 2020, 48.09 % women."""
    english = page(client, "/en/stats/profiles/900/")
    assert "280,598,105" in english and "48.09" in english
    french = page(client, "/fr/stats/profiles/900/")
    assert re.search(f"280{NBSP}598{NBSP}105", french)
    assert "48,09" in french
    spanish = page(client, "/es/stats/profiles/900/")
    assert re.search(f"280{NBSP}598{NBSP}105", spanish) and "48,09" in spanish


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_usa_profile_has_charts_tables_sources_and_downloads(client: Client, lang: str) -> None:
    html = page(client, f"/{lang}/stats/profiles/USA/")
    for chart in ("chart-stock", "chart-female-share", "chart-share"):
        assert f'id="{chart}"' in html
    assert 'id="profile-data"' in html
    assert "CC BY 3.0 IGO" in html
    assert "/api/v1/stats/series/migrant-stock.csv?area=USA" in html
    assert "/api/v1/stats/series/migrant-stock-bilateral.sdmx.csv?counterpart=USA" in html
    assert f'href="/{lang}/stats/profiles/MEX/"' in html
    assert re.search("10[,\u00a0\u202f]853[,\u00a0\u202f]105", html)


def test_profile_names_per_language(client: Client) -> None:
    assert "États-Unis" in page(client, "/fr/stats/profiles/USA/")
    assert "Estados Unidos" in page(client, "/es/stats/profiles/USA/")


def test_unknown_profile_is_404(client: Client) -> None:
    assert client.get("/en/stats/profiles/XYZ/").status_code == 404


def test_search_goes_to_the_profile(client: Client) -> None:
    assert client.get("/en/stats/search/?q=mexico").url == "/en/stats/profiles/MEX/"  # type: ignore[attr-defined]
    assert client.get("/fr/stats/search/?q=Allemagne").url == "/fr/stats/profiles/DEU/"  # type: ignore[attr-defined]
    assert client.get("/en/stats/search/?q=900").url == "/en/stats/profiles/900/"  # type: ignore[attr-defined]
    assert client.get("/en/stats/search/?q=Atlantis").url == "/en/stats/"  # type: ignore[attr-defined]


def test_index_with_another_indicator_and_year(client: Client) -> None:
    html = page(client, "/en/stats/?indicator=migrant-female-share&year=2000")
    assert "Female migrants as a percentage of the international migrant stock, 2000" in html
