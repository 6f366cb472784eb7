"""The Content-Security-Policy in a real browser: the main pages, the API docs and the admin run without a single
violation (no inline script or style left anywhere), and their scripts still work (maps and charts draw)."""

from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    ("/en/", "main"),
    ("/en/stats/", "#map-legend li"),
    ("/en/stats/profiles/PHL/", "#chart-stock svg"),
    ("/en/labour/market/", "#market-legend li"),
    ("/en/labour/market/CAN/", "#market-chart svg"),
    ("/en/law/", "main"),
    ("/en/law/instruments/ilo_c097/", "main"),
    ("/en/law/glossary/", "main"),
    ("/en/accounts/login/", "form"),
    ("/api/docs", ".swagger-ui .info"),
    ("/en/admin/login/", "form"),
]


def violations_on(browser: Any, url: str, ready: str) -> list[str]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text) if "Content Security Policy" in message.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => console.error("
        "'Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    page.goto(url)
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
    context.close()
    return seen


@pytest.mark.parametrize(("path", "ready"), PAGES)
def test_page_runs_under_the_policy(browser: Any, site_url: str, path: str, ready: str) -> None:
    assert violations_on(browser, f"{site_url}{path}", ready) == []


def test_language_menu_still_switches_language(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/en/")
    page.select_option("#language-select", "fr")
    page.wait_for_url("**/fr/**")
    assert page.locator("html").get_attribute("lang") == "fr"
