"""Scoring and hard eligibility of worker–vacancy pairs, vectorised over a grid or a list of pairs."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from migdev.engines.matching.errors import InvalidInput
from migdev.engines.matching.model import Exchange, MatchWeights

Components = dict[str, np.ndarray]
COMPONENT_ORDER = (
    "essential",
    "optional",
    "occupation",
    "language",
    "experience",
    "education",
    "preference",
    "returning",
)


def _coverage(worker_skills: sp.csr_matrix, vacancy_skills: sp.csr_matrix, idf: np.ndarray) -> np.ndarray:
    """IDF-weighted share of each pair's vacancy skills the worker has (1 where the vacancy lists none)."""
    weighted = vacancy_skills.multiply(idf[None, :]).tocsr()
    total = np.asarray(weighted.sum(axis=1)).ravel()
    matched = np.asarray(worker_skills.multiply(weighted).sum(axis=1)).ravel()
    return np.where(total > 0, matched / np.where(total > 0, total, 1.0), 1.0)


def _coverage_grid(
    worker_skills: sp.csr_matrix, essential: sp.csr_matrix, optional: sp.csr_matrix, idf: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Both coverages for a grid in one dense product over the few skill columns these vacancies use."""
    n_v = essential.shape[0]
    both = sp.vstack([essential, optional]).tocsr()
    columns = np.unique(both.indices)
    lookup = np.full(idf.shape[0], -1, dtype=np.int64)
    lookup[columns] = np.arange(len(columns))
    # Vacancy side: 2·n_v × columns, IDF-weighted, transposed to columns × 2·n_v (dense, small).
    weighted = np.zeros((len(columns), both.shape[0]), dtype=np.float32)
    rows = np.repeat(np.arange(both.shape[0]), np.diff(both.indptr))
    weighted[lookup[both.indices], rows] = idf[both.indices]
    # Worker side: keep only the columns the vacancies use, as CSR (no dense worker × skill matrix).
    local = lookup[worker_skills.indices]
    keep = local >= 0
    owner = np.repeat(np.arange(worker_skills.shape[0]), np.diff(worker_skills.indptr))
    kept_per_row = np.bincount(owner[keep], minlength=worker_skills.shape[0])
    indptr = np.concatenate([[0], np.cumsum(kept_per_row)])
    narrowed = sp.csr_matrix(
        (np.ones(int(keep.sum()), dtype=np.float32), local[keep], indptr), shape=(worker_skills.shape[0], len(columns))
    )
    matched = narrowed @ weighted
    total = weighted.sum(axis=0)[None, :]
    coverage = np.where(total > 0, matched / np.where(total > 0, total, 1.0), 1.0)
    return coverage[:, :n_v], coverage[:, n_v:]


def _sides(w_idx: np.ndarray, v_idx: np.ndarray, grid: bool) -> tuple[Callable, Callable]:
    if grid:
        return (lambda a: np.asarray(a)[w_idx][:, None]), (lambda a: np.asarray(a)[v_idx][None, :])
    return (lambda a: np.asarray(a)[w_idx]), (lambda a: np.asarray(a)[v_idx])


def _required_languages(exchange: Exchange, v_idx: np.ndarray) -> np.ndarray:
    """The languages that at least one of these vacancies requires (the others cannot change a score)."""
    return np.flatnonzero(np.asarray(exchange.vacancies.min_language)[v_idx].max(axis=0, initial=0) > 0)


def _occupation_table(exchange: Exchange, weights: MatchWeights, w_occ: np.ndarray, v_occ: np.ndarray) -> np.ndarray:
    """Occupation similarity of every (worker occupation, vacancy occupation) pair given (-1 = unknown: 0)."""
    occ = exchange.occupations
    known = w_occ >= 0
    wo = np.where(known, w_occ, 0)
    wu, vu = occ.isco_unit[wo][:, None], occ.isco_unit[v_occ][None, :]
    credit = np.where(
        wu == vu,
        weights.same_unit,
        np.where(
            wu // 10 == vu // 10, weights.same_minor, np.where(wu // 100 == vu // 100, weights.same_submajor, 0.0)
        ),
    )
    table = np.maximum(credit, occ.similarity[np.ix_(wo, v_occ)])
    table = np.where(wo[:, None] == v_occ[None, :], 1.0, table)
    return np.where(known[:, None], table, 0.0)


def eligibility(exchange: Exchange, w_idx: np.ndarray, v_idx: np.ndarray, grid: bool = False) -> np.ndarray:
    """Hard eligibility: scheme admits the origin, availability covers the start, languages met, vacancy compliant.

    >>> eligibility(exchange, np.array([0]), np.array([0]))  # doctest: +SKIP
    array([ True])
    """
    w, v = exchange.workers, exchange.vacancies
    ws, vs = _sides(w_idx, v_idx, grid)
    start = vs(v.start)
    ok = exchange.scheme_admits_origin[vs(v.scheme), ws(w.origin)]
    ok = ok & (ws(w.available_from) <= start) & (start <= ws(w.available_until)) & vs(v.compliant).astype(bool)
    for lang in _required_languages(exchange, v_idx):
        ok = ok & (ws(w.languages[:, lang]) >= vs(v.min_language[:, lang]))
    return np.asarray(ok, dtype=bool)


def components(
    exchange: Exchange, weights: MatchWeights, w_idx: np.ndarray, v_idx: np.ndarray, grid: bool = False
) -> Components:
    """Each score component in [0, 1] (plus the 0/1 `returning` flag) for pairs or for the grid w_idx × v_idx.

    >>> components(exchange, MatchWeights(), np.array([0]), np.array([0]))["essential"]  # doctest: +SKIP
    array([0.75])
    """
    w, v = exchange.workers, exchange.vacancies
    ws, vs = _sides(w_idx, v_idx, grid)
    worker_skills = w.skills[w_idx]
    if grid:
        essential, optional = _coverage_grid(worker_skills, v.essential[v_idx], v.optional[v_idx], exchange.idf)
        result: Components = {"essential": essential, "optional": optional}
    else:
        result = {
            "essential": _coverage(worker_skills, v.essential[v_idx], exchange.idf),
            "optional": _coverage(worker_skills, v.optional[v_idx], exchange.idf),
        }
    w_occ, w_inv = np.unique(w.occupation[w_idx], return_inverse=True)
    v_occ, v_inv = np.unique(v.occupation[v_idx], return_inverse=True)
    table = _occupation_table(exchange, weights, w_occ, v_occ)
    result["occupation"] = table[w_inv[:, None], v_inv[None, :]] if grid else table[w_inv, v_inv]

    fit_sum: np.ndarray | float = 0.0
    required: np.ndarray | int = 0
    for lang in _required_languages(exchange, v_idx):
        need = vs(v.min_language[:, lang]).astype(np.float32)
        have = ws(w.languages[:, lang]).astype(np.float32)
        fit_sum = fit_sum + np.where(need > 0, np.minimum(1.0, (have - need + 2) / 3.0), 0.0)
        required = required + (need > 0)
    result["language"] = np.where(np.asarray(required) > 0, fit_sum / np.maximum(required, 1), 1.0)

    need_exp = vs(v.min_experience_years)
    result["experience"] = np.where(
        need_exp > 0, np.minimum(1.0, ws(w.experience_years) / np.maximum(need_exp, 1e-9)), 1.0
    )
    gap = vs(v.min_education).astype(np.int16) - ws(w.education).astype(np.int16)
    result["education"] = np.clip(1.0 - 0.25 * gap, 0.0, 1.0)

    stated = np.diff(w.destinations.indptr)[w_idx] > 0
    if grid:
        dest = np.asarray(w.destinations[w_idx].todense(), dtype=bool)[:, v.destination[v_idx]]
        stated = stated[:, None]
    else:
        dest = np.asarray(w.destinations[w_idx, v.destination[v_idx]], dtype=bool).ravel()
    dest_fit = np.where(stated, dest.astype(float), 0.5)
    pref = ws(w.preferred_scheme)
    scheme_fit = np.where(pref < 0, 0.5, (pref == vs(v.scheme)).astype(float))
    result["preference"] = 0.5 * (dest_fit + scheme_fit)
    rows = w_idx[:, None] if grid else w_idx
    result["returning"] = (vs(v.returning_worker) == rows).astype(float)
    shape = (len(w_idx), len(v_idx)) if grid else (len(w_idx),)
    return {name: np.broadcast_to(value, shape) for name, value in result.items()}


def total_score(parts: Components, weights: MatchWeights) -> np.ndarray:
    """The weighted sum of components plus the returning-worker bonus."""
    score = weights.returning_bonus * parts["returning"]
    for name in weights.components:
        score = score + getattr(weights, name) * parts[name]
    return np.asarray(score)


def score_pairs(exchange: Exchange, weights: MatchWeights, w_idx: np.ndarray, v_idx: np.ndarray) -> np.ndarray:
    """Score of each listed pair; NaN where the pair is ineligible (ineligible pairs are never scored).

    >>> score_pairs(exchange, MatchWeights(), np.array([0, 1]), np.array([0, 0]))  # doctest: +SKIP
    array([0.83, nan])
    """
    w_idx, v_idx = np.asarray(w_idx, dtype=np.int64), np.asarray(v_idx, dtype=np.int64)
    if w_idx.shape != v_idx.shape:
        raise InvalidInput("pairs", "worker and vacancy index arrays differ in length")
    _check_rows(exchange, w_idx, v_idx)
    scores = np.full(len(w_idx), np.nan)
    ok = eligibility(exchange, w_idx, v_idx)
    if ok.any():
        scores[ok] = total_score(components(exchange, weights, w_idx[ok], v_idx[ok]), weights)
    return scores


def score_grid(exchange: Exchange, weights: MatchWeights, w_idx: np.ndarray, v_idx: np.ndarray) -> np.ndarray:
    """Scores of the grid w_idx × v_idx as float32; -inf where the pair is ineligible.

    >>> score_grid(exchange, MatchWeights(), np.arange(3), np.arange(2)).shape  # doctest: +SKIP
    (3, 2)
    """
    ok = eligibility(exchange, w_idx, v_idx, grid=True)
    scores = total_score(components(exchange, weights, w_idx, v_idx, grid=True), weights).astype(np.float32)
    scores[~ok] = -np.inf
    return scores


def _check_rows(exchange: Exchange, w_idx: np.ndarray, v_idx: np.ndarray) -> None:
    for field, idx, n in (("worker", w_idx, exchange.workers.count), ("vacancy", v_idx, exchange.vacancies.count)):
        if len(idx) and (idx.min() < 0 or idx.max() >= n):
            bad = int(np.flatnonzero((idx < 0) | (idx >= n))[0])
            raise InvalidInput(field, f"row {int(idx[bad])} is not in 0..{n - 1}", bad)


@dataclass(frozen=True)
class Contribution:
    """One component's value in [0, 1], its weight and its contribution (value × weight) to the score."""

    component: str
    value: float
    weight: float
    contribution: float


@dataclass(frozen=True)
class Explanation:
    """Why a pair scored what it did: matched and missing essential skills, and each component's contribution."""

    worker: int
    vacancy: int
    score: float
    eligible: bool
    matched_essential: tuple[int, ...]
    missing_essential: tuple[int, ...]
    contributions: tuple[Contribution, ...]


def explain(exchange: Exchange, weights: MatchWeights, worker: int, vacancy: int) -> Explanation:
    """Explain one pair's score component by component.

    >>> explain(exchange, MatchWeights(), 0, 0).missing_essential  # doctest: +SKIP
    (12,)
    """
    w_idx, v_idx = np.array([worker]), np.array([vacancy])
    _check_rows(exchange, w_idx, v_idx)
    ok = bool(eligibility(exchange, w_idx, v_idx)[0])
    parts = components(exchange, weights, w_idx, v_idx)
    have = set(exchange.workers.skills[worker].indices.tolist())
    essential = sorted(exchange.vacancies.essential[vacancy].indices.tolist())
    contributions = [
        Contribution(
            name, float(parts[name][0]), getattr(weights, name), float(parts[name][0]) * getattr(weights, name)
        )
        for name in weights.components
    ]
    bonus = float(parts["returning"][0])
    contributions.append(Contribution("returning", bonus, weights.returning_bonus, bonus * weights.returning_bonus))
    return Explanation(
        worker=int(worker),
        vacancy=int(vacancy),
        score=sum(c.contribution for c in contributions) if ok else float("nan"),
        eligible=ok,
        matched_essential=tuple(s for s in essential if s in have),
        missing_essential=tuple(s for s in essential if s not in have),
        contributions=tuple(contributions),
    )
