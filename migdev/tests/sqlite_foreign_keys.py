"""Foreign keys checked at the end of each SQLite test, in the tables the test touched rather than the whole database.

A test runs in a transaction that is rolled back, so SQLite's deferred foreign keys are never checked at a commit;
Django checks them at the end of each test with `PRAGMA foreign_key_check` over every table. With the shipped data
loaded that takes about 0.15 s per test, a sixth of the SQLite suite. A violation can only be in a table the test
wrote to (a row pointing nowhere) or in a table referring to one it deleted from or updated (a row left pointing at
a row that is gone), so those are the tables checked: the same violations, found in milliseconds. PostgreSQL's check
(`SET CONSTRAINTS ALL IMMEDIATE`) costs nothing and is left as it is.
"""

import re
from collections.abc import Callable
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3.base import DatabaseWrapper

WRITE = re.compile(
    r'^\s*(?:(INSERT)(?:\s+OR\s+\w+)?\s+INTO|(REPLACE)\s+INTO|(UPDATE)|(DELETE)\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)


class TouchedTables:
    """A query wrapper noting the tables written since the last check, and the check of those tables."""

    def __init__(self) -> None:
        self.written: set[str] = set()  # rows added or changed: their own foreign keys may point nowhere
        self.emptied: set[str] = set()  # rows deleted or changed: rows of other tables may point at them
        self._referrers: dict[str, set[str]] | None = None

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        found = WRITE.match(sql)
        if found:
            insert, replace, update, delete, table = found.groups()
            if insert or replace or update:
                self.written.add(table)
            if replace or update or delete:
                self.emptied.add(table)
        return execute(sql, params, many, context)

    def take(self, connection: BaseDatabaseWrapper) -> list[str]:
        """The tables to check now, forgetting them."""
        tables = set(self.written)
        for table in self.emptied:
            tables |= self.referrers(connection).get(table, set())
        self.written.clear()
        self.emptied.clear()
        return sorted(tables)

    def referrers(self, connection: BaseDatabaseWrapper) -> dict[str, set[str]]:
        """Each table and the tables with a foreign key to it (read once: tests do not change the schema)."""
        if self._referrers is None:
            self._referrers = {}
            with connection.cursor() as cursor:
                for table in connection.introspection.table_names(cursor):
                    for key in cursor.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
                        self._referrers.setdefault(key[2], set()).add(table)
        return self._referrers


def check_touched_tables_only(connection: BaseDatabaseWrapper) -> None:
    """From now on, a whole-database check on this SQLite connection checks the tables touched since the last."""
    if connection.vendor != "sqlite" or any(isinstance(w, TouchedTables) for w in connection.execute_wrappers):
        return
    touched = TouchedTables()
    connection.execute_wrappers.append(touched)
    whole_database_check = DatabaseWrapper.check_constraints

    def check_constraints(self: DatabaseWrapper, table_names: list[str] | None = None) -> None:
        if table_names is None and self is connection:
            table_names = touched.take(self)
        whole_database_check(self, table_names)

    DatabaseWrapper.check_constraints = check_constraints  # type: ignore[method-assign]
