"""Every create and edit page of the labour and accounts rooms, opened (GET) by every role: only the roles that may
save the form see it; the others are refused (403, or 404 where the object is hidden from them), visitors are sent
to sign in. The POST was already refused; the GET showed the filled form to anyone signed in."""

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from migdev.labour.tests.factories_protection import World
from migdev.labour.tests.factories_registry import StandardFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "worker",
    "employer",
    "recruiter",
    "agency",
    "official_origin",
    "official_destination",
    "official_other",
    "steward",
    "other_employer",
    "anonymous",
]
OFFICIALS = {"official_origin", "official_destination", "official_other"}

# page name -> (its address in the world, the roles that may see its form)
PAGES: dict[str, tuple[Callable[[World, Any], str], set[str]]] = {
    "vacancy_new": (lambda w, s: reverse("labour:vacancy_new"), {"employer", "other_employer"}),
    "vacancy_edit": (
        lambda w, s: reverse("labour:vacancy_edit", kwargs={"vacancy_id": w.vacancy.pk}),
        {"employer", "steward"},
    ),
    "scheme_new": (lambda w, s: reverse("labour:scheme_new"), OFFICIALS | {"steward"}),
    "scheme_edit": (
        lambda w, s: reverse("labour:scheme_edit", kwargs={"scheme_id": w.scheme.pk}),
        {"official_destination", "steward"},
    ),
    "standard_new": (lambda w, s: reverse("labour:standard_new"), {"steward"}),
    "standard_edit": (lambda w, s: reverse("labour:standard_edit", kwargs={"standard_id": s.pk}), {"steward"}),
    "match_runs": (
        lambda w, s: reverse("labour:match_runs", kwargs={"scheme_id": w.scheme.pk}),
        {"official_destination", "steward"},
    ),
    "returning_workers": (
        lambda w, s: reverse("labour:protection_returning_workers", kwargs={"organisation_id": w.employer.pk}),
        {"employer", "steward"},
    ),
    "pending_organisations": (lambda w, s: reverse("accounts:pending_organisations"), {"steward"}),
}


@pytest.fixture
def world() -> World:
    return World()


@pytest.mark.parametrize("page", sorted(PAGES))
def test_create_and_edit_pages_show_their_form_only_to_roles_that_may_save_it(world: World, page: str) -> None:
    address, allowed = PAGES[page]
    url = address(world, StandardFactory())
    users = world.roles()
    seen = {}
    for role in ROLES:
        client = Client()
        if not isinstance(users[role], AnonymousUser):
            client.force_login(users[role])
        response = client.get(url)
        seen[role] = response.status_code
        if role == "anonymous":
            assert response.status_code == 302 and "/login/" in response["Location"], (page, role)
        elif role in allowed:
            assert response.status_code == 200, (page, role, response.status_code)
        else:
            assert response.status_code in (403, 404), (page, role, response.status_code)
            assert b'type="submit"' not in response.content or response.status_code != 200
    assert {role for role, status in seen.items() if status == 200} == allowed


def test_an_organisation_page_offers_the_add_member_form_only_to_its_administrators(world: World) -> None:
    url = reverse("accounts:organisation", kwargs={"organisation_id": world.employer.pk})
    users = world.roles()
    for role in ROLES[:-1]:
        client = Client()
        client.force_login(users[role])
        response = client.get(url)
        assert response.status_code == 200, role
        shows_form = b'name="username"' in response.content
        assert shows_form is (role == "steward"), role
