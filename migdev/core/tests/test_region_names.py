"""M49 regions carry French and Spanish names from Unicode CLDR (m49_region_names.csv), none invented (issue 16,
item 13): where CLDR names a code otherwise than M49 does, the region keeps its English name only."""

from pathlib import Path

import pytest
from django.utils import translation

from migdev.core.errors import ImportFileError
from migdev.core.importers.reference import (
    SHIPPED_M49_NAMES,
    load_reference,
    read_m49_names,
    region_names_by_english,
)
from migdev.core.models import Region
from migdev.core.progress import SilentProgress

pytestmark = pytest.mark.django_db


def test_regions_are_named_in_french_and_spanish() -> None:
    region = Region.objects.get(m49=35)
    names = (region.name_en, region.name_fr, region.name_es)
    assert names == ("South-eastern Asia", "Asie du Sud-Est", "Sudeste asiático")
    with translation.override("fr"):
        assert Region.objects.get(m49=2).name == "Afrique"
    with translation.override("es"):
        assert Region.objects.get(m49=202).name == "África subsahariana"


def test_a_region_cldr_names_otherwise_keeps_its_english_name_only() -> None:
    for code in (53, 419):  # CLDR: "Australasia", "Latin America"
        region = Region.objects.get(m49=code)
        assert not region.name_fr and not region.name_es
        with translation.override("fr"):
            assert Region.objects.get(m49=code).name == region.name_en


def test_every_region_but_two_is_named_and_world_too() -> None:
    names = read_m49_names(SHIPPED_M49_NAMES)
    regions = set(Region.objects.values_list("m49", flat=True))
    assert regions - set(names) == {53, 419}
    assert region_names_by_english()["world"] == ("Monde", "Mundo")


def test_a_names_file_with_an_empty_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m49_region_names.csv"
    path.write_text("m49,name,name_fr,name_es\n002,Africa,,África\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as error:
        read_m49_names(path)
    assert str(error.value.message).endswith("m49_region_names.csv, row 2, column name_fr: empty name")


def test_a_names_file_naming_a_region_otherwise_than_m49_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    # the whole shipped M49 file, so that only the names file is at fault (a partial one is refused as truncated)
    (tmp_path / "m49_regions.csv").write_bytes((SHIPPED_M49_NAMES.parent / "m49_regions.csv").read_bytes())
    (tmp_path / "m49_region_names.csv").write_text(
        "m49,name,name_fr,name_es\n002,Afrika,Afrique,África\n", encoding="utf-8"
    )
    before = list(Region.objects.order_by("m49").values_list("m49", "name_en", "name_fr", "name_es"))
    with pytest.raises(ImportFileError) as error:
        load_reference(tmp_path, SilentProgress())
    assert str(error.value.message).endswith("column name: 002 is 'Afrika' here but 'Africa' in M49")
    assert list(Region.objects.order_by("m49").values_list("m49", "name_en", "name_fr", "name_es")) == before
