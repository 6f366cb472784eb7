"""Data loaded once for a module or package of tests, inside a transaction rolled back after its last test, so no
other test sees it and each test still runs in its own savepoint (a demo takes seconds to load: once, not per test)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db import transaction

T = TypeVar("T")


@contextmanager
def loaded_once(django_db_blocker: Any, load: Callable[[], T]) -> Iterator[T]:
    """`load()`'s result while the block runs; everything it wrote is rolled back afterwards."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield load()
        finally:
            # A transactional test (the browser tests' site) may have closed the connection, and the transaction
            # with it: then the data is gone already.
            if transaction.get_connection().in_atomic_block:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
