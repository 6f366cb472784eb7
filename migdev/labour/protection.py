"""Rules of protection: the ILO's 11 indicators of forced labour, the placement state machine, and the risk flags a
placement's contracts, cost ledger and grievances raise.

`expected_flags` says which flags a placement should carry now; the services store them (idempotently), so the same
rules run when a record is written and when an official asks for a recomputation.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from migdev.engines.labour.indicators import monthly_earnings
from migdev.labour.models import Contract, CostPayment, Grievance, LabourStandard, Payer, Placement, RiskFlag


class ForcedLabourIndicator(models.TextChoices):
    """The ILO's 11 indicators of forced labour (ILO Special Action Programme to Combat Forced Labour, 2012)."""

    ABUSE_OF_VULNERABILITY = "abuse_of_vulnerability", _("Abuse of vulnerability")
    DECEPTION = "deception", _("Deception")
    RESTRICTION_OF_MOVEMENT = "restriction_of_movement", _("Restriction of movement")
    ISOLATION = "isolation", _("Isolation")
    PHYSICAL_SEXUAL_VIOLENCE = "physical_sexual_violence", _("Physical and sexual violence")
    INTIMIDATION_THREATS = "intimidation_threats", _("Intimidation and threats")
    RETENTION_OF_DOCUMENTS = "retention_of_documents", _("Retention of identity documents")
    WITHHOLDING_OF_WAGES = "withholding_of_wages", _("Withholding of wages")
    DEBT_BONDAGE = "debt_bondage", _("Debt bondage")
    ABUSIVE_CONDITIONS = "abusive_conditions", _("Abusive working and living conditions")
    EXCESSIVE_OVERTIME = "excessive_overtime", _("Excessive overtime")


class C189Check(models.TextChoices):
    """The checks of the ILO Domestic Workers Convention, 2011 (No. 189) applied to domestic work placements."""

    WRITTEN_CONTRACT = "written_contract", _("Terms in a written contract (C189 Art. 7)")
    WEEKLY_REST = "weekly_rest", _("At least 24 consecutive hours of weekly rest (C189 Art. 10)")
    DOCUMENTS_KEPT_BY_WORKER = "documents_kept", _("The worker keeps their identity documents (C189 Art. 9)")
    CONTRACT_LANGUAGE = "contract_language", _("Contract in a language the worker understands (C189 Art. 7)")


# ISCO-08 unit groups where C189 applies: domestic cleaners and helpers. Other sectors where women migrants are most
# exposed can be added here (e.g. 5322, home-based personal care workers).
C189_ISCO_GROUPS = ("9111",)

# Debt bondage: the worker paid more than this many months of destination earnings in recruitment costs.
DEBT_BONDAGE_MONTHS = Decimal(1)
# Excessive overtime where the destination records no legal weekly limit (ILO: more than 60 hours a week).
DEFAULT_WEEKLY_HOURS_LIMIT = 60

State = Placement.State

# The placement state machine: from each state, the states it may move to.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    State.OFFERED: (State.ACCEPTED, State.DECLINED),
    State.ACCEPTED: (State.CONTRACT_ORIGIN, State.TERMINATED),
    State.CONTRACT_ORIGIN: (State.DEPARTED, State.TERMINATED),
    State.DEPARTED: (State.ARRIVED, State.TERMINATED, State.ABSCONDED),
    State.ARRIVED: (State.CONTRACT_DESTINATION, State.TERMINATED, State.ABSCONDED),
    State.CONTRACT_DESTINATION: (State.COMPLETED, State.TERMINATED, State.ABSCONDED),
    State.COMPLETED: (State.RETURNED,),
    State.TERMINATED: (State.RETURNED,),
    State.RETURNED: (),
    State.ABSCONDED: (),
    State.DECLINED: (),
}
# States that need a reason.
NEEDS_REASON = (State.TERMINATED, State.ABSCONDED)
# States in which a placement takes a position and counts against the caps.
COUNTS_AGAINST_CAPS = tuple(s for s in State.values if s not in (State.DECLINED,))
# Seasons that a returning (named) worker can show with an employer.
FINISHED_WELL = (State.COMPLETED, State.RETURNED)


def may_move(placement: Placement, to_state: str) -> bool:
    return to_state in TRANSITIONS.get(placement.state, ())


# ---------------------------------------------------------------------------------------------------------------------
# Contract substitution

COMPARED_FIELDS = ("employer", "occupation", "wage_amount", "wage_currency", "wage_period", "weekly_hours")


def _comparable(contract: Contract, name: str) -> Any:
    value = getattr(contract, f"{name}_id", None) if name in ("employer", "occupation", "wage_currency") else None
    if value is None:
        value = getattr(contract, name)
    if isinstance(value, Decimal):
        return str(value.normalize())
    return value


def contract_differences(origin: Contract, destination: Contract) -> dict[str, dict[str, Any]]:
    """What changed between the contract signed at origin and the one at destination (wage, hours, occupation,
    employer), as {field: {"origin": value, "destination": value}}."""
    differences = {}
    for name in COMPARED_FIELDS:
        before, after = _comparable(origin, name), _comparable(destination, name)
        if before != after:
            differences[name] = {"origin": before, "destination": after}
    return differences


def contract_monthly_earnings(contract: Contract) -> Decimal:
    """The contract's wage as monthly earnings (see engines.labour.indicators.monthly_earnings)."""
    value = monthly_earnings(float(contract.wage_amount), contract.wage_period, float(contract.weekly_hours))
    return Decimal(str(round(value, 2)))


def wage_lowered(origin: Contract, destination: Contract) -> bool:
    """The destination contract pays less than the one signed at origin (same currency only): a lower rate for the
    same wage period (more hours do not make up for a lower hourly rate), else lower monthly earnings."""
    if origin.wage_currency_id != destination.wage_currency_id:
        return False
    if origin.wage_period == destination.wage_period:
        return destination.wage_amount < origin.wage_amount
    return contract_monthly_earnings(destination) < contract_monthly_earnings(origin)


# ---------------------------------------------------------------------------------------------------------------------
# Flags


def indicator_label(code: str) -> str:
    """The words for a forced-labour indicator or C189 check code (the code itself if it is neither)."""
    if code in ForcedLabourIndicator.values:
        return str(ForcedLabourIndicator(code).label)
    if code in C189Check.values:
        return str(C189Check(code).label)
    return code


@dataclass(frozen=True)
class FlagSpec:
    """A flag a placement should carry; `key` identifies it across recomputations (stored in details["rule"])."""

    key: str
    kind: str
    indicator: str = ""
    organisation_id: int | None = None
    details: dict[str, Any] = field(default_factory=dict)
    resolved: bool = False


def weekly_hours_limit(country_id: str, on: Any) -> int:
    """The destination's legal weekly hours limit on a date, or 60 where none is recorded."""
    standard = (
        LabourStandard.objects.filter(country_id=country_id, valid_from__lte=on, max_weekly_hours__isnull=False)
        .order_by("-valid_from")
        .first()
    )
    return standard.max_weekly_hours if standard and standard.max_weekly_hours else DEFAULT_WEEKLY_HOURS_LIMIT


def wage_terms(placement: Placement) -> Contract | None:
    """The contract that sets the worker's earnings: the one at destination, else the one signed at origin."""
    contracts = {c.stage: c for c in placement.contracts.all()}
    return contracts.get(Contract.Stage.DESTINATION) or contracts.get(Contract.Stage.ORIGIN)


def placement_monthly_earnings(placement: Placement) -> tuple[Decimal, str]:
    """Monthly earnings in the destination and their currency: from the contracts, else from the vacancy's terms."""
    contract = wage_terms(placement)
    if contract is not None:
        return contract_monthly_earnings(contract), contract.wage_currency_id
    vacancy = placement.vacancy
    value = monthly_earnings(float(vacancy.wage_amount), vacancy.wage_period, float(vacancy.weekly_hours))
    return Decimal(str(round(value, 2))), vacancy.wage_currency_id


def worker_paid(payments: list[CostPayment]) -> list[CostPayment]:
    return [p for p in payments if p.paid_by == Payer.WORKER and p.amount > 0]


def _fee_flags(placement: Placement, payments: list[CostPayment]) -> list[FlagSpec]:
    by_recipient: dict[int | None, list[CostPayment]] = defaultdict(list)
    for payment in worker_paid(payments):
        by_recipient[payment.paid_to_id].append(payment)
    flags = []
    for recipient, paid in by_recipient.items():
        total = sum((p.amount_in_wage_currency for p in paid), Decimal(0))
        flags.append(
            FlagSpec(
                key=f"fee:{recipient or 'unknown'}",
                kind=RiskFlag.Kind.WORKER_PAID_FEE,
                organisation_id=recipient,
                details={
                    "payments": [p.pk for p in paid],
                    "categories": sorted({p.category for p in paid}),
                    "total_in_wage_currency": str(total),
                },
            )
        )
    earnings, currency = placement_monthly_earnings(placement)
    total_paid = sum((p.amount_in_wage_currency for p in worker_paid(payments)), Decimal(0))
    if earnings > 0 and total_paid > DEBT_BONDAGE_MONTHS * earnings:
        largest = max(by_recipient.items(), key=lambda item: sum(p.amount_in_wage_currency for p in item[1]))[0]
        flags.append(
            FlagSpec(
                key="debt_bondage",
                kind=RiskFlag.Kind.FORCED_LABOUR,
                indicator=ForcedLabourIndicator.DEBT_BONDAGE,
                organisation_id=largest,
                details={
                    "paid_by_worker": str(total_paid),
                    "monthly_earnings": str(earnings),
                    "currency": currency,
                    "months_of_earnings": str(round(total_paid / earnings, 2)),
                    "threshold_months": str(DEBT_BONDAGE_MONTHS),
                },
            )
        )
    return flags


def _contract_flags(placement: Placement, contracts: dict[str, Contract]) -> list[FlagSpec]:
    flags = []
    employer_id = placement.vacancy.employer_id
    origin, destination = contracts.get(Contract.Stage.ORIGIN), contracts.get(Contract.Stage.DESTINATION)
    if origin is not None and destination is not None:
        differences = contract_differences(origin, destination)
        if differences:
            flags.append(
                FlagSpec(
                    key="substitution",
                    kind=RiskFlag.Kind.CONTRACT_SUBSTITUTION,
                    organisation_id=destination.employer_id,
                    details={"differences": differences},
                )
            )
        if wage_lowered(origin, destination):
            flags.append(
                FlagSpec(
                    key="deception",
                    kind=RiskFlag.Kind.FORCED_LABOUR,
                    indicator=ForcedLabourIndicator.DECEPTION,
                    organisation_id=destination.employer_id,
                    details={
                        "monthly_earnings_origin": str(contract_monthly_earnings(origin)),
                        "monthly_earnings_destination": str(contract_monthly_earnings(destination)),
                    },
                )
            )
    retaining = [c.stage for c in contracts.values() if c.retains_documents]
    if retaining or placement.vacancy.retains_documents:
        flags.append(
            FlagSpec(
                key="documents",
                kind=RiskFlag.Kind.FORCED_LABOUR,
                indicator=ForcedLabourIndicator.RETENTION_OF_DOCUMENTS,
                organisation_id=employer_id,
                details={"contracts": sorted(retaining), "vacancy": placement.vacancy.retains_documents},
            )
        )
    for contract in contracts.values():
        limit = weekly_hours_limit(placement.vacancy.destination_id, contract.signed_on)
        if contract.weekly_hours > limit:
            flags.append(
                FlagSpec(
                    key=f"overtime:{contract.stage}",
                    kind=RiskFlag.Kind.FORCED_LABOUR,
                    indicator=ForcedLabourIndicator.EXCESSIVE_OVERTIME,
                    organisation_id=contract.employer_id,
                    details={"contract": contract.stage, "weekly_hours": contract.weekly_hours, "limit": limit},
                )
            )
    return flags


def is_domestic_work(placement: Placement) -> bool:
    return placement.vacancy.isco_group_id in C189_ISCO_GROUPS


def _c189_flags(placement: Placement, contracts: dict[str, Contract], worker_languages: set[str]) -> list[FlagSpec]:
    if not is_domestic_work(placement):
        return []
    vacancy = placement.vacancy
    failed: dict[str, dict[str, Any]] = {}
    if not vacancy.written_contract:
        failed[C189Check.WRITTEN_CONTRACT] = {"vacancy": True}
    rest = {"vacancy": vacancy.rest_days_per_week, **{c.stage: c.rest_days_per_week for c in contracts.values()}}
    if any(days < 1 for days in rest.values()):
        failed[C189Check.WEEKLY_REST] = {"rest_days_per_week": rest}
    if vacancy.retains_documents or any(c.retains_documents for c in contracts.values()):
        failed[C189Check.DOCUMENTS_KEPT_BY_WORKER] = {}
    foreign = sorted({c.language_id for c in contracts.values() if c.language_id not in worker_languages})
    if foreign and worker_languages:
        failed[C189Check.CONTRACT_LANGUAGE] = {"contract_languages": foreign}
    return [
        FlagSpec(
            key=f"c189:{check}",
            kind=RiskFlag.Kind.C189,
            organisation_id=vacancy.employer_id,
            details={"check": str(check), **details},
        )
        for check, details in failed.items()
    ]


def grievance_flag(grievance: Grievance) -> FlagSpec | None:
    """Each grievance raises its indicator against the organisation complained against; a dismissed one does not.

    The details never name the worker: the grievance id is enough for those allowed to open it.
    """
    if grievance.status == Grievance.Status.DISMISSED:
        return None
    return FlagSpec(
        key=f"grievance:{grievance.pk}",
        kind=RiskFlag.Kind.FORCED_LABOUR,
        indicator=grievance.indicator,
        organisation_id=grievance.against_id,
        details={"grievance": grievance.pk},
        resolved=grievance.status == Grievance.Status.RESOLVED,
    )


def expected_flags(placement: Placement) -> list[FlagSpec]:
    """Every flag the placement should carry now, from its contracts, cost ledger and grievances."""
    contracts = {c.stage: c for c in placement.contracts.all()}
    payments = list(placement.cost_payments.all())
    languages = {wl.language_id for wl in placement.worker.languages.all()}
    flags = _fee_flags(placement, payments) + _contract_flags(placement, contracts)
    flags += _c189_flags(placement, contracts, languages)
    for grievance in placement.grievances.all():
        spec = grievance_flag(grievance)
        if spec is not None:
            flags.append(spec)
    return flags
