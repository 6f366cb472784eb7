"""`migdev import <dataset> <path>`: load a dataset atomically; on bad input, say where and change nothing."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from migdev.core.datasets import DATASETS, run_import
from migdev.core.errors import DomainError
from migdev.core.progress import RichProgress


class Command(BaseCommand):
    help = "Import a dataset. Datasets: run with --list."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("dataset", nargs="?", help="Dataset name, e.g. undesa-stock")
        parser.add_argument("path", nargs="?", help="File or folder to load (default: the copy shipped in the repo)")
        parser.add_argument("--list", action="store_true", help="List the datasets that can be imported.")
        parser.add_argument(
            "--allow-shrink",
            action="store_true",
            help="Accept files holding far fewer rows than are stored (otherwise refused as truncated), "
            "removing the stored rows they lack.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"] or not options["dataset"]:
            for dataset in sorted(DATASETS.values(), key=lambda d: d.name):
                self.stdout.write(f"{dataset.name:24} {dataset.description}")
            return
        if options["dataset"] not in DATASETS:
            raise CommandError(f"Unknown dataset {options['dataset']!r}; known: {', '.join(sorted(DATASETS))}")
        dataset = DATASETS[options["dataset"]]
        path = Path(options["path"]) if options["path"] else dataset.shipped
        if path is None:
            raise CommandError(f"Dataset {dataset.name} needs a path")
        if not path.exists():
            raise CommandError(f"{path}: no such file or folder")
        try:
            with RichProgress() as progress:
                summary = run_import(dataset, path, progress, allow_shrink=options["allow_shrink"])
        except DomainError as exc:
            raise CommandError(f"{exc.message} (nothing was imported)") from exc
        except OSError as exc:
            raise CommandError(f"{exc.filename or path}: {exc.strerror or exc} (nothing was imported)") from exc
        except DatabaseError as exc:
            raise CommandError(f"{path}: the database refused the data ({exc}) (nothing was imported)") from exc
        except Exception as exc:
            raise CommandError(
                f"{path}: unexpected {type(exc).__name__} while importing ({exc}); nothing was imported "
                "(run with --traceback for details)"
            ) from exc
        self.stdout.write(self.style.SUCCESS(f"{dataset.name}: {summary}"))
