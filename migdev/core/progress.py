"""Progress reporting for long jobs: rich bars in a terminal, silent in tests and web jobs."""

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol


class ProgressTask(Protocol):
    def advance(self, amount: int = 1) -> None: ...


class ProgressReporter(Protocol):
    def task(self, description: str, total: int | None) -> AbstractContextManager[ProgressTask]: ...


class _SilentTask:
    def advance(self, amount: int = 1) -> None:
        pass


class SilentProgress:
    """Reports nothing: for tests, web requests and nested calls."""

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator[_SilentTask]:
        yield _SilentTask()


class _RichTask:
    def __init__(self, progress: "object", task_id: int) -> None:
        self._progress = progress
        self._task_id = task_id

    def advance(self, amount: int = 1) -> None:
        self._progress.advance(self._task_id, amount)  # type: ignore[attr-defined]


class RichProgress:
    """Rich progress bars on the terminal, one per task."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        )

    def __enter__(self) -> "RichProgress":
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator[_RichTask]:
        task_id = self._progress.add_task(description, total=total)
        try:
            yield _RichTask(self._progress, task_id)
        finally:
            if total is not None:
                self._progress.update(task_id, completed=total)
