"""Test session set-up: the shipped data is loaded once, then each test rolls back; browser fixtures."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections

from migdev.core.datasets import setup_datasets
from migdev.core.progress import SilentProgress
from migdev.tests.browser import CHROMIUM, CHROMIUM_ARGS, require_chromium, served_site
from migdev.tests.sqlite_foreign_keys import check_touched_tables_only
from migdev.tests.static_files_once import read_static_files_once

read_static_files_once()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    with django_db_blocker.unblock():
        for dataset in setup_datasets():
            assert dataset.shipped is not None
            dataset.loader(dataset.shipped, SilentProgress())
    check_touched_tables_only(connections["default"])


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Each test starts and ends in English: a request with Accept-Language must not leak its language."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test starts with an empty cache: a value cached by a rolled-back test must not be read by the next."""
    from django.core.cache import cache

    cache.clear()


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
