"""Kill each shipped import with SIGKILL midway, in a database of its own, and check that nothing of it was kept.

Run as `python -m migdev.tests.crash_imports` by test_imports_are_crash_safe.py, in a process of its own: a SIGKILL
must hit a real process writing to a real database. The database (MIGDEV_VAR_DIR's SQLite file, or the server that
MIGDEV_DATABASE_URL names) must be empty. For each dataset, in setup's order: a forked child imports it and kills
itself at its first write once the import is half done (by its progress bars, or after a few writes); the parent
checks that every table holds exactly what it held before, then imports the dataset again, whole, as a user would
after a crash. Prints one JSON line per dataset.
"""

import json
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
WRITES_BEFORE_KILL = 3


class HalfwayKill:
    """Progress that notes when a task is half done, and a query wrapper that kills the process at the next write."""

    def __init__(self) -> None:
        self.halfway = False
        self.writes = 0

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator["HalfwayKill._Task"]:
        yield HalfwayKill._Task(self, total)

    class _Task:
        def __init__(self, owner: "HalfwayKill", total: int | None) -> None:
            self.owner, self.total, self.done = owner, total, 0

        def advance(self, amount: int = 1) -> None:
            self.done += amount
            if self.total and self.done * 2 >= self.total:
                self.owner.halfway = True

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith(WRITES):
            self.writes += 1
            if self.halfway or self.writes >= WRITES_BEFORE_KILL:
                os.kill(os.getpid(), signal.SIGKILL)
        return result


def table_counts() -> dict[str, int]:
    """Rows in every table of the database, Django's and the search index's included."""
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from the database itself
            counts[table] = cursor.fetchone()[0]
    return counts


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "migdev.config.settings.base")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, connections

    from migdev.core.datasets import run_import, setup_datasets
    from migdev.core.progress import SilentProgress

    call_command("migrate", interactive=False, verbosity=0)
    wanted = set(sys.argv[1:])
    for dataset in setup_datasets():
        assert dataset.shipped is not None
        if not wanted or dataset.name in wanted:
            before = table_counts()
            connections.close_all()
            child = os.fork()
            if child == 0:
                killer = HalfwayKill()
                connection.execute_wrappers.append(killer)
                run_import(dataset, dataset.shipped, killer)
                os._exit(3)  # it finished without being killed
            _, status = os.waitpid(child, 0)
            killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            after = table_counts()
            changed = {table: (before[table], after[table]) for table in before if before[table] != after[table]}
        summary = run_import(dataset, dataset.shipped, SilentProgress())
        if not wanted or dataset.name in wanted:
            loaded = sum(table_counts().values()) - sum(after.values())
            line = {"dataset": dataset.name, "killed": killed, "changed_by_the_killed_import": changed}
            print(json.dumps(line | {"rows_added_by_the_rerun": loaded, "rerun": summary}), flush=True)


if __name__ == "__main__":
    main()
