"""In headless Chromium, in French: a reader searches the law from the room's page, sees highlighted hits, narrows
them with a facet (the page updates in place, the address follows), and opens a lesson found in French."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_a_reader_searches_in_french_narrows_by_facet_and_opens_a_hit(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/fr/law/")
    page.get_by_role("link", name="Chercher dans les textes").click()
    page.get_by_label("Chercher", exact=True).fill("travailleurs migrants")
    page.get_by_role("button", name="Chercher").click()
    page.wait_for_selector("ol.hits mark")
    marked = {m.lower() for m in page.locator("ol.hits mark").all_inner_texts()}
    assert {"travailleurs", "migrants"} <= marked
    assert "q=travailleurs%20migrants" in page.url  # htmx pushed the address
    page.locator(".search-facets").get_by_role("link", name="Leçon").click()
    page.wait_for_selector(".search-facets li.selected")
    badges = set(page.locator("ol.hits .badge").all_inner_texts())
    assert badges == {"Leçon"} and "kind=lesson" in page.url
    page.locator("ol.hits li a").first.click()
    page.wait_for_load_state()
    assert "/fr/law/learn/" in page.url


def test_search_page_states_a_bad_query_without_failing(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/law/search/?q=mi*")
    assert "at least 3 letters" in page.get_by_role("alert").inner_text()
