"""UN DESA's aggregates named as an M49 region take the region's French and Spanish names (Unicode CLDR); those no
source names in French or Spanish (SDG regions, income and development groups) stay English, marked lang="en"
(issue 16, item 13)."""

import pytest
from django.test import Client

from migdev.stats.models import Area

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("m49", "french", "spanish"),
    [
        (900, "Monde", "Mundo"),  # "WORLD"
        (903, "Afrique", "África"),  # "AFRICA"
        (920, "Asie du Sud-Est", "Sudeste asiático"),  # "South-Eastern Asia"
        (947, "Afrique subsaharienne", "África subsahariana"),
        (954, "Région micronésienne", "Región de Micronesia"),  # "Micronesia", the region
    ],
)
def test_aggregates_named_as_m49_regions_are_translated(m49: int, french: str, spanish: str) -> None:
    area = Area.objects.get(m49=m49)
    assert (area.name_fr, area.name_es) == (french, spanish)


@pytest.mark.parametrize("m49", [1832, 1503, 1830, 927])
def test_aggregates_without_a_french_or_spanish_source_stay_english(m49: int) -> None:
    # Eastern and South-Eastern Asia, High-income countries, Latin America and the Caribbean, Australia and New Zealand
    area = Area.objects.get(m49=m49)
    assert not area.name_fr and not area.name_es


def test_profile_pages_show_translated_names_and_mark_english_ones() -> None:
    client = Client()
    assert "<h1><span>Monde</span>" in client.get("/fr/stats/profiles/900/").content.decode()
    assert (
        '<h1><span lang="en">Eastern and South-Eastern Asia</span>'
        in client.get("/es/stats/profiles/1832/").content.decode()
    )
    assert "<h1><span>Eastern and South-Eastern Asia</span>" in client.get("/en/stats/profiles/1832/").content.decode()
