"""Saving a form in French or Spanish keeps its dates (issue 16, item 1), in headless Chromium on the demo site.

`<input type="date">` takes only ISO dates (YYYY-MM-DD): a date rendered the French way ("17/05/1990") shows empty,
and saving the form erased it (or, where the date is required, the browser refused to save). Each demo user opens
each form with dates that their role may edit, in French then in Spanish, saves it untouched, and every field of the
form must read as before.
"""

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

WORKER = ("demo-worker", "demo-worker-local")
EMPLOYER = ("demo-employer", "demo-employer-local")
STEWARD = ("demo-steward", "demo-steward-local")

FIELDS = """form => Object.fromEntries(Array.from(form.elements)
    .filter(e => e.name && e.type !== "submit" && e.type !== "button" && e.name !== "csrfmiddlewaretoken")
    .map(e => [e.name + (e.type === "checkbox" || e.type === "radio" ? "=" + e.value : ""),
               e.type === "checkbox" || e.type === "radio" ? String(e.checked)
               : e.tagName === "SELECT" ? Array.from(e.selectedOptions).map(o => o.value).join(",") : e.value]))"""


def log_in(page: Any, site_url: str, account: tuple[str, str]) -> None:
    page.goto(f"{site_url}/en/accounts/login/")
    page.fill("input[name=username]", account[0])
    page.fill("input[name=password]", account[1])
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".who").inner_text() == account[0]


def fields(page: Any, url: str, form: str) -> dict[str, str]:
    page.goto(url)
    return dict(page.locator(form).evaluate(FIELDS))


def save_in_each_language(page: Any, site_url: str, path: str, form: str, save: str) -> dict[str, str]:
    """Open the form at `path` in French then Spanish, save it untouched; each time every field must be as before."""
    before = fields(page, f"{site_url}/en{path}", form)
    names = page.locator(form).evaluate("form => Array.from(form.querySelectorAll('input[type=date]'), e => e.name)")
    dates = {name: before[name] for name in names}
    assert any(dates.values()), dates  # the form has dates, and one at least is set
    for language in ("fr", "es"):
        shown = fields(page, f"{site_url}/{language}{path}", form)
        assert {name: shown[name] for name in dates} == dates, language  # shown, not blank
        page.locator(form).locator(save).click()
        page.wait_for_load_state()
        assert page.locator("main .errorlist, main [role=alert]").count() == 0, page.locator("main").inner_text()
        assert fields(page, f"{site_url}/en{path}", form) == before, language
    return before


def test_the_demo_worker_saves_her_profile_in_french_and_spanish(page: Any, site_url: str) -> None:
    log_in(page, site_url, WORKER)
    before = save_in_each_language(page, site_url, "/labour/worker/profile/", "#profile-form", "button[name=save]")
    assert before["date_of_birth"]


def test_the_demo_employer_saves_a_vacancy_in_french_and_spanish(page: Any, site_url: str) -> None:
    """The demo's vacancies are published (no longer editable): the employer drafts one, then edits it."""
    log_in(page, site_url, EMPLOYER)
    page.goto(f"{site_url}/en/labour/vacancies/new/")
    page.fill("#id_occupation_q", "nurse assistant")  # htmx searches as one types
    choice = page.locator("#occupation-results input[name=occupation]").first
    choice.wait_for()
    page.wait_for_load_state("networkidle")  # no later answer will replace the results
    choice.check()
    for field, value in {
        "title": "Night-shift care assistants (browser test)",
        "place": "Toronto, Ontario",
        "positions": "2",
        "wage_amount": "24.50",
        "weekly_hours": "40",
        "contract_months": "12",
        "start_date": "2027-09-15",
        "contract_languages": "eng",
    }.items():
        page.fill(f"#vacancy-form [name={field}]", value)
    page.select_option("#vacancy-form [name=employer]", label="Maple Demo Care Homes Ltd. (demo employer)")
    page.select_option("#vacancy-form [name=destination]", "CAN")
    page.select_option("#vacancy-form [name=wage_currency]", "CAD")
    assert choice.is_checked()
    page.locator("#vacancy-form button[name=save]").click()
    page.wait_for_url(re.compile(r"/en/labour/vacancies/\d+/$"))
    path = page.url.removeprefix(f"{site_url}/en") + "edit/"
    before = save_in_each_language(page, site_url, path, "#vacancy-form", "button[name=save]")
    assert before["start_date"] == "2027-09-15" and before["wage_amount"] == "24.50"


def test_the_demo_steward_saves_a_labour_standard_in_french_and_spanish(page: Any, site_url: str) -> None:
    log_in(page, site_url, STEWARD)
    page.goto(f"{site_url}/en/labour/standards/")
    edit = page.locator("main a[href*='/standards/'][href$='/edit/']").first
    path = str(edit.get_attribute("href")).removeprefix("/en")
    save_in_each_language(page, site_url, path, "main form.narrow", "button[type=submit]")
