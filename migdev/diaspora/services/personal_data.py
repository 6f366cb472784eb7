"""The expert's personal data: export (also as the accounts export's "diaspora" section) and erasure.

Erasure blanks what describes the person (skills, languages, summary, dates, the invitation messages and outcome
reports about them) and gives the profile a new pseudonym no one has seen; what counts in the room's figures stays
(origin, residence, sex, occupation, invitations' states, assignments' dates and outcomes). See docs/personal-data.md.
"""

from typing import Any

from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, User
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import record_audit
from migdev.accounts.signals import person_erased, personal_data_requested
from migdev.core.errors import DomainError
from migdev.diaspora.models import Assignment, ExpertInvitation, ExpertProfile
from migdev.diaspora.services.experts import _new_pseudonym


def _as_json(expert: ExpertProfile) -> dict[str, Any]:
    invitations = ExpertInvitation.objects.filter(expert=expert).select_related("need__organisation", "assignment")
    return {
        "pseudonym": expert.pseudonym,
        "sex": expert.sex_id,
        "origin": expert.origin_id,
        "residence": expert.residence_id,
        "occupation": expert.occupation.uri,
        "years_experience": expert.years_experience,
        "skills": sorted(s.uri for s in expert.skills.all()),
        "languages": {lang.language_id: lang.get_level_display() for lang in expert.languages.all()},
        "virtual": expert.virtual,
        "physical": expert.physical,
        "available_from": expert.available_from.isoformat() if expert.available_from else None,
        "available_until": expert.available_until.isoformat() if expert.available_until else None,
        "summary": expert.summary,
        "is_available": expert.is_available,
        "registered_at": expert.created_at.isoformat(),
        "invitations": [
            {
                "need": i.need.title,
                "institution": i.need.organisation.name,
                "message": i.message,
                "status": i.status,
                "sent_at": i.created_at.isoformat(),
                "assignment": _assignment(i),
            }
            for i in invitations
        ],
    }


def _assignment(invitation: ExpertInvitation) -> dict[str, Any] | None:
    assignment: Assignment | None = getattr(invitation, "assignment", None)
    if assignment is None:
        return None
    return {
        "start_date": assignment.start_date.isoformat(),
        "end_date": assignment.end_date.isoformat(),
        "status": assignment.status,
        "outcome": assignment.outcome,
        "outcome_report": assignment.outcome_report,
        "hours_contributed": assignment.hours_contributed,
    }


@checks_permission("diaspora.export_expertprofile", obj="expert")
def export_expert(actor: User, expert: ExpertProfile) -> dict[str, Any]:
    """Everything the room holds about the expert, JSON-ready; the export is audited."""
    record_audit(actor, AuditEvent.Action.EXPORT, expert.user, expert, [])
    return _as_json(expert)


def _erase(actor: User, expert: ExpertProfile) -> ExpertProfile:
    expert.pseudonym = _new_pseudonym()
    expert.summary = ""
    expert.available_from = expert.available_until = None
    expert.is_available = False
    expert.erased_at = timezone.now()
    expert.save()
    expert.skills.clear()
    expert.languages.all().delete()
    ExpertInvitation.objects.filter(expert=expert).update(message="")
    ExpertInvitation.objects.filter(expert=expert, status=ExpertInvitation.Status.PENDING).update(
        status=ExpertInvitation.Status.DECLINED, answered_at=timezone.now()
    )
    Assignment.objects.filter(invitation__expert=expert).update(outcome_report="")
    record_audit(actor, AuditEvent.Action.ERASE, expert.user, expert, ["pseudonym", "summary", "skills", "languages"])
    return expert


@checks_permission("diaspora.erase_expertprofile", obj="expert")
def erase_expert(actor: User, expert: ExpertProfile) -> ExpertProfile:
    """Erase an expert's profile on request (the expert, or a steward)."""
    if expert.erased_at is not None:
        raise DomainError(_("This profile has already been erased."), "expert")
    return _erase(actor, expert)


@receiver(person_erased, dispatch_uid="diaspora_erase_expert")
def erase_with_account(sender: Any, actor: User, person: User, **kwargs: Any) -> None:
    """The account was erased: erase the person's expert profile too (inside the same transaction)."""
    expert = ExpertProfile.objects.filter(user=person, erased_at__isnull=True).first()
    if expert is not None:
        _erase(actor, expert)


@receiver(personal_data_requested, dispatch_uid="diaspora_export_expert")
def export_with_account(sender: Any, actor: User, person: User, **kwargs: Any) -> tuple[str, Any] | None:
    """The "diaspora" section of a person's export: their expert profile, invitations and assignments."""
    expert = ExpertProfile.objects.filter(user=person).first()
    return ("diaspora", _as_json(expert)) if expert is not None else None
