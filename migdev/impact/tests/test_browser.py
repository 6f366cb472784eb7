"""The impact room in headless Chromium, against a site set up by `migdev setup` with the demo: one whole task, each
role in its own browser: the proponent submits the demo statement, the reviewer reviews it, the Philippines' official
decides with conditions, and the decided statement reads in French, as HTML and PDF."""

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PROPONENT = ("demo-employer", "demo-employer-local")
REVIEWER = ("demo-reviewer", "demo-reviewer-local")
OFFICIAL = ("demo-official", "demo-official-local")
PROJECT = "Demo: care-worker training centre in Iloilo, stage 7 of 10 (demo example)"


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


def _open_project(page: Any, site_url: str) -> str:
    page.goto(f"{site_url}/en/")
    page.click("nav.main-nav a:text-is('Impact assessment')")
    page.wait_for_url(f"{site_url}/en/impact/")
    page.click(f"#projects-table a:text-is('{PROJECT}')")
    page.wait_for_load_state()
    return str(page.url)


def test_proponent_drafts_reviewer_reviews_official_decides(browser: Any, site_url: str) -> None:
    with signed_in(browser, site_url, PROPONENT) as page:
        project_url = _open_project(page, site_url)
        assert "Statement" in page.locator("#stage-progress li.current").inner_text()
        page.click("#edit-current-stage")
        page.fill("textarea[name=summary]", "Browser test: the summary as submitted.")
        page.click("#statement-form button[type=submit]")
        page.wait_for_load_state()
        page.click("#advance-form button[type=submit]")
        page.wait_for_load_state()
        assert "Submitted for review" in page.locator("#project-status").inner_text()
        assert page.locator("#advance-form").count() == 0  # the proponent's stages are closed
    with signed_in(browser, site_url, REVIEWER) as page:
        page.goto(project_url)
        page.click("#review-link")
        assert "Browser test: the summary as submitted." in page.locator("#statement-summary").inner_text()
        page.check("input[name=verdict][value=adequate]")
        page.fill("textarea[name=comments]", "Proportionate and complete.")
        page.click("#review-form button[type=submit]")
        page.wait_for_load_state()
        assert "Awaiting decision" in page.locator("#project-status").inner_text()
        assert page.locator("#decision-link").count() == 0  # the reviewer does not decide
    with signed_in(browser, site_url, OFFICIAL) as page:
        page.goto(project_url)
        page.click("#decision-link")
        page.check("input[name=outcome][value=conditional]")
        page.fill("textarea[name=reasons]", "The plan answers the significant impacts.")
        page.fill("textarea[name=conditions]", "Report nurse staffing every six months.\nNo fees charged to recruits.")
        page.click("#decision-form button[type=submit]")
        page.wait_for_load_state()
        assert "Approved with conditions" in page.locator("#project-status").inner_text()
        page.goto(project_url.replace("/en/", "/fr/") + "statement/")
        assert page.locator("#decision-conditions li").count() == 2
        page.wait_for_selector("#baseline svg")  # the baseline chart, drawn from the platform's data
        pdf = page.request.get(project_url.replace("/en/", "/fr/") + "statement.pdf")
        assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
        from pypdf import PdfReader

        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)
        assert "Report nurse staffing every six months." in " ".join(text.split())
