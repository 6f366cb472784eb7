"""Scoring, explanations, eligibility and weight validation."""

import math

import numpy as np
import pytest

from migdev.engines.matching import InvalidParameter, MatchWeights, explain, score_grid, score_pairs
from migdev.engines.matching.scoring import eligibility

from .factories import random_exchange, tiny_exchange


def test_weights_out_of_range_raise_a_typed_error_naming_the_parameter() -> None:
    with pytest.raises(InvalidParameter) as caught:
        MatchWeights(language=1.5)
    assert caught.value.parameter == "language"
    with pytest.raises(InvalidParameter, match="optional"):
        MatchWeights(optional=float("nan"))
    with pytest.raises(InvalidParameter, match="essential"):
        MatchWeights(essential="high")  # type: ignore[arg-type]


def test_isco_credits_must_not_rise_with_distance() -> None:
    with pytest.raises(InvalidParameter, match="same_minor"):
        MatchWeights(same_unit=0.3, same_minor=0.6)


def test_explanation_lists_matched_and_missing_essential_skills() -> None:
    explanation = explain(tiny_exchange(), MatchWeights(), 0, 0)
    assert explanation.eligible
    assert explanation.matched_essential == (0, 1, 2)
    assert explanation.missing_essential == (3,)


def test_explanation_contributions_add_up_to_the_score() -> None:
    exchange = tiny_exchange()
    explanation = explain(exchange, MatchWeights(), 0, 0)
    assert explanation.score == pytest.approx(sum(c.contribution for c in explanation.contributions))
    assert explanation.score == pytest.approx(score_pairs(exchange, MatchWeights(), np.array([0]), np.array([0]))[0])


def test_same_occupation_scores_occupation_one_and_neighbour_gets_unit_credit() -> None:
    exchange = tiny_exchange(workers={"occupation": np.array([0, 0])})
    weights = MatchWeights()
    same = {c.component: c.value for c in explain(exchange, weights, 0, 0).contributions}
    other = {c.component: c.value for c in explain(exchange, weights, 0, 1).contributions}
    assert same["occupation"] == 1.0
    # 7411 vs 7412 share the minor group 741: the larger of minor credit and profile cosine.
    assert other["occupation"] == pytest.approx(max(weights.same_minor, float(exchange.occupations.similarity[0, 1])))


def test_essential_coverage_is_idf_weighted() -> None:
    exchange = tiny_exchange()
    idf = exchange.idf
    value = {c.component: c.value for c in explain(exchange, MatchWeights(), 0, 0).contributions}["essential"]
    assert value == pytest.approx(idf[[0, 1, 2]].sum() / idf[[0, 1, 2, 3]].sum())


def test_language_below_the_vacancy_minimum_makes_the_pair_ineligible() -> None:
    exchange = tiny_exchange(workers={"languages": np.array([[2], [2]])})
    assert not eligibility(exchange, np.array([0]), np.array([0]))[0]
    assert math.isnan(score_pairs(exchange, MatchWeights(), np.array([0]), np.array([0]))[0])


def test_origin_not_admitted_by_the_scheme_makes_the_pair_ineligible() -> None:
    exchange = tiny_exchange(scheme_admits_origin=np.array([[False, True]]))
    assert eligibility(exchange, np.array([0, 1]), np.array([0, 1])).tolist() == [False, True]


def test_availability_window_must_cover_the_vacancy_start() -> None:
    exchange = tiny_exchange(workers={"available_from": np.array([31, 0]), "available_until": np.array([365, 29])})
    assert eligibility(exchange, np.array([0, 1]), np.array([0, 1])).tolist() == [False, False]


def test_non_compliant_vacancy_is_never_eligible() -> None:
    exchange = tiny_exchange(vacancies={"compliant": np.array([False, True])})
    assert eligibility(exchange, np.array([0, 1]), np.array([0, 0])).tolist() == [False, False]


def test_returning_worker_gets_the_bonus() -> None:
    weights = MatchWeights()
    plain = score_pairs(tiny_exchange(), weights, np.array([1]), np.array([1]))[0]
    named = score_pairs(
        tiny_exchange(vacancies={"returning_worker": np.array([-1, 1])}), weights, np.array([1]), np.array([1])
    )[0]
    assert named - plain == pytest.approx(weights.returning_bonus)


def test_grid_scores_equal_pair_scores() -> None:
    exchange = random_exchange(seed=3)
    weights = MatchWeights()
    w = np.arange(60)
    v = np.arange(exchange.vacancies.count)
    grid = score_grid(exchange, weights, w, v)
    ww, vv = np.meshgrid(w, v, indexing="ij")
    pairs = score_pairs(exchange, weights, ww.ravel(), vv.ravel()).reshape(grid.shape)
    assert np.array_equal(np.isfinite(grid), ~np.isnan(pairs))
    assert np.allclose(grid[np.isfinite(grid)], pairs[~np.isnan(pairs)], atol=1e-6)
