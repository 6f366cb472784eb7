"""End to end in headless Chromium against a site set up by `migdev setup` (demo included)."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

DEMO_LOGINS = [
    ("demo-steward", "demo-steward-local"),
    ("demo-official", "demo-official-local"),
    ("demo-employer", "demo-employer-local"),
    ("demo-worker", "demo-worker-local"),
]


def test_home_page_switches_to_french_and_spanish(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "MigDev: migration and development"

    page.select_option("#language-select", "fr")
    page.wait_for_url(f"{site_url}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "migration et développement" in page.locator("h1").inner_text()

    page.select_option("#language-select", "es")
    page.wait_for_url(f"{site_url}/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert "migración y desarrollo" in page.locator("h1").inner_text()


@pytest.mark.parametrize(("username", "password"), DEMO_LOGINS)
def test_each_demo_role_logs_in(page: Any, site_url: str, username: str, password: str) -> None:
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".who").inner_text() == username
    page.goto(f"{site_url}/en/accounts/me/")
    assert page.locator("main h1").count() == 1
    assert "Log in" not in page.locator("main h1").inner_text()


def test_country_profile_draws_its_charts_and_map(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/stats/profiles/MEX/")
    assert "Mexico" in page.locator("h1").inner_text()
    page.wait_for_selector("#chart-stock svg path.line")
    lines = page.locator("#chart-stock svg path.line")
    assert lines.count() == 3  # both sexes, male, female
    assert len(lines.first.get_attribute("d") or "") > 20
    page.wait_for_selector(".map svg.map-world path")
    shapes = page.locator(".map svg.map-world path")
    assert shapes.count() > 150
    filled = page.eval_on_selector_all(
        ".map svg.map-world path", "paths => paths.filter(p => p.getAttribute('fill') !== '#e0e0e0').length"
    )
    assert filled > 50


def test_world_map_draws_countries_with_values(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/stats/")
    page.wait_for_selector("#world-map svg.map-world path")
    assert page.locator("#world-map svg.map-world path").count() > 150
    assert page.locator("#map-legend li .swatch").count() >= 2
