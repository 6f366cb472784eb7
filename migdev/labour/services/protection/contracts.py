"""Writes of protection: contracts (and substitution) and the recruitment cost ledger."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.rules import checks_permission, is_member_of_org
from migdev.accounts.services import record_audit
from migdev.core.errors import DomainError
from migdev.core.models import Currency, EscoOccupation, Language
from migdev.labour import protection
from migdev.labour.models import (
    Contract,
    CostCategory,
    CostPayment,
    Payer,
    Placement,
    WagePeriod,
)
from migdev.labour.services.protection.flags import (
    _sync_placement_flags,
)
from migdev.labour.services.protection.placements import (
    IncoherentDate,
    State,
    TransitionNotAllowed,
    _move,
)

# ---------------------------------------------------------------------------------------------------------------------
# Contracts


@dataclass(frozen=True)
class ContractTerms:
    """A contract as signed: codes are checked by the service (currency ISO 4217, language ISO 639-3)."""

    stage: str
    employer: Organisation
    occupation: EscoOccupation
    wage_amount: Decimal
    wage_currency: str
    wage_period: str
    weekly_hours: int
    language: str
    signed_on: date
    rest_days_per_week: int = 1
    retains_documents: bool = False


def _currency(code: str, field: str) -> Currency:
    found = Currency.objects.filter(pk=(code or "").strip().upper()).first()
    if found is None:
        raise DomainError(_("Unknown currency code: %(code)s") % {"code": code}, field=field)
    return found


def _amount(value: Any, field: str, *, positive: bool = True) -> Decimal:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError) as error:
        raise DomainError(_("Give an amount as a number."), field=field) from error
    if not amount.is_finite():
        raise DomainError(_("Give an amount as a number."), field=field)
    if amount < 0:
        raise DomainError(_("An amount cannot be negative."), field=field)
    if positive and amount == 0:
        raise DomainError(_("The amount must be more than zero."), field=field)
    if amount >= Decimal("1e10"):
        raise DomainError(_("This amount is too large."), field=field)
    return amount.quantize(Decimal("0.01"))


@checks_permission("labour.record_contract", obj="placement")
def record_contract(actor: User, placement: Placement, terms: ContractTerms) -> Contract:
    """Record the contract signed at origin (after acceptance) or at destination (after arrival); a destination
    contract that differs from the origin one raises a contract substitution flag."""
    if terms.stage not in Contract.Stage.values:
        raise DomainError(_("Choose the stage: origin or destination."), field="stage")
    needed, reached = (
        (State.ACCEPTED, State.CONTRACT_ORIGIN)
        if terms.stage == Contract.Stage.ORIGIN
        else (State.ARRIVED, State.CONTRACT_DESTINATION)
    )
    if placement.state != needed:
        raise TransitionNotAllowed(
            _("This contract is recorded when the placement is “%(needed)s”; it is “%(state)s”.")
            % {"needed": State(needed).label, "state": placement.get_state_display()},
            field="stage",
        )
    wage = _amount(terms.wage_amount, "wage_amount")
    currency = _currency(terms.wage_currency, "wage_currency")
    if terms.wage_period not in WagePeriod.values:
        raise DomainError(_("Choose a wage period."), field="wage_period")
    if not 1 <= terms.weekly_hours <= 168:
        raise DomainError(_("Weekly hours must be between 1 and 168."), field="weekly_hours")
    if not 0 <= terms.rest_days_per_week <= 7:
        raise DomainError(_("Rest days per week must be between 0 and 7."), field="rest_days_per_week")
    language = Language.objects.filter(pk=(terms.language or "").strip().lower()).first()
    if language is None:
        raise DomainError(_("Unknown language code: %(code)s") % {"code": terms.language}, field="language")
    if terms.signed_on < placement.offered_on:
        raise IncoherentDate(_("A contract cannot be signed before the offer."), field="signed_on")
    if terms.stage == Contract.Stage.DESTINATION and placement.arrived_on and terms.signed_on < placement.arrived_on:
        raise IncoherentDate(_("The destination contract cannot be signed before the arrival."), field="signed_on")
    _move(actor, placement, reached, terms.signed_on)
    contract = Contract.objects.create(
        placement=placement,
        stage=terms.stage,
        employer=terms.employer,
        occupation=terms.occupation,
        wage_amount=wage,
        wage_currency=currency,
        wage_period=terms.wage_period,
        weekly_hours=terms.weekly_hours,
        rest_days_per_week=terms.rest_days_per_week,
        language=language,
        retains_documents=terms.retains_documents,
        signed_on=terms.signed_on,
    )
    record_audit(actor, AuditEvent.Action.CREATE, placement.worker.user, contract, ["wage_amount", "weekly_hours"])
    _sync_placement_flags(placement)
    return contract


# ---------------------------------------------------------------------------------------------------------------------
# The recruitment cost ledger


@dataclass(frozen=True)
class CostDetails:
    """A recruitment cost actually paid. `amount_in_wage_currency` is needed when the currency is not the wage's."""

    category: str
    amount: Decimal
    currency: str
    paid_by: str
    paid_on: date
    paid_to: Organisation | None = None
    amount_in_wage_currency: Decimal | None = None


def placement_wage_currency(placement: Placement) -> str:
    contract = protection.wage_terms(placement)
    return contract.wage_currency_id if contract is not None else placement.vacancy.wage_currency_id


def _reporter(actor: User, placement: Placement) -> str:
    """Who the report comes from: the worker, an inspector (officials and stewards), or the recruiter/employer."""
    if placement.worker.user_id == actor.pk:
        return CostPayment.Reporter.WORKER
    operators = [placement.vacancy.employer, placement.recruiter]
    if any(org is not None and is_member_of_org(actor, org) for org in operators):
        return CostPayment.Reporter.RECRUITER
    return CostPayment.Reporter.INSPECTOR


@checks_permission("labour.add_costpayment", obj="placement")
def record_cost_payment(actor: User, placement: Placement, details: CostDetails) -> CostPayment:
    """Record a recruitment cost paid for the placement; a cost the worker paid raises a WORKER_PAID_FEE flag against
    the organisation that received it (and debt bondage when it exceeds a month's earnings)."""
    if details.category not in CostCategory.values:
        raise DomainError(_("Choose a kind of cost."), field="category")
    amount = _amount(details.amount, "amount")
    currency = _currency(details.currency, "currency")
    if details.paid_by not in Payer.values:
        raise DomainError(_("Choose who paid."), field="paid_by")
    if details.paid_on > timezone.localdate():
        raise IncoherentDate(_("A payment cannot be dated in the future."), field="paid_on")
    if details.paid_on < placement.offered_on - timedelta(days=366):
        raise IncoherentDate(_("This payment is dated more than a year before the offer."), field="paid_on")
    wage_currency = placement_wage_currency(placement)
    if currency.pk == wage_currency:
        converted = amount
    elif details.amount_in_wage_currency is None:
        raise DomainError(
            _("Give the amount in %(currency)s, the currency of the wage.") % {"currency": wage_currency},
            field="amount_in_wage_currency",
        )
    else:
        converted = _amount(details.amount_in_wage_currency, "amount_in_wage_currency")
    payment = CostPayment.objects.create(
        placement=placement,
        category=details.category,
        amount=amount,
        currency=currency,
        amount_in_wage_currency=converted,
        paid_by=details.paid_by,
        paid_to=details.paid_to,
        paid_on=details.paid_on,
        reported_by=_reporter(actor, placement),
    )
    record_audit(actor, AuditEvent.Action.CREATE, placement.worker.user, payment, ["amount", "paid_by", "paid_to"])
    _sync_placement_flags(placement)
    return payment
