"""Users of the rcp tests: a steward, a member of the Colombo Process's secretariat, a member of another
organisation, and a plain signed-in user."""

from typing import Any

import pytest

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.models import Country
from migdev.rcp.models import Process, Secretariat


@pytest.fixture
def colombo(db: Any) -> Process:
    return Process.objects.get(rcp_id="colombo")


@pytest.fixture
def steward(db: Any) -> User:
    return User.objects.create_user("rcp-steward", password="x", is_steward=True)


@pytest.fixture
def secretariat_user(colombo: Process) -> User:
    user = User.objects.create_user("rcp-secretariat", password="x")
    organisation = Organisation.objects.create(
        name="Colombo secretariat (test)", kind="igo", country=Country.objects.get(pk="LKA"), status="approved"
    )
    Membership.objects.create(user=user, organisation=organisation)
    Secretariat.objects.create(process=colombo, organisation=organisation)
    return user


@pytest.fixture
def other_user(db: Any) -> User:
    user = User.objects.create_user("rcp-other", password="x")
    organisation = Organisation.objects.create(
        name="Other body (test)", kind="igo", country=Country.objects.get(pk="FRA"), status="approved"
    )
    Membership.objects.create(user=user, organisation=organisation)
    Secretariat.objects.create(process=Process.objects.get(rcp_id="rabat"), organisation=organisation)
    return user
