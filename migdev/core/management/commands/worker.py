"""`migdev worker [--batch] [--queue-name Q]`: run the durable background jobs (allocations, imports, reports).

The database worker of django-tasks-db, plus a heartbeat: the worker records itself, says every few seconds that it
is alive and which job it runs, and fails the jobs of workers that died (`core/jobs.py`). Ctrl-C stops it after the
job in hand; a second Ctrl-C stops it at once (the job is then failed by the next worker to start).
"""

import logging
import threading
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections, connection
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from migdev.core import jobs

logger = logging.getLogger(__name__)


class BeatingWorker(Worker):  # type: ignore[misc]
    """The database worker with a heartbeat thread, reaping dead workers' jobs when it starts and while it waits."""

    def run(self) -> None:
        jobs.register_worker(self.worker_id)
        jobs.reap_abandoned_jobs()
        stop = threading.Event()
        heart = threading.Thread(target=self._beat_until, args=(stop,), name="migdev-worker-heartbeat", daemon=True)
        heart.start()
        try:
            super().run()
        finally:
            stop.set()
            heart.join(timeout=jobs.HEARTBEAT_SECONDS + 1)
            jobs.unregister_worker(self.worker_id)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        jobs.beat(self.worker_id, str(db_task_result.id))
        try:
            super().run_task(db_task_result)
        finally:
            jobs.beat(self.worker_id, "")

    def _beat_until(self, stop: threading.Event) -> None:
        beats = 0
        try:
            while not stop.wait(jobs.HEARTBEAT_SECONDS):
                beats += 1
                try:
                    jobs.beat(self.worker_id)
                    if beats % 6 == 0 and not self.running_task:
                        jobs.reap_abandoned_jobs()
                except DatabaseError:  # e.g. SQLite busy while a job writes: the next beat will do
                    logger.warning("worker %s could not record its heartbeat", self.worker_id, exc_info=True)
                    close_old_connections()
        finally:
            connection.close()


class Command(BaseCommand):
    help = "Run MigDev's background jobs (durable: queued in the database); Ctrl-C stops after the job in hand."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--queue-name", default="default", help="Queues to take jobs from, comma-separated.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between looks at an empty queue.")
        parser.add_argument("--batch", action="store_true", help="Run the jobs waiting now, then stop.")
        parser.add_argument("--max-jobs", type=int, default=None, help="Stop after this many jobs.")
        parser.add_argument("--worker-id", default="", help="A name unique among the workers (default: random).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["interval"] < 0 or (options["max_jobs"] is not None and options["max_jobs"] < 1):
            raise CommandError("--interval must be 0 or more and --max-jobs at least 1")
        worker = BeatingWorker(
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=options["batch"],
            backend_name="default",
            startup_delay=False,
            max_tasks=options["max_jobs"],
            worker_id=options["worker_id"] or get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        worker.run()
