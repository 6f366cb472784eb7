"""Jobs for the tests of `core/jobs.py`: the worker imports them by path, as it does a room's jobs."""

import time
from pathlib import Path

from django_tasks import task


@task()
def nap_then_mark(seconds: float, marker: str) -> str:
    """Write `marker`'s file, sleep, then write it again: a job long enough to be killed in the middle."""
    Path(marker).write_text("started", encoding="utf-8")
    time.sleep(seconds)
    Path(marker).write_text("finished", encoding="utf-8")
    return "finished"


def run_waiting_jobs() -> None:
    """`migdev worker --batch` in this process, inside the test's transaction.

    The worker closes stale connections between jobs, as a long-running process must; inside a test's transaction
    that would close the test's own connection (PostgreSQL then loses it), so that one call is made a no-op here.
    """
    from unittest import mock

    from django.core.management import call_command

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("worker", batch=True, interval=0)
