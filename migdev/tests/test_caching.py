"""Cached reference data is served until the data under it changes, whoever changes it: an import, or a steward."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from migdev.accounts.tests.factories import StewardFactory
from migdev.core.caching import bump, data_generation
from migdev.core.datasets import DATASETS, run_import
from migdev.core.models import DatasetVersion
from migdev.core.progress import SilentProgress
from migdev.stats import selectors
from migdev.stats.models import Area, Observation

pytestmark = pytest.mark.django_db


def _stock_2020(code: str) -> float:
    profile = selectors.country_profile(code)
    return next(p.value for p in profile.immigrant_stock if (p.year, p.sex) == ("2020", "_T"))


def test_a_profile_is_read_once_until_its_data_changes(django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    before = _stock_2020("PHL")
    with django_assert_num_queries(1):  # the data generation only
        assert _stock_2020("PHL") == before
    Observation.objects.filter(
        ref_area__iso3="PHL", indicator__code=selectors.STOCK, period="2020", sex_id="_T", counterpart_area=None
    ).update(value=before + 1)
    assert _stock_2020("PHL") == before, "still cached: nothing said the data changed"
    bump("undesa-stock")
    assert _stock_2020("PHL") == before + 1


def test_every_import_and_demo_step_bumps_its_version(tmp_path: Path) -> None:
    dataset = DATASETS["reference"]
    assert dataset.shipped is not None
    generation = data_generation()
    run_import(dataset, dataset.shipped, SilentProgress())
    assert DatasetVersion.objects.get(name="reference").version >= 1
    assert data_generation() == generation + 1


def test_a_stewards_edit_in_the_admin_makes_cached_pages_stale() -> None:
    client = Client()
    client.force_login(StewardFactory(is_staff=True))
    area = Area.objects.get(iso3="PHL")
    assert client.get(reverse("stats:profile", args=["PHL"])).status_code == 200  # cached now
    generation = data_generation()
    form = {
        "m49": area.m49,
        "iso3": "PHL",
        "kind": area.kind,
        "name_en": "Philippines (edited)",
        "name_fr": area.name_fr or "",
        "name_es": area.name_es or "",
        "country": area.country_id or "",
        "notes": area.notes,
    }
    response = client.post(reverse("admin:stats_area_change", args=[area.pk]), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert data_generation() == generation + 1
    assert "Philippines (edited)" in client.get(reverse("stats:profile", args=["PHL"])).content.decode()
