"""The partnerships room in headless Chromium, against a site set up by `migdev setup` with the demo: the dashboard
with its charts drawn offline, and one whole task: a member of a partner (the demo employer, a business) registers
a commitment linked to GCM objectives and adds a progress update, which the commitment then shows."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

EMPLOYER = ("demo-employer", "demo-employer-local")


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


def test_a_partners_member_registers_a_commitment_and_reports_progress(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", EMPLOYER[0])
    page.fill("input[name=password]", EMPLOYER[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    page.goto(f"{site_url}/en/partnerships/")
    page.click("main a:text-is('Register a commitment')")
    page.wait_for_url(f"{site_url}/en/partnerships/commitments/new/")
    page.fill("input[name=title]", "Ethical recruitment of orchard workers (browser)")
    page.fill("textarea[name=summary]", "We pay every recruitment fee.")
    page.select_option("select[name=form]", "policy")
    page.select_option("select[name=gcm_objectives]", ["6", "10"])
    page.select_option("select[name=countries]", ["PHL", "CAN"])
    page.select_option("select[name=rcps]", "colombo")
    page.fill("input[name=start]", "2025-01-01")
    page.fill("input[name=deadline]", "2030-12-31")
    page.click("#commitment-form button[type=submit]")
    page.wait_for_url("**/partnerships/commitments/*/")
    assert page.locator("main h1").inner_text() == "Ethical recruitment of orchard workers (browser)"
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
