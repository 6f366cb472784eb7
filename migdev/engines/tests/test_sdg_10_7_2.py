"""SDG 10.7.2 scoring: the official method exactly (UN SDG global metadata 10.7.2, DATA_COMP), bands at their edges,
and answers the method refuses."""

import doctest
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migdev.engines import sdg_10_7_2 as engine
from migdev.engines.sdg_10_7_2 import SUB_IDS, AnswerError, band, gaps, score


def all_codes(value: float) -> dict[str, object]:
    return dict.fromkeys(SUB_IDS, value)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(engine).failed == 0


def test_all_yes_fully_meets() -> None:
    result = score(all_codes(1))
    assert result.domains == dict.fromkeys(range(1, 7), 100.0)
    assert (result.overall, result.band) == (100.0, "fully_meets")


def test_all_no_requires_further_progress() -> None:
    result = score(all_codes(0))
    assert result.domains == dict.fromkeys(range(1, 7), 0.0)
    assert (result.overall, result.band) == (0.0, "requires_further_progress")


def test_domain_score_is_mean_times_100_with_half_codes_in_domain_1() -> None:
    answers = all_codes(0) | {"1a": 1, "1b": 0.5, "1c": 0, "1d": 0.5, "1e": 1}
    result = score(answers)
    assert result.domains[1] == 60.0  # (1 + 0.5 + 0 + 0.5 + 1) / 5 x 100
    assert result.overall == 10.0  # 3 / 30 x 100


def test_overall_is_unweighted_mean_of_the_30_not_of_the_domains() -> None:
    answers = all_codes(0) | {"1a": 0.5, "2a": 1, "2b": 1}
    result = score(answers)
    assert result.overall == round(2.5 / 30 * 100, 2)
    assert result.domains == {1: 10.0, 2: 40.0, 3: 0.0, 4: 0.0, 5: 0.0, 6: 0.0}


def test_twelve_yes_is_exactly_40_partially_meets() -> None:
    answers = all_codes(0) | {sub: 1 for sub in SUB_IDS[5:17]}
    result = score(answers)
    assert (result.overall, result.band) == (40.0, "partially_meets")


def test_24_yes_is_exactly_80_meets() -> None:
    answers = all_codes(1) | {sub: 0 for sub in SUB_IDS[24:]}
    result = score(answers)
    assert (result.overall, result.band) == (80.0, "meets")


def test_one_half_below_100_meets_not_fully() -> None:
    result = score(all_codes(1) | {"1e": 0.5})
    assert (result.overall, result.band) == (98.33, "meets")


def test_just_below_40_requires_further_progress() -> None:
    # 11.5 / 30 x 100 = 38.33
    answers = all_codes(0) | {sub: 1 for sub in SUB_IDS[5:16]} | {"1a": 0.5}
    result = score(answers)
    assert (result.overall, result.band) == (38.33, "requires_further_progress")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "requires_further_progress"),
        (39.99, "requires_further_progress"),
        (40, "partially_meets"),
        (79.99, "partially_meets"),
        (80, "meets"),
        (99.99, "meets"),
        (100, "fully_meets"),
    ],
)
def test_band_edges(value: float, expected: str) -> None:
    assert band(value) == expected


def test_missing_sub_category_is_named() -> None:
    answers = all_codes(1)
    del answers["4c"]
    with pytest.raises(AnswerError) as caught:
        score(answers)
    assert (caught.value.sub_id, caught.value.problem) == ("4c", "missing")


@pytest.mark.parametrize(("sub_id", "code"), [("2a", 0.5), ("1a", 0.25), ("6e", 2), ("3b", -1), ("1c", True)])
def test_code_outside_the_allowed_ones_is_named(sub_id: str, code: object) -> None:
    with pytest.raises(AnswerError) as caught:
        score(all_codes(1) | {sub_id: code})
    assert (caught.value.sub_id, caught.value.problem) == (sub_id, "not_allowed")


def test_unknown_sub_category_is_named() -> None:
    with pytest.raises(AnswerError) as caught:
        score(all_codes(1) | {"7a": 1})
    assert (caught.value.sub_id, caught.value.problem) == ("7a", "unknown")


def test_nan_is_not_allowed() -> None:
    with pytest.raises(AnswerError):
        score(all_codes(1) | {"1a": float("nan")})


def test_gaps_are_the_sub_categories_below_1() -> None:
    assert gaps(all_codes(1) | {"1a": 0.5, "5c": 0}) == ["1a", "5c"]


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from([0, 1]), min_size=25, max_size=25),
    st.lists(st.sampled_from([0, 0.5, 1]), min_size=5, max_size=5),
)
def test_overall_matches_the_formula(others: list[int], first: list[float]) -> None:
    answers = dict(zip(SUB_IDS[:5], first, strict=True)) | dict(zip(SUB_IDS[5:], others, strict=True))
    result = score(answers)
    exact = (Fraction(sum(Fraction(v) for v in first)) + sum(others)) * 100 / 30
    assert result.overall == round(float(exact), 2)
    assert result.band == band(exact)
    assert sum(result.domains.values()) / 6 == pytest.approx(float(exact))
