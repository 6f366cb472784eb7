"""Writes of the expert registry: profiles, needs, invitations, assignments. Each checks its permission first."""

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import record_audit
from migdev.core.errors import DomainError
from migdev.core.models import EscoOccupation, EscoSkill, Language, Sex
from migdev.diaspora.codes import country_by_code
from migdev.diaspora.models import (
    Assignment,
    Cefr,
    ExpertInvitation,
    ExpertLanguage,
    ExpertProfile,
    Mode,
    Need,
    NeedLanguage,
    NeedSkill,
)
from migdev.diaspora.selectors.experts import NEED_POSTERS

PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
PROFILE_FIELDS = [
    "sex",
    "origin",
    "residence",
    "occupation",
    "years_experience",
    "skills",
    "languages",
    "virtual",
    "physical",
    "available_from",
    "available_until",
    "summary",
    "is_available",
]
CEFR_CODES = {label: value for value, label in Cefr.choices}


@dataclass(frozen=True)
class ExpertInput:
    """What an expert tells about themselves; codes, checked by the service."""

    sex: str
    origin: str
    residence: str
    occupation: EscoOccupation
    skills: list[EscoSkill]
    languages: list[tuple[str, str]]  # (ISO 639-3 code, CEFR level "A1".."C2")
    years_experience: int = 0
    virtual: bool = True
    physical: bool = False
    available_from: date | None = None
    available_until: date | None = None
    summary: str = ""
    is_available: bool = True


@dataclass(frozen=True)
class NeedInput:
    """What a home institution needs; skills as (skill, essential), languages as (code, minimum CEFR level)."""

    title: str
    occupation: EscoOccupation
    mode: str
    duration_weeks: int
    start_date: date
    description: str = ""
    min_experience_years: int = 0
    skills: list[tuple[EscoSkill, bool]] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)


def _languages(pairs: list[tuple[str, str]], field_name: str) -> list[tuple[Language, int]]:
    found: dict[str, tuple[Language, int]] = {}
    for code, level in pairs:
        language = Language.objects.filter(pk=(code or "").lower()[:3]).first()
        if language is None:
            raise DomainError(
                _("Unknown language code %(code)s (ISO 639-3 expected).") % {"code": code[:10]}, field_name
            )
        if level not in CEFR_CODES:
            raise DomainError(
                _("Unknown CEFR level %(level)s (A1 to C2 expected).") % {"level": level[:10]}, field_name
            )
        found[language.pk] = (language, CEFR_CODES[level])
    return list(found.values())


def _new_pseudonym() -> str:
    while True:
        pseudonym = "D-" + "".join(secrets.choice(PSEUDONYM_ALPHABET) for _i in range(8))
        if not ExpertProfile.objects.filter(pseudonym=pseudonym).exists():
            return pseudonym


def _apply_expert(expert: ExpertProfile, data: ExpertInput) -> None:
    sex = Sex.objects.filter(pk=data.sex).exclude(pk="_T").first()
    if sex is None:
        raise DomainError(_("Unknown sex code %(code)s.") % {"code": data.sex[:10]}, "sex")
    if not data.virtual and not data.physical:
        raise DomainError(_("Say whether you are available for virtual assignments, on site, or both."), "virtual")
    if data.available_from and data.available_until and data.available_until < data.available_from:
        raise DomainError(_("The end of your availability is before its start."), "available_until")
    if not data.skills:
        raise DomainError(_("Give at least one skill."), "skills")
    if not 0 <= data.years_experience <= 80:
        raise DomainError(_("Years of experience must be between 0 and 80."), "years_experience")
    languages = _languages(data.languages, "languages")
    expert.sex = sex
    expert.origin = country_by_code(data.origin, "origin")
    expert.residence = country_by_code(data.residence, "residence")
    expert.occupation = data.occupation
    expert.years_experience = data.years_experience
    expert.virtual, expert.physical = data.virtual, data.physical
    expert.available_from, expert.available_until = data.available_from, data.available_until
    expert.summary = data.summary
    expert.is_available = data.is_available
    expert.save()
    expert.skills.set(data.skills)
    expert.languages.all().delete()
    ExpertLanguage.objects.bulk_create(
        [ExpertLanguage(expert=expert, language=language, level=level) for language, level in languages]
    )


@checks_permission("diaspora.add_expertprofile")
def register_expert(actor: User, data: ExpertInput) -> ExpertProfile:
    """Register the signed-in person as a diaspora expert (one profile each)."""
    if ExpertProfile.objects.filter(user=actor, erased_at__isnull=True).exists():
        raise DomainError(_("You are already registered as an expert."), "user")
    expert = ExpertProfile(user=actor, pseudonym=_new_pseudonym())
    _apply_expert(expert, data)
    record_audit(actor, AuditEvent.Action.CREATE, actor, expert, PROFILE_FIELDS)
    return expert


@checks_permission("diaspora.change_expertprofile", obj="expert")
def update_expert(actor: User, expert: ExpertProfile, data: ExpertInput) -> ExpertProfile:
    """Change an expert's profile (the expert, or a steward correcting it)."""
    if expert.erased_at is not None:
        raise DomainError(_("This profile has been erased."), "expert")
    _apply_expert(expert, data)
    record_audit(actor, AuditEvent.Action.UPDATE, expert.user, expert, PROFILE_FIELDS)
    return expert


def _apply_need(need: Need, data: NeedInput) -> None:
    if not data.title.strip():
        raise DomainError(_("Give the need a title."), "title")
    if data.mode not in Mode.values:
        raise DomainError(_("The mode must be virtual or physical."), "mode")
    if not 1 <= data.duration_weeks <= 520:
        raise DomainError(_("The duration must be from 1 to 520 weeks."), "duration_weeks")
    if not 0 <= data.min_experience_years <= 80:
        raise DomainError(_("Years of experience must be between 0 and 80."), "min_experience_years")
    languages = _languages(data.languages, "languages")
    need.title = data.title.strip()
    need.description = data.description
    need.occupation = data.occupation
    need.mode = data.mode
    need.duration_weeks = data.duration_weeks
    need.start_date = data.start_date
    need.min_experience_years = data.min_experience_years
    need.save()
    need.skills.all().delete()
    NeedSkill.objects.bulk_create(
        [NeedSkill(need=need, skill=skill, essential=essential) for skill, essential in dict(data.skills).items()]
    )
    need.languages.all().delete()
    NeedLanguage.objects.bulk_create(
        [NeedLanguage(need=need, language=language, min_level=level) for language, level in languages]
    )


@checks_permission("diaspora.add_need", obj="organisation")
def post_need(actor: User, organisation: Organisation, data: NeedInput) -> Need:
    """An approved home institution posts a need in its own country."""
    if not organisation.is_approved:
        raise DomainError(_("The organisation must be approved before it posts needs."), "organisation")
    if organisation.kind not in NEED_POSTERS:
        raise DomainError(
            _("Needs are posted by home institutions (ministries, agencies, hospitals, universities, NGOs)."),
            "organisation",
        )
    need = Need(organisation=organisation, country=organisation.country, created_by=actor)
    _apply_need(need, data)
    return need


@checks_permission("diaspora.change_need", obj="need")
def update_need(actor: User, need: Need, data: NeedInput) -> Need:
    if need.state != Need.State.OPEN:
        raise DomainError(_("Only an open need can be changed."), "state")
    _apply_need(need, data)
    return need


@checks_permission("diaspora.change_need", obj="need")
def close_need(actor: User, need: Need, filled: bool = False) -> Need:
    """Close a need (filled or not); pending invitations stay on record but can no longer be accepted."""
    if need.state != Need.State.OPEN:
        raise DomainError(_("This need is already closed."), "state")
    need.state = Need.State.FILLED if filled else Need.State.CLOSED
    need.save(update_fields=["state"])
    return need


@checks_permission("diaspora.add_expertinvitation", obj="need")
def invite_expert(
    actor: User, need: Need, expert: ExpertProfile, message: str = "", score: float | None = None
) -> ExpertInvitation:
    """Invite a (pseudonymous) expert to an open need; the expert sees the need and the message."""
    if need.state != Need.State.OPEN:
        raise DomainError(_("Only an open need can invite experts."), "need")
    if expert.erased_at is not None or not expert.is_available:
        raise DomainError(_("This expert is not open to invitations."), "expert")
    if ExpertInvitation.objects.filter(need=need, expert=expert).exists():
        raise DomainError(_("This expert has already been invited to this need."), "expert")
    invitation = ExpertInvitation.objects.create(need=need, expert=expert, message=message.strip(), score=score)
    record_audit(actor, AuditEvent.Action.CREATE, expert.user, invitation, ["message"] if message else [])
    return invitation


@checks_permission("diaspora.answer_expertinvitation", obj="invitation")
def answer_invitation(actor: User, invitation: ExpertInvitation, accept: bool) -> ExpertInvitation:
    """The expert accepts (an assignment starts; the institution now sees who they are) or declines."""
    if invitation.status != ExpertInvitation.Status.PENDING:
        raise DomainError(_("This invitation has already been answered."), "invitation")
    if accept and invitation.need.state != Need.State.OPEN:
        raise DomainError(_("The need has been closed; the invitation can no longer be accepted."), "invitation")
    invitation.status = ExpertInvitation.Status.ACCEPTED if accept else ExpertInvitation.Status.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    if accept:
        need = invitation.need
        Assignment.objects.create(
            invitation=invitation,
            start_date=need.start_date,
            end_date=need.start_date + timedelta(weeks=need.duration_weeks),
        )
    record_audit(actor, AuditEvent.Action.UPDATE, invitation.expert.user, invitation, ["status"])
    return invitation


@checks_permission("diaspora.change_assignment", obj="assignment")
def report_outcome(
    actor: User, assignment: Assignment, status: str, outcome: str = "", report: str = "", hours: int | None = None
) -> Assignment:
    """Record how an assignment went: completed (with its outcome) or cancelled; the report is free text."""
    if status not in (Assignment.Status.COMPLETED, Assignment.Status.CANCELLED):
        raise DomainError(_("The status must be completed or cancelled."), "status")
    if status == Assignment.Status.COMPLETED and outcome not in Assignment.Outcome.values:
        raise DomainError(_("Say whether the objectives were met, partly met or not met."), "outcome")
    if hours is not None and not 0 <= hours <= 100_000:
        raise DomainError(_("Hours contributed must be between 0 and 100000."), "hours_contributed")
    assignment.status = status
    assignment.outcome = outcome if status == Assignment.Status.COMPLETED else ""
    assignment.outcome_report = report.strip()
    assignment.hours_contributed = hours
    assignment.reported_at = timezone.now()
    assignment.save()
    if assignment.status == Assignment.Status.COMPLETED:
        need = assignment.invitation.need
        if need.state == Need.State.OPEN:
            need.state = Need.State.FILLED
            need.save(update_fields=["state"])
    record_audit(actor, AuditEvent.Action.UPDATE, assignment.expert.user, assignment, ["outcome", "outcome_report"])
    return assignment
