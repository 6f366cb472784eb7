"""The registry of benchmarks behind `migdev bench`; each reports a ratio against a baseline run alongside."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Benchmark:
    """A benchmark: `run()` returns figures, including `ratio` = baseline seconds / measured seconds."""

    name: str
    description: str
    run: Callable[[], dict[str, Any]]
    order: int = 100


@dataclass
class Stopwatch:
    """Wall-clock timing of repeated runs; the median resists a noisy neighbour."""

    samples: list[float] = field(default_factory=list)

    def time(self, func: Callable[[], object], repeat: int = 1) -> float:
        for _ in range(repeat):
            start = time.perf_counter()
            func()
            self.samples.append(time.perf_counter() - start)
        return self.median

    @property
    def median(self) -> float:
        ordered = sorted(self.samples)
        return ordered[len(ordered) // 2]


BENCHMARKS: dict[str, Benchmark] = {}


def register_benchmark(benchmark: Benchmark) -> None:
    BENCHMARKS[benchmark.name] = benchmark


def all_benchmarks() -> list[Benchmark]:
    return sorted(BENCHMARKS.values(), key=lambda b: (b.order, b.name))
