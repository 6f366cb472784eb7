"""Writes of the labour exchange: a worker's personal data, exported whole and erased on request.

What erasure keeps and why is in docs/personal-data.md: the structured facts the exchange's statistics count (sex,
nationality, occupations, placements with their dates, contracts and costs, grievances by indicator and status), tied
to a profile with a new pseudonym and nothing else; every free text the person wrote or that was written about them,
their skills, and the pseudonym anyone saw are gone. The accounts room erases the account and tells this room through
`accounts.signals.person_erased`; a person's export from the accounts room asks this room for its part through
`accounts.signals.personal_data_requested`.
"""

import secrets
from datetime import date
from typing import Any

from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, User
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import Actor, erase_person, record_audit
from migdev.accounts.signals import person_erased, personal_data_requested
from migdev.core.errors import DomainError
from migdev.labour.models import (
    Cefr,
    Grievance,
    Invitation,
    MatchAssignment,
    MatchRun,
    Placement,
    PlacementEvent,
    RiskFlag,
    WorkerProfile,
)
from migdev.labour.services.registry import PSEUDONYM_ALPHABET


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@checks_permission("labour.export_workerprofile", obj="worker")
def export_worker_data(actor: Actor, worker: WorkerProfile) -> dict[str, Any]:
    """Everything the exchange holds about the worker, JSON-ready: profile, consents, invitations, placements,
    grievances and the allocation runs that assigned them."""
    record_audit(actor, AuditEvent.Action.EXPORT, worker.user, worker, [])
    return _worker_data(worker)


def _worker_data(worker: WorkerProfile) -> dict[str, Any]:
    """The worker's data as exported (the caller checked the permission and audited the export)."""
    placements = worker.placements.select_related("vacancy__employer", "recruiter").prefetch_related(
        "events", "contracts", "cost_payments", "flags"
    )
    return {
        "profile": {
            "pseudonym": worker.pseudonym,
            "sex": worker.sex_id,
            "date_of_birth": _iso(worker.date_of_birth),
            "nationality": worker.nationality_id,
            "residence": worker.residence_id,
            "education": worker.education,
            "available_from": _iso(worker.available_from),
            "available_to": _iso(worker.available_to),
            "is_available": worker.is_available,
            "sending_agency": worker.sending_agency.name if worker.sending_agency else None,
            "registered_on": _iso(worker.registered_on),
            "erased_at": worker.erased_at.isoformat() if worker.erased_at else None,
            "preferred_destinations": sorted(c.pk for c in worker.preferred_destinations.all()),
            "preferred_schemes": sorted(s.code for s in worker.preferred_schemes.all()),
        },
        "languages": [{"language": row.language_id, "level": Cefr(row.level).label} for row in worker.languages.all()],
        "occupations": [
            {
                "esco": row.occupation.uri,
                "label": row.occupation.preferred_label,
                "isco": row.occupation.isco_group_id,
                "years_experience": row.years_experience,
            }
            for row in worker.occupations.select_related("occupation")
        ],
        "skills": [row.skill.uri for row in worker.skills.select_related("skill")],
        "consents": [
            {
                "purpose": c.purpose,
                "organisation": c.organisation.name if c.organisation else None,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in worker.consents.select_related("organisation")
        ],
        "invitations": [
            {
                "vacancy": i.vacancy_id,
                "title": i.vacancy.title,
                "employer": i.vacancy.employer.name,
                "status": i.status,
                "message": i.message,
                "sent_at": i.created_at.isoformat(),
                "answered_at": i.answered_at.isoformat() if i.answered_at else None,
            }
            for i in worker.invitations.select_related("vacancy__employer")
        ],
        "placements": [_placement(p) for p in placements],
        "grievances": [
            {
                "id": g.pk,
                "against": g.against.name,
                "placement": g.placement_id,
                "indicator": g.indicator,
                "description": g.description,
                "status": g.status,
                "resolution": g.resolution,
                "filed_at": g.filed_at.isoformat(),
                "resolved_at": g.resolved_at.isoformat() if g.resolved_at else None,
            }
            for g in worker.grievances.select_related("against").order_by("filed_at", "pk")
        ],
        "allocation_runs": [
            {
                "run": a.run_id,
                "scheme": a.run.scheme.code,
                "season": a.run.season,
                "vacancy": a.vacancy_id,
                "title": a.vacancy.title,
                "score": a.score,
                "explanation": a.explanation,
                "removed": a.removed,
                "placement": a.placement_id,
                "refusal": a.refusal,
            }
            for a in MatchAssignment.objects.filter(worker=worker)
            .select_related("run__scheme", "vacancy")
            .order_by("run_id", "pk")
        ],
    }


def _placement(p: Placement) -> dict[str, Any]:
    return {
        "vacancy": p.vacancy_id,
        "title": p.vacancy.title,
        "employer": p.vacancy.employer.name,
        "recruiter": p.recruiter.name if p.recruiter else None,
        "season": p.season,
        "state": p.state,
        "named_request": p.named_request,
        "offered_on": _iso(p.offered_on),
        "departed_on": _iso(p.departed_on),
        "arrived_on": _iso(p.arrived_on),
        "completed_on": _iso(p.completed_on),
        "returned_on": _iso(p.returned_on),
        "ended_reason": p.ended_reason,
        "events": [{"state": e.state, "on": _iso(e.on), "note": e.note} for e in p.events.all()],
        "contracts": [
            {
                "stage": c.stage,
                "wage": str(c.wage_amount),
                "currency": c.wage_currency_id,
                "period": c.wage_period,
                "weekly_hours": c.weekly_hours,
                "signed_on": _iso(c.signed_on),
            }
            for c in p.contracts.all()
        ],
        "costs": [
            {
                "category": c.category,
                "amount": str(c.amount),
                "currency": c.currency_id,
                "paid_by": c.paid_by,
                "paid_on": _iso(c.paid_on),
            }
            for c in p.cost_payments.all()
        ],
        "risk_flags": [
            {
                "kind": f.kind,
                "indicator": f.indicator,
                "raised_at": f.raised_at.isoformat(),
                "resolved_at": f.resolved_at.isoformat() if f.resolved_at else None,
                "note": f.details.get("note", ""),
            }
            for f in p.flags.all()
        ],
    }


@receiver(personal_data_requested, dispatch_uid="labour-worker-data-in-person-export")
def _worker_data_of_person(sender: object, actor: Actor, person: User, **kwargs: object) -> tuple[str, Any] | None:
    """Receiver of accounts' personal_data_requested: the person's worker data, under "labour" (the accounts room
    checked the permission and audited the export)."""
    worker = WorkerProfile.objects.filter(user=person).first()
    return ("labour", _worker_data(worker)) if worker is not None else None


@checks_permission("labour.erase_workerprofile", obj="worker")
def erase_worker(actor: Actor, worker: WorkerProfile) -> WorkerProfile:
    """Erase a worker's personal data on request; only what aggregate statistics count stays (docs/personal-data.md).

    The account is erased too (names, e-mail, sign-in), through the accounts room.
    """
    if worker.erased_at is not None:
        raise DomainError(_("This profile was already erased."), field="worker")
    _erase_worker_data(actor, worker)
    person = actor if isinstance(actor, User) and actor.pk is not None else None
    if worker.user.erased_at is None and person is not None:
        erase_person(person, worker.user)
    return worker


def _erased_pseudonym() -> str:
    """A new pseudonym for an erased profile: no one has seen it, so nothing left links back to the person."""
    while True:
        pseudonym = "X-" + "".join(secrets.choice(PSEUDONYM_ALPHABET) for _i in range(8))
        if not WorkerProfile.objects.filter(pseudonym=pseudonym).exists():
            return pseudonym


def _erase_worker_data(actor: Actor, worker: WorkerProfile) -> None:
    """Blank the profile's personal fields and every text about the worker, and record the erasure (the caller
    checked the permission)."""
    cleared = ["date_of_birth", "available_from", "available_to", "preferred_destinations", "preferred_schemes"]
    cleared += ["languages", "skills", "sending_agency", "residence", "pseudonym"]
    old_pseudonym = worker.pseudonym
    worker.pseudonym = _erased_pseudonym()
    worker.date_of_birth = None
    worker.available_from = None
    worker.available_to = None
    worker.sending_agency = None
    worker.residence = worker.nationality  # the country of residence is personal; the field is required
    worker.is_available = False
    worker.erased_at = timezone.now()
    worker.save()
    worker.preferred_destinations.clear()
    worker.preferred_schemes.clear()
    worker.languages.all().delete()
    worker.skills.all().delete()
    worker.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=worker.erased_at)
    worker.invitations.filter(status=Invitation.Status.PENDING).update(
        status=Invitation.Status.DECLINED, answered_at=worker.erased_at
    )
    worker.invitations.update(message="")
    Grievance.objects.filter(worker=worker).update(description="", resolution="")
    Placement.objects.filter(worker=worker).update(ended_reason="")
    PlacementEvent.objects.filter(placement__worker=worker).update(note="")
    _scrub_flag_notes(worker)
    _scrub_runs(worker, old_pseudonym)
    cleared += ["invitations.message", "grievances.description", "grievances.resolution"]
    cleared += ["placements.ended_reason", "placements.events.note", "risk_flags.note", "allocation_runs"]
    record_audit(actor, AuditEvent.Action.ERASE, worker.user, worker, cleared)


def _scrub_flag_notes(worker: WorkerProfile) -> None:
    """The flags of the worker's placements and grievances stay (they are counted); officials' notes on them go."""
    grievance_rules = [f"grievance:{pk}" for pk in Grievance.objects.filter(worker=worker).values_list("pk", flat=True)]
    flags = RiskFlag.objects.filter(Q(placement__worker=worker) | Q(details__rule__in=grievance_rules))
    for flag in flags:
        if flag.details.get("note"):
            flag.details = {**flag.details, "note": ""}
            flag.save(update_fields=["details"])


def _scrub_runs(worker: WorkerProfile, old_pseudonym: str) -> None:
    """Allocation runs keep their counts and scores; the worker's explanations (their skills), refusal reasons and
    pseudonym in the stored result go."""
    assigned = MatchAssignment.objects.filter(worker=worker)
    runs = MatchRun.objects.filter(pk__in=assigned.values("run_id")).only("pk", "result")
    assigned.update(explanation={}, refusal="")
    for run in runs:
        rows = run.result.get("assignments") or []
        run.result["assignments"] = [
            {**row, "worker": None} if row.get("worker") == old_pseudonym else row for row in rows
        ]
        run.save(update_fields=["result"])


@receiver(person_erased, dispatch_uid="labour-erase-worker-with-account")
def _erase_worker_with_account(sender: object, actor: Actor, person: User, **kwargs: object) -> None:
    """Receiver of accounts' person_erased: erasing an account erases its worker profile too."""
    worker = WorkerProfile.objects.filter(user=person, erased_at__isnull=True).first()
    if worker is not None:
        _erase_worker_data(actor, worker)
