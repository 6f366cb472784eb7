"""README's demo scenarios in headless Chromium, in English, French and Spanish, against a site set up by `migdev
setup` with the demo: each follows the "Demo accounts" table and the labour exchange's demo paragraph by clicking
through the header, its user menu and the pages' links from the language's home page, never by typing an address.

Steps that would change the shared demo for the other languages (approving the demo's pending organisation, erasing
demo-worker's data) are done on an organisation or a person the test registers itself, through the same pages.
"""

import json
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "fr", "es"]
STEWARD = ("demo-steward", "demo-steward-local")
OFFICIAL = ("demo-official", "demo-official-local")
EMPLOYER = ("demo-employer", "demo-employer-local")
WORKER = ("demo-worker", "demo-worker-local")
PENDING_DEMO_ORGANISATION = "Demo Filipino Diaspora Association (demo)"
EMPLOYER_ORGANISATION = "Maple Demo Care Homes Ltd. (demo employer)"
NEW_MEMBER = {"en": "demo-lw-0101", "fr": "demo-lw-0102", "es": "demo-lw-0103"}
PASSWORD = "Tulip-harbour-4821"


class Visit:
    """One person's visit to the site in one language, by clicking only."""

    def __init__(self, page: Any, site_url: str, lang: str) -> None:
        self.page, self.site, self.lang = page, site_url, lang
        self.start()

    def start(self) -> None:
        self.page.goto(f"{self.site}/{self.lang}/")  # the one address typed: the language's home page
        assert self.page.locator("html").get_attribute("lang") == self.lang

    def path(self, tail: str) -> str:
        return f"/{self.lang}/{tail}"

    def follow(self, selector: str) -> None:
        """Click a link (or button) that loads a page; the page must load without error, in the visit's language."""
        with self.page.expect_navigation() as navigation:
            self.page.locator(selector).first.click()
        response = navigation.value
        assert response is not None and response.ok, f"{selector} -> {response.status if response else 'nothing'}"
        assert self.page.locator("html").get_attribute("lang") == self.lang
        assert self.page.locator("main h1").count() == 1

    def link(self, tail: str, scope: str = "main") -> None:
        self.follow(f"{scope} a[href='{self.path(tail)}']")

    def menu(self, tail: str) -> None:
        """Open the header's user menu and follow one of its links."""
        self.page.locator(".user-menu summary").click()
        self.link(tail, scope=".user-menu")

    def nav(self, tail: str) -> None:
        self.link(tail, scope="nav.main-nav")

    def log_in(self, account: tuple[str, str]) -> None:
        self.link("accounts/login/", scope="header")
        self.page.fill("input[name=username]", account[0])
        self.page.fill("input[name=password]", account[1])
        self.follow("main button[type=submit]")
        assert self.page.locator(".user-menu summary").inner_text() == account[0]

    def log_out(self) -> None:
        self.follow("header form[action$='/accounts/logout/'] button")

    def submit(self, form: str = "main form") -> None:
        self.follow(f"{form} button[type=submit]")

    def succeeded(self) -> str:
        messages = self.page.locator(".messages li.success")
        assert messages.count() >= 1, self.page.locator("main").inner_text()[:500]
        return str(messages.first.inner_text())

    def rows(self, table: str = "main table") -> list[list[str]]:
        return [
            [text.strip() for text in row.locator("th, td").all_inner_texts()]
            for row in self.page.locator(f"{table} tbody tr").all()
        ]


def register_organisation(visit: Visit, name: str, username: str) -> None:
    """A visitor registers an organisation (and its administrator's account), then logs out."""
    visit.link("accounts/login/", scope="header")
    visit.link("accounts/register/organisation/")
    page = visit.page
    page.fill("input[name=name]", name)
    page.select_option("select[name=kind]", "diaspora")
    page.select_option("select[name=country]", "CAN")
    page.fill("input[name=username]", username)
    page.fill("input[name=email]", f"{username}@example.org")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    visit.submit()
    assert name in visit.succeeded()
    visit.log_out()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_steward_reviews_organisations_reads_the_audit_log_and_allocates_a_season(
    page: Any, site_url: str, lang: str
) -> None:
    visit = Visit(page, site_url, lang)
    own = f"Scenario Association {lang} (test)"
    register_organisation(visit, own, f"scenario-org-{lang}")

    visit.log_in(STEWARD)
    # My account -> Organisations to review: the demo's pending organisation waits with both buttons; approve one.
    visit.menu("accounts/me/")
    visit.link("accounts/organisations/pending/")
    pending = page.locator("main section", has=page.locator(f"h2:text-is('{PENDING_DEMO_ORGANISATION}')"))
    assert pending.locator("button[formaction$='/approve/']").count() == 1
    assert pending.locator("button[formaction$='/reject/']").count() == 1
    mine = page.locator("main section", has=page.locator(f"h2:text-is('{own}')"))
    with page.expect_navigation():
        mine.locator("button[formaction$='/approve/']").click()
    assert own in visit.succeeded()
    assert page.locator(f"main h2:text-is('{own}')").count() == 0

    # Open a person's full record (from the people list): the read is logged, newest first in the audit log.
    visit.menu("accounts/persons/")
    page.fill("main input[name=q]", "demo-worker")
    visit.submit("main form[role=search]")
    [row] = visit.rows()
    assert "demo-worker" in row
    visit.follow("main tbody a")
    assert "demo-worker" in page.locator("main h1").inner_text()
    assert page.locator("main [role=status]").count() == 1  # "this view ... is recorded in the audit log"
    visit.menu("accounts/audit/")
    newest = visit.rows()[0]
    assert "demo-steward" in " ".join(newest) and "demo-worker" in " ".join(newest)

    # Django admin, from the user menu.
    visit.menu("admin/")
    assert page.locator("#site-name").count() == 1

    # Labour mobility -> Allocate a season's positions -> SAWP -> start the 2027 run and wait for its result.
    visit.start()
    visit.nav("labour/")
    visit.link("labour/official/matching/")
    visit.follow("main a:has-text('SAWP')")
    page.fill("main input[name=season]", "2027")
    visit.submit("main form[method=post]")
    assert "/labour/official/runs/" in page.url
    page.wait_for_selector("main table caption", timeout=120_000)  # the assignments, once the run is done
    assert len(visit.rows()) >= 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_official_opens_a_filipino_workers_record_then_flags_grievances_and_indicators(
    page: Any, site_url: str, lang: str
) -> None:
    visit = Visit(page, site_url, lang)
    visit.log_in(OFFICIAL)
    # My account lists the people of the Philippines (names, country, roles), paginated and searchable.
    visit.menu("accounts/me/")
    visit.link("accounts/persons/")
    everyone = visit.rows()
    assert 1 < len(everyone) <= 25
    assert len({row[2] for row in everyone}) == 1  # one country: the Philippines, in the page's language
    page.fill("main input[name=q]", "demo-worker")
    visit.submit("main form[role=search]")
    [row] = visit.rows()
    assert row[1] == "demo-worker"
    visit.follow("main tbody a")
    assert "demo-worker" in page.locator("main h1").inner_text()
    assert page.locator("main [role=status]").count() == 1  # allowed, and audited

    # The labour exchange: risk flags and grievances of Filipino workers, SDG 10.7.1, the supply and demand map.
    visit.nav("labour/")
    visit.link("labour/flags/")
    assert len(visit.rows()) >= 1
    visit.nav("labour/")
    visit.link("labour/grievances/")
    assert len(visit.rows()) >= 1
    visit.nav("labour/")
    visit.link("labour/indicators/recruitment-cost/")
    assert page.locator("main .card .figure").count() == 4  # workers, mean, median, 4th quintile
    visit.nav("labour/")
    visit.link("labour/market/")
    page.wait_for_selector("#market-map svg path", timeout=30_000)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_employer_opens_the_organisation_from_my_account_and_adds_a_member(page: Any, site_url: str, lang: str) -> None:
    visit = Visit(page, site_url, lang)
    visit.log_in(EMPLOYER)
    visit.menu("accounts/me/")
    visit.follow(f"main a:text-is('{EMPLOYER_ORGANISATION}')")
    assert page.locator("main h1").inner_text() == EMPLOYER_ORGANISATION
    page.fill("main input[name=username]", NEW_MEMBER[lang])
    visit.submit("main form[method=post]")
    assert NEW_MEMBER[lang] in visit.succeeded()
    assert page.locator(f"main :text-is('{NEW_MEMBER[lang]}')").count() >= 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_worker_edits_her_profile_uses_a_token_exports_her_data_and_follows_her_seasons(
    page: Any, site_url: str, lang: str, tmp_path: Path
) -> None:
    visit = Visit(page, site_url, lang)
    visit.log_in(WORKER)
    # Edit the profile.
    visit.menu("accounts/me/")
    visit.link("accounts/me/profile/")
    page.fill("input[name=first_name]", "Wen")
    visit.submit()
    visit.succeeded()
    # Create an API token (shown once) and call /api/v1/accounts/me with it.
    page.fill("main input[name=name]", f"scenario {lang}")
    visit.submit("main form[action$='/accounts/me/tokens/']")
    key = page.locator("#new-key").input_value()
    assert len(key) > 20
    response = page.request.get(f"{site_url}/api/v1/accounts/me", headers={"Authorization": f"Bearer {key}"})
    assert response.ok and response.json()["username"] == "demo-worker"
    # Export the data as JSON.
    with page.expect_download() as download:
        page.locator("main form[action$='/accounts/me/export/'] button").click()
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    assert "demo-worker" in json.dumps(json.loads(exported.read_text()))

    # Labour mobility -> My placements: three seasons with the same employer; then her recommended vacancies.
    visit.nav("labour/")
    visit.link("labour/placements/")
    placements = visit.rows()
    assert sorted(row[0] for row in placements) == ["2024", "2025", "2026"]
    assert {row[3] for row in placements} == {"Demo Household Employers Cooperative (demo)"}
    visit.nav("labour/")
    visit.link("labour/worker/recommendations/")
    recommended = [row[0] for row in visit.rows()]
    assert "Live-out domestic workers 2027" in recommended
    assert page.locator("#why-none").count() == 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_person_registers_then_erases_their_data(page: Any, site_url: str, lang: str) -> None:
    """The worker's last step, erasure, on a person of the test's own (demo-worker stays for the other scenarios)."""
    visit = Visit(page, site_url, lang)
    visit.link("accounts/login/", scope="header")
    visit.link("accounts/register/")
    username = f"scenario-person-{lang}"
    page.fill("input[name=username]", username)
    page.fill("input[name=email]", f"{username}@example.org")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.select_option("select[name=country]", "PHL")
    visit.submit()
    visit.succeeded()
    visit.menu("accounts/me/")
    page.check("main form[action$='/accounts/me/erase/'] input[type=checkbox]")
    visit.submit("main form[action$='/accounts/me/erase/']")
    visit.succeeded()
    assert page.locator(".user-menu").count() == 0  # logged out
