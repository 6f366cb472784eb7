"""`migdev serve [--host 127.0.0.1] [--port 8000] [--workers N] [--dev] [--no-jobs]`: serve MigDev.

By default a production WSGI server (gunicorn: worker processes with threads, static files through WhiteNoise)
with debug pages off, and one job worker (`migdev worker`) beside it, so one command runs the whole site; Ctrl-C
stops both. `--dev` runs Django's development server instead, with debug pages and reload on change.
"""

import os
import subprocess
import sys
from argparse import ArgumentParser
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


def default_workers() -> int:
    """Two worker processes per core, at most four (each holds its own ESCO and matching caches)."""
    return max(1, min(4, 2 * (os.cpu_count() or 1)))


class Command(BaseCommand):
    help = "Serve MigDev with a production WSGI server (gunicorn); --dev for Django's development server."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("MIGDEV_WEB_WORKERS", "0")) or default_workers(),
            help="Worker processes of the production server (default: two per core, at most four).",
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("MIGDEV_WEB_THREADS", "4")))
        parser.add_argument("--dev", action="store_true", help="Django's development server, debug pages on.")
        parser.add_argument("--reload", action="store_true", help="With --dev: restart when code changes.")
        parser.add_argument("--no-jobs", action="store_true", help="Start no job worker (run `migdev worker` apart).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1 or options["threads"] < 1:
            raise CommandError("--workers and --threads must be at least 1")
        with job_worker(enabled=not options["no_jobs"]):
            self.serve(options)

    def serve(self, options: dict[str, Any]) -> None:
        address = f"{options['host']}:{options['port']}"
        if options["dev"]:
            os.environ["MIGDEV_DEBUG"] = "1"  # also for the child process that the reloader starts
            settings.DEBUG = True
            call_command("runserver", address, use_reloader=options["reload"], use_threading=True)
            return
        from migdev.core.server import ProductionServer

        self.stdout.write(f"MigDev on http://{address}/ ({options['workers']} workers × {options['threads']} threads)")
        ProductionServer(address, workers=options["workers"], threads=options["threads"]).run()


@contextmanager
def job_worker(*, enabled: bool) -> Iterator[None]:
    """Run `migdev worker` in a child process while the site is served; stop it (after its job in hand) at the end."""
    if not enabled:
        yield
        return
    worker = subprocess.Popen([sys.executable, "-m", "migdev.cli", "worker"])
    try:
        yield
    finally:
        if worker.poll() is None:
            worker.terminate()
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                worker.kill()
