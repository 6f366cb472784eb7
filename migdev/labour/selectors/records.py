"""The labour exchange's audited records in words, for the audit log (see accounts.audit_records): one query per
kind of record. Workers are named by their pseudonym, as everywhere an official or steward reads a list."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from migdev.accounts.audit_records import register_record_namer
from migdev.labour.models import Consent, Contract, CostPayment, Grievance, Placement, WorkerProfile


def _ids(ids: Iterable[str]) -> list[int]:
    return [int(i) for i in ids if i.isdigit()]


def _placement_terms(placement: Placement) -> dict[str, object]:
    return {
        "worker": placement.worker.pseudonym,
        "employer": placement.vacancy.employer.name,
        "season": placement.season,
    }


def placement_name(placement: Placement) -> str:
    """ "Placement of W-1A2B with Acme Farms, 2025 season"."""
    return _("Placement of %(worker)s with %(employer)s, %(season)s season") % _placement_terms(placement)


def name_workers(ids: list[str]) -> dict[str, str]:
    return {
        str(pk): _("Worker profile %(worker)s") % {"worker": pseudonym}
        for pk, pseudonym in WorkerProfile.objects.filter(pk__in=_ids(ids)).values_list("pk", "pseudonym")
    }


def name_consents(ids: list[str]) -> dict[str, str]:
    found = Consent.objects.filter(pk__in=_ids(ids)).select_related("worker")
    return {
        str(c.pk): _("Consent of %(worker)s: %(purpose)s")
        % {"worker": c.worker.pseudonym, "purpose": c.get_purpose_display()}
        for c in found
    }


def name_placements(ids: list[str]) -> dict[str, str]:
    found = Placement.objects.filter(pk__in=_ids(ids)).select_related("worker", "vacancy__employer")
    return {str(p.pk): placement_name(p) for p in found}


def name_contracts(ids: list[str]) -> dict[str, str]:
    found = Contract.objects.filter(pk__in=_ids(ids)).select_related(
        "placement__worker", "placement__vacancy__employer"
    )
    return {
        str(c.pk): _("Contract (%(stage)s) of the placement of %(worker)s with %(employer)s, %(season)s season")
        % {"stage": c.get_stage_display(), **_placement_terms(c.placement)}
        for c in found
    }


def name_cost_payments(ids: list[str]) -> dict[str, str]:
    found = CostPayment.objects.filter(pk__in=_ids(ids)).select_related(
        "placement__worker", "placement__vacancy__employer"
    )
    return {
        str(p.pk): _(
            "Recruitment cost (%(cost)s, %(amount)s %(currency)s) of the placement of %(worker)s with %(employer)s, "
            "%(season)s season"
        )
        % {
            "cost": p.get_category_display(),
            "amount": p.amount,
            "currency": p.currency_id,
            **_placement_terms(p.placement),
        }
        for p in found
    }


def name_grievances(ids: list[str]) -> dict[str, str]:
    found = Grievance.objects.filter(pk__in=_ids(ids)).select_related("worker", "against")
    return {
        str(g.pk): _("Grievance of %(worker)s against %(organisation)s")
        % {"worker": g.worker.pseudonym, "organisation": g.against.name}
        for g in found
    }


def register() -> None:
    """Called from the room's AppConfig.ready()."""
    register_record_namer("labour.workerprofile", name_workers)
    register_record_namer("labour.consent", name_consents)
    register_record_namer("labour.placement", name_placements)
    register_record_namer("labour.contract", name_contracts)
    register_record_namer("labour.costpayment", name_cost_payments)
    register_record_namer("labour.grievance", name_grievances)
