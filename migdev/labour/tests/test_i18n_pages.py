"""Labour pages in French and Spanish (issue 16, item 13): the SDG 10.7.1 definition is translated; ESCO labels with
no French or Spanish source (skills; occupations in Spanish) are shown in English, marked lang="en"."""

import pytest
from django.test import Client

from migdev.core.models import EscoSkill
from migdev.labour.models import VacancySkill
from migdev.labour.tests.factories_registry import VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "opening"),
    [
        ("en", "SDG indicator 10.7.1: recruitment cost borne by the employee"),
        ("fr", "Indicateur ODD 10.7.1\u00a0: coût du recrutement à la charge du salarié"),
        ("es", "Indicador 10.7.1 de los ODS: costo de la contratación sufragado por el empleado"),
    ],
)
def test_the_sdg_10_7_1_definition_is_in_the_page_language(language: str, opening: str) -> None:
    page = Client().get(f"/{language}/labour/indicators/recruitment-cost/").content.decode()
    assert opening in page


def test_esco_labels_without_a_translation_are_marked_english() -> None:
    vacancy = VacancyFactory()
    skill = EscoSkill.objects.order_by("uri").first()
    assert skill is not None
    VacancySkill.objects.create(vacancy=vacancy, skill=skill, essential=True)
    occupation = vacancy.occupation
    page = {
        language: Client().get(f"/{language}/labour/vacancies/{vacancy.pk}/").content.decode()
        for language in ("en", "fr", "es")
    }
    assert f"<dd><span>{occupation.preferred_label_en}</span>" in page["en"]
    assert f"<dd><span>{occupation.preferred_label_fr}</span>" in page["fr"]  # ESCO names occupations in French
    assert f'<dd><span lang="en">{occupation.preferred_label_en}</span>' in page["es"]  # but not in Spanish
    assert f"<li><span>{skill.preferred_label}</span>" in page["en"]  # and skills in English only
    assert f'<li><span lang="en">{skill.preferred_label}</span>' in page["fr"]
    assert f'<li><span lang="en">{skill.preferred_label}</span>' in page["es"]
