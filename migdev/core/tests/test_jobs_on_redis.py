"""Larger deployments can queue the same jobs in Redis (RQ) instead of the database: the job code does not change.

Runs against the Redis server at 127.0.0.1:6379 (database 15), and is skipped with a message where none answers.
Each run has its own queue, so the SQLite and PostgreSQL runs of CI, side by side, never take each other's jobs.
"""

import os
from pathlib import Path
from typing import Any

import pytest
from django_tasks import TaskResultStatus, task_backends

from migdev.core.tests.slow_jobs import nap_then_mark

REDIS_URL = "redis://127.0.0.1:6379/15"
QUEUE = f"migdev-test-{os.getpid()}"


@pytest.fixture
def redis_queue(settings: Any) -> Any:
    redis = pytest.importorskip("redis")
    connection = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        connection.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis server answers at {REDIS_URL}")
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}, QUEUE: {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [QUEUE]}}
    import django_rq
    from django_tasks_rq.backend import Job

    queue = django_rq.get_queue(QUEUE, job_class=Job)
    yield queue
    queue.empty()


def test_a_job_runs_through_redis_with_rq(redis_queue: Any, tmp_path: Path) -> None:
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    marker = tmp_path / "marker"
    result = nap_then_mark.using(queue_name=QUEUE).enqueue(0, str(marker))
    assert task_backends["default"].__class__.__name__ == "RQBackend"
    assert nap_then_mark.get_result(result.id).status == TaskResultStatus.READY

    class BurstWorker(SimpleWorker):  # type: ignore[misc]
        """No command channel: its listening thread waits up to 60 s to stop (rq 3.0), and a burst takes no command."""

        def subscribe(self) -> None:
            self.pubsub_thread = None

    BurstWorker([redis_queue], connection=redis_queue.connection, job_class=Job).work(burst=True, max_jobs=1)
    assert marker.read_text() == "finished"
    done = nap_then_mark.get_result(result.id)
    assert done.status == TaskResultStatus.SUCCESSFUL and done.return_value == "finished"
