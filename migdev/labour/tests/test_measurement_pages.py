"""The measurement pages in English, French and Spanish: map data, tables by sex, opportunities, definitions."""

import json
import re

import pytest
from django.test import Client

from migdev.labour.models import Vacancy
from migdev.labour.tests.factories_measurement import build_small_market

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_market() -> dict[str, Vacancy]:
    return build_small_market()


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def script_data(html: str, element_id: str) -> dict:
    found = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', html, re.S)
    assert found, element_id
    return json.loads(found[1])


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_market_page_has_map_table_opportunities_and_downloads(
    client: Client, small_market: dict[str, Vacancy], lang: str
) -> None:
    html = page(client, f"/{lang}/labour/market/?month=2025-01&level=4")
    data = script_data(html, "market-map-data")
    assert data["classification"] == {"124": "shortage", "484": "surplus", "608": "surplus"}
    assert data["tightness"]["124"] == "inf" and data["tightness"]["608"] == 0.0
    assert data["links"]["608"] == f"/{lang}/labour/market/PHL/"
    assert "world-countries-110m.json" in data["topology"] and 'id="market-map"' in html
    assert "labour/market-map.js" in html
    assert "/api/v1/labour/market/cells.sdmx.csv?level=4" in html
    assert html.count('class="market-class market-surplus"') >= 2
    assert "<caption>" in html and 'scope="col"' in html


def test_market_page_shows_figures_by_sex_and_hides_small_counts(
    client: Client, small_market: dict[str, Vacancy]
) -> None:
    html = page(client, "/en/labour/market/?month=2025-01&level=4&group=9211")
    philippines = re.search(r"Philippines</a></th>(.*?)</tr>", html, re.S)[1]  # type: ignore[index]
    cells = re.findall(r'<td class="num">(.*?)</td>', philippines, re.S)
    assert cells[:3] == ["4", "3", "7"]
    mexico = re.search(r"Mexico</a></th>(.*?)</tr>", html, re.S)[1]  # type: ignore[index]
    assert mexico.count('class="hidden-count"') == 2
    assert "Corridor opportunities, 2025-01" in html
    assert "test-seasonal" not in html


def test_market_page_explains_thresholds(client: Client) -> None:
    html = page(client, "/en/labour/market/")
    assert "Shortage at a tightness of 1.5 or more" in html and "0.67 or less" in html
    assert "MigDev's convention" in html
    french = page(client, "/fr/labour/market/")
    assert "1,5" in french


def test_country_page_has_chart_and_tables(client: Client, small_market: dict[str, Vacancy]) -> None:
    html = page(client, "/en/labour/market/CAN/?month=2025-03&level=4")
    data = script_data(html, "market-chart-data")
    open_positions = {p["month"]: p["value"] for p in data["points"] if p["series"] == "open"}
    assert open_positions["2025-01"] == 4 and open_positions["2025-02"] == 3
    assert data["labels"]["series"]["open"] == "Open positions"
    assert 'id="market-chart"' in html and "labour/market-chart.js" in html
    assert "/api/v1/labour/market/cells.csv?level=4&amp;country=CAN" in html


def test_unknown_country_is_404_and_a_bad_filter_is_a_message(client: Client) -> None:
    assert client.get("/en/labour/market/XYZ/").status_code == 404
    html = page(client, "/en/labour/market/?month=2025-13")
    assert "is not a month" in html
    assert "is not a month" in page(client, "/en/labour/market/PHL/?month=13-2025")
