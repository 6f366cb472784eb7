"""Writes of protection: grievances."""

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import record_audit
from migdev.core.errors import DomainError
from migdev.labour.models import (
    Grievance,
    Placement,
    WorkerProfile,
)
from migdev.labour.protection import ForcedLabourIndicator
from migdev.labour.services.protection.flags import (
    _sync_grievance_flags,
)

# ---------------------------------------------------------------------------------------------------------------------
# Grievances


@checks_permission("labour.add_grievance", obj="worker")
def file_grievance(
    actor: User,
    worker: WorkerProfile,
    against: Organisation,
    indicator: str,
    description: str,
    placement: Placement | None = None,
) -> Grievance:
    """A worker files a confidential complaint against an employer or recruiter; it raises its forced-labour flag."""
    if indicator not in ForcedLabourIndicator.values:
        raise DomainError(_("Choose what happened."), field="indicator")
    if not description.strip():
        raise DomainError(_("Describe what happened."), field="description")
    if against.kind not in (Organisation.Kind.EMPLOYER, Organisation.Kind.RECRUITMENT_AGENCY):
        raise DomainError(_("A grievance is filed against an employer or a recruitment agency."), field="against")
    if placement is not None and placement.worker_id != worker.pk:
        raise DomainError(_("This placement is not yours."), field="placement")
    grievance = Grievance.objects.create(
        worker=worker, placement=placement, against=against, indicator=indicator, description=description.strip()
    )
    record_audit(actor, AuditEvent.Action.CREATE, worker.user, grievance, ["against", "indicator", "description"])
    _sync_grievance_flags(grievance)
    return grievance


@checks_permission("labour.change_grievance", obj="grievance")
def update_grievance(actor: User, grievance: Grievance, status: str, resolution: str = "") -> Grievance:
    """An official of the origin or destination country (or a steward) moves a grievance on; closing needs a
    resolution."""
    if status not in Grievance.Status.values:
        raise DomainError(_("Choose a status."), field="status")
    closing = status in (Grievance.Status.RESOLVED, Grievance.Status.DISMISSED)
    if closing and not resolution.strip():
        raise DomainError(_("Say how the grievance was resolved or why it was dismissed."), field="resolution")
    grievance.status = status
    grievance.resolution = resolution.strip()
    grievance.resolved_at = timezone.now() if closing else None
    grievance.save(update_fields=["status", "resolution", "resolved_at"])
    record_audit(actor, AuditEvent.Action.UPDATE, grievance.worker.user, grievance, ["status", "resolution"])
    _sync_grievance_flags(grievance)
    return grievance
