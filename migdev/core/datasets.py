"""The registry of importable datasets and demo loaders; each room registers its own in AppConfig.ready."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.db import transaction

from migdev.core.progress import ProgressReporter


class Loader(Protocol):
    """Loads the dataset at `path` atomically and returns a summary; refuses (ImportFileError) any bad file.

    A file holding far fewer rows than are stored is taken for a truncated copy and refused, unless
    `allow_shrink` (`migdev import --allow-shrink`) says the smaller set is meant to replace the stored one.
    """

    def __call__(self, path: Path, progress: ProgressReporter, /, *, allow_shrink: bool = False) -> str: ...


DemoLoader = Callable[[ProgressReporter], str]


@dataclass(frozen=True)
class Dataset:
    """A dataset `migdev import <name> <path>` can load; `shipped` is the copy in the repo setup loads."""

    name: str
    description: str
    loader: Loader
    shipped: Path | None = None
    setup_order: int | None = None


@dataclass(frozen=True)
class DemoStep:
    """A part of the demo dataset, loaded by `migdev setup` unless --no-demo."""

    name: str
    loader: DemoLoader
    order: int


DATASETS: dict[str, Dataset] = {}
DEMO_STEPS: dict[str, DemoStep] = {}


def register_dataset(dataset: Dataset) -> None:
    DATASETS[dataset.name] = dataset


def register_demo(step: DemoStep) -> None:
    DEMO_STEPS[step.name] = step


def setup_datasets() -> list[Dataset]:
    """The shipped datasets setup loads, in dependency order."""
    return sorted(
        (d for d in DATASETS.values() if d.setup_order is not None and d.shipped is not None),
        key=lambda d: d.setup_order or 0,
    )


def demo_steps() -> list[DemoStep]:
    return sorted(DEMO_STEPS.values(), key=lambda s: s.order)


def run_import(dataset: Dataset, path: Path, progress: ProgressReporter, *, allow_shrink: bool = False) -> str:
    """Load `dataset` from `path` in one transaction, whatever the loader does inside: an error, a crash or a SIGKILL
    at any point leaves the database as it was, and running the import again completes it."""
    from migdev.core.caching import bump  # here: this module is imported before the models are ready

    with transaction.atomic():
        summary = dataset.loader(path, progress, allow_shrink=allow_shrink)
        bump(dataset.name)
        return summary


def run_demo(step: DemoStep, progress: ProgressReporter) -> str:
    """Load one part of the demo in one transaction, for the same reason as `run_import`."""
    from migdev.core.caching import bump  # here: this module is imported before the models are ready

    with transaction.atomic():
        summary = step.loader(progress)
        bump(f"demo:{step.name}")
        return summary
