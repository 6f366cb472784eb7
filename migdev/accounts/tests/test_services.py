"""Services: registration, review, members, profile, tokens, country officials, audit, export and erasure."""

import pytest
from django.contrib.auth.models import AnonymousUser

from migdev.accounts import selectors, services
from migdev.accounts.models import ApiToken, AuditEvent, Membership, Organisation, User
from migdev.accounts.services import AccountDetails
from migdev.accounts.signals import personal_data_requested
from migdev.accounts.tests.factories import UserFactory
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.core.models import Country

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "correct-horse-battery-staple"


def details(username: str = "new-person", password: str = GOOD_PASSWORD) -> AccountDetails:
    return AccountDetails(username=username, email=f"{username}@example.org", password=password, first_name="Ana")


def test_register_worker_creates_a_worker_and_audits_the_creation(countries: dict[str, Country]) -> None:
    user = services.register_worker(AnonymousUser(), details(), countries["PHL"])
    assert user.is_worker and user.check_password(GOOD_PASSWORD) and user.country_id == "PHL"
    event = AuditEvent.objects.get(subject=user)
    assert event.action == AuditEvent.Action.CREATE
    assert event.fields == ["country", "email", "first_name", "username"]


def test_register_worker_refuses_a_taken_user_name(worker: User) -> None:
    with pytest.raises(DomainError) as caught:
        services.register_worker(AnonymousUser(), details(username="WORKER-PHL"))
    assert caught.value.field == "username"


def test_register_worker_refuses_a_weak_password_and_writes_nothing() -> None:
    with pytest.raises(DomainError) as caught:
        services.register_worker(AnonymousUser(), details(password="123"))
    assert caught.value.field == "password"
    assert not User.objects.filter(username="new-person").exists()
    assert not AuditEvent.objects.exists()


def test_register_organisation_is_pending_and_its_registrant_is_admin(countries: dict[str, Country]) -> None:
    organisation = services.register_organisation(
        AnonymousUser(), name="Acme (test)", kind="employer", country=countries["CAN"], account=details("acme-admin")
    )
    assert organisation.status == Organisation.Status.PENDING
    membership = Membership.objects.get(organisation=organisation)
    assert membership.user.username == "acme-admin" and membership.is_admin
    assert not membership.user.has_perm("accounts.add_member", organisation)


def test_register_organisation_by_a_signed_in_user(worker: User, countries: dict[str, Country]) -> None:
    organisation = services.register_organisation(
        worker, name="Worker co-op", kind="civil_society", country=countries["PHL"]
    )
    assert Membership.objects.get(organisation=organisation).user == worker


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": " ", "kind": "employer"}, "name"),
        ({"name": "X", "kind": "spaceship"}, "kind"),
        ({"name": "X", "kind": "igo"}, "username"),
    ],
)
def test_register_organisation_names_the_bad_field(countries: dict[str, Country], kwargs: dict, field: str) -> None:
    with pytest.raises(DomainError) as caught:
        services.register_organisation(AnonymousUser(), country=countries["FRA"], **kwargs)
    assert caught.value.field == field
    assert not Organisation.objects.filter(name="X").exists()


def test_approval_gives_members_their_organisation_rights(steward: User, countries: dict[str, Country]) -> None:
    registrant = UserFactory()
    organisation = services.register_organisation(
        registrant, name="Pending Ltd", kind="employer", country=countries["CAN"]
    )
    assert not registrant.has_perm("accounts.add_member", organisation)
    services.approve_organisation(steward, organisation)
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.APPROVED and organisation.reviewed_by == steward
    assert registrant.has_perm("accounts.add_member", organisation)
    with pytest.raises(DomainError) as caught:
        services.reject_organisation(steward, organisation)
    assert caught.value.field == "status"


def test_only_stewards_review_organisations(org_admin: User, employer: Organisation, official_phl: User) -> None:
    employer.status = Organisation.Status.PENDING
    employer.save()
    for user in (org_admin, official_phl):
        with pytest.raises(PermissionDenied):
            services.approve_organisation(user, employer)
    employer.refresh_from_db()
    assert employer.status == Organisation.Status.PENDING


def test_org_admin_adds_members_of_their_organisation_only(
    org_admin: User, org_member: User, employer: Organisation, other_org: Organisation
) -> None:
    newcomer = UserFactory()
    membership = services.add_member(org_admin, employer, newcomer)
    assert membership.organisation == employer and not membership.is_admin
    with pytest.raises(DomainError) as caught:
        services.add_member(org_admin, employer, newcomer)
    assert caught.value.field == "username"
    with pytest.raises(PermissionDenied):
        services.add_member(org_admin, other_org, UserFactory())
    with pytest.raises(PermissionDenied):
        services.add_member(org_member, employer, UserFactory())


def test_update_profile_audits_updates_and_deletes_by_field(worker: User) -> None:
    services.update_profile(worker, worker, {"first_name": "Maria", "last_name": ""})
    worker.refresh_from_db()
    assert worker.first_name == "Maria" and worker.last_name == ""
    events = {e.action: e.fields for e in AuditEvent.objects.filter(subject=worker)}
    assert events == {AuditEvent.Action.UPDATE: ["first_name"], AuditEvent.Action.DELETE: ["last_name"]}


def test_update_profile_without_change_writes_no_event(worker: User) -> None:
    services.update_profile(worker, worker, {"first_name": worker.first_name})
    assert not AuditEvent.objects.exists()


def test_update_profile_of_someone_else(worker: User, other_worker: User, steward: User, official_phl: User) -> None:
    for user in (other_worker, official_phl):
        with pytest.raises(PermissionDenied):
            services.update_profile(user, worker, {"first_name": "Hacked"})
    services.update_profile(steward, worker, {"email": "fixed@example.org"})
    event = AuditEvent.objects.get(subject=worker)
    assert event.actor == steward and event.actor_label == "steward" and event.fields == ["email"]


def test_update_profile_refuses_fields_that_are_not_profile_fields(worker: User) -> None:
    with pytest.raises(DomainError) as caught:
        services.update_profile(worker, worker, {"is_steward": True})
    assert caught.value.field == "is_steward"
    worker.refresh_from_db()
    assert not worker.is_steward


def test_grant_country_official_is_for_stewards(steward: User, worker: User, countries: dict[str, Country]) -> None:
    with pytest.raises(PermissionDenied):
        services.grant_country_official(worker, worker, countries["PHL"])
    services.grant_country_official(steward, worker, countries["FRA"])
    assert list(worker.official_countries.values_list("iso3", flat=True)) == ["FRA"]
    services.revoke_country_official(steward, worker, countries["FRA"])
    assert not worker.official_countries.exists()


def test_api_token_key_is_returned_once_and_only_its_hash_stored(worker: User) -> None:
    token, key = services.create_api_token(worker, "script")
    assert token.key_hash == ApiToken.hash_key(key) and key not in token.key_hash
    assert token.prefix == key[:8]
    assert not ApiToken.objects.filter(key_hash=key).exists()


def test_revoke_api_token_by_owner_not_by_others(worker: User, other_worker: User) -> None:
    token, _key = services.create_api_token(worker, "script")
    with pytest.raises(PermissionDenied):
        services.revoke_api_token(other_worker, token)
    services.revoke_api_token(worker, token)
    assert token.revoked_at is not None
    with pytest.raises(DomainError):
        services.revoke_api_token(worker, token)


def test_anonymous_cannot_create_tokens() -> None:
    with pytest.raises(PermissionDenied):
        services.create_api_token(AnonymousUser(), "x")


def test_reading_someone_elses_record_is_audited(steward: User, worker: User) -> None:
    selectors.person_record(steward, worker)
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.subject) == (AuditEvent.Action.READ, steward, worker)


def test_reading_ones_own_record_is_not_audited(worker: User) -> None:
    record = selectors.person_record(worker, worker)
    assert record.person == worker
    assert not AuditEvent.objects.exists()


def test_officials_read_records_of_their_countries_only(official_phl: User, worker: User, other_worker: User) -> None:
    selectors.person_record(official_phl, worker)
    with pytest.raises(NotFound):  # refused as "no such person", so nobody can probe which ids exist
        selectors.person_record(official_phl, other_worker)
    assert AuditEvent.objects.filter(action=AuditEvent.Action.READ).count() == 1


def test_export_contains_fields_memberships_and_audit_events(org_member: User, steward: User) -> None:
    selectors.person_record(steward, org_member)
    data = services.export_personal_data(org_member, org_member)
    assert data["user"]["username"] == "org-member" and data["user"]["email"] == "org-member@example.org"
    assert [m["organisation"] for m in data["memberships"]] == ["Employer A"]
    assert [e["action"] for e in data["audit_events"]] == ["read", "export"]
    with pytest.raises(PermissionDenied):
        services.export_personal_data(steward, org_member)


def test_export_includes_the_section_of_every_room_holding_data_about_the_person(org_member: User) -> None:
    def room(sender: object, actor: User, person: User, **kwargs: object) -> tuple[str, object] | None:
        return ("a_room", {"about": person.username}) if person == org_member else None

    personal_data_requested.connect(room, dispatch_uid="test-room")
    try:
        data = services.export_personal_data(org_member, org_member)
    finally:
        personal_data_requested.disconnect(dispatch_uid="test-room")
    assert data["a_room"] == {"about": "org-member"}


def test_erasure_anonymises_deactivates_and_keeps_the_audit_rows(org_member: User, steward: User) -> None:
    services.update_profile(org_member, org_member, {"first_name": "Secret"})
    token, _key = services.create_api_token(org_member, "script")
    selectors.person_record(steward, org_member)
    before = list(AuditEvent.objects.order_by("pk").values())
    services.erase_person(org_member, org_member)
    org_member.refresh_from_db()
    assert org_member.username == f"erased-{org_member.pk}"
    assert (org_member.first_name, org_member.last_name, org_member.email, org_member.country) == ("", "", "", None)
    assert not org_member.is_active and not org_member.has_usable_password() and org_member.erased_at
    assert not org_member.memberships.exists()
    token.refresh_from_db()
    assert token.revoked_at is not None
    events = AuditEvent.objects.filter(subject=org_member).order_by("at", "id")
    assert [e.action for e in events] == ["update", "read", "erase"]
    # Append-only: the entries recorded before are unchanged, byte for byte (the label as recorded at the time).
    assert list(AuditEvent.objects.filter(pk__in=[row["id"] for row in before]).order_by("pk").values()) == before
    assert [e.actor_label for e in events] == ["org-member", "steward", f"erased-{org_member.pk}"]
    assert events.last().fields == ["email", "first_name", "last_name", "username"]  # type: ignore[union-attr]


def test_erasure_of_someone_else_is_for_stewards(worker: User, other_worker: User, steward: User) -> None:
    with pytest.raises(PermissionDenied):
        services.erase_person(other_worker, worker)
    services.erase_person(steward, worker)
    worker.refresh_from_db()
    assert not worker.is_active
