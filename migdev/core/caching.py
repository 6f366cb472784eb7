"""Caches of data that changes only when a dataset is loaded: country profiles, map names, reference lists.

A cached value is keyed by the sum of every dataset's version (one indexed read of a table of a few rows). Every
import bumps its dataset's version in its own transaction (`core.datasets.run_import`), and edits through the admin
bump theirs with `bump`, so a value is never served after the data under it changed, whichever process changed it.
"""

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db.models import F, Sum
from django.utils.translation import get_language

from migdev.core.models import DatasetVersion

T = TypeVar("T")

TIMEOUT_S = 3600


def bump(name: str) -> None:
    """Mark the dataset `name` as changed: every cached value computed before is stale from now on."""
    changed = DatasetVersion.objects.filter(name=name).update(version=F("version") + 1)
    if not changed:
        DatasetVersion.objects.get_or_create(name=name, defaults={"version": 1})


def data_generation() -> int:
    """A number that grows whenever any dataset changes."""
    total = DatasetVersion.objects.aggregate(total=Sum("version"))["total"]
    return int(total or 0)


def cached(key: str, compute: Callable[[], T], *, per_language: bool = True) -> T:
    """`compute()`, or the value it gave for `key` (and the active language) since the data last changed."""
    language = (get_language() or "") if per_language else ""
    # Hashed: keys carry what users typed (a country code in a URL), which no cache backend must see raw.
    full_key = "migdev:" + hashlib.blake2b(f"{key}:{language}:{data_generation()}".encode(), digest_size=16).hexdigest()
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, TIMEOUT_S)
    return value  # type: ignore[no-any-return]


# Values remembered while one request is served (None outside requests: nothing is remembered there).
_request_memo: ContextVar[dict[str, Any] | None] = ContextVar("migdev_request_memo", default=None)


def _start_memo(**_kwargs: Any) -> None:
    _request_memo.set({})


def _end_memo(**_kwargs: Any) -> None:
    _request_memo.set(None)


request_started.connect(_start_memo, dispatch_uid="migdev.core.caching.start")
request_finished.connect(_end_memo, dispatch_uid="migdev.core.caching.end")


def once_per_request(key: str, compute: Callable[[], T]) -> T:
    """`compute()` once per request however many selectors ask (each time outside a request)."""
    memo = _request_memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]  # type: ignore[no-any-return]
