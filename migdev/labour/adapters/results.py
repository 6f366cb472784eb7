"""Matching engine results -> rows: scores of admitted pairs, rankings, explanations and season allocations."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from migdev.core.models import EscoSkill
from migdev.engines.executors import Executor, LocalExecutor
from migdev.engines.matching import (
    Caps,
    Exchange,
    MatchingError,
    MatchWeights,
    allocate,
    allocate_greedy,
    explain,
    score_pairs,
)
from migdev.engines.matching.shortlists import Candidates
from migdev.labour.adapters.inputs import (
    COMPONENT_LABELS,
    MatchingInputError,
    MatchSettings,
    RoomExchange,
)
from migdev.labour.models import (
    Vacancy,
    WorkerProfile,
)

# --- scoring and ranking -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ScoreTask:
    weights: MatchWeights
    workers: np.ndarray
    vacancies: np.ndarray


def _score_task(task: _ScoreTask, exchange: Exchange) -> np.ndarray:
    return score_pairs(exchange, task.weights, task.workers, task.vacancies)


def score_admitted(room: RoomExchange, settings: MatchSettings, executor: Executor | None = None) -> Candidates:
    """Score the admitted pairs (partitioned by the vacancy's ISCO-08 minor group); keep those at or above min_score.

    The same input gives the same candidates on any executor: partitions come back in order.
    """
    exchange = room.exchange
    group = exchange.occupations.isco_unit[exchange.vacancies.occupation[room.pair_vacancy]] // 10
    order = np.argsort(group, kind="stable")
    bounds = np.flatnonzero(np.diff(group[order])) + 1
    tasks = [
        _ScoreTask(settings.weights, room.pair_worker[part], room.pair_vacancy[part])
        for part in np.split(order, bounds)
    ]
    scores = np.empty(room.pairs, dtype=np.float64)
    if tasks:
        results = (executor or LocalExecutor()).map(_score_task, tasks, exchange)
        scores[order] = np.concatenate(results)
    keep = np.isfinite(scores) & (scores >= settings.min_score)
    return Candidates(room.pair_worker[keep], room.pair_vacancy[keep], np.maximum(scores[keep], 0.0).astype(np.float32))


def ranked(
    candidates: Candidates,
    room: RoomExchange,
    *,
    vacancy: int | None = None,
    worker: int | None = None,
    limit: int = 20,
) -> list[tuple[int, int, float]]:
    """(worker row, vacancy row, score) of one vacancy's or one worker's candidates, best first (ties by pk)."""
    mask = np.ones(len(candidates), dtype=bool)
    if vacancy is not None:
        mask &= candidates.vacancy == vacancy
    if worker is not None:
        mask &= candidates.worker == worker
    rows = [
        (int(w), int(v), float(s))
        for w, v, s in zip(candidates.worker[mask], candidates.vacancy[mask], candidates.score[mask], strict=True)
    ]
    rows.sort(key=lambda r: (-round(r[2], 6), room.workers[r[0]].pk, room.vacancies[r[1]].pk))
    return rows[:limit]


# --- rows out ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Contribution:
    component: str
    label: str
    value: float
    weight: float
    contribution: float


@dataclass(frozen=True)
class PairExplanation:
    """Why a worker and a vacancy match: the score, matched and missing essential skills (ESCO labels), components."""

    worker: WorkerProfile
    vacancy: Vacancy
    score: float
    matched_essential: list[str]
    missing_essential: list[str]
    contributions: list[Contribution]

    def as_json(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "matched_essential": self.matched_essential,
            "missing_essential": self.missing_essential,
            "contributions": [
                {
                    "component": c.component,
                    "label": str(c.label),
                    "value": round(c.value, 4),
                    "weight": c.weight,
                    "contribution": round(c.contribution, 4),
                }
                for c in self.contributions
            ],
        }


def explain_rows(
    room: RoomExchange, weights: MatchWeights, pairs: Sequence[tuple[int, int, float]]
) -> list[PairExplanation]:
    """Explanations of (worker row, vacancy row, score) pairs, with skill labels in the active language."""
    explained = [explain(room.exchange, weights, w, v) for w, v, _score in pairs]
    needed = {room.skill_ids[s] for e in explained for s in (*e.matched_essential, *e.missing_essential)}
    labels = dict(EscoSkill.objects.filter(pk__in=needed).values_list("pk", "preferred_label"))

    def names(indices: Iterable[int]) -> list[str]:
        return sorted(labels.get(room.skill_ids[i], "") for i in indices)

    return [
        PairExplanation(
            worker=room.workers[w],
            vacancy=room.vacancies[v],
            score=score,
            matched_essential=names(e.matched_essential),
            missing_essential=names(e.missing_essential),
            contributions=[
                Contribution(c.component, COMPONENT_LABELS[c.component], c.value, c.weight, c.contribution)
                for c in e.contributions
            ],
        )
        for (w, v, score), e in zip(pairs, explained, strict=True)
    ]


@dataclass(frozen=True)
class VacancyValue:
    """A vacancy's positions this season, how many the allocation fills, and what one more would add."""

    vacancy: Vacancy
    positions: int
    filled: int
    one_more_position_adds: float | None


@dataclass(frozen=True)
class SeasonAllocation:
    """The optimal allocation (explained), the greedy baseline, and each vacancy's value of one more position."""

    method: str
    assignments: list[PairExplanation]
    objective: float
    greedy_objective: float
    greedy_assigned: int
    vacancies: list[VacancyValue]
    unassigned_workers: int


def allocate_season(room: RoomExchange, candidates: Candidates, caps: Caps, weights: MatchWeights) -> SeasonAllocation:
    """Solve the allocation of the scored candidates under positions and caps; greedy beside it."""
    try:
        best = allocate(room.exchange, candidates, caps)
        greedy = allocate_greedy(room.exchange, candidates, caps)
    except MatchingError as error:
        raise MatchingInputError(
            str(error), field=getattr(error, "cap", None) or getattr(error, "field", None)
        ) from error
    pairs = [(int(w), int(v), float(s)) for w, v, s in zip(best.worker, best.vacancy, best.score, strict=True)]
    positions = room.exchange.vacancies.positions
    filled = np.bincount(best.vacancy, minlength=room.exchange.vacancies.count)
    duals = best.vacancy_dual
    return SeasonAllocation(
        method=best.method,
        assignments=explain_rows(room, weights, pairs),
        objective=best.objective,
        greedy_objective=greedy.objective,
        greedy_assigned=len(greedy),
        vacancies=[
            VacancyValue(
                vacancy=vacancy,
                positions=int(positions[row]),
                filled=int(filled[row]),
                one_more_position_adds=None if duals is None else round(float(duals[row]), 4),
            )
            for row, vacancy in enumerate(room.vacancies)
        ],
        unassigned_workers=len(best.unassigned_workers),
    )
