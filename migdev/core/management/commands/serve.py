"""`migdev serve [--host 127.0.0.1] [--port 8000]`: serve MigDev on a local address."""

from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve MigDev (Django's development server; static files through WhiteNoise)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--reload", action="store_true", help="Restart when code changes.")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command(
            "runserver", f"{options['host']}:{options['port']}", use_reloader=options["reload"], use_threading=True
        )
