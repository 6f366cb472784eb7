"""In headless Chromium, against a site set up with the demo: a newcomer picks the Philippines and Canada and reads
the corridor in French; the ranking sorts by a column."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_a_newcomer_picks_two_countries_and_reads_the_corridor_in_french(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/fr/corridors/")
    page.select_option("#origin", "PHL")
    page.select_option("#destination", "CAN")
    page.locator("form.corridor-picker button[type=submit]").click()
    page.wait_for_url("**/fr/corridors/PHL-CAN/")
    for section in ("people", "rights", "work", "money", "diaspora", "cooperation"):
        assert page.locator(f"#{section} .source").count() >= 1, section
    assert page.locator("#people-stock tbody tr").count() == 21  # 7 years x 3 sexes
    assert page.locator("#rights-table tbody tr").count() >= 4
    assert page.locator("#money-cheapest li").count() >= 1
    assert "Demo Filipino Nurses Abroad Network" in page.locator("#diaspora").inner_text()


def test_the_ranking_sorts_by_a_column(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/corridors/ranking/")
    assert page.locator("#ranking tbody tr").first.inner_text().startswith("Mexico")
    page.locator("#ranking thead a", has_text="Labour schemes").click()
    page.wait_for_url("**sort=schemes**")
    assert page.locator("#ranking th[aria-sort=descending]").inner_text().strip() == "Labour schemes"
