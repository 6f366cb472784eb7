"""Stewards maintain the reference data and statistics in the admin, and see every durable job there."""

import pytest
from django.test import Client
from django.urls import reverse

from migdev.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

STEWARD_PAGES = [
    "admin:core_country_changelist",
    "admin:core_escooccupation_changelist",
    "admin:stats_indicator_changelist",
    "admin:stats_observation_changelist",
    "admin:django_tasks_database_dbtaskresult_changelist",
]


@pytest.mark.parametrize("name", STEWARD_PAGES)
def test_a_steward_who_is_not_a_superuser_opens_the_reference_data_statistics_and_jobs(name: str) -> None:
    """Before, these admins used Django's model permissions, which stewards do not hold: they answered 403."""
    client = Client()
    client.force_login(UserFactory(username="admin-steward", is_steward=True, is_staff=True))
    assert client.get(reverse(name)).status_code == 200


def test_stewards_may_not_edit_jobs_or_imported_observations() -> None:
    client = Client()
    client.force_login(UserFactory(username="admin-steward", is_steward=True, is_staff=True))
    assert client.get(reverse("admin:django_tasks_database_dbtaskresult_add")).status_code == 403
    assert client.get(reverse("admin:stats_observation_add")).status_code == 403


def test_staff_who_are_not_stewards_do_not_see_the_reference_data() -> None:
    client = Client()
    client.force_login(UserFactory(username="admin-staff", is_staff=True))
    assert client.get(reverse("admin:core_country_changelist")).status_code == 403
