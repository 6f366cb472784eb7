"""Every write of the accounts room; each service declares and checks its permission first, then runs atomically."""

import secrets
from dataclasses import dataclass
from typing import Any, cast

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import ApiToken, AuditEvent, Membership, Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.accounts.signals import person_erased, personal_data_requested
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.core.weblinks import clean_web_url

Actor = User | AnonymousUser

# The personal data of a person: every create/update/delete of these fields is audited.
PROFILE_FIELDS = ("first_name", "last_name", "email", "country")


@dataclass(frozen=True)
class AccountDetails:
    """What a person gives to open an account."""

    username: str
    email: str
    password: str
    first_name: str = ""
    last_name: str = ""


def _actor_user(actor: Actor | None) -> User | None:
    return actor if isinstance(actor, User) and actor.pk is not None else None


@checks_permission("accounts.add_auditevent")
def record_audit(actor: Actor | None, action: str, subject: User | None, obj: Model, fields: list[str]) -> AuditEvent:
    """Record who did what to whose personal data; `fields` names the fields touched, never their values."""
    if action not in AuditEvent.Action.values:
        raise DomainError(_("Unknown audit action: %(action)s") % {"action": action}, field="action")
    who = _actor_user(actor)
    return AuditEvent.objects.create(
        actor=who,
        actor_label=who.username if who else "anonymous",
        action=action,
        subject=subject,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        fields=sorted(fields),
    )


def _create_account(details: AccountDetails, *, is_worker: bool, country: Country | None = None) -> User:
    username = details.username.strip()
    if not username:
        raise DomainError(_("Choose a user name."), field="username")
    if User.objects.filter(username__iexact=username).exists():
        raise DomainError(_("This user name is already taken."), field="username")
    try:
        validate_email(details.email)
    except ValidationError as error:
        raise DomainError(_("Enter a valid e-mail address."), field="email") from error
    user = User(
        username=username,
        email=details.email.strip(),
        first_name=details.first_name.strip(),
        last_name=details.last_name.strip(),
        is_worker=is_worker,
        country=country,
    )
    try:
        validate_password(details.password, user)
    except ValidationError as error:
        raise DomainError(" ".join(error.messages), field="password") from error
    user.set_password(details.password)
    user.save()
    filled = [name for name in ("username", *PROFILE_FIELDS) if getattr(user, name)]
    record_audit(user, AuditEvent.Action.CREATE, user, user, filled)
    return user


@checks_permission("accounts.register_worker")
def register_worker(actor: Actor, details: AccountDetails, country: Country | None = None) -> User:
    """Open a migrant worker's own account (self-registration)."""
    return _create_account(details, is_worker=True, country=country)


@checks_permission("accounts.register_organisation")
def register_organisation(
    actor: Actor,
    *,
    name: str,
    kind: str,
    country: Country,
    website: str = "",
    account: AccountDetails | None = None,
) -> Organisation:
    """Register an organisation awaiting a steward's approval; its registrant becomes its first administrator.

    A visitor who is not signed in gives `account`, the details of the administrator's new account.
    """
    if not name.strip():
        raise DomainError(_("Give the organisation's name."), field="name")
    if kind not in Organisation.Kind.values:
        raise DomainError(_("Choose a type of organisation."), field="kind")
    website = clean_web_url(website, "website")
    if Organisation.objects.filter(name__iexact=name.strip(), country=country).exists():
        raise DomainError(_("An organisation of this name is already registered in this country."), field="name")
    registrant = _actor_user(actor)
    if registrant is None:
        if account is None:
            raise DomainError(_("Give the details of the organisation administrator's account."), field="username")
        registrant = _create_account(account, is_worker=False)
    organisation = Organisation.objects.create(name=name.strip(), kind=kind, country=country, website=website)
    Membership.objects.create(user=registrant, organisation=organisation, is_admin=True)
    return organisation


def _review(actor: User, organisation: Organisation, status: str, note: str) -> Organisation:
    if organisation.status != Organisation.Status.PENDING:
        raise DomainError(_("This organisation has already been reviewed."), field="status")
    organisation.status = status
    organisation.reviewed_by = actor
    organisation.reviewed_at = timezone.now()
    organisation.review_note = note
    organisation.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note"])
    return organisation


@checks_permission("accounts.approve_organisation", obj="organisation")
def approve_organisation(actor: User, organisation: Organisation, note: str = "") -> Organisation:
    """A steward approves a pending organisation: from now on its members have organisation rights."""
    return _review(actor, organisation, Organisation.Status.APPROVED, note)


@checks_permission("accounts.approve_organisation", obj="organisation")
def reject_organisation(actor: User, organisation: Organisation, note: str = "") -> Organisation:
    """A steward rejects a pending organisation; its members never get organisation rights."""
    return _review(actor, organisation, Organisation.Status.REJECTED, note)


@checks_permission("accounts.add_member", obj="organisation")
def add_member(actor: User, organisation: Organisation, member: User, is_admin: bool = False) -> Membership:
    """An organisation administrator (or a steward) adds a member."""
    if not member.is_active:
        raise DomainError(_("This account is not active."), field="username")
    if Membership.objects.filter(organisation=organisation, user=member).exists():
        raise DomainError(_("This person is already a member."), field="username")
    return Membership.objects.create(organisation=organisation, user=member, is_admin=is_admin)


@checks_permission("accounts.change_user", obj="person")
def update_profile(actor: User, person: User, changes: dict[str, Any]) -> User:
    """Change a person's profile fields; filled or changed fields are audited as updates, emptied ones as deletes."""
    unknown = sorted(set(changes) - set(PROFILE_FIELDS))
    if unknown:
        raise DomainError(_("This field cannot be changed here."), field=unknown[0])
    if changes.get("email"):
        try:
            validate_email(changes["email"])
        except ValidationError as error:
            raise DomainError(_("Enter a valid e-mail address."), field="email") from error
    updated: list[str] = []
    deleted: list[str] = []
    for name, value in changes.items():
        if isinstance(value, str):
            value = value.strip()
        if getattr(person, name) == value:
            continue
        (deleted if value in ("", None) else updated).append(name)
        setattr(person, name, value)
    if not updated and not deleted:
        return person
    person.save(update_fields=updated + deleted)
    if updated:
        record_audit(actor, AuditEvent.Action.UPDATE, person, person, updated)
    if deleted:
        record_audit(actor, AuditEvent.Action.DELETE, person, person, deleted)
    return person


@checks_permission("accounts.grant_country_official", obj="person")
def grant_country_official(actor: User, person: User, country: Country) -> User:
    """A steward makes a person an official for a country: they may then edit that country's records."""
    if not person.is_active:
        raise DomainError(_("This account is not active."), field="person")
    person.official_countries.add(country)
    record_audit(actor, AuditEvent.Action.UPDATE, person, person, ["official_countries"])
    return person


@checks_permission("accounts.grant_country_official", obj="person")
def revoke_country_official(actor: User, person: User, country: Country) -> User:
    """A steward withdraws a person's role as official for a country."""
    person.official_countries.remove(country)
    record_audit(actor, AuditEvent.Action.DELETE, person, person, ["official_countries"])
    return person


@checks_permission("accounts.add_apitoken")
def create_api_token(actor: User, name: str) -> tuple[ApiToken, str]:
    """Create an API token for the actor; the clear key is returned once and only its hash is stored."""
    if not name.strip():
        raise DomainError(_("Give the token a name."), field="name")
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor, name=name.strip()[:100], prefix=key[:8], key_hash=ApiToken.hash_key(key)
    )
    return token, key


@checks_permission("accounts.delete_apitoken", obj="token")
def revoke_api_token(actor: User, token: ApiToken) -> ApiToken:
    """Revoke a token: it no longer authenticates."""
    if token.revoked_at is not None:
        raise DomainError(_("This token has already been revoked."), field="token")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    return token


@checks_permission("accounts.export_user", obj="person")
def export_personal_data(actor: User, person: User) -> dict[str, Any]:
    """Everything MigDev holds about a person, JSON-ready: their fields, memberships, the audit events about them,
    and one section per room that holds data about them (e.g. "labour": worker profile, grievances, placements)."""
    record_audit(actor, AuditEvent.Action.EXPORT, person, person, [])
    memberships = person.memberships.select_related("organisation__country").order_by("organisation__name")
    events = AuditEvent.objects.filter(subject=person).order_by("at", "id")
    rooms: dict[str, Any] = {}
    for _receiver, section in personal_data_requested.send(sender=User, actor=actor, person=person):
        if section is not None:
            name, data = cast(tuple[str, Any], section)
            rooms[name] = data
    return {
        "user": {
            "id": person.pk,
            "username": person.username,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "country": person.country_id,
            "date_joined": person.date_joined.isoformat(),
            "last_login": person.last_login.isoformat() if person.last_login else None,
            "is_steward": person.is_steward,
            "is_worker": person.is_worker,
            "official_countries": sorted(person.official_countries.values_list("iso3", flat=True)),
        },
        "memberships": [
            {
                "organisation": m.organisation.name,
                "country": m.organisation.country_id,
                "status": m.organisation.status,
                "is_admin": m.is_admin,
                "joined_at": m.joined_at.isoformat(),
            }
            for m in memberships
        ],
        "audit_events": [
            {
                "at": e.at.isoformat(),
                "actor": e.actor_label,
                "action": e.action,
                "object_type": e.object_type,
                "object_id": e.object_id,
                "fields": e.fields,
            }
            for e in events
        ],
        **rooms,
    }


@checks_permission("accounts.erase_user", obj="person")
def erase_person(actor: User, person: User) -> User:
    """Erase a person's data on request: personal fields blanked, account deactivated, other rooms told.

    The audit log is append-only: earlier entries stay exactly as recorded (docs/personal-data.md says why); the
    erasure is one more entry.
    """
    if person.erased_at is not None:
        raise DomainError(_("This account has already been erased."), field="person")
    cleared = [name for name in ("username", *PROFILE_FIELDS) if getattr(person, name)]
    anonymous_name = f"erased-{person.pk}"
    person.username = anonymous_name
    person.first_name = ""
    person.last_name = ""
    person.email = ""
    person.country = None
    person.is_active = False
    person.is_staff = False
    person.erased_at = timezone.now()
    person.set_unusable_password()
    person.save()
    person.official_countries.clear()
    person.memberships.all().delete()
    person.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    record_audit(actor, AuditEvent.Action.ERASE, person, person, cleared)
    person_erased.send(sender=User, actor=actor, person=person)
    return person
