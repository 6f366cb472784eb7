"""The rules: every write service declares a registered permission; the shared predicates decide by role."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from migdev.accounts import services
from migdev.accounts.models import Organisation, User
from migdev.accounts.rules import (
    is_member_of_org,
    is_official_for_country,
    is_self,
    is_steward,
    service_permissions,
)
from migdev.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from migdev.core.models import Country


def test_every_write_service_declares_a_registered_permission() -> None:
    declared = service_permissions(services)
    assert "register_worker" in declared and "record_audit" in declared
    undeclared = sorted(name for name, permission in declared.items() if permission is None)
    assert undeclared == [], f"services without a declared permission: {undeclared}"
    unregistered = sorted(p for p in declared.values() if p is not None and not rules.perm_exists(p))
    assert unregistered == [], f"permissions declared but not registered in rules: {unregistered}"


@pytest.mark.django_db
def test_steward_predicate(steward: User, worker: User) -> None:
    assert is_steward(steward)
    assert not is_steward(worker)
    assert not is_steward(AnonymousUser())


@pytest.mark.django_db
def test_inactive_steward_has_no_rights(steward: User) -> None:
    steward.is_active = False
    assert not is_steward(steward)


@pytest.mark.django_db
def test_official_predicate_takes_a_country_or_an_object_with_one(
    official_phl: User, countries: dict[str, Country], worker: User, other_worker: User
) -> None:
    assert is_official_for_country(official_phl, countries["PHL"])
    assert not is_official_for_country(official_phl, countries["MEX"])
    assert is_official_for_country(official_phl, worker)  # worker.country is PHL
    assert not is_official_for_country(official_phl, other_worker)
    assert not is_official_for_country(official_phl, None)


@pytest.mark.django_db
def test_member_predicate_needs_an_approved_organisation(org_member: User, employer: Organisation) -> None:
    membership = org_member.memberships.get()
    assert is_member_of_org(org_member, employer)
    assert is_member_of_org(org_member, membership)  # an object with .organisation
    assert not is_member_of_org(org_member, OrganisationFactory())
    pending = OrganisationFactory(status=Organisation.Status.PENDING)
    MembershipFactory(user=org_member, organisation=pending, is_admin=True)
    assert not is_member_of_org(org_member, pending)


@pytest.mark.django_db
def test_self_predicate(worker: User, other_worker: User) -> None:
    token_like = type("Owned", (), {"user_id": worker.pk})()
    assert is_self(worker, worker)
    assert is_self(worker, token_like)
    assert not is_self(other_worker, worker)
    assert not is_self(AnonymousUser(), worker)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "may_change_worker", "may_view_worker"),
    [
        ("steward", True, True),
        ("official_phl", False, True),
        ("official_mex", False, False),
        ("worker", True, True),
        ("other_worker", False, False),
        ("org_member", False, False),
    ],
)
def test_person_permissions_by_role(
    request: pytest.FixtureRequest, worker: User, who: str, may_change_worker: bool, may_view_worker: bool
) -> None:
    user = request.getfixturevalue(who) if who != "worker" else worker
    assert user.has_perm("accounts.change_user", worker) is may_change_worker
    assert user.has_perm("accounts.view_person_record", worker) is may_view_worker


@pytest.mark.django_db
def test_organisation_permissions_by_role(
    steward: User, org_admin: User, org_member: User, employer: Organisation, other_org: Organisation
) -> None:
    assert steward.has_perm("accounts.approve_organisation", employer)
    assert not org_admin.has_perm("accounts.approve_organisation", employer)
    assert org_admin.has_perm("accounts.add_member", employer)
    assert org_admin.has_perm("accounts.change_organisation", employer)
    assert not org_admin.has_perm("accounts.change_organisation", other_org)
    assert not org_member.has_perm("accounts.add_member", employer)
    assert not AnonymousUser().has_perm("accounts.change_organisation", employer)
    assert not UserFactory().has_perm("accounts.add_member", employer)
