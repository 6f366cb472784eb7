"""Executors run an engine's independent tasks: `local` (in this process) or `dask` (a distributed scheduler).

Both take `map(func, tasks, shared)` and return `[func(task, shared) for task in tasks]` in task order, so an
engine gives identical results on either; the shared input is sent to Dask workers once.
"""

from migdev.engines.executors.base import Executor, LocalExecutor, make_executor

__all__ = ["Executor", "LocalExecutor", "make_executor"]
