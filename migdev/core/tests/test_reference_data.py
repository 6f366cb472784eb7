"""The shipped reference data as loaded by `migdev setup` (the session fixture loads it once)."""

import pytest
from django.utils import translation

from migdev.core.models import (
    Country,
    Currency,
    EscoOccupation,
    EscoOccupationSkill,
    EscoSkill,
    IscoGroup,
    Language,
    Region,
    Sex,
)

pytestmark = pytest.mark.django_db


def test_all_249_iso_3166_countries_are_loaded() -> None:
    assert Country.objects.count() == 249


def test_france_is_named_in_english_french_and_spanish() -> None:
    france = Country.objects.get(iso3="FRA")
    assert (france.iso2, france.m49) == ("FR", 250)
    assert (france.name_en, france.name_fr, france.name_es) == ("France", "France", "Francia")


def test_country_names_follow_the_active_language() -> None:
    with translation.override("es"):
        assert Country.objects.get(iso3="MEX").name == "México"


def test_mexico_is_in_central_america_in_latin_america_and_the_caribbean() -> None:
    """UN DESA, International Migrant Stock 2020, Table 1: Mexico (484) under Central America (916), region 904."""
    mexico = Country.objects.select_related("subregion__parent").get(iso3="MEX")
    assert mexico.subregion is not None and mexico.subregion.parent is not None
    assert (mexico.subregion.m49, mexico.subregion.name) == (916, "Central America")
    assert (mexico.subregion.parent.m49, mexico.subregion.parent.name) == (904, "Latin America and the Caribbean")


def test_regions_are_the_six_un_desa_regions_and_their_21_sub_regions() -> None:
    assert Region.objects.filter(kind="region").count() == 6
    assert Region.objects.filter(kind="subregion").count() == 21
    assert Region.objects.get(m49=957).name == "Polynesia"  # "Polynesia*" in the workbook


def test_region_names_fall_back_to_english_without_a_sourced_translation() -> None:
    with translation.override("fr"):
        assert Region.objects.get(m49=903).name == "Africa"


def test_northern_america_countries_hang_on_the_region_itself() -> None:
    assert Country.objects.get(iso3="USA").subregion_id == 905


def test_iso_entries_absent_from_un_desa_have_no_region() -> None:
    unplaced = set(Country.objects.filter(subregion=None).values_list("iso3", flat=True))
    assert unplaced == {
        "ALA", "ATA", "ATF", "BVT", "CCK", "CXR", "GGY", "HMD", "IOT", "JEY", "NFK", "PCN", "SGS", "SJM", "UMI",
    }  # fmt: skip


def test_currencies_and_languages_come_from_iso_4217_and_iso_639_3() -> None:
    euro = Currency.objects.get(code="EUR")
    assert (euro.numeric, euro.name_en) == (978, "Euro")
    french = Language.objects.get(code="fra")
    assert (french.iso639_1, french.name_en, french.name_fr) == ("fr", "French", "Français")
    assert Language.objects.count() > 7000


def test_sex_codes_are_the_sdmx_cl_sex_codes() -> None:
    assert list(Sex.objects.order_by("code").values_list("code", "name_en")) == [
        ("F", "Female"),
        ("M", "Male"),
        ("_O", "Other"),
        ("_T", "Total"),
        ("_U", "Not stated"),
    ]


def test_isco08_has_619_groups_10_43_130_436_by_level() -> None:
    assert IscoGroup.objects.count() == 619
    assert [IscoGroup.objects.filter(level=level).count() for level in (1, 2, 3, 4)] == [10, 43, 130, 436]


def test_isco08_titles_and_descriptions() -> None:
    nurses = IscoGroup.objects.get(code="2221")
    assert nurses.parent_id == "222"
    assert nurses.title_en == "Nursing professionals"
    assert nurses.description.startswith("Nursing professionals")
    assert IscoGroup.objects.get(code="0110").parent_id == "011"  # leading zeros kept


def test_isco08_known_spanish_title_error_is_corrected() -> None:
    """ILO CIUO-08: 215 'Ingenieros en electrotecnología' (the 2020 ESCO ES export mislabels it)."""
    assert IscoGroup.objects.get(code="215").title_es == "Ingenieros en electrotecnología"


def test_esco_counts() -> None:
    """ESCO v1.1.1: 3,007 occupations, 13,896 skills, 123,855 relations of which 67 name a missing occupation."""
    assert EscoOccupation.objects.count() == 3007
    assert EscoSkill.objects.count() == 13896
    assert EscoOccupationSkill.objects.count() == 123855 - 67 == 123788
    assert EscoOccupationSkill.objects.filter(relation="essential").count() > 0


def test_esco_occupation_has_english_and_french_labels() -> None:
    director = EscoOccupation.objects.get(
        uri="http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34"
    )
    assert (director.code, director.isco_group_id) == ("2654.1.7", "2654")
    assert director.preferred_label_en == "technical director"
    assert director.preferred_label_fr == "directeur technique/directrice technique"
    assert "technical manager" in director.alt_labels_en.splitlines()
