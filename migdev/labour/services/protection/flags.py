"""Writes of protection: risk flags (ILO forced-labour indicators), computed and kept in sync with the facts."""

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.labour import protection
from migdev.labour.models import (
    Grievance,
    Placement,
    RiskFlag,
)
from migdev.labour.protection import FlagSpec

# ---------------------------------------------------------------------------------------------------------------------
# Risk flags


def _store(expected: list[FlagSpec], existing: list[RiskFlag], placement: Placement | None) -> list[RiskFlag]:
    """Make the stored flags match the expected ones: create, update, and resolve the ones no rule raises any more.

    A flag an official resolved stays resolved while the rule still raises it; one resolved because its rule stopped
    raising it opens again when the rule raises it again.
    """
    stored = {flag.details.get("rule"): flag for flag in existing}
    now = timezone.now()
    kept = []
    for spec in expected:
        details = {**spec.details, "rule": spec.key}
        flag = stored.pop(spec.key, None)
        if flag is None:
            flag = RiskFlag.objects.create(
                kind=spec.kind,
                indicator=spec.indicator,
                placement=placement,
                organisation_id=spec.organisation_id,
                details=details,
                resolved_at=now if spec.resolved else None,
            )
        else:
            reopened = flag.resolved_at is not None and flag.details.get("auto_resolved") and not spec.resolved
            resolved_at = now if spec.resolved and flag.resolved_at is None else flag.resolved_at
            if reopened:
                resolved_at = None
            resolved_by_official = flag.details.get("resolved_by") is not None
            if resolved_by_official and not reopened:
                details = {**details, **{k: flag.details[k] for k in ("resolved_by", "note") if k in flag.details}}
            changed = (
                flag.details != details
                or flag.organisation_id != spec.organisation_id
                or flag.indicator != spec.indicator
                or flag.resolved_at != resolved_at
            )
            if changed:
                flag.details, flag.organisation_id, flag.indicator = details, spec.organisation_id, spec.indicator
                flag.resolved_at = resolved_at
                flag.save(update_fields=["details", "organisation", "indicator", "resolved_at"])
        kept.append(flag)
    for flag in stored.values():
        if flag.resolved_at is None and flag.details.get("rule"):
            flag.resolved_at = now
            flag.details = {**flag.details, "auto_resolved": True}
            flag.save(update_fields=["resolved_at", "details"])
    return kept


def _sync_placement_flags(placement: Placement) -> list[RiskFlag]:
    """Store the flags the placement's records raise now (called inside the services that change those records)."""
    placement = (
        Placement.objects.select_related("vacancy", "worker")
        .prefetch_related("contracts", "cost_payments", "grievances", "worker__languages")
        .get(pk=placement.pk)
    )
    return _store(protection.expected_flags(placement), list(placement.flags.all()), placement)


def _sync_grievance_flags(grievance: Grievance) -> None:
    if grievance.placement_id is not None:
        _sync_placement_flags(grievance.placement)  # type: ignore[arg-type]
        return
    spec = protection.grievance_flag(grievance)
    key = f"grievance:{grievance.pk}"
    existing = list(RiskFlag.objects.filter(placement__isnull=True, details__rule=key))
    _store([spec] if spec else [], existing, None)


@checks_permission("labour.recompute_flags", obj="placement")
def recompute_flags(actor: User, placement: Placement | None = None) -> int:
    """Recompute the flags of one placement (officials of its countries) or of all (stewards); idempotent.

    Returns the number of flags open afterwards.
    """
    placements = Placement.objects.all() if placement is None else Placement.objects.filter(pk=placement.pk)
    for one in placements.only("pk"):
        _sync_placement_flags(one)
    if placement is None:
        for grievance in Grievance.objects.filter(placement__isnull=True):
            _sync_grievance_flags(grievance)
        return RiskFlag.objects.filter(resolved_at__isnull=True).count()
    return RiskFlag.objects.filter(placement=placement, resolved_at__isnull=True).count()


@checks_permission("labour.resolve_riskflag", obj="flag")
def resolve_flag(actor: User, flag: RiskFlag, note: str) -> RiskFlag:
    """An official of the countries concerned (or a steward) closes a flag after follow-up, saying what was done."""
    if flag.resolved_at is not None:
        raise DomainError(_("This flag is already resolved."), field="flag")
    if not note.strip():
        raise DomainError(_("Say what was done."), field="note")
    flag.resolved_at = timezone.now()
    flag.details = {**flag.details, "resolved_by": actor.pk, "note": note.strip()}
    flag.save(update_fields=["resolved_at", "details"])
    return flag
