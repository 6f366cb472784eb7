"""The executor interface and the local executor."""

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")


class Executor(Protocol):
    """Runs func(task, shared) for every task and returns the results in task order."""

    name: str

    def map(self, func: Callable[[T, S], R], tasks: Sequence[T], shared: S) -> list[R]: ...


class LocalExecutor:
    """Runs every task in this process: one after another, or on a few threads (numpy releases the GIL).

    >>> LocalExecutor(threads=2).map(lambda task, shared: task + shared, [1, 2], 10)
    [11, 12]
    """

    name = "local"

    def __init__(self, threads: int = 1) -> None:
        if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
            from migdev.engines.matching.errors import InvalidParameter

            raise InvalidParameter("threads", threads, "must be a positive integer")
        self.threads = threads

    def map(self, func: Callable[[T, S], R], tasks: Sequence[T], shared: S) -> list[R]:
        if self.threads == 1 or len(tasks) < 2:
            return [func(task, shared) for task in tasks]
        with ThreadPoolExecutor(max_workers=self.threads) as pool:
            return list(pool.map(lambda task: func(task, shared), tasks))


def make_executor(kind: str = "local", scheduler: str | None = None, **cluster: Any) -> Executor:
    """Choose the executor when the job runs: `local`, or `dask` on a scheduler address or a new LocalCluster.

    >>> make_executor("local").name
    'local'
    """
    if kind == "local":
        return LocalExecutor(threads=int(cluster.get("threads", 1)))
    if kind == "dask":
        from migdev.engines.executors.dask import DaskExecutor

        return DaskExecutor(scheduler=scheduler, **cluster)
    from migdev.engines.matching.errors import InvalidParameter

    raise InvalidParameter("executor", kind, "must be 'local' or 'dask'")
