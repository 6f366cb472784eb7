"""`migdev bench_suggestions [--seed S] [--sample N] [--no-embeddings] [--latency] [--json]`: the free-text box's
thresholds, or how long the largest text it accepts takes."""

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from migdev.core.errors import DomainError
from migdev.core.suggestion_bench import run_suggestion_calibration, run_suggestion_latency


class Command(BaseCommand):
    help = (
        "Calibrate the free-text suggestions: per score threshold, the share of held-out ESCO alternative labels "
        "shown, how often their best skill is right, and how many ordinary CV sentences would be shown too."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--sample", type=int, default=1_500, help="Held-out labels to query (default 1,500).")
        parser.add_argument("--no-embeddings", action="store_true", help="Character n-grams only.")
        parser.add_argument(
            "--latency", action="store_true", help="Time the largest text the box accepts against a one-line text."
        )
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["latency"]:
            latency = run_suggestion_latency()
            if options["json"]:
                self.stdout.write(json.dumps(latency))
            else:
                self.stdout.write(
                    f"Slowest largest accepted text ({latency['largest_text']}: {latency['largest_chars']} characters, "
                    f"{latency['largest_phrases']} phrases; limits {latency['max_chars']} characters, "
                    f"{latency['max_phrases']} lines): {latency['largest_s']:.3f} s "
                    f"(goal ≤ {latency['goal_s']:.0f} s); "
                    f"one line: {latency['one_line_s']:.3f} s; ratio {latency['ratio']:.3f}"
                )
            return
        try:
            figures = run_suggestion_calibration(options["seed"], options["sample"], not options["no_embeddings"])
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        if options["json"]:
            self.stdout.write(json.dumps(figures))
            return
        self.stdout.write(f"{figures['queries']} held-out labels, {figures['negatives']} negative sentences")
        for mode in figures["modes"]:
            self.stdout.write(
                f"\n{mode['mode']}: R@1 {mode['r_at_1']:.3f}; product shows from {mode['show']}, ticks from "
                f"{mode['likely']}\nthreshold  coverage  precision  negatives shown"
            )
            for row in mode["thresholds"]:
                precision = "-" if row["precision"] is None else f"{row['precision']:.3f}"
                self.stdout.write(
                    f"{row['threshold']:9.2f}  {row['coverage']:8.3f}  {precision:>9}  {row['negatives_shown']:>15}"
                )
        if "fused" in figures:
            self.stdout.write(f"\nfused: {figures['fused']}")
