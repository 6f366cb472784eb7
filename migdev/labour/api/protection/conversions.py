"""Labour protection API: conversions between rows and schemas."""

from dataclasses import asdict
from typing import Any

from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation
from migdev.core.errors import NotFound
from migdev.engines.labour.indicators import CircularKpis, Summary, suppress_small
from migdev.labour.api.protection.schemas import (
    ContractOut,
    CostOut,
    FlagOut,
    GrievanceOut,
)
from migdev.labour.models import Contract, CostPayment, Grievance, Placement, RiskFlag
from migdev.labour.protection import indicator_label
from migdev.labour.selectors import protection as selectors

# --- conversions ------------------------------------------------------------------------------------------------------


def placement_out(p: Placement) -> dict[str, Any]:
    return {
        "id": p.pk,
        "worker": p.worker.pseudonym,
        "vacancy_id": p.vacancy_id,
        "vacancy": p.vacancy.title,
        "employer": p.vacancy.employer.name,
        "destination": p.vacancy.destination_id,
        "recruiter": p.recruiter.name if p.recruiter else None,
        "scheme": p.vacancy.scheme.code if p.vacancy.scheme else None,
        "season": p.season,
        "named_request": p.named_request,
        "state": p.state,
        "offered_on": p.offered_on,
        "departed_on": p.departed_on,
        "arrived_on": p.arrived_on,
        "completed_on": p.completed_on,
        "due_return_on": p.due_return_on,
        "returned_on": p.returned_on,
        "ended_reason": p.ended_reason,
    }


def contract_out(c: Contract) -> ContractOut:
    return ContractOut(
        stage=c.stage,
        employer=c.employer.name,
        occupation=c.occupation.uri,
        wage_amount=c.wage_amount,
        wage_currency=c.wage_currency_id,
        wage_period=c.wage_period,
        weekly_hours=c.weekly_hours,
        rest_days_per_week=c.rest_days_per_week,
        language=c.language_id,
        retains_documents=c.retains_documents,
        signed_on=c.signed_on,
    )


def cost_out(c: CostPayment) -> CostOut:
    return CostOut(
        id=c.pk,
        category=c.category,
        amount=c.amount,
        currency=c.currency_id,
        amount_in_wage_currency=c.amount_in_wage_currency,
        paid_by=c.paid_by,
        paid_to=c.paid_to.name if c.paid_to else None,
        paid_on=c.paid_on,
        reported_by=c.reported_by,
    )


def flag_out(f: RiskFlag) -> FlagOut:
    indicator = f.indicator or str(f.details.get("check", ""))
    return FlagOut(
        id=f.pk,
        kind=f.kind,
        kind_label=str(f.get_kind_display()),
        indicator=indicator,
        indicator_label=indicator_label(indicator),
        placement_id=f.placement_id,
        organisation=f.organisation.name if f.organisation else None,
        details=f.details,
        raised_at=f.raised_at,
        resolved_at=f.resolved_at,
    )


def grievance_out(g: Grievance) -> GrievanceOut:
    return GrievanceOut(
        id=g.pk,
        worker=g.worker.pseudonym,
        against=g.against.name,
        against_id=g.against_id,
        placement_id=g.placement_id,
        indicator=g.indicator,
        indicator_label=indicator_label(g.indicator),
        description=g.description,
        status=g.status,
        resolution=g.resolution,
        filed_at=g.filed_at,
        resolved_at=g.resolved_at,
    )


def summary_out(s: Summary) -> dict[str, Any]:
    return {"n": s.n, "mean": s.mean, "median": s.median, "q4": s.q4, "suppressed": s.suppressed}


def kpis_out(k: CircularKpis) -> dict[str, Any]:
    return asdict(suppress_small(k))


def _organisation(organisation_id: int | None, field: str) -> Organisation | None:
    if organisation_id is None:
        return None
    found = Organisation.objects.filter(pk=organisation_id).first()
    if found is None:
        raise NotFound(_("No such organisation."), field=field)
    return found


def _placement(placement_id: int, viewer: Any) -> Placement:
    return selectors.placement_by_id(placement_id, viewer)
