"""The significance rule of the migration impact assessment, checked exactly and as properties."""

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migdev.engines import impact_significance
from migdev.engines.impact_significance import LEVELS, significance

rating = st.integers(min_value=1, max_value=4)


@pytest.mark.parametrize(
    ("m", "lk", "s", "score", "level"),
    [
        (1, 1, 1, 1, "negligible"),
        (2, 3, 1, 6, "negligible"),
        (1, 1, 4, 4, "negligible"),
        (2, 2, 2, 8, "minor"),
        (3, 2, 3, 18, "moderate"),
        (4, 3, 3, 36, "major"),
        (4, 4, 4, 64, "major"),
        (4, 1, 3, 12, "moderate"),  # precaution: major magnitude on highly sensitive people
        (4, 1, 2, 8, "minor"),
    ],
)
def test_significance_follows_the_stated_bands(m: int, lk: int, s: int, score: int, level: str) -> None:
    assert significance(m, lk, s) == impact_significance.Significance(score, level)


@given(rating, rating, rating)
def test_significance_never_falls_when_a_rating_rises(m: int, lk: int, s: int) -> None:
    base = LEVELS.index(significance(m, lk, s).level)
    for higher in (
        significance(min(m + 1, 4), lk, s),
        significance(m, min(lk + 1, 4), s),
        significance(m, lk, min(s + 1, 4)),
    ):
        assert LEVELS.index(higher.level) >= base


@pytest.mark.parametrize("bad", [0, 5, -1, True, 2.0, "3", None])
def test_ratings_outside_one_to_four_are_refused_by_name(bad: object) -> None:
    with pytest.raises(ValueError, match="likelihood"):
        significance(2, bad, 2)  # type: ignore[arg-type]


def test_docstring_examples_run() -> None:
    assert doctest.testmod(impact_significance).failed == 0
