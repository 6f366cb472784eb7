"""Writes of the country policy profile: the profile, policies and laws, working groups with members, meetings and
decisions (the country's officials and stewards)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.core.weblinks import clean_web_url
from migdev.policy.models import (
    PolicyInstrument,
    PolicyProfile,
    WorkingGroup,
    WorkingGroupDecision,
    WorkingGroupMeeting,
    WorkingGroupMember,
)


def _required(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        raise DomainError(_("This field is required."), field=field)
    return value


def _choice(value: str, choices: Sequence[tuple[str, object]], field: str) -> str:
    codes = [c for c, _label in choices]
    if value not in codes:
        raise DomainError(_("Choose one of: %(codes)s") % {"codes": ", ".join(codes)}, field=field)
    return value


@dataclass(frozen=True)
class ProfileInput:
    lead_agency: str = ""
    summary: str = ""
    source: str = ""
    as_of: date | None = None


@checks_permission("policy.change_country_policy", obj="country")
def save_profile(actor: User, country: Country, data: ProfileInput) -> PolicyProfile:
    """Create or update the country's policy profile."""
    profile, _created = PolicyProfile.objects.update_or_create(
        country=country,
        defaults={
            "lead_agency": data.lead_agency.strip(),
            "summary": data.summary.strip(),
            "source": data.source.strip(),
            "as_of": data.as_of,
        },
    )
    return profile


@dataclass(frozen=True)
class InstrumentInput:
    title: str
    kind: str
    adopted: date | None = None
    in_force: bool = True
    law_work_id: int | None = None
    url: str = ""
    source: str = ""


@checks_permission("policy.change_country_policy", obj="country")
def add_instrument(actor: User, country: Country, data: InstrumentInput) -> PolicyInstrument:
    """Record a policy, strategy or law of the country (linked to the law room's document when it holds it)."""
    if data.law_work_id is not None:
        from migdev.law.selectors import national

        if data.law_work_id not in {law.work_id for law in national.country_laws(country.pk)}:
            raise DomainError(_("The law room holds no law of this country with that id."), field="law_work_id")
    return PolicyInstrument.objects.create(
        country=country,
        title=_required(data.title, "title"),
        kind=_choice(data.kind, PolicyInstrument.Kind.choices, "kind"),
        adopted=data.adopted,
        in_force=data.in_force,
        law_work_id=data.law_work_id,
        url=clean_web_url(data.url, "url") if data.url.strip() else "",
        source=data.source.strip(),
    )


@dataclass(frozen=True)
class GroupInput:
    name: str
    mandate: str
    legal_basis: str = ""
    established: date | None = None


@checks_permission("policy.change_country_policy", obj="country")
def create_group(actor: User, country: Country, data: GroupInput) -> WorkingGroup:
    """Record the country's inter-ministerial working group on migration."""
    return WorkingGroup.objects.create(
        country=country,
        name=_required(data.name, "name"),
        mandate=_required(data.mandate, "mandate"),
        legal_basis=data.legal_basis.strip(),
        established=data.established,
    )


@checks_permission("policy.change_country_policy", obj="group")
def add_member(actor: User, group: WorkingGroup, ministry: str, role: str) -> WorkingGroupMember:
    """Add a ministry or agency to the group."""
    ministry = _required(ministry, "ministry")
    if group.members.filter(ministry__iexact=ministry).exists():
        raise DomainError(_("This ministry is already a member."), field="ministry")
    return WorkingGroupMember.objects.create(
        group=group, ministry=ministry, role=_choice(role, WorkingGroupMember.Role.choices, "role")
    )


@checks_permission("policy.change_country_policy", obj="group")
def record_meeting(
    actor: User, group: WorkingGroup, on: date, summary: str, decisions: list[str]
) -> WorkingGroupMeeting:
    """Record a meeting of the group and the decisions it took (one per line of text)."""
    if group.established and on < group.established:
        raise DomainError(_("The meeting is dated before the group was established."), field="date")
    meeting = WorkingGroupMeeting.objects.create(group=group, date=on, summary=summary.strip())
    texts = [d.strip() for d in decisions if d.strip()]
    WorkingGroupDecision.objects.bulk_create(WorkingGroupDecision(meeting=meeting, text=t) for t in texts)
    return meeting
