"""In headless Chromium: the world map and the profile charts are drawn as SVG paths."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_world_map_is_drawn(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/stats/")
    page.wait_for_selector("svg.map-world path")
    assert page.locator("svg.map-world path").count() > 150
    assert page.locator("#map-legend li .swatch").count() >= 2  # the legend is an HTML list that wraps
    title = page.locator('svg.map-world path[data-m49="840"] title').text_content()
    assert title == "United States of America: 50,632,836"


def test_profile_charts_are_drawn(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/fr/stats/profiles/USA/")
    for chart in ("svg.chart-stock", "svg.chart-female-share", "svg.chart-share"):
        page.wait_for_selector(f"{chart} path.line")
    assert page.locator("svg.chart-stock path.line").count() == 3  # both sexes, men, women
