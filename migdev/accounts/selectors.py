"""Reads of the accounts room: people, organisations, tokens and the audit log."""

from collections.abc import Iterable
from dataclasses import dataclass

import rules
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from migdev.accounts.audit_records import record_names
from migdev.accounts.models import ApiToken, AuditEvent, Membership, Organisation, User
from migdev.accounts.rules import is_steward
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
    """A person's full record, if the rules allow; a read by anyone but the person is audited.

    Refused as "no such person", as for a missing id, so that nobody can probe which ids exist."""
    if not rules.has_perm("accounts.view_person_record", viewer, person) and not getattr(viewer, "is_superuser", False):
        raise NotFound(_("No such person."), field="id")
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


def _sees_everyone(viewer: Actor) -> bool:
    return bool(getattr(viewer, "is_superuser", False) or is_steward.test(viewer))


def may_list_people(viewer: Actor) -> bool:
    """Stewards list everyone; country officials the people of their countries."""
    if _sees_everyone(viewer):
        return True
    return isinstance(viewer, User) and viewer.is_active and viewer.official_countries.exists()


def people_visible_to(viewer: Actor, search: str = "") -> QuerySet[User]:
    """The active people whose records the viewer may open (all for stewards, their countries' for officials),
    matching every word of `search` in the user name, first or last name; with their country, whether each is an
    official, and their memberships, for a list."""
    if not may_list_people(viewer) or not isinstance(viewer, User):
        raise PermissionDenied(_("Only stewards and country officials may list people."))
    people = User.objects.filter(is_active=True)
    if not _sees_everyone(viewer):
        people = people.filter(country__in=viewer.official_countries.all())
    for word in search.split():
        people = people.filter(
            Q(username__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word)
        )
    officials = User.official_countries.through.objects.filter(user_id=OuterRef("pk"))
    return (
        people.select_related("country")
        .annotate(is_official=Exists(officials))
        .prefetch_related(Prefetch("memberships", queryset=Membership.objects.select_related("organisation")))
        .order_by("country__name", "last_name", "first_name", "username")
    )


@dataclass(frozen=True)
class AccountPage:
    """A page of the viewer's roles, for the header's user menu and My account."""

    url_name: str
    label: str | Promise
    args: tuple[int, ...] = ()


def account_pages(user: User) -> list[AccountPage]:
    """The pages each of the user's roles opens: stewards' review queue, audit log and people; officials' people of
    their countries; staff's Django admin; members' organisations."""
    pages = []
    if user.is_steward or user.is_superuser:
        pages += [
            AccountPage("accounts:pending_organisations", gettext_lazy("Organisations to review")),
            AccountPage("accounts:audit_log", gettext_lazy("Audit log")),
            AccountPage("accounts:people", gettext_lazy("People")),
        ]
    elif user.official_countries.exists():
        pages.append(AccountPage("accounts:people", gettext_lazy("People of my countries")))
    if user.is_staff:
        pages.append(AccountPage("admin:index", gettext_lazy("Administration")))
    for membership in memberships_of(user):
        pages.append(AccountPage("accounts:organisation", membership.organisation.name, (membership.organisation.pk,)))
    return pages


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
