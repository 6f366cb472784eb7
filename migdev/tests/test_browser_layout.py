"""Phones and charts in headless Chromium, against a site set up by `migdev setup` with the demo: at 390 px wide no
page scrolls sideways (wide tables scroll inside their wrapper), map legends stay inside their box, and chart text
(tick labels) is drawn at 11 px or more on screen, on a phone and on a desktop."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
OFFICIAL = ("demo-official", "demo-official-local")  # an official of the Philippines

PAGES = [
    "/en/",
    "/en/stats/",
    "/en/stats/profiles/PHL/",
    "/en/labour/market/",
    "/en/labour/market/CAN/",
    "/en/labour/indicators/recruitment-cost/",
    "/en/labour/indicators/circular/",
    "/en/remittances/?period=2014Q1",
    "/en/remittances/corridor/?sending=USA&receiving=MEX&period=2014Q1",
    "/en/remittances/countries/MEX/",
    "/en/diaspora/",
    "/en/diaspora/map/PHL/",
    "/en/diaspora/organisations/",
    "/en/diaspora/needs/",
    "/en/diaspora/survey/",
    "/en/diaspora/survey/results/",
]

# Each chart's tick labels, on a page that draws it.
CHARTS = [
    ("/en/stats/profiles/PHL/", "#chart-stock"),
    ("/en/stats/profiles/PHL/", "#chart-share"),
    ("/en/labour/market/CAN/", "#market-chart"),
    ("/en/labour/indicators/recruitment-cost/", "#cost-chart"),
    ("/en/remittances/corridor/?sending=USA&receiving=MEX&period=2014Q1", ".trend"),
    ("/en/diaspora/map/PHL/", "#chart-stock"),
    ("/en/diaspora/survey/results/", "#survey-chart"),
]

LEGENDS = [
    ("/en/labour/market/", "#market-legend"),
    ("/en/stats/profiles/PHL/", "#map-legend"),
    ("/en/stats/", "#map-legend"),
    ("/en/remittances/?period=2014Q1", "#map-legend"),
    ("/en/diaspora/map/PHL/", "#map-legend"),
]

SIDEWAYS = "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"

# The on-screen size of each tick label: its font size times the scale its SVG is drawn at.
TICK_SIZES = """holder => Array.from(holder.querySelectorAll('.tick text')).map(text =>
    parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)"""

# The legend's box, and every item's box, in page pixels.
LEGEND_BOXES = """legend => ({
    box: legend.getBoundingClientRect().toJSON(),
    items: Array.from(legend.querySelectorAll('li')).map(item => item.getBoundingClientRect().toJSON()),
    viewport: window.innerWidth})"""


def log_in(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", OFFICIAL[0])
    page.fill("input[name=password]", OFFICIAL[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "official"])
def test_no_page_scrolls_sideways_on_a_phone(browser: Any, site_url: str, signed_in: bool, tmp_path: Any) -> None:
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    if signed_in:
        log_in(page, site_url)
    wide = {}
    for path in PAGES:
        page.goto(f"{site_url}{path}")
        page.wait_for_load_state("networkidle")
        size = page.evaluate(SIDEWAYS)
        if size["scroll"] > size["inner"]:
            wide[path] = size
            page.screenshot(path=str(tmp_path / f"{path.strip('/').replace('/', '-')}.png"), full_page=True)
    context.close()
    assert wide == {}


@pytest.mark.parametrize(("path", "selector"), LEGENDS)
def test_map_legend_is_inside_its_box_on_a_phone(browser: Any, site_url: str, path: str, selector: str) -> None:
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}{path}")
    page.wait_for_selector(f"{selector} li")
    found = page.eval_on_selector(selector, LEGEND_BOXES)
    context.close()
    box = found["box"]
    assert found["items"] and box["right"] <= found["viewport"]
    for item in found["items"]:
        assert box["left"] <= item["left"] and item["right"] <= box["right"] + 0.5
        assert box["top"] <= item["top"] and item["bottom"] <= box["bottom"] + 0.5


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize(("path", "selector"), CHARTS)
def test_chart_tick_labels_are_readable(
    browser: Any, site_url: str, path: str, selector: str, viewport: dict[str, int]
) -> None:
    context = browser.new_context(locale="en-GB", viewport=viewport)
    page = context.new_page()
    page.goto(f"{site_url}{path}")
    page.wait_for_selector(f"{selector} svg .tick text")
    sizes = page.eval_on_selector(selector, TICK_SIZES)
    context.close()
    assert sizes and min(sizes) >= 11, sizes
