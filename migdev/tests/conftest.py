"""Fixtures for the cross-room tests: a served site and a headless Chromium page."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from migdev.tests.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium, served_site


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    require_chromium()
    with served_site(Path(tmp_path_factory.mktemp("site"))) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    yield page
    context.close()
