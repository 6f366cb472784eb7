"""The corridors tests read the other rooms' demo: PHL→CAN shows every block; ISL→TUV (Iceland to Tuvalu) has no
data but rights. The demo is loaded once for this package, inside a transaction rolled back after its last test,
so no other room's tests see it (each test still runs in its own savepoint)."""

from collections.abc import Iterator
from typing import Any

import pytest

from migdev.core.datasets import demo_steps, run_demo
from migdev.core.progress import SilentProgress
from migdev.tests.shared_data import loaded_once

EMPTY = ("ISL", "TUV")
# The rooms whose demo the corridor blocks read (accounts first: the others find its users and organisations).
DEMO_ROOMS = ("accounts", "labour", "diaspora", "partnerships", "rcp")


@pytest.fixture(scope="package")
def demo_in_package(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    def load() -> None:
        for step in demo_steps():
            if step.name in DEMO_ROOMS:
                run_demo(step, SilentProgress())

    with loaded_once(django_db_blocker, load):
        yield


@pytest.fixture
def demo(demo_in_package: None, db: None) -> None:
    """The demo of the rooms a corridor reads (loaded once for the package)."""
