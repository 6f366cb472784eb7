"""Shortlists: top-k vacancies per worker and top-k workers per vacancy, blocked by occupation group and destination.

Candidates come from sparse products (workers×skills CSR times skills×vacancies) inside each block, never from a
Python loop over pairs. A block is one ISCO-08 group (sub-major, minor or unit); inside it, vacancies are split by
destination and scored only against workers who accept that destination (a worker who states none accepts any).
A worker whose occupation is unknown joins every block.
"""

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from migdev.engines.executors import Executor, LocalExecutor
from migdev.engines.matching.errors import InvalidParameter
from migdev.engines.matching.model import Exchange, MatchWeights
from migdev.engines.matching.scoring import COMPONENT_ORDER, Explanation, components, explain, score_grid, score_pairs

BlockLevel = Literal["submajor", "minor", "unit"]
_DIVISOR = {"submajor": 100, "minor": 10, "unit": 1}


@dataclass(frozen=True)
class ShortlistParams:
    """How shortlists are built; validated once.

    >>> ShortlistParams(per_vacancy=20, per_worker=5).block_level
    'minor'
    """

    per_vacancy: int | None = 20
    per_worker: int | None = 5
    block_level: BlockLevel = "minor"
    by_destination: bool = True
    max_cells: int = 2_000_000

    def __post_init__(self) -> None:
        for name in ("per_vacancy", "per_worker"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                raise InvalidParameter(name, value, "must be a positive integer or None (keep every eligible pair)")
        if self.block_level not in _DIVISOR:
            raise InvalidParameter("block_level", self.block_level, f"must be one of {sorted(_DIVISOR)}")
        if not isinstance(self.max_cells, int) or self.max_cells < 1_000:
            raise InvalidParameter("max_cells", self.max_cells, "must be an integer >= 1000")


@dataclass(frozen=True)
class Block:
    """One unit of shortlist work: an occupation group's workers and vacancies (row indices)."""

    group: int
    workers: np.ndarray
    vacancies: np.ndarray

    @property
    def cells(self) -> int:
        return len(self.workers) * len(self.vacancies)


@dataclass(frozen=True, eq=False)
class Candidates:
    """Scored eligible pairs (worker, vacancy, score), sorted by vacancy then score descending then worker."""

    worker: np.ndarray
    vacancy: np.ndarray
    score: np.ndarray

    def __len__(self) -> int:
        return len(self.worker)


@dataclass(frozen=True, eq=False)
class Shortlists:
    """Top-k workers per vacancy and top-k vacancies per worker; `candidates` is their union (for allocation)."""

    by_vacancy: Candidates
    by_worker: Candidates
    candidates: Candidates
    vacancy_ptr: np.ndarray = field(repr=False)
    worker_ptr: np.ndarray = field(repr=False)

    def for_vacancy(self, vacancy: int) -> list[tuple[int, float]]:
        """The vacancy's shortlist as (worker, score), best first."""
        lo, hi = self.vacancy_ptr[vacancy], self.vacancy_ptr[vacancy + 1]
        return list(zip(self.by_vacancy.worker[lo:hi].tolist(), self.by_vacancy.score[lo:hi].tolist(), strict=True))

    def for_worker(self, worker: int) -> list[tuple[int, float]]:
        """The worker's shortlist as (vacancy, score), best first."""
        lo, hi = self.worker_ptr[worker], self.worker_ptr[worker + 1]
        return list(zip(self.by_worker.vacancy[lo:hi].tolist(), self.by_worker.score[lo:hi].tolist(), strict=True))


def plan_blocks(exchange: Exchange, params: ShortlistParams) -> list[Block]:
    """Split the exchange into occupation-group blocks, largest first (for load balance).

    >>> [b.group for b in plan_blocks(exchange, ShortlistParams())]  # doctest: +SKIP
    [721, 513]
    """
    divisor = _DIVISOR[params.block_level]
    isco = exchange.occupations.isco_unit
    v_group = isco[exchange.vacancies.occupation] // divisor
    w_occ = exchange.workers.occupation
    w_group = np.where(w_occ >= 0, isco[np.maximum(w_occ, 0)] // divisor, -1)
    unknown = np.flatnonzero(w_group < 0)
    w_order = np.argsort(w_group, kind="stable")
    w_sorted = w_group[w_order]
    v_order = np.argsort(v_group, kind="stable")
    v_sorted = v_group[v_order]
    blocks = []
    for group in np.unique(v_sorted):
        vs = v_order[np.searchsorted(v_sorted, group) : np.searchsorted(v_sorted, group, side="right")]
        ws = w_order[np.searchsorted(w_sorted, group) : np.searchsorted(w_sorted, group, side="right")]
        if len(unknown):
            ws = np.union1d(ws, unknown)
        blocks.append(Block(int(group), np.sort(ws).astype(np.int64), np.sort(vs).astype(np.int64)))
    blocks.sort(key=lambda b: (-b.cells, b.group))
    return blocks


def _keep_top(scores: np.ndarray, k: int | None, axis: int) -> np.ndarray:
    """Mask of entries at least as good as the k-th best along the axis (ties kept), eligible only."""
    finite = np.isfinite(scores)
    if k is None or scores.shape[axis] <= k:
        return finite
    kth = -np.partition(-scores, k - 1, axis=axis).take(k - 1, axis=axis)
    return finite & (scores >= np.expand_dims(kth, axis))


@dataclass(frozen=True)
class BlockTask:
    """A block and the parameters needed to score it on any executor."""

    block: Block
    weights: MatchWeights
    params: ShortlistParams


def score_block(task: BlockTask, exchange: Exchange) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Score one block's eligible pairs and keep each chunk's top-k per vacancy and per worker (with ties)."""
    block, params = task.block, task.params
    out_w: list[np.ndarray] = []
    out_v: list[np.ndarray] = []
    out_s: list[np.ndarray] = []
    if not len(block.workers) or not len(block.vacancies):
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty(0, dtype=np.float32)
    if params.by_destination:
        dests = exchange.vacancies.destination[block.vacancies]
        w_dest = exchange.workers.destinations[block.workers].tocsc()
        open_to_any = np.diff(exchange.workers.destinations.indptr)[block.workers] == 0
        groups = []
        for d in np.unique(dests):
            col = w_dest.indices[w_dest.indptr[d] : w_dest.indptr[d + 1]]
            accepting = np.zeros(len(block.workers), dtype=bool)
            accepting[col] = True
            groups.append((block.workers[accepting | open_to_any], block.vacancies[dests == d]))
    else:
        groups = [(block.workers, block.vacancies)]
    for workers, vacancies in groups:
        if not len(workers):
            continue
        rows = max(1, params.max_cells // len(vacancies))
        for lo in range(0, len(workers), rows):
            w_chunk = workers[lo : lo + rows]
            scores = score_grid(exchange, task.weights, w_chunk, vacancies)
            keep = _keep_top(scores, params.per_vacancy, axis=0) | _keep_top(scores, params.per_worker, axis=1)
            wi, vi = np.nonzero(keep)
            out_w.append(w_chunk[wi])
            out_v.append(vacancies[vi])
            out_s.append(scores[wi, vi])
    if not out_w:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, np.empty(0, dtype=np.float32)
    return np.concatenate(out_w), np.concatenate(out_v), np.concatenate(out_s)


def _top_per(key: np.ndarray, score: np.ndarray, k: int | None, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Order pairs by key then score descending (a stable sort keeps the input order among ties); keep k per key.

    Scores are non-negative float32, whose bit patterns sort like the numbers, so one int64 sort does it.
    """
    bits = np.ascontiguousarray(score, dtype=np.float32).view(np.uint32).astype(np.int64)
    order = np.argsort((key.astype(np.int64) << 32) | (0xFFFFFFFF - bits), kind="stable")
    sorted_key = key[order]
    starts = np.searchsorted(sorted_key, np.arange(n + 1))
    if k is not None:
        rank = np.arange(len(order)) - starts[sorted_key]
        order = order[rank < k]
        sorted_key = key[order]
        starts = np.searchsorted(sorted_key, np.arange(n + 1))
    return order, starts


def shortlists(
    exchange: Exchange,
    weights: MatchWeights | None = None,
    params: ShortlistParams | None = None,
    executor: Executor | None = None,
) -> Shortlists:
    """Top-k shortlists both ways; identical whichever executor runs the blocks.

    >>> lists = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=20))  # doctest: +SKIP
    >>> lists.for_vacancy(0)[:2]  # doctest: +SKIP
    [(412, 0.91), (7, 0.88)]
    """
    weights = weights or MatchWeights()
    params = params or ShortlistParams()
    executor = executor or LocalExecutor()
    tasks = [BlockTask(block, weights, params) for block in plan_blocks(exchange, params)]
    parts = executor.map(score_block, tasks, exchange)
    w = np.concatenate([p[0] for p in parts] + [np.empty(0, dtype=np.int64)])
    v = np.concatenate([p[1] for p in parts] + [np.empty(0, dtype=np.int64)])
    s = np.concatenate([p[2] for p in parts] + [np.empty(0, dtype=np.float32)]).astype(np.float32)
    # A named returning worker is always a candidate for their vacancy, whatever the blocks (if eligible).
    named = np.flatnonzero(exchange.vacancies.returning_worker >= 0)
    if len(named):
        rw = exchange.vacancies.returning_worker[named].astype(np.int64)
        rs = score_pairs(exchange, weights, rw, named)
        ok = ~np.isnan(rs)
        w, v, s = (
            np.concatenate([w, rw[ok]]),
            np.concatenate([v, named[ok]]),
            np.concatenate([s, rs[ok].astype(np.float32)]),
        )
    nv, nw = exchange.vacancies.count, exchange.workers.count
    # Sorted by worker then vacancy: the stable sorts below then break score ties by the other index.
    _, first = np.unique(w * nv + v, return_index=True)
    w, v, s = w[first], v[first], s[first]
    v_order, v_ptr = _top_per(v, s, params.per_vacancy, nv)
    w_order, w_ptr = _top_per(w, s, params.per_worker, nw)
    chosen = np.zeros(len(w), dtype=bool)
    chosen[v_order] = True
    chosen[w_order] = True
    union, _ = _top_per(v, s, None, nv)
    union = union[chosen[union]]
    return Shortlists(
        by_vacancy=Candidates(w[v_order], v[v_order], s[v_order]),
        by_worker=Candidates(w[w_order], v[w_order], s[w_order]),
        candidates=Candidates(w[union], v[union], s[union]),
        vacancy_ptr=v_ptr,
        worker_ptr=w_ptr,
    )


def explain_vacancy_shortlist(
    exchange: Exchange, weights: MatchWeights, lists: Shortlists, vacancy: int
) -> list[Explanation]:
    """Explanations (matched/missing essential skills, contributions) for a vacancy's shortlisted workers."""
    return [explain(exchange, weights, worker, vacancy) for worker, _ in lists.for_vacancy(vacancy)]


def explain_worker_shortlist(
    exchange: Exchange, weights: MatchWeights, lists: Shortlists, worker: int
) -> list[Explanation]:
    """Explanations for a worker's shortlisted vacancies."""
    return [explain(exchange, weights, worker, vacancy) for vacancy, _ in lists.for_worker(worker)]


def contribution_table(exchange: Exchange, weights: MatchWeights, pairs: Candidates) -> dict[str, np.ndarray]:
    """Every component's contribution for many pairs at once (vectorised), keyed by component name."""
    parts = components(exchange, weights, pairs.worker, pairs.vacancy)
    return {
        name: parts[name] * getattr(weights, name if name != "returning" else "returning_bonus")
        for name in COMPONENT_ORDER
    }
