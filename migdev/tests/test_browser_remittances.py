"""The remittance cost observatory in headless Chromium: a newcomer compares providers on a corridor and reads the
SDG 10.c.1 tracker; the demo steward uploads a quarter of prices (a good file, then a bad one)."""

from pathlib import Path
from typing import Any

import pytest

from migdev.remittances.tests.files import legacy_rows, workbook_row, write_legacy, write_workbook
from migdev.tests.test_browser_labour import log_in

pytestmark = pytest.mark.browser

STEWARD = ("demo-steward", "demo-steward-local")


def test_newcomer_compares_providers_on_a_corridor(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/")
    page.click("nav a:text-is('Remittance costs')")
    page.wait_for_url(f"{site_url}/en/remittances/")
    page.click("main a:text-is('Compare providers in a corridor')")
    page.select_option("select[name=sending]", "USA")
    page.select_option("select[name=receiving]", "MEX")
    page.select_option("select[name=period]", "2014Q1")
    page.click("main button:text-is('Compare')")
    page.wait_for_selector("#providers")
    assert page.locator("main h2").first.inner_text() == "United States to Mexico, 2014Q1"
    assert page.locator("#corridor-average").inner_text() == "4.48 %"
    rows = page.locator("#providers tbody tr")
    transparent = rows.filter(has_not_text="exchange rate not disclosed").locator("td:nth-child(5)")
    totals = [float(text.replace("%", "").strip()) for text in transparent.all_inner_texts()]
    assert len(totals) > 10 and totals == sorted(totals)  # cheapest first
    assert "exchange rate not disclosed" in rows.last.inner_text()  # undisclosed rates come last
    # the trend chart draws both series: MigDev's and the World Bank's
    page.wait_for_selector(".trend svg path.series-published")
    assert page.locator(".trend svg path.series-ours").count() == 1


def test_dashboard_shows_the_global_average_and_the_map(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/remittances/?period=2014Q1")
    assert page.locator("#global-average").inner_text() == "8.36 %"
    page.wait_for_selector("#world-map svg path[data-m49]")
    assert page.locator("#corridors-above tbody tr").count() > 10


def test_steward_uploads_a_quarter_and_a_bad_file_is_refused(page: Any, site_url: str, tmp_path: Path) -> None:
    log_in(page, site_url, STEWARD)
    page.goto(f"{site_url}/en/remittances/")
    page.click("main a:text-is('Upload a quarter of prices')")
    page.wait_for_url(f"{site_url}/en/remittances/upload/")

    header, rows = legacy_rows("2014_2Q", 5)
    rows[1]["inter lcu bank fx"] = "0"
    bad = write_legacy(tmp_path / "remittances-bad.csv", header, rows)
    page.set_input_files("input[type=file]", str(bad))
    page.click("main button:text-is('Upload and check')")
    page.wait_for_load_state()
    assert "remittances-bad.csv is being checked" in page.locator(".messages").inner_text()
    # The job worker beside the server checks the file; the page reloads itself until it has.
    refused = page.wait_for_selector("#uploads tr.upload-failed", timeout=60_000).inner_text()
    assert "remittances-bad.csv, row 3, column inter lcu bank fx" in refused and "must be positive" in refused

    good = write_workbook(tmp_path / "remittances-2016q2.xlsx", [workbook_row(id=n) for n in (1, 2, 3)])
    page.set_input_files("input[type=file]", str(good))
    page.click("main button:text-is('Upload and check')")
    page.wait_for_load_state()
    loaded = page.wait_for_selector("#uploads tr.upload-done", timeout=60_000).inner_text()
    assert "remittances-2016q2.xlsx" in loaded and "6 quotes stored (2016Q2)." in loaded
    page.goto(f"{site_url}/en/remittances/corridor/?sending=USA&receiving=MEX&period=2016Q2")
    assert page.locator("#providers tbody tr").count() == 3
