"""Reads: country profiles, map values, series; each in a fixed, small number of queries."""

import pytest

from migdev.core.errors import NotFound
from migdev.stats import selectors

pytestmark = pytest.mark.django_db


def test_usa_profile_figures(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    """UN DESA IMS 2020: USA 50,632,836 immigrants in 2020 (26,153,840 women); Mexico the first origin."""
    with django_assert_max_num_queries(8):
        profile = selectors.country_profile("usa")
    assert profile.area.m49 == 840
    stock = {(p.year, p.sex): p.value for p in profile.immigrant_stock}
    assert stock[("2020", "_T")] == 50_632_836
    assert stock[("2020", "F")] == 26_153_840
    assert len(profile.immigrant_stock) == 21  # 7 years x 3 sexes
    assert [p.year for p in profile.female_share] == ["1990", "1995", "2000", "2005", "2010", "2015", "2020"]
    assert profile.latest("population").value == 331_002_647  # type: ignore[union-attr]
    first = profile.top_origins[0]
    assert (first.iso3, first.value, first.year) == ("MEX", 10_853_105, "2020")
    assert len(profile.top_origins) == len(profile.top_destinations) == 10
    assert profile.top_destinations[0].iso3 == "MEX"
    values = [p.value for p in profile.top_origins]
    assert values == sorted(values, reverse=True)
    assert {s.code for s in profile.sources} == {"undesa-ims2020-destination", "undesa-ims2020-origin-destination"}
    assert all(p.source == "undesa-ims2020-destination" for p in profile.immigrant_stock)


def test_mexico_diaspora_is_led_by_the_usa() -> None:
    profile = selectors.country_profile("MEX")
    assert (profile.top_destinations[0].iso3, profile.top_destinations[0].value) == ("USA", 10_853_105)


def test_aggregate_profile_by_m49_has_no_bilateral_figures() -> None:
    profile = selectors.country_profile("900")
    assert profile.latest("immigrant_stock").value == 280_598_105  # type: ignore[union-attr]
    assert round(profile.latest("female_share").value, 2) == 48.09  # type: ignore[union-attr]
    assert profile.top_origins == [] and profile.top_destinations == []


def test_unknown_code_raises_not_found() -> None:
    with pytest.raises(NotFound) as caught:
        selectors.country_profile("XYZ")
    assert caught.value.field == "iso3"


def test_map_values_are_countries_only(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    with django_assert_num_queries(1):
        values = selectors.map_values("migrant-stock", "2020")
    assert values[840] == 50_632_836
    assert 900 not in values
    assert len(values) == 232  # 235 countries less three without figures


def test_observation_filters() -> None:
    rows = selectors.observations(indicator="migrant-stock-bilateral", area="USA", counterpart="484", period="2020")
    assert sorted((o.sex_id, o.value) for o in rows) == [("F", 5_056_331), ("M", 5_796_774), ("_T", 10_853_105)]
