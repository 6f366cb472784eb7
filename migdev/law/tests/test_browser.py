"""In headless Chromium: an instrument's timeline and status map are drawn; a text is read by article."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_instrument_page_draws_timeline_and_status_map(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/law/instruments/untoc_trafficking/")
    page.wait_for_selector('#status-map svg path[data-status="party"]')
    assert page.locator("#party-timeline svg path").count() >= 2  # the uncertain band and the step line
    assert page.locator('#status-map path[data-m49="250"]').get_attribute("data-status") == "party"  # France
    assert "Data complete as of 2014-01-27: later parties are missing." in page.locator(".completeness").inner_text()


def test_reader_goes_from_the_catalogue_to_an_article(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/")
    page.get_by_role("link", name="Migration law").first.click()
    page.get_by_role("link", name="Migration for Employment Convention (Revised), 1949 (No. 97)").click()
    page.get_by_role("link", name="Read the text by article").click()
    page.locator("nav.akn-toc").get_by_role("link", name="Article 3", exact=True).first.click()  # annexes have one too
    assert page.url.endswith("#art_3")
    assert page.locator("#art_3 h2").inner_text() == "Article 3"
