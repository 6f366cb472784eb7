"""The corridors tests read the other rooms' demo: PHL→CAN shows every block; ISL→TUV (Iceland to Tuvalu) has no
data but rights. The demo is loaded once for this package, inside a transaction rolled back after its last test,
so no other room's tests see it (each test still runs in its own savepoint)."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import transaction

from migdev.core.datasets import demo_steps, run_demo
from migdev.core.progress import SilentProgress

EMPTY = ("ISL", "TUV")
# The rooms whose demo the corridor blocks read (accounts first: the others find its users and organisations).
DEMO_ROOMS = ("accounts", "labour", "diaspora", "partnerships", "rcp")


@pytest.fixture(scope="package")
def demo_in_package(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            for step in demo_steps():
                if step.name in DEMO_ROOMS:
                    run_demo(step, SilentProgress())
            yield
        finally:
            # A transactional test (the browser tests' site) may have closed the connection, and the transaction
            # with it: then the demo is gone already.
            if transaction.get_connection().in_atomic_block:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_in_package: None, db: None) -> None:
    """The demo of the rooms a corridor reads (loaded once for the package)."""
