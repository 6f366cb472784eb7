"""`migdev bench [names...] [--json]`: run the benchmarks on a fresh database and print ratios to baselines."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.table import Table

from migdev.core.benchmarks import BENCHMARKS, all_benchmarks


class Command(BaseCommand):
    help = "Run the benchmarks (use an empty database: `make bench` makes a temporary one)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("names", nargs="*", help="Benchmarks to run (default: all)")
        parser.add_argument("--json", action="store_true", help="Print the results as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        unknown = [name for name in options["names"] if name not in BENCHMARKS]
        if unknown:
            raise CommandError(f"Unknown benchmark(s) {', '.join(unknown)}; known: {', '.join(sorted(BENCHMARKS))}")
        call_command("migrate", interactive=False, verbosity=0)
        chosen = [b for b in all_benchmarks() if not options["names"] or b.name in options["names"]]
        results = {}
        for benchmark in chosen:
            self.stderr.write(f"running {benchmark.name}: {benchmark.description}")
            results[benchmark.name] = benchmark.run()
        if options["json"]:
            self.stdout.write(json.dumps(results, indent=2))
            return
        table = Table(title="MigDev benchmarks (ratio = baseline time / measured time; higher is better)")
        for column in ("benchmark", "measured", "baseline", "ratio", "details"):
            table.add_column(column)
        for name, figures in results.items():
            details = {k: v for k, v in figures.items() if k not in {"seconds", "baseline_seconds", "ratio"}}
            table.add_row(
                name,
                f"{figures['seconds']:.4f} s",
                f"{figures['baseline_seconds']:.4f} s",
                f"{figures['ratio']:.3g}x",
                ", ".join(f"{k}={v}" for k, v in details.items()),
            )
        Console().print(table)
