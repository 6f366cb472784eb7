"""The demo accounts: one user per role, every kind of organisation, and loading twice changes nothing."""

import pytest
from django.test import Client

from migdev.accounts.demo import DEMO_USERS, load_demo_accounts
from migdev.accounts.models import Membership, Organisation, User
from migdev.core.datasets import demo_steps
from migdev.core.progress import SilentProgress

pytestmark = pytest.mark.django_db


def test_demo_is_registered_as_a_setup_step() -> None:
    assert "accounts" in [step.name for step in demo_steps()]


def test_demo_has_one_user_per_role_and_every_kind_of_organisation() -> None:
    summary = load_demo_accounts(SilentProgress())
    assert "\n" not in summary and "8 organisations and 4 users created" in summary
    assert User.objects.get(username="demo-steward").is_steward
    assert list(User.objects.get(username="demo-official").official_countries.values_list("iso3", flat=True)) == ["PHL"]
    membership = Membership.objects.get(user__username="demo-employer")
    assert membership.organisation.kind == Organisation.Kind.EMPLOYER and membership.organisation.country_id == "CAN"
    assert User.objects.get(username="demo-worker").is_worker
    kinds = set(Organisation.objects.filter(name__contains="demo").values_list("kind", flat=True))
    assert kinds == set(Organisation.Kind.values)
    assert Organisation.objects.get(kind="government", name__contains="demo").country_id == "PHL"


def test_demo_is_idempotent() -> None:
    load_demo_accounts(SilentProgress())
    counts = (User.objects.count(), Organisation.objects.count(), Membership.objects.count())
    assert load_demo_accounts(SilentProgress()).startswith("0 organisations and 0 users created")
    assert counts == (User.objects.count(), Organisation.objects.count(), Membership.objects.count())


def test_demo_passwords_log_in() -> None:
    load_demo_accounts(SilentProgress())
    for username, spec in DEMO_USERS.items():
        client = Client()
        response = client.post("/en/accounts/login/", {"username": username, "password": spec["password"]})
        assert response.status_code == 302, username
