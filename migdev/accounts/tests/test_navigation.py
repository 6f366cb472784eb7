"""Reaching a role's pages by navigation: the header's user menu and My account link them; the people list of
officials and stewards shows names, country and roles, with a search box and pages."""

import re

import pytest
from django.urls import reverse

from migdev.accounts.models import User
from migdev.accounts.tests.conftest import client_for
from migdev.accounts.tests.factories import MembershipFactory, UserFactory, WorkerFactory
from migdev.core.models import Country

pytestmark = pytest.mark.django_db


def header(html: str) -> str:
    return html.split('<header class="site-header">', 1)[1].split("</header>", 1)[0]


def links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


def row_of(html: str, text: str) -> str:
    """The table row that holds this text."""
    [row] = [row for row in re.findall(r"<tr>.*?</tr>", html, flags=re.S) if text in row]
    return row


def test_the_header_links_my_account_under_the_user_name(worker: User) -> None:
    html = client_for(worker).get(reverse("core:home")).content.decode()
    menu = header(html)
    assert reverse("accounts:my_account") in links(menu)
    assert "worker-phl" in menu
    assert "My account" in menu


def test_a_stewards_menu_and_account_link_the_review_queue_the_audit_log_and_the_people(steward: User) -> None:
    client = client_for(steward)
    wanted = {
        reverse("accounts:pending_organisations"),
        reverse("accounts:audit_log"),
        reverse("accounts:people"),
    }
    assert reverse("admin:index") in links(header(client.get(reverse("core:home")).content.decode()))
    assert wanted <= links(header(client.get(reverse("core:home")).content.decode()))
    assert wanted <= links(client.get(reverse("accounts:my_account")).content.decode())


def test_an_officials_menu_and_account_link_the_people_of_their_countries(official_phl: User) -> None:
    client = client_for(official_phl)
    menu = links(header(client.get(reverse("core:home")).content.decode()))
    assert reverse("accounts:people") in menu
    assert reverse("accounts:pending_organisations") not in menu
    assert reverse("accounts:audit_log") not in menu
    assert reverse("accounts:people") in links(client.get(reverse("accounts:my_account")).content.decode())


def test_a_workers_menu_has_no_steward_or_official_pages(worker: User) -> None:
    menu = links(header(client_for(worker).get(reverse("core:home")).content.decode()))
    assert not {reverse("accounts:people"), reverse("accounts:audit_log")} & menu


def test_a_members_menu_links_their_organisation(org_admin: User) -> None:
    organisation = org_admin.memberships.get().organisation
    menu = links(header(client_for(org_admin).get(reverse("core:home")).content.decode()))
    assert reverse("accounts:organisation", args=[organisation.pk]) in menu


def test_the_people_list_shows_names_country_and_roles(
    official_phl: User, worker: User, other_worker: User, countries: dict[str, Country]
) -> None:
    worker.first_name, worker.last_name = "Maricel", "Santos"
    worker.save()
    colleague = UserFactory(username="phl-member", first_name="Rodel", last_name="Reyes", country=countries["PHL"])
    MembershipFactory(user=colleague)
    html = client_for(official_phl).get(reverse("accounts:people")).content.decode()
    row = row_of(html, "worker-phl")
    assert "Maricel Santos" in row and "Philippines" in row and "Migrant worker" in row
    assert "Rodel Reyes" in row_of(html, "phl-member") and "Member of" in row_of(html, "phl-member")
    assert reverse("accounts:person_record", args=[worker.pk]) in html
    assert "worker-mex" not in html  # another country's people are not listed


def test_the_people_list_searches_names_and_user_names(official_phl: User, countries: dict[str, Country]) -> None:
    WorkerFactory(username="w-ana", first_name="Ana", last_name="Cruz", country=countries["PHL"])
    WorkerFactory(username="w-jomar", first_name="Jomar", last_name="Bautista", country=countries["PHL"])
    client = client_for(official_phl)
    by_name = client.get(reverse("accounts:people"), {"q": "bautista"}).content.decode()
    assert "w-jomar" in by_name and "w-ana" not in by_name
    by_username = client.get(reverse("accounts:people"), {"q": "w-ana"}).content.decode()
    assert "w-ana" in by_username and "w-jomar" not in by_username
    both_words = client.get(reverse("accounts:people"), {"q": "ana cruz"}).content.decode()
    assert "w-ana" in both_words and "w-jomar" not in both_words
    assert 'name="q"' in by_name and 'value="bautista"' in by_name


def test_the_people_list_is_paginated(official_phl: User, countries: dict[str, Country]) -> None:
    for number in range(30):
        WorkerFactory(username=f"w-{number:02d}", last_name=f"Person {number:02d}", country=countries["PHL"])
    client = client_for(official_phl)
    first = client.get(reverse("accounts:people")).content.decode()
    second = client.get(reverse("accounts:people"), {"page": 2}).content.decode()
    shown_first = set(re.findall(r">(w-\d\d)<", first))
    shown_second = set(re.findall(r">(w-\d\d)<", second))
    assert len(shown_first) == 25 and len(shown_second) == 5 and not shown_first & shown_second
    assert "?q=&amp;page=2" in first


def test_stewards_see_everyone_and_others_are_refused(
    steward: User, worker: User, other_worker: User, org_admin: User
) -> None:
    html = client_for(steward).get(reverse("accounts:people")).content.decode()
    assert "worker-phl" in html and "worker-mex" in html
    assert client_for(worker).get(reverse("accounts:people")).status_code == 403
    assert client_for(org_admin).get(reverse("accounts:people")).status_code == 403
