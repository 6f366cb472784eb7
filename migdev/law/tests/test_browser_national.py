"""In headless Chromium: a reader opens a national law, reads it as it stood on a date, and compares two versions."""

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_reader_reads_a_law_on_a_date_and_compares_two_versions(page: Any, site_url: str) -> None:
    """LO 4/2000 art. 2 bis was added by LO 2/2009 (BOE-A-2009-19949), in force from 2009-12-12 in the source."""
    page.goto(f"{site_url}/en/law/")
    page.get_by_role("link", name="National legislation").click()
    page.get_by_role("link", name="Ley Orgánica 4/2000").first.click()
    assert "Text of the version in force from 2025-03-19." in page.locator("#pit-shown").inner_text()
    page.get_by_label("Text as it stood on").fill("2005-06-01")
    page.get_by_role("button", name="Show").last.click()
    assert "Text of the version in force from 2000-01-12." in page.locator("#pit-shown").inner_text()
    assert page.locator("#art_2bis").count() == 0
    assert page.locator("#art_1 h3").inner_text() == "Artículo 1 — Delimitación del ámbito."
    page.get_by_role("link", name="3 versions").click()
    page.get_by_label("From version").select_option("2000-01-12")
    page.get_by_label("To version").select_option("2009-12-12")
    page.get_by_role("button", name="Compare versions").click()
    assert "Changes from 2000-01-12 to 2009-12-12" in page.locator("h1").inner_text()
    assert "articles changed" in page.locator("#diff-summary").inner_text()
    added = page.locator("section.diff-added h2", has_text=re.compile(r"^2 bis — "))
    assert added.count() == 1 and "La política inmigratoria" in added.inner_text()
    assert page.locator("section.diff-changed ins").count() > 10
