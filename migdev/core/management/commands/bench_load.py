"""`migdev bench_load`: requests per second, p50/p95 latency and errors of the main pages and API reads, under the
production server and under the development server, at 16 and 64 concurrent connections (wrk)."""

import json
from argparse import ArgumentParser
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from migdev.core.loadbench import Load, run

PAGE_GOAL_MS = 150.0


class Command(BaseCommand):
    help = (
        "Load the home page, a country profile, the labour hub, the vacancy list and three API reads with wrk, on "
        "the production server and on the development server (the database must be set up with the demo data)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--connections", type=int, nargs="+", default=[16, 64])
        parser.add_argument("--seconds", type=int, default=5, help="Seconds of each load (default 5).")
        parser.add_argument("--workers", type=int, default=4, help="Production server processes (default 4).")
        parser.add_argument("--threads", type=int, default=4, help="Threads per process (default 4).")
        parser.add_argument("--production-only", action="store_true", help="Skip the development server.")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        servers = ("production",) if options["production_only"] else ("production", "development")
        try:
            results = run(
                tuple(options["connections"]), options["seconds"], options["workers"], options["threads"], servers
            )
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps([asdict(r) for r in results], indent=1))
            return
        self.print_table(results, options["connections"])

    def print_table(self, results: list[Load], concurrencies: list[int]) -> None:
        by_key = {(r.server, r.path, r.connections): r for r in results}
        servers = sorted({r.server for r in results}, key=["production", "development"].index)
        paths = list(dict.fromkeys(r.path for r in results))
        header = f"{'path':34} {'conns':>5} " + " ".join(
            f"{s[:4] + ' req/s':>10} {'p50':>7} {'p95':>7} {'err':>4}" for s in servers
        )
        self.stdout.write(header)
        for path in paths:
            for connections in concurrencies:
                cells = []
                for server in servers:
                    r = by_key[(server, path, connections)]
                    cells.append(f"{r.requests_per_s:10.1f} {r.p50_ms:7.1f} {r.p95_ms:7.1f} {r.errors:4d}")
                self.stdout.write(f"{path:34} {connections:5d} " + " ".join(cells))
        production = [r for r in results if r.server == "production" and not r.path.startswith("/api/")]
        at_16 = [r for r in production if r.connections == 16]
        if at_16:
            worst = max(at_16, key=lambda r: r.p95_ms)
            errors = sum(r.errors for r in production)
            verdict = "met" if worst.p95_ms <= PAGE_GOAL_MS and errors == 0 else "NOT met"
            self.stdout.write(
                f"Goal (pages, production server, 16 connections: p95 ≤ {PAGE_GOAL_MS:.0f} ms, 0 errors): {verdict}; "
                f"slowest p95 {worst.p95_ms:.1f} ms on {worst.path}; {errors} errors on pages."
            )
        if "development" in servers:
            for connections in concurrencies:
                ratio = [
                    by_key[("production", p, connections)].requests_per_s
                    / max(by_key[("development", p, connections)].requests_per_s, 0.1)
                    for p in paths
                ]
                self.stdout.write(
                    f"At {connections} connections the production server serves {min(ratio):.1f}–{max(ratio):.1f}× "
                    "the requests per second of the development server."
                )
