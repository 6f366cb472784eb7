"""The facet columns of every index entry, held in memory per database and reloaded when the index changes.

A search matches ids only; its filters and facet counts read these columns from memory, so neither a join nor a
query per facet is needed. The index's triggers set a new random token on every change (law_search_state), so a
reload happens exactly when the entries changed, including writes that were rolled back.
"""

import threading
from typing import Any

from migdev.law.search.backend import TABLE

COLUMNS = ("kind", "language", "instrument_id", "instrument_type", "themes", "country", "year", "latest")
# Positions in a cached row, which starts with the entry's id.
ID, KIND, LANGUAGE, INSTRUMENT, TYPE, THEMES, COUNTRY, YEAR, LATEST = range(len(COLUMNS) + 1)

_cache: dict[tuple[str, str], tuple[Any, dict[int, tuple[Any, ...]]]] = {}
_lock = threading.Lock()


def facet_rows(connection: Any) -> dict[int, tuple[Any, ...]]:
    """Entry id -> (id, *COLUMNS) with themes as a tuple of codes, current as of this call."""
    key = (connection.alias, str(connection.settings_dict.get("NAME")))
    with connection.cursor() as cursor:
        cursor.execute("SELECT token FROM law_search_state WHERE id = 1")
        found = cursor.fetchone()
        token = found[0] if found else None
        cached = _cache.get(key)
        if cached is not None and token is not None and cached[0] == token:
            return cached[1]
        cursor.execute(f"SELECT id, {', '.join(COLUMNS)} FROM {TABLE}")  # noqa: S608  (constants)
        table = {row[0]: (*row[:5], tuple(row[5].split()), row[6], row[7], bool(row[8])) for row in cursor.fetchall()}
    with _lock:
        _cache[key] = (token, table)
    return table
