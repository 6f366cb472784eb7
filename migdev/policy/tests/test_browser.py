"""The policy room in headless Chromium, against a site set up by `migdev setup` with the demo: the main pages read in
English, French and Spanish without a console error and without scrolling sideways on a phone; one whole task per
role: the Philippines' official runs and publishes a self-assessment, then records a working-group meeting; the demo
member of an international organisation offers an initiative answering a request; a visitor reads the crosswalk and
a development plan's results framework in French."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

pytestmark = pytest.mark.browser

OFFICIAL = ("demo-official", "demo-official-local")
IGO = ("demo-igo", "demo-igo-local")
PHONE = {"width": 390, "height": 844}
PAGES = [
    "/policy/",
    "/policy/crosswalk/",
    "/policy/countries/PHL/",
    "/policy/self-assessments/",
    "/policy/self-assessments/compare/",
    "/policy/plans/",
    "/policy/capacity/",
]
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


@contextmanager
def signed_in(browser: Any, site_url: str, who: tuple[str, str]) -> Iterator[Any]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", who[0])
    page.fill("input[name=password]", who[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    try:
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_main_pages_render_on_a_phone_without_console_errors(browser: Any, site_url: str, language: str) -> None:
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for path in PAGES:
            response = page.goto(f"{site_url}/{language}{path}")
            assert response is not None and response.status == 200, path
            page.wait_for_load_state("networkidle")
            assert page.evaluate(SIDEWAYS) <= 0, f"{path} scrolls sideways on a phone"
            assert page.locator("html").get_attribute("lang") == language
        assert errors == []
    finally:
        context.close()


def test_the_official_runs_publishes_and_compares_a_self_assessment(browser: Any, site_url: str) -> None:
    with signed_in(browser, site_url, OFFICIAL) as page:
        page.goto(f"{site_url}/en/policy/")
        assert "Philippines" in page.locator("#own-countries").inner_text()
        page.click("#policy-sections a:text-is('Start a self-assessment')")
        page.wait_for_load_state()
        assert page.locator("select[name=country] option:checked").inner_text() == "Philippines"
        page.fill("input[name=year]", "2026")
        for radio in page.locator("#assessment-form fieldset.answer").all():
            radio.locator("input[type=radio]").first.check()  # "Yes" everywhere ...
        page.check("input[name=code_5d][value='0']")  # ... but contingency planning
        page.fill("textarea[name=evidence_5d]", "Browser test: no plan for displaced populations yet.")
        page.click("#assessment-form button[type=submit]")
        page.wait_for_load_state()
        assert page.locator("#overall").inner_text() == "96.67"
        assert page.locator("#band").inner_text() != ""
        page.wait_for_selector("#chart-domains svg")
        assert page.locator("#chart-domains svg rect").count() >= 6
        assert "Not published" in page.locator("main").inner_text()
        gap = page.locator("article.gap").first
        assert gap.locator("h3").inner_text().startswith("5d.")
        assert "Contingency planning for displaced populations (demo)" in gap.inner_text()
        page.click("main button:text-is('Publish')")
        page.wait_for_load_state()
        assert "Published: anyone may see it" in page.locator("main").inner_text()
        page.goto(f"{site_url}/en/policy/self-assessments/compare/")
        row = page.locator("#comparison tbody tr", has_text="Philippines")
        assert row.locator("td").first.inner_text() == "2026"
        assert "96.67" in row.inner_text()
        page.wait_for_selector("#chart-overall svg")


def test_the_official_records_a_meeting_and_its_decision(browser: Any, site_url: str) -> None:
    with signed_in(browser, site_url, OFFICIAL) as page:
        page.goto(f"{site_url}/en/policy/countries/PHL/")
        page.click("#working-groups h3 a")
        page.wait_for_load_state()
        page.click("main a:text-is('Record a meeting')")
        page.fill("input[name=date]", "2031-02-03")
        page.fill("textarea[name=summary]", "Browser test: review of the 2026 self-assessment.")
        page.fill("textarea[name=decisions]", "Browser test: request support on contingency planning.")
        page.click("#policy-form button[type=submit]")
        page.wait_for_load_state()
        assert "Browser test: review of the 2026 self-assessment." in page.locator("main").inner_text()
        page.goto(f"{site_url}/en/policy/countries/PHL/")
        latest = page.locator("#working-groups ul.latest-decisions").first.inner_text()
        assert "Browser test: request support on contingency planning." in latest
        assert "2031-02-03" in page.locator("#working-groups").inner_text()


def test_an_international_organisation_offers_an_initiative_answering_a_request(browser: Any, site_url: str) -> None:
    with signed_in(browser, site_url, IGO) as page:
        page.goto(f"{site_url}/en/policy/capacity/")
        request = page.locator("#requests tbody tr", has_text="Contingency planning for displaced populations (demo)")
        request.locator("a.offer-answer").click()
        page.wait_for_load_state()
        assert page.locator("select[name=country] option:checked").inner_text() == "Philippines"
        assert page.locator("input[name=answers]:checked").count() == 1
        page.fill("input[name=title]", "Browser test: evacuation planning with municipalities")
        page.fill("input[name=partners]", "Demo Civil Defence Office (demo); Demo League of Municipalities (demo)")
        page.fill("input[name=start]", "2025-03-01")
        page.fill("input[name=end]", "2026-06-30")
        page.click("#policy-form button[type=submit]")
        page.wait_for_load_state()
        assert page.url.endswith("/en/policy/capacity/")
        answered = page.locator("#requests tbody tr", has_text="Contingency planning for displaced populations (demo)")
        assert "Browser test: evacuation planning with municipalities" in answered.inner_text()
        overlaps = page.locator("#overlaps + ul").inner_text()
        assert "Browser test: evacuation planning with municipalities" in overlaps
        assert "Demo Global Skills Mobility Agency (demo)" in overlaps
        mine = page.locator("#initiatives tbody tr", has_text="Browser test: evacuation planning with municipalities")
        assert mine.locator("a:text-is('edit')").count() == 1


def test_a_visitor_reads_the_crosswalk_and_a_results_framework_in_french(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/fr/policy/")
    page.click("#policy-sections a[href$='/policy/crosswalk/']")
    page.wait_for_url(f"{site_url}/fr/policy/crosswalk/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("main table tbody tr").count() >= 6
    page.goto(f"{site_url}/fr/policy/plans/")
    page.click("main a:text-is('Demo Philippine Development Plan 2023-2028 (demo)')")
    page.wait_for_load_state()
    assert page.locator("#framework tbody tr").count() >= 3
    framework = page.locator("#framework").inner_text()
    assert "10.7.2" in framework
    assert "Cadre de résultats" in page.locator("#results-framework").inner_text()
