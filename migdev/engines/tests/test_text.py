"""Free text to skills with character n-gram TF-IDF."""

import pytest

from migdev.engines.matching.errors import InvalidInput, InvalidParameter
from migdev.engines.matching.text import SkillTextIndex, TextParams

LABELS = ["weld metal parts", "use spreadsheets software", "care for elderly people", "drive heavy trucks", "welding"]
SKILLS = [0, 1, 2, 3, 0]


def test_misspelt_text_finds_the_skill() -> None:
    found, scores = SkillTextIndex(LABELS, SKILLS).search(["spreadshets", "elderly care", "truck driving"], k=1)
    assert found[:, 0].tolist() == [1, 2, 3]
    assert (scores[:, 0] > 0).all()


def test_a_skill_named_by_two_labels_is_listed_once() -> None:
    found, _ = SkillTextIndex(LABELS, SKILLS).search(["welding metal"], k=3)
    assert found[0].tolist().count(0) == 1


def test_bad_index_input_is_a_typed_error() -> None:
    with pytest.raises(InvalidInput, match="labels"):
        SkillTextIndex(["a"], [0, 1])
    with pytest.raises(InvalidParameter, match="ngram_max"):
        TextParams(ngram_min=5, ngram_max=3)
    with pytest.raises(InvalidParameter, match="k"):
        SkillTextIndex(LABELS, SKILLS).search(["x"], k=0)
