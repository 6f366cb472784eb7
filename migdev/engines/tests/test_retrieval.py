"""Occupation retrieval from a skill profile and the quality metrics."""

import numpy as np
import pytest
import scipy.sparse as sp

from migdev.engines.matching import skill_idf
from migdev.engines.matching.retrieval import (
    half_profiles,
    idf_cosine_scores,
    profile_match_scores,
    retrieval_metrics,
)
from migdev.engines.matching.synthetic import random_profiles


def test_metrics_count_ties_against_the_source() -> None:
    scores = np.array([[0.5, 0.5, 0.1], [0.2, 0.9, 0.9]])
    metrics = retrieval_metrics(scores, np.array([1, 2]), np.array([11, 22, 22]))
    assert metrics.recall_at_1 == 0.0
    assert metrics.mrr == pytest.approx(0.5)
    assert metrics.isco4_at_1 == 0.5


def test_half_profiles_keep_half_of_each_occupations_essential_skills_and_skip_empty_ones() -> None:
    essential = sp.csr_matrix(np.array([[1, 1, 1, 1, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 1]]))
    queries, sources = half_profiles(essential, seed=3)
    assert sources.tolist() == [0, 2]
    assert np.diff(queries.indptr).tolist() == [2, 1]
    assert (queries.multiply(essential[sources]) != queries).nnz == 0


def test_both_rankers_find_most_sources_on_distinct_random_profiles() -> None:
    _, essential, optional = random_profiles(60, 400, seed=4)
    idf = skill_idf(essential + optional)
    queries, sources = half_profiles(essential, seed=4)
    isco = np.arange(60)
    for scores in (idf_cosine_scores(queries, essential, idf), profile_match_scores(queries, essential, idf)):
        assert retrieval_metrics(scores, sources, isco).recall_at_10 > 0.9
