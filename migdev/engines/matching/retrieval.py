"""Retrieving occupations from a skill profile, and the metrics of the quality benchmark."""

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from migdev.engines.matching.errors import InvalidInput


def _binary(matrix: sp.spmatrix) -> sp.csr_matrix:
    binary = sp.csr_matrix(matrix, dtype=np.float64, copy=True)
    binary.data[:] = 1.0
    return binary


def _l2_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def idf_cosine_scores(queries: sp.spmatrix, profiles: sp.spmatrix, idf: np.ndarray) -> np.ndarray:
    """Baseline: cosine of IDF-weighted binary skill vectors, queries × occupations.

    >>> idf_cosine_scores(sp.csr_matrix([[1, 0]]), sp.csr_matrix([[1, 0], [1, 1]]), np.ones(2)).round(3).tolist()
    [[1.0, 0.707]]
    """
    q = _l2_rows(sp.csr_matrix(_binary(queries).multiply(idf[None, :])))
    p = _l2_rows(sp.csr_matrix(_binary(profiles).multiply(idf[None, :])))
    return np.asarray((q @ p.T).todense())


def profile_match_scores(queries: sp.spmatrix, essential: sp.spmatrix, idf: np.ndarray) -> np.ndarray:
    """The engine's ranker: IDF-weighted essential coverage (recall) times the share of the worker's skills the
    occupation lists as essential (precision), so an occupation is not preferred merely for having few skills.

    >>> ess = sp.csr_matrix([[1, 1, 0], [1, 0, 0]])
    >>> profile_match_scores(sp.csr_matrix([[1, 1, 0]]), ess, np.ones(3)).round(2).tolist()
    [[1.0, 0.5]]
    """
    q = _binary(queries)
    e = sp.csr_matrix(_binary(essential).multiply(idf[None, :]))
    if q.shape[1] != e.shape[1]:
        raise InvalidInput("queries", "queries and essential profiles must share the skill columns")
    e_total = np.asarray(e.sum(axis=1)).ravel()[None, :]
    q_total = np.asarray(q.multiply(idf[None, :]).sum(axis=1)).ravel()[:, None]
    matched = np.asarray((q @ e.T).todense())
    recall = matched / np.where(e_total > 0, e_total, 1.0)
    precision = matched / np.where(q_total > 0, q_total, 1.0)
    return recall * precision


@dataclass(frozen=True)
class RetrievalMetrics:
    """Recall at 1 and 10, mean reciprocal rank, and the share whose top hit is in the right ISCO-08 unit group."""

    recall_at_1: float
    recall_at_10: float
    mrr: float
    isco4_at_1: float


def retrieval_metrics(scores: np.ndarray, truth: np.ndarray, isco_unit: np.ndarray) -> RetrievalMetrics:
    """Metrics of ranking occupations by score (ties count against: rank = 1 + number scoring strictly higher,
    plus the ties ahead by index).

    >>> retrieval_metrics(np.array([[0.9, 0.1], [0.2, 0.3]]), np.array([0, 0]), np.array([1, 2])).mrr
    0.75
    """
    rows = np.arange(len(truth))
    own = scores[rows, truth][:, None]
    ahead = (scores > own).sum(axis=1) + ((scores == own) & (np.arange(scores.shape[1])[None, :] < truth[:, None])).sum(
        axis=1
    )
    rank = ahead + 1
    top = np.argmax(scores, axis=1)
    return RetrievalMetrics(
        recall_at_1=float(np.mean(rank == 1)),
        recall_at_10=float(np.mean(rank <= 10)),
        mrr=float(np.mean(1.0 / rank)),
        isco4_at_1=float(np.mean(isco_unit[top] == isco_unit[truth])),
    )


def half_profiles(essential: sp.spmatrix, seed: int = 0) -> tuple[sp.csr_matrix, np.ndarray]:
    """Seeded queries: a random half (at least one) of each occupation's essential skills, and the source rows.

    >>> q, src = half_profiles(sp.csr_matrix([[1, 1, 1, 1], [0, 0, 0, 0]]))
    >>> int(q.sum()), src.tolist()
    (2, [0])
    """
    rng = np.random.default_rng(seed)
    ess = _binary(essential)
    sources = np.flatnonzero(np.diff(ess.indptr) > 0)
    rows, cols = [], []
    for i, occ in enumerate(sources):
        skills = ess.indices[ess.indptr[occ] : ess.indptr[occ + 1]]
        take = rng.choice(skills, size=max(1, len(skills) // 2), replace=False)
        rows += [i] * len(take)
        cols += take.tolist()
    queries = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sources), ess.shape[1]))
    return queries, sources
