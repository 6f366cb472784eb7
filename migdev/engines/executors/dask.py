"""The Dask executor: tasks run on a dask.distributed cluster (a scheduler address or a LocalCluster)."""

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
S = TypeVar("S")
R = TypeVar("R")


class DaskExecutor:
    """Runs tasks on Dask; the shared input is scattered to every worker once.

    >>> with DaskExecutor(processes=False, n_workers=1) as ex:  # doctest: +SKIP
    ...     ex.map(lambda task, shared: task + shared, [1, 2], 10)
    [11, 12]
    """

    name = "dask"

    def __init__(self, scheduler: str | None = None, client: Any = None, **cluster: Any) -> None:
        from distributed import Client, LocalCluster

        self._cluster = None
        if client is not None:
            self.client = client
        elif scheduler:
            self.client = Client(scheduler)
        else:
            cluster.setdefault("processes", False)
            cluster.setdefault("dashboard_address", None)
            self._cluster = LocalCluster(**cluster)
            self.client = Client(self._cluster)
        self._owns_client = client is None

    def map(self, func: Callable[[T, S], R], tasks: Sequence[T], shared: S) -> list[R]:
        if not tasks:
            return []
        shared_future = self.client.scatter(shared, broadcast=True, hash=False)
        futures = self.client.map(func, list(tasks), [shared_future] * len(tasks), pure=False)
        results: list[R] = self.client.gather(futures)
        return results

    def close(self) -> None:
        """Close the client and any LocalCluster this executor started."""
        if self._owns_client:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def __enter__(self) -> "DaskExecutor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
