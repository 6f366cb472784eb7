"""`migdev import <dataset> <path>`: load a dataset atomically; on bad input, say where and change nothing."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from migdev.core.datasets import DATASETS
from migdev.core.errors import DomainError
from migdev.core.progress import RichProgress


class Command(BaseCommand):
    help = "Import a dataset. Datasets: run with --list."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("dataset", nargs="?", help="Dataset name, e.g. undesa-stock")
        parser.add_argument("path", nargs="?", help="File or folder to load (default: the copy shipped in the repo)")
        parser.add_argument("--list", action="store_true", help="List the datasets that can be imported.")

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
                summary = dataset.loader(path, progress)
        except DomainError as exc:
            raise CommandError(f"{exc.message} (nothing was imported)") from exc
        self.stdout.write(self.style.SUCCESS(f"{dataset.name}: {summary}"))
