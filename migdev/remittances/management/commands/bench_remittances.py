"""`migdev bench_remittances [--quotes N] [--seed S] [--repeat R] [--no-baseline] [--json]`."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from migdev.remittances import bench


class Command(BaseCommand):
    help = "Benchmark the remittance cost indicators on quotes drawn from the shipped RPW file, against pandas."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--quotes", type=int, default=250_000, help="How many quotes to generate.")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--repeat", type=int, default=3, help="Runs of each; the median is reported.")
        parser.add_argument("--no-baseline", action="store_true", help="Skip the pandas baseline.")
        parser.add_argument("--json", action="store_true", help="Print the figures as one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["quotes"] < 1 or options["repeat"] < 1:
            raise CommandError("--quotes and --repeat must be at least 1")
        baseline = not options["no_baseline"]
        if baseline:
            try:
                import pandas  # noqa: F401
            except ImportError as exc:
                raise CommandError(
                    "the pandas baseline needs pandas (pip install -e '.[test]'), or --no-baseline"
                ) from exc
        figures = bench.run(options["quotes"], options["seed"], options["repeat"], baseline)
        if options["json"]:
            self.stdout.write(json.dumps(figures))
            return
        self.stdout.write(
            f"{figures['quotes']:,} quotes over {figures['quarters']} quarters: every indicator in "
            f"{figures['engine_seconds']:.3f} s (goal {figures['goal_seconds']:.0f} s)"
        )
        if baseline:
            self.stdout.write(
                f"pandas groupby: {figures['pandas_seconds']:.3f} s; engine {figures['ratio']}x faster; "
                f"results agree: {figures['agree']}"
            )
