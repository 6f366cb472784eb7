"""The partnerships room in headless Chromium, against a site set up by `migdev setup` with the demo: the dashboard
with its charts drawn offline; the whole pledging task: a member of a partner (the demo employer, a business)
registers a commitment linked to GCM objectives and adds a progress update, and a visitor follows it from the
dashboard; and a steward's board task: a board with a member, a meeting with its minutes and a recommendation
answered by a commitment."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

EMPLOYER = ("demo-employer", "demo-employer-local")
STEWARD = ("demo-steward", "demo-steward-local")
TITLE = "Ethical recruitment of orchard workers (browser)"


def _sign_in(page: Any, site_url: str, account: tuple[str, str]) -> None:
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", account[0])
    page.fill("input[name=password]", account[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def test_the_dashboard_shows_counts_charts_and_the_demo_board(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/")
    page.click("nav.main-nav a:text-is('Partnerships')")
    page.wait_for_url(f"{site_url}/en/partnerships/")
    assert page.locator("main h1").inner_text() == "Partnerships and commitments"
    assert int(page.locator("#total-commitments").inner_text()) >= 4
    assert int(page.locator("#fulfilled-commitments").inner_text()) >= 1
    assert int(page.locator("#overdue-commitments").inner_text()) >= 1
    page.wait_for_selector("#chart-objective svg rect")  # drawn from the vendored d3, offline
    assert page.locator("#chart-kind svg rect").count() >= 4
    assert page.locator("#by-objective tbody tr").count() == 23
    page.click("main a:text-is('Advisory boards')")
    page.click("main a:text('Demo Business Advisory Board')")
    assert page.locator(".recommendation").count() == 2
    assert "demo example" in page.locator("main").inner_text()


def test_a_partners_member_registers_a_commitment_and_a_visitor_follows_it(
    page: Any, browser: Any, site_url: str
) -> None:
    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(f"{site_url}/en/partnerships/")
    before = int(visitor.locator("#by-objective tbody tr:nth-child(6) td").first.inner_text())
    _sign_in(page, site_url, EMPLOYER)
    page.goto(f"{site_url}/en/partnerships/")
    page.click("main a:text-is('Register a commitment')")
    page.wait_for_url(f"{site_url}/en/partnerships/commitments/new/")
    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=summary]", "We pay every recruitment fee.")
    page.select_option("select[name=form]", "policy")
    page.select_option("select[name=gcm_objectives]", ["6", "10"])
    page.select_option("select[name=countries]", ["PHL", "CAN"])
    page.select_option("select[name=rcps]", "colombo")
    page.fill("input[name=start]", "2025-01-01")
    page.fill("input[name=deadline]", "2030-12-31")
    page.click("#commitment-form button[type=submit]")
    page.wait_for_url("**/partnerships/commitments/*/")
    assert page.locator("main h1").inner_text() == TITLE
    objectives = page.locator("#commitment-objectives li").all_inner_texts()
    assert objectives[0].startswith("6. Facilitate fair and ethical recruitment") and objectives[1].startswith("10.")
    page.click("main a:text-is('Add a progress update')")
    page.fill("textarea[name=text]", "All recruiters signed the employer-pays clause.")
    page.select_option("select[name=status]", "in_progress")
    page.fill("input[name=evidence_url]", "https://example.org/report")
    page.click("#progress-form button[type=submit]")
    page.wait_for_url("**/partnerships/commitments/*/")
    assert "All recruiters signed the employer-pays clause." in page.locator(".progress-update").first.inner_text()
    assert "In progress" in page.locator("main").inner_text()

    # A visitor (signed out) sees it counted under objective 6 on the dashboard and follows it to its progress.
    visitor.reload()
    row = visitor.locator("#by-objective tbody tr:nth-child(6)")
    assert int(row.locator("td").first.inner_text()) == before + 1
    row.locator("a").click()
    visitor.wait_for_url(lambda url: url.endswith("/partnerships/commitments/?objective=6"))
    visitor.click(f"#commitments-table a:text-is('{TITLE}')")
    visitor.wait_for_url("**/partnerships/commitments/*/")
    assert "All recruiters signed the employer-pays clause." in visitor.locator(".progress-update").first.inner_text()
    assert "6. Facilitate fair and ethical recruitment" in visitor.locator("#commitment-objectives").inner_text()
    assert visitor.locator("main a:text-is('Add a progress update')").count() == 0
    visitor.context.close()


def test_a_steward_runs_an_advisory_board(page: Any, site_url: str) -> None:
    _sign_in(page, site_url, STEWARD)
    page.goto(f"{site_url}/en/partnerships/boards/")
    page.click("main a:text-is('Create an advisory board')")
    page.fill("input[name=name]", "Orchard employers' advisory board (browser)")
    page.fill("textarea[name=mandate]", "Advise on fair recruitment in orchards.")
    page.click("#board-form button[type=submit]")
    page.wait_for_url("**/partnerships/boards/*/")
    page.click("main a:text-is('Add a board member')")
    page.fill("input[name=person_name]", "Ana Reyes")
    page.fill("input[name=role]", "Chair")
    page.fill("input[name=since]", "2025-01-01")
    page.click("#board-part-form button[type=submit]")
    page.wait_for_url("**/partnerships/boards/*/")
    assert "Ana Reyes" in page.locator("#board-members").inner_text()
    page.click("main a:text-is('Record a meeting')")
    page.fill("input[name=date]", "2025-03-01")
    page.fill("input[name=place]", "Geneva")
    page.fill("textarea[name=agenda]", "1. Recruitment fees")
    page.set_input_files(
        "input[name=minutes]", {"name": "minutes.txt", "mimeType": "text/plain", "buffer": b"Minutes of the meeting"}
    )
    page.click("#board-part-form button[type=submit]")
    page.wait_for_url("**/partnerships/boards/*/")
    assert page.locator(".board-meeting a:text-is('minutes.txt')").count() == 1
    page.click("main a:text-is('Record a recommendation')")
    page.fill("input[name=title]", "Employers pay recruitment fees (browser)")
    page.fill("textarea[name=text]", "Members adopt the employer-pays principle.")
    page.select_option("select[name=meeting]", index=1)
    page.select_option("select[name=follow_up]", "in_progress")
    page.select_option("select[name=commitments]", label="Zero recruitment fees for care workers we hire (demo)")
    page.click("#board-part-form button[type=submit]")
    page.wait_for_url("**/partnerships/boards/*/")
    recommendation = page.locator(".recommendation").first.inner_text()
    assert "Adopted on 2025-03-01" in recommendation and "Being followed up" in recommendation
    assert "Zero recruitment fees for care workers we hire (demo)" in recommendation
