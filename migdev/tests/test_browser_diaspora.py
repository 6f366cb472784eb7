"""The diaspora room in headless Chromium, against a site set up by `migdev setup` with the demo: the diaspora map of
the Philippines drawn offline, and one whole task per role: a newcomer registers as a diaspora expert; the demo
institution posts a need, finds the newcomer (pseudonymous) among the ranked experts and invites them; the expert
accepts, and the institution then sees who they are."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

INSTITUTION = ("demo-institution", "demo-institution-local")
NEWCOMER = ("browser-nurse", "Kettle-Orbit-7731")


def log_in(page: Any, site_url: str, account: tuple[str, str]) -> None:
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", account[0])
    page.fill("input[name=password]", account[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".who").inner_text() == account[0]


def log_out(page: Any) -> None:
    page.click("form[action$='/accounts/logout/'] button")
    page.wait_for_load_state()


def test_the_diaspora_map_of_the_philippines_is_drawn_with_its_table(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/")
    page.click("nav.main-nav a:text-is('Diaspora')")
    page.wait_for_url(f"{site_url}/en/diaspora/")
    page.click("main a:text-is('Diaspora map')")
    page.select_option("#origin-select", "PHL")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{site_url}/en/diaspora/map/PHL/")
    assert page.locator("main h1").inner_text() == "The diaspora of Philippines"
    page.wait_for_selector("#world-map svg path[data-m49='840']")  # drawn from the vendored topology, offline
    assert page.locator("#world-map svg path").count() > 150
    assert page.locator("#map-legend li").count() >= 2
    assert page.locator("#chart-stock svg").count() == 1 and page.locator("#chart-female-share svg").count() == 1
    first = page.locator("#destinations-table tbody tr").first.locator("th").inner_text()
    assert first == "United States of America"
    # `migdev setup` loads the 2017 remittance matrix: the flow from the United States is shown beside its emigrants.
    assert page.locator("#remittances-no-data").count() == 0
    usa_remittances = page.locator("#destinations-table tbody tr").first.locator("td").last.inner_text()
    assert usa_remittances != "no data" and float(usa_remittances.replace(",", "")) > 1000
    page.select_option("select[name=year]", "1990")
    page.select_option("select[name=sex]", "F")
    page.click("form.map-controls button[type=submit]")
    page.wait_for_load_state()
    assert "1990 (Female)" in page.locator("#map-title").inner_text()
    page.wait_for_selector("#world-map svg path")


def test_an_expert_registers_an_institution_invites_and_the_expert_accepts(page: Any, site_url: str) -> None:
    # A newcomer opens an account and registers as a diaspora expert.
    page.goto(f"{site_url}/en/accounts/register/")
    page.fill("input[name=username]", NEWCOMER[0])
    page.fill("input[name=email]", "browser-nurse@example.org")
    page.fill("input[name=first_name]", "Bea")
    page.fill("input[name=last_name]", "Browser")
    page.fill("input[name=password1]", NEWCOMER[1])
    page.fill("input[name=password2]", NEWCOMER[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".who").inner_text() == NEWCOMER[0]
    page.goto(f"{site_url}/en/diaspora/")
    page.click("main a:text-is('Register as a diaspora expert')")
    page.wait_for_url(f"{site_url}/en/diaspora/experts/register/")
    page.select_option("select[name=sex]", "F")
    page.select_option("select[name=origin]", "PHL")
    page.select_option("select[name=residence]", "CAN")
    page.fill("input[name=occupation]", "specialist nurse")
    page.fill("input[name=years_experience]", "9")
    page.select_option("select[name=language_1]", "eng")
    page.select_option("select[name=level_1]", "C1")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{site_url}/en/diaspora/experts/me/edit/")
    assert page.locator("input[name=skills]:checked").count() >= 1  # the occupation's essential skills, ticked
    page.goto(f"{site_url}/en/diaspora/experts/me/")
    pseudonym = page.locator("main h1 .codes").inner_text()
    assert pseudonym.startswith("D-")
    log_out(page)

    # The institution posts a need and invites the newcomer from the ranked experts.
    log_in(page, site_url, INSTITUTION)
    page.goto(f"{site_url}/en/diaspora/needs/")
    page.click("main a:text-is('Post a need')")
    page.fill("input[name=title]", "Browser-tested nurse mentoring")
    page.fill("input[name=occupation]", "specialist nurse")
    page.select_option("select[name=mode]", "virtual")
    page.fill("input[name=duration_weeks]", "6")
    page.fill("input[name=start_date]", "2031-02-01")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("main h1").inner_text() == "Browser-tested nurse mentoring"
    ranked = page.locator("#shortlist > li", has_text=pseudonym)
    assert ranked.count() == 1
    assert "Bea" not in page.locator("main").inner_text()  # pseudonymous until accepted
    ranked.locator("summary").click()
    assert ranked.locator("table tbody tr").count() >= 3  # the score's components
    ranked.locator("textarea[name=message]").fill("Six weekly video sessions with our nurses.")
    ranked.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#need-invitations tbody tr", has_text=pseudonym).count() == 1
    log_out(page)

    # The expert accepts; the assignment starts and the institution sees the expert's name.
    log_in(page, site_url, NEWCOMER)
    page.goto(f"{site_url}/en/diaspora/experts/me/")
    row = page.locator("#my-invitations tbody tr", has_text="Browser-tested nurse mentoring")
    assert "Six weekly video sessions" in row.inner_text()
    row.locator("button[value=accept]").click()
    page.wait_for_load_state()
    row = page.locator("#my-invitations tbody tr", has_text="Browser-tested nurse mentoring")
    assert "Under way" in row.inner_text()
    log_out(page)
    log_in(page, site_url, INSTITUTION)
    page.goto(f"{site_url}/en/diaspora/needs/")
    page.click("main a:text-is('Browser-tested nurse mentoring')")
    assert "Bea Browser" in page.locator("#need-invitations").inner_text()
