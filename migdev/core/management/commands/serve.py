"""`migdev serve [--host 127.0.0.1] [--port 8000] [--workers N] [--dev]`: serve MigDev.

By default a production WSGI server (gunicorn: worker processes with threads, static files through WhiteNoise)
with debug pages off. `--dev` runs Django's development server instead, with debug pages and reload on change.
"""

import os
from argparse import ArgumentParser
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

    def handle(self, *args: Any, **options: Any) -> None:
        address = f"{options['host']}:{options['port']}"
        if options["dev"]:
            os.environ["MIGDEV_DEBUG"] = "1"  # also for the child process that the reloader starts
            settings.DEBUG = True
            call_command("runserver", address, use_reloader=options["reload"], use_threading=True)
            return
        if options["workers"] < 1 or options["threads"] < 1:
            raise CommandError("--workers and --threads must be at least 1")
        from migdev.config.server import ProductionServer

        self.stdout.write(f"MigDev on http://{address}/ ({options['workers']} workers × {options['threads']} threads)")
        ProductionServer(address, workers=options["workers"], threads=options["threads"]).run()
