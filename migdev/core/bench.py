"""Benchmarks of the reference data: the shipped loads, and bulk inserts against row-by-row saves."""

import time
from typing import Any

from django.db import transaction

from migdev.core.benchmarks import Benchmark, Stopwatch, register_benchmark
from migdev.core.datasets import run_import, setup_datasets
from migdev.core.models import EscoOccupation, EscoOccupationSkill, EscoSkill
from migdev.core.progress import SilentProgress

SAMPLE = 5_000


class _Rollback(Exception):
    """Raised to undo a benchmark's writes."""


def load_shipped_datasets() -> dict[str, Any]:
    """Load every shipped dataset into the (empty) database; then time bulk against row-by-row inserts."""
    figures: dict[str, Any] = {}
    for dataset in setup_datasets():
        assert dataset.shipped is not None
        start = time.perf_counter()
        run_import(dataset, dataset.shipped, SilentProgress())
        figures[f"{dataset.name}_s"] = round(time.perf_counter() - start, 2)
    figures["all_datasets_s"] = round(sum(v for k, v in figures.items() if k.endswith("_s")), 2)

    # The same SAMPLE occupation-skill relations inserted twice, each time rolled back.
    sample = list(
        EscoOccupationSkill.objects.order_by("pk").values_list("pk", "occupation_id", "skill_id", "relation")[:SAMPLE]
    )
    sample_pks = [pk for pk, *_ in sample]
    occupations = EscoOccupation.objects.count()
    assert occupations and EscoSkill.objects.count(), "ESCO must be loaded"

    def insert(bulk: bool) -> None:
        try:
            with transaction.atomic():
                EscoOccupationSkill.objects.filter(pk__in=sample_pks).delete()
                rows = [EscoOccupationSkill(occupation_id=o, skill_id=s, relation=r) for _, o, s, r in sample]
                if bulk:
                    EscoOccupationSkill.objects.bulk_create(rows, batch_size=2_000)
                else:
                    for row in rows:
                        row.save()
                raise _Rollback
        except _Rollback:
            pass

    bulk_seconds = Stopwatch().time(lambda: insert(bulk=True), repeat=3)
    row_seconds = Stopwatch().time(lambda: insert(bulk=False), repeat=1)
    return {
        "seconds": bulk_seconds,
        "baseline_seconds": row_seconds,
        "ratio": round(row_seconds / bulk_seconds, 1),
        "rows": len(sample),
        **figures,
    }


register_benchmark(
    Benchmark(
        "reference-data",
        f"load every shipped dataset; bulk insert of {SAMPLE:,} ESCO relations vs row-by-row save()",
        load_shipped_datasets,
        order=10,
    )
)
