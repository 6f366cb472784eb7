"""`migdev bench_corridors [--sample N] [--seed S] [--repeat R] [--language L] [--profile PAIR] [--json]`."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from migdev.core.errors import DomainError
from migdev.corridors import bench


class Command(BaseCommand):
    help = (
        "Time the corridor page (warm, after one cold request) for the issue's corridors, a pair without data and "
        "seeded random pairs with a stock, against the country profile page, with queries per page; and the "
        "ranking's cold compute against the naive per-pair way. Reads the site database (run `migdev setup` first)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--sample", type=int, default=20, help="Random pairs with a stock (default 20).")
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--repeat", type=int, default=5, help="Warm reads of each page (default 5).")
        parser.add_argument("--language", default="en", choices=["en", "fr", "es"])
        parser.add_argument(
            "--profile", metavar="PAIR", help="Print a cProfile of warm reads of one corridor, e.g. PHL-CAN."
        )
        parser.add_argument("--json", action="store_true", help="Print the figures as one JSON object.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["sample"] < 0 or options["repeat"] < 1:
            raise CommandError("--sample must be at least 0 and --repeat at least 1")
        if options["profile"]:
            self.stdout.write(bench.profile(f"/{options['language']}/corridors/{options['profile']}/"))
            return
        try:
            figures = bench.run(options["sample"], options["seed"], options["repeat"], options["language"])
        except DomainError as error:
            raise CommandError(f"{error.message} (load the demo data with `migdev setup`)") from error
        if options["json"]:
            self.stdout.write(json.dumps(figures))
            return
        f = figures
        self.stdout.write(
            f"{f['pairs']} corridors x {f['repeat']} warm reads on {f['database']} (SQLite statistics: "
            f"{f['sqlite_analyzed']}); load average {f['load_average']}"
        )
        self.stdout.write(
            f"corridor page: p50 {f['p50_ms']:.1f} ms, p95 {f['p95_ms']:.1f} ms, max {f['max_ms']:.1f} ms "
            f"(goal p95 <= {f['goal_p95_ms']:.0f} ms: {'met' if f['meets_goal'] else 'NOT met'}); first (cold) "
            f"reads p50 {f['cold_p50_ms']:.1f} ms, p95 {f['cold_p95_ms']:.1f} ms; queries per page "
            f"{f['queries_min']}-{f['queries_max']}"
        )
        self.stdout.write(
            f"baseline, country profile ({f['baseline_pages']} pages): p50 {f['baseline_p50_ms']:.1f} ms, p95 "
            f"{f['baseline_p95_ms']:.1f} ms, queries <= {f['baseline_queries_max']}; ratio (baseline p95 / corridor "
            f"p95) {f['ratio']}"
        )
        blocks = ", ".join(f"{name} {b['p95_ms']:.1f}" for name, b in f["blocks_uncached_ms"].items())
        self.stdout.write(f"blocks uncached, p95 ms: {blocks} (slowest: {f['slowest_block']})")
        self.stdout.write(
            f"ranking of {f['ranking_pairs']:,} pairs: cold {f['ranking_cold_s']:.3f} s (goal <= "
            f"{f['ranking_goal_s']:.0f} s), cached {f['ranking_cached_s']:.4f} s; naive per pair "
            f"{f['ranking_naive_per_pair_ms']:.1f} ms, about {f['ranking_naive_estimate_s']:.0f} s for every pair; "
            f"ratio {f['ranking_ratio']}x"
        )
