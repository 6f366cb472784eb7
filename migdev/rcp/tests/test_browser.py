"""The rcp room in headless Chromium, against a site set up by `migdev setup` with the demo: a process page with its
dated members drawn on the offline world map, the countries page's map, one whole task per role: the demo secretariat
adds a meeting with its outcome document and a good practice; a visitor subscribes to a process's calendar."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

SECRETARIAT = ("demo-secretariat", "demo-secretariat-local")


def test_a_process_page_shows_dated_sourced_facts_and_members_on_the_map(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/")
    page.click("nav.main-nav a:text-is('Consultative processes')")
    page.wait_for_url(f"{site_url}/en/rcp/")
    page.click("main table a[href$='/rcp/processes/colombo/']")
    page.wait_for_url(f"{site_url}/en/rcp/processes/colombo/")
    assert "as of 2024" in page.locator("dd[data-fact='member_count_reported']").inner_text()
    assert page.locator("dd[data-fact='chair_history'] .unverified").inner_text() == "uncertain"
    page.wait_for_selector("#world-map svg path.member")  # drawn from the vendored topology, offline
    assert page.locator("#world-map svg path.member").count() >= 10
    assert page.locator("#similar li a").count() >= 1
    page.goto(f"{site_url}/fr/rcp/processes/bali/")
    assert "2002" in page.locator("#past-only").inner_text()


def test_the_secretariat_adds_a_meeting_to_its_calendar(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", SECRETARIAT[0])
    page.fill("input[name=password]", SECRETARIAT[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{site_url}/en/rcp/processes/colombo/")
    page.click("#add-meeting")
    page.fill("input[name=title]", "Browser test: expert meeting on skills")
    page.select_option("select[name=level]", "expert")
    page.fill("input[name=start_date]", "2031-09-14")
    page.fill("input[name=place]", "Kathmandu")
    page.click("#meeting-form button[type=submit]")
    page.wait_for_load_state()
    assert "/edit/" in page.url
    page.set_input_files(
        "#document-form input[name=file]",
        files=[{"name": "outcome.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 outcome"}],
    )
    page.click("#document-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("main a:text-is('outcome.pdf')").count() == 1
    page.goto(f"{site_url}/en/rcp/processes/colombo/meetings/")
    assert "Browser test: expert meeting on skills" in page.locator("main").inner_text()
    assert page.locator("main a:text-is('outcome.pdf')").count() == 1
    page.goto(f"{site_url}/en/rcp/processes/colombo/")
    page.click("#add-practice")
    page.fill("input[name=title]", "Browser test: joint skills passport")
    page.fill("textarea[name=summary]", "Member states recognise each other's skills certificates.")
    page.check("input[name=themes][value=skills]")
    page.select_option("select[name=countries]", ["NPL", "LKA"])
    page.fill("input[name=year]", "2025")
    page.fill("input[name=source]", "Browser test")
    page.set_input_files(
        "input[name=evidence]",
        files=[{"name": "evidence.txt", "mimeType": "text/plain", "buffer": b"Evidence of the practice"}],
    )
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/rcp/good-practices/" in page.url
    assert page.locator("h1").inner_text() == "Browser test: joint skills passport"
    page.goto(f"{site_url}/en/rcp/good-practices/?theme=skills")
    assert page.locator("#practices a:text-is('Browser test: joint skills passport')").count() == 1


def test_a_visitor_subscribes_to_a_process_calendar(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/rcp/")
    page.click("main table a[href$='/rcp/processes/colombo/']")
    page.click("main a:text-is('Calendar')")
    page.wait_for_url(f"{site_url}/en/rcp/processes/colombo/meetings/")
    assert "demo example" in page.locator("main").inner_text()
    link = page.locator("main a:text-is('Subscribe to this calendar (iCalendar)')")
    ical = page.request.get(site_url + str(link.get_attribute("href")))
    assert ical.headers["content-type"].startswith("text/calendar")
    body = ical.text()
    assert body.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in body and "X-WR-CALNAME:" in body
    atom = page.request.get(f"{site_url}/en/rcp/feeds/atom/")
    assert atom.headers["content-type"].startswith("application/atom+xml")


def test_the_countries_page_shades_the_map_and_links_each_country(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/es/rcp/")
    page.click("nav.tools a[href$='/rcp/countries/']")
    page.wait_for_url(f"{site_url}/es/rcp/countries/")
    page.wait_for_selector("#world-map svg path.member")
    assert page.locator("#world-map svg path.member").count() >= 100
    page.click("#countries a[href$='/rcp/countries/LKA/']")
    page.wait_for_url(f"{site_url}/es/rcp/countries/LKA/")
    assert page.locator("#country-processes tbody tr").count() >= 1
