"""Free text to ESCO skills and occupations: TF-IDF over labels, fusion with embeddings, the text pipeline."""

import numpy as np
import pytest
import scipy.sparse as sp

from migdev.engines.matching.errors import InvalidInput, InvalidParameter
from migdev.engines.matching.text import (
    EscoTextPipeline,
    LabelIndex,
    PipelineParams,
    TextParams,
    max_by_text,
    phrase_skill_profiles,
    phrases,
    sharpened,
    soft_match_scores,
    top_k,
)

LABELS = ["weld metal parts", "use spreadsheets software", "care for elderly people", "drive heavy trucks", "welding"]
SKILLS = [0, 1, 2, 3, 0]
# occupation 0 = welder (skills 0, 3), 1 = office clerk (1), 2 = care worker (2)
ESSENTIAL = sp.csr_matrix([[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 0]])
IDF = np.ones(4)


def test_misspelt_text_finds_the_skill() -> None:
    found, scores = LabelIndex(LABELS, SKILLS).search(["spreadshets", "elderly care", "truck driving"], k=1)
    assert found[:, 0].tolist() == [1, 2, 3]
    assert (scores[:, 0] > 0).all()


def test_a_skill_named_by_two_labels_is_listed_once() -> None:
    found, _ = LabelIndex(LABELS, SKILLS).search(["welding metal"], k=3)
    assert found[0].tolist().count(0) == 1


def test_scores_do_not_depend_on_the_chunk_size() -> None:
    texts = ["welding", "trucks", "elderly", "spreadsheet", "xyz"]
    whole = LabelIndex(LABELS, SKILLS).scores(texts)
    chunked = LabelIndex(LABELS, SKILLS, TextParams(chunk=2)).scores(texts)
    assert np.allclose(whole, chunked)


def test_tf_idf_is_computed_as_the_fitted_vectorizer_computes_it() -> None:
    # The index reads texts without scikit-learn's per-call checks; the vectors must be the vectorizer's own.
    index = LabelIndex(LABELS, SKILLS)
    texts = ["Welding, welding & more WELDING", "spreadshets", "", "ωμέγα", "care for the elderly people"]
    expected = index._vectorizer.transform(texts).toarray()
    assert np.allclose(index._transform(texts).toarray(), expected, atol=1e-6)
    by_product = (index._vectorizer.transform(texts) @ index._matrix_t).toarray()
    assert np.allclose(index._label_scores(texts), by_product, atol=1e-6)  # each label's cosine, as one product


def test_tf_idf_scores_are_the_scores_without_embeddings() -> None:
    vectors = np.eye(4, dtype=np.float32)
    index = LabelIndex(LABELS, SKILLS, TextParams(embedding_weight=0.4), vectors=vectors, vector_concepts=[0, 1, 2, 3])
    texts = ["welding", "trucks", ""]
    assert np.allclose(index.tfidf_scores(texts), index.scores(texts))
    assert np.allclose(index.tfidf_scores(texts), index.scores(texts, np.zeros((3, 4)), embedding_weight=0.0))


def test_embeddings_decide_when_characters_do_not_match() -> None:
    # "soudure" shares few n-grams with "welding"; a (fake) embedding puts it next to skill 0.
    vectors = np.eye(4, dtype=np.float32)
    index = LabelIndex(LABELS, SKILLS, TextParams(embedding_weight=0.9), vectors=vectors, vector_concepts=[0, 1, 2, 3])
    found, _ = index.search(["soudure"], k=1, text_vectors=np.array([[1.0, 0.0, 0.0, 0.0]]))
    assert found[0, 0] == 0
    without = LabelIndex(LABELS, SKILLS).search(["soudure"], k=1)[0]
    assert without[0, 0] != 0


def test_a_call_may_weigh_the_embeddings_alone() -> None:
    vectors = np.eye(4, dtype=np.float32)
    index = LabelIndex(LABELS, SKILLS, TextParams(embedding_weight=0.5), vectors=vectors, vector_concepts=[0, 1, 2, 3])
    query = np.array([[0.0, 0.6, 0.8, 0.0]], dtype=np.float32)
    alone = index.scores(["welding"], query, embedding_weight=1.0)
    assert np.allclose(alone[0, :4], [0.0, 0.6, 0.8, 0.0])  # the characters of "welding" no longer count
    assert index.scores(["welding"], query)[0, 0] > 0  # the index's own weight still fuses them
    with pytest.raises(InvalidParameter, match="embedding_weight"):
        index.scores(["welding"], query, embedding_weight=1.5)


def test_phrases_split_lines_bullets_and_semicolons() -> None:
    assert phrases("welding; trucks\n• elderly care\n\n  - spreadsheets") == [
        "welding",
        "trucks",
        "elderly care",
        "spreadsheets",
    ]


def test_top_k_pads_zero_scores_with_minus_one() -> None:
    found, scores = top_k(np.array([[0.0, 0.3, 0.0]]), 3)
    assert found.tolist() == [[1, -1, -1]]
    assert scores.tolist() == [[0.3, 0.0, 0.0]]


def test_phrase_profiles_keep_the_best_weight_of_a_skill_named_twice() -> None:
    scores = np.array([[0.8, 0.4, 0.0], [0.5, 0.0, 0.0]])
    profile = phrase_skill_profiles(scores, np.array([0, 0]), 1, PipelineParams(skills_per_phrase=2, sharpness=1))
    assert profile.toarray().round(3).tolist() == [[1.0, 0.5, 0.0]]


def test_pipeline_finds_the_occupation_from_a_cv() -> None:
    pipeline = EscoTextPipeline(LabelIndex(LABELS, SKILLS), ESSENTIAL, IDF, PipelineParams(skills_per_phrase=2))
    matches = pipeline.match(["Welding of metal parts\nI drive heavy trucks", "care for the elderly"], k=2)
    assert matches.occupations[:, 0].tolist() == [0, 2]
    profile = matches.skill_profiles[0].toarray().ravel()
    assert sorted(np.flatnonzero(profile > 0.5).tolist()) == [0, 3]


def test_job_title_weight_adds_the_occupation_label_score() -> None:
    occupations = LabelIndex(["welder", "office clerk", "care worker"], [0, 1, 2])
    pipeline = EscoTextPipeline(
        LabelIndex(LABELS, SKILLS), ESSENTIAL, IDF, PipelineParams(title_weight=2.0), occupation_index=occupations
    )
    assert pipeline.match(["clerk"], k=1).occupations[0, 0] == 1


def test_empty_text_has_an_empty_profile_and_no_occupation() -> None:
    matches = EscoTextPipeline(LabelIndex(LABELS, SKILLS), ESSENTIAL, IDF).match([""], k=1)
    assert matches.skill_profiles.nnz == 0
    assert matches.occupations.tolist() == [[-1]]


def test_bad_input_is_a_typed_error() -> None:
    with pytest.raises(InvalidInput, match="labels"):
        LabelIndex(["a"], [0, 1])
    with pytest.raises(InvalidInput, match="labels"):
        LabelIndex([], [])
    with pytest.raises(InvalidInput, match="concepts"):
        LabelIndex(["a"], [3], n_concepts=2)
    with pytest.raises(InvalidParameter, match="ngram_max"):
        TextParams(ngram_min=5, ngram_max=3)
    with pytest.raises(InvalidParameter, match="embedding_weight"):
        TextParams(embedding_weight=1.5)
    with pytest.raises(InvalidParameter, match="k"):
        LabelIndex(LABELS, SKILLS).search(["x"], k=0)
    with pytest.raises(InvalidInput, match="text_vectors"):
        LabelIndex(LABELS, SKILLS).scores(["x"], text_vectors=np.ones((1, 3)))
    with pytest.raises(InvalidInput, match="vectors"):
        LabelIndex(LABELS, SKILLS, vectors=np.ones((2, 3)))
    with pytest.raises(InvalidParameter, match="skills_per_phrase"):
        PipelineParams(skills_per_phrase=0)
    with pytest.raises(InvalidInput, match="skill_index"):
        EscoTextPipeline(LabelIndex(LABELS, SKILLS), sp.csr_matrix((2, 7)), np.ones(7))


def test_max_by_text_takes_each_texts_best_phrase_and_zero_for_none() -> None:
    values = np.array([[0.1, 0.5], [0.3, 0.2], [0.4, 0.0]])
    assert max_by_text(values, np.array([1, 1, 0]), 3).tolist() == [[0.4, 0.0], [0.3, 0.5], [0.0, 0.0]]


def test_sharpened_scores_are_relative_to_each_phrases_best() -> None:
    out = sharpened(np.array([[0.4, 0.2, 0.0], [0.0, 0.0, 0.0]]), 1.0)
    assert out.tolist() == [[1.0, 0.5, 0.0], [0.0, 0.0, 0.0]]
    assert sharpened(np.array([[0.4, 0.2]]), 0.0).tolist() == [[1.0, 1.0]]


def test_soft_match_credits_a_phrase_whose_second_guess_is_essential() -> None:
    # The phrase's best skill (1) is essential nowhere; its near miss (0) is welder's. A top-1 profile loses it.
    phrase_scores = np.array([[0.9, 1.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1.0]])
    owner = np.array([0, 0])
    soft = soft_match_scores(phrase_scores, owner, 1, ESSENTIAL, IDF)
    assert int(np.argmax(soft[0])) == 0


def test_soft_match_recall_prefers_the_occupation_the_text_covers_more() -> None:
    essential = sp.csr_matrix([[1, 1, 0, 0], [1, 1, 1, 1]])
    scores = soft_match_scores(np.eye(4)[:2], np.array([0, 0]), 1, essential, IDF, recall_power=0.5)
    assert scores[0, 0] > scores[0, 1]
    assert soft_match_scores(np.eye(4)[:2], np.array([0, 0]), 1, essential, IDF, recall_power=0.0)[0].tolist() == [
        1.0,
        1.0,
    ]


def test_phrase_weights_shift_precision_towards_heavier_phrases() -> None:
    essential = sp.csr_matrix([[1, 0, 0, 0], [0, 1, 0, 0]])
    light_first = soft_match_scores(np.eye(4)[:2], np.array([0, 0]), 1, essential, IDF, np.array([1.0, 3.0]))
    assert light_first[0, 1] > light_first[0, 0]


def test_a_text_without_phrases_scores_zero_everywhere() -> None:
    scores = soft_match_scores(np.eye(4)[:1], np.array([1]), 2, ESSENTIAL, IDF)
    assert scores[0].tolist() == [0.0, 0.0, 0.0]
    assert scores[1, 0] > 0


@pytest.mark.parametrize("ranker", ["profile", "soft"])
@pytest.mark.parametrize("embedded", [False, True])
def test_chunked_pipeline_equals_unchunked(ranker: str, embedded: bool) -> None:
    texts = ["Welding of metal parts\nI drive heavy trucks", "", "care for the elderly; spreadsheets", "welding"] * 3
    rng = np.random.default_rng(0)
    vectors = [rng.normal(size=(len(phrases(text)), 4)) for text in texts] if embedded else None
    index = LabelIndex(
        LABELS,
        SKILLS,
        TextParams(chunk=2, embedding_weight=0.5 if embedded else 0.0),
        vectors=np.eye(4) if embedded else None,
        vector_concepts=[0, 1, 2, 3] if embedded else None,
    )
    results = [
        EscoTextPipeline(
            index, ESSENTIAL, IDF, PipelineParams(skills_per_phrase=2, ranker=ranker, phrase_chunk=chunk)
        ).occupation_scores(texts, vectors)
        for chunk in (1, 3, 4096)
    ]
    for profiles, scores in results[:2]:
        assert np.allclose(profiles.toarray(), results[2][0].toarray())
        assert np.allclose(scores, results[2][1])
    assert results[2][1].shape == (len(texts), 3)
    assert (results[2][1][1] == 0).all()


def test_soft_ranker_finds_the_occupation_from_a_cv() -> None:
    pipeline = EscoTextPipeline(LabelIndex(LABELS, SKILLS), ESSENTIAL, IDF, PipelineParams(ranker="soft"))
    matches = pipeline.match(["Welding of metal parts\nI drive heavy trucks", "care for the elderly", ""], k=2)
    assert matches.occupations[:2, 0].tolist() == [0, 2]
    assert matches.occupations[2].tolist() == [-1, -1]


def test_a_soft_vote_credits_an_occupation_named_by_several_labels_near_the_text() -> None:
    from migdev.engines.matching.text import VotingLabelVectors

    # Concept 0: two labels near the text; concept 1: one label a little nearer, and one far off; concept 2: none.
    near, nearer, far = [0.9, np.sqrt(1 - 0.81)], [0.92, np.sqrt(1 - 0.92**2)], [0.0, 1.0]
    votes = VotingLabelVectors.build(np.array([near, near, nearer, far]), [0, 0, 1, 1], 3)
    text = np.array([[1.0, 0.0]])
    best_label = votes.scores(text, temperature=1e-4)
    assert best_label[0].tolist() == pytest.approx([0.9, 0.92, 0.0], abs=1e-3)  # cold: the best label's cosine
    warm = votes.scores(text, temperature=0.05)[0]
    assert warm[0] > warm[1] >= 0.92 and warm[2] == 0.0  # each vote is at least its best label's cosine
    with pytest.raises(InvalidParameter, match="temperature"):
        votes.scores(text, temperature=0.0)
    with pytest.raises(InvalidInput, match="concepts"):
        VotingLabelVectors.build(np.array([near]), [3], 3)
