"""Reads of the accounts room: people, organisations, tokens and the audit log."""

from collections.abc import Iterable
from dataclasses import dataclass

import rules
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from migdev.accounts.audit_records import record_names
from migdev.accounts.models import ApiToken, AuditEvent, Membership, Organisation, User
from migdev.accounts.services import Actor, record_audit
from migdev.core.errors import NotFound, PermissionDenied


@dataclass(frozen=True)
class AuditRow:
    """An audit event and its record in words ("Placement of W-1A2B with Acme Farms, 2025 season")."""

    event: AuditEvent
    record: str


@dataclass(frozen=True)
class PersonRecord:
    """A person's full record: profile, roles, memberships, tokens and the audit events about them."""

    person: User
    official_countries: list[str]
    memberships: list[Membership]
    tokens: list[ApiToken]
    audit_events: list[AuditRow]


def user_by_id(user_id: int) -> User:
    found = User.objects.select_related("country").filter(pk=user_id).first()
    if found is None:
        raise NotFound(_("No such person."), field="id")
    return found


def user_by_username(username: str) -> User:
    found = User.objects.filter(username=username).first()
    if found is None:
        raise NotFound(_("No account with this user name."), field="username")
    return found


def person_record(viewer: Actor, person: User) -> PersonRecord:
    """A person's full record, if the rules allow; a read by anyone but the person is audited."""
    if not rules.has_perm("accounts.view_person_record", viewer, person) and not getattr(viewer, "is_superuser", False):
        raise PermissionDenied(_("You may not view this person's record."), field="id")
    if viewer.pk != person.pk:
        record_audit(viewer, AuditEvent.Action.READ, person, person, [])
    memberships = list(person.memberships.select_related("organisation__country").order_by("organisation__name"))
    return PersonRecord(
        person=person,
        official_countries=sorted(person.official_countries.values_list("iso3", flat=True)),
        memberships=memberships,
        tokens=list(person.api_tokens.all()),
        audit_events=audit_rows(AuditEvent.objects.filter(subject=person).select_related("actor")[:200]),
    )


def people_of_official_countries(official: User) -> QuerySet[User]:
    """The active people whose country of origin is one the official is responsible for."""
    return (
        User.objects.filter(country__in=official.official_countries.all(), is_active=True)
        .select_related("country")
        .order_by("country__name", "username")
    )


def memberships_of(user: User) -> QuerySet[Membership]:
    return user.memberships.select_related("organisation__country").order_by("organisation__name")


def organisation_by_id(organisation_id: int) -> Organisation:
    found = Organisation.objects.select_related("country").filter(pk=organisation_id).first()
    if found is None:
        raise NotFound(_("No such organisation."), field="id")
    return found


def approved_organisations() -> QuerySet[Organisation]:
    """The organisations the public sees: approved ones only."""
    return Organisation.objects.filter(status=Organisation.Status.APPROVED).select_related("country").order_by("name")


def pending_organisations() -> QuerySet[Organisation]:
    """Organisations awaiting a steward's review, oldest first, with their registrants."""
    return (
        Organisation.objects.filter(status=Organisation.Status.PENDING)
        .select_related("country")
        .prefetch_related(Prefetch("memberships", queryset=Membership.objects.select_related("user")))
        .order_by("created_at", "pk")
    )


def organisation_members(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("user__username")


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    return user.api_tokens.order_by("-created_at", "-pk")


def api_token_of(user: User, token_id: int) -> ApiToken:
    """One of the user's tokens (another person's token is reported as not found)."""
    found = ApiToken.objects.filter(pk=token_id, user=user).first()
    if found is None:
        raise NotFound(_("No such token."), field="id")
    return found


def audit_events(viewer: Actor, *, subject_id: int | None = None, action: str = "") -> QuerySet[AuditEvent]:
    """The audit log, newest first; stewards only."""
    if not rules.has_perm("accounts.view_auditevent", viewer) and not getattr(viewer, "is_superuser", False):
        raise PermissionDenied(_("Only stewards may read the audit log."))
    events = AuditEvent.objects.select_related("actor", "subject")
    if subject_id is not None:
        events = events.filter(subject_id=subject_id)
    if action:
        events = events.filter(action=action)
    return events


def audit_rows(events: Iterable[AuditEvent]) -> list[AuditRow]:
    """The events with their records named, in one query per kind of record (not one per row)."""
    events = list(events)
    names = record_names(events)
    return [AuditRow(event, names[(event.object_type, event.object_id)]) for event in events]
