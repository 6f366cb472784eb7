"""`migdev bench_law_search [--sections N] [--rounds R] [--postgres URL | --no-postgres] [--json]`."""

import json
import os
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from migdev.law.search.bench import run

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/migdev_bench_law_search"


class Command(BaseCommand):
    help = (
        "Law search on SQLite FTS5 and PostgreSQL in the same run: index time, p50/p95 query latency per language, "
        "PostgreSQL/SQLite ratios, and whether both backends give the same hit counts (scratch databases)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--sections", type=int, default=20_000, help="Corpus size (default 20,000 sections).")
        parser.add_argument("--rounds", type=int, default=5, help="Times each query is timed (default 5).")
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--postgres",
            default=os.environ.get("MIGDEV_BENCH_POSTGRES_URL", DEFAULT_POSTGRES),
            help="PostgreSQL database for the run (created if missing; default %(default)s)",
        )
        parser.add_argument("--no-postgres", action="store_true", help="SQLite only.")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        url = None if options["no_postgres"] else options["postgres"]
        say = (lambda text: None) if options["json"] else self.stdout.write
        figures = run(options["sections"], options["rounds"], options["seed"], url, say)
        if options["json"]:
            self.stdout.write(json.dumps(figures))
            return
        self.stdout.write(
            f"{figures['sections']} sections ({figures['real_sections']} real articles; by language "
            f"{figures['languages']}), {figures['queries']} queries x {figures['rounds']} rounds; "
            f"load average {figures['load_average']}"
        )
        self.stdout.write("backend      index s   p50 ms   p95 ms   p95 uncapped   p95 eng / fra / spa / filtered")
        for name, f in figures["backends"].items():
            per = " / ".join(f"{v['p95_ms']:.1f}" for v in f["by_language"].values())
            self.stdout.write(
                f"{name:<12} {f['index_seconds']:7.2f} {f['p50_ms']:8.2f} {f['p95_ms']:8.2f} "
                f"{f['p95_uncapped_ms']:14.2f}   {per}"
            )
        if "ratio_postgresql_to_sqlite" in figures:
            ratio = figures["ratio_postgresql_to_sqlite"]
            self.stdout.write(
                f"PostgreSQL / SQLite: index {ratio['index']}x, p50 {ratio['p50']}x, p95 {ratio['p95']}x; "
                f"same hit counts: {'yes' if figures['same_hits'] else 'NO'} (capped, not compared: "
                f"{', '.join(figures['capped_queries']) or 'none'})"
            )
            for query, (sqlite, postgresql) in figures["different_hits"].items():
                self.stdout.write(f"  {query}: SQLite {sqlite}, PostgreSQL {postgresql}")
