"""The overlap engine against a plain-Python reading of Jaccard and IDF, on random processes."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migdev.engines.overlap import Profile, jaccard_matrix, overlaps, similar, theme_idf

codes = st.frozensets(st.sampled_from(["KEN", "UGA", "TZA", "FRA", "ESP", "MAR", "SEN"]), max_size=7)
themes = st.frozensets(st.sampled_from(["labour", "health", "trafficking", "smuggling", "skills"]), max_size=5)
profiles = st.lists(st.tuples(codes, themes), min_size=1, max_size=8).map(
    lambda rows: [Profile(f"p{i}", m, t) for i, (m, t) in enumerate(rows)]
)


def plain_jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_jaccard_is_shared_over_either(items: list[Profile]) -> None:
    matrix = jaccard_matrix([p.members for p in items])
    for i, a in enumerate(items):
        for j, b in enumerate(items):
            assert matrix[i, j] == pytest.approx(plain_jaccard(a.members, b.members))
    assert (matrix == matrix.T).all()


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_overlaps_list_every_pair_sharing_members(items: list[Profile]) -> None:
    found = {(o.first, o.second): o for o in overlaps(items)}
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            shared = a.members & b.members
            assert ((a.id, b.id) in found) == bool(shared)
            if shared:
                assert set(found[(a.id, b.id)].shared) == shared
    scores = [o.jaccard for o in found.values()]
    assert scores == sorted(scores, reverse=True)


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_a_rare_shared_theme_weighs_more_than_a_common_one(items: list[Profile]) -> None:
    idf = theme_idf(items)
    for theme, weight in idf.items():
        holders = sum(theme in p.themes for p in items)
        assert weight == pytest.approx(math.log(len(items) / holders))
        assert weight >= 0


def test_similar_ranks_rare_themes_and_shared_members() -> None:
    items = [
        Profile("target", frozenset({"KEN", "UGA"}), frozenset({"labour", "trafficking"})),
        Profile("rare_theme", frozenset(), frozenset({"labour", "trafficking"})),
        Profile("common_theme", frozenset(), frozenset({"labour"})),
        Profile("members", frozenset({"KEN", "UGA"}), frozenset({"labour"})),
        Profile("nothing", frozenset({"FRA"}), frozenset({"labour"})),
    ]
    found = {s.id: s for s in similar(items, "target", limit=10)}
    assert "common_theme" not in found and "nothing" not in found  # labour is everywhere: it weighs nothing
    assert found["rare_theme"].shared_themes[0] == "trafficking"
    assert found["members"].member_score == 1.0 and found["members"].shared_members == ("KEN", "UGA")
    assert [s.id for s in similar(items, "target", theme_weight=1.0)] == ["rare_theme"]
    assert [s.id for s in similar(items, "target", theme_weight=0.0)] == ["members"]


def test_bad_arguments_are_refused() -> None:
    items = [Profile("a", frozenset(), frozenset())]
    with pytest.raises(KeyError):
        similar(items, "zzz")
    with pytest.raises(ValueError, match="theme_weight"):
        similar(items, "a", theme_weight=2)
    assert similar(items, "a") == [] and overlaps([]) == [] and theme_idf([]) == {}
