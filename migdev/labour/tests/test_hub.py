"""The labour exchange's front page shows public figures to all, and each role its own entry points."""

import pytest
from django.test import Client

from migdev.labour.tests.factories_registry import WorkerProfileFactory, employer_with_member

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_see_public_sections_only() -> None:
    page = Client().get("/en/labour/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Recruitment cost borne by workers (SDG indicator 10.7.1)" in html
    assert "My work abroad" not in html
    assert "Country officials" not in html


def test_a_worker_sees_their_own_section() -> None:
    worker = WorkerProfileFactory()
    client = Client()
    client.force_login(worker.user)
    html = client.get("/en/labour/").content.decode()
    assert "My work abroad" in html
    assert "/en/labour/worker/profile/" in html


def test_an_employer_member_sees_their_organisation_section() -> None:
    organisation, member = employer_with_member()
    client = Client()
    client.force_login(member)
    html = client.get("/en/labour/").content.decode()
    assert organisation.name in html
    assert f"/en/labour/employers/{organisation.pk}/returning-workers/" in html


def test_the_exchange_is_in_the_main_navigation() -> None:
    html = Client().get("/fr/").content.decode()
    assert 'href="/fr/labour/"' in html
