"""Conformance: the local and Dask executors give identical shortlists and allocation."""

import numpy as np
import pytest

from migdev.engines.executors import LocalExecutor, make_executor
from migdev.engines.matching import InvalidParameter, MatchWeights, ShortlistParams, allocate, shortlists

from .factories import random_exchange


def test_local_and_dask_executors_give_identical_shortlists_and_allocation() -> None:
    exchange = random_exchange(21, n_workers=600, n_vacancies=80)
    params = ShortlistParams(per_vacancy=5, per_worker=3, max_cells=2000)
    local = shortlists(exchange, MatchWeights(), params, LocalExecutor())
    dask = make_executor("dask", n_workers=1, threads_per_worker=2)
    try:
        remote = shortlists(exchange, MatchWeights(), params, dask)
    finally:
        dask.close()  # type: ignore[attr-defined]
    for name in ("by_vacancy", "by_worker", "candidates"):
        mine, theirs = getattr(local, name), getattr(remote, name)
        assert np.array_equal(mine.worker, theirs.worker)
        assert np.array_equal(mine.vacancy, theirs.vacancy)
        assert np.array_equal(mine.score, theirs.score)
    a, b = allocate(exchange, local.candidates), allocate(exchange, remote.candidates)
    assert np.array_equal(a.worker, b.worker) and np.array_equal(a.vacancy, b.vacancy)
    assert a.objective == b.objective


def test_unknown_executor_is_a_typed_error() -> None:
    with pytest.raises(InvalidParameter, match="executor"):
        make_executor("spark")


def test_threaded_local_executor_gives_the_same_shortlists() -> None:
    exchange = random_exchange(22, n_workers=500, n_vacancies=60)
    params = ShortlistParams(per_vacancy=4, per_worker=2, max_cells=1500)
    one = shortlists(exchange, MatchWeights(), params, LocalExecutor())
    two = shortlists(exchange, MatchWeights(), params, LocalExecutor(threads=2))
    assert np.array_equal(one.candidates.worker, two.candidates.worker)
    assert np.array_equal(one.candidates.vacancy, two.candidates.vacancy)
    assert np.array_equal(one.candidates.score, two.candidates.score)
