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
