"""Writes of the labour exchange: protection. Placements through their seasons, contracts, the recruitment cost ledger,
grievances and risk flags. Every service checks its permission first, then runs atomically."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.rules import checks_permission, is_member_of_org
from migdev.accounts.services import Actor, record_audit
from migdev.core.errors import DomainError, PermissionDenied
from migdev.core.models import Currency, EscoOccupation, Language
from migdev.labour import eligibility, protection
from migdev.labour.compliance import recruiter_may_place
from migdev.labour.models import (
    Contract,
    CostCategory,
    CostPayment,
    Grievance,
    Payer,
    Placement,
    PlacementEvent,
    RiskFlag,
    SchemeOriginCap,
    Vacancy,
    WagePeriod,
    WorkerProfile,
)
from migdev.labour.protection import FlagSpec, ForcedLabourIndicator

State = Placement.State


class OfferRefused(DomainError):
    """A placement cannot be offered: the worker is not eligible, or the scheme does not allow it."""

    code = "refused"

    def __init__(self, message: str, field: str | None = None, reasons: list[str] | None = None) -> None:
        super().__init__(message, field)
        self.reasons = reasons or [message]


class CapReached(DomainError):
    """A cap (scheme per season, origin country per season, positions of the vacancy) is reached."""

    code = "cap_reached"


class TransitionNotAllowed(DomainError):
    """The placement cannot move from its state to the one asked for."""

    code = "bad_transition"


class IncoherentDate(DomainError):
    """A date comes before one it must follow (e.g. return before departure); `field` names it."""

    code = "bad_date"


# ---------------------------------------------------------------------------------------------------------------------
# Offers


@dataclass(frozen=True)
class OfferDetails:
    """What an employer (or an official) gives to offer a worker a season in a vacancy."""

    season: int
    offered_on: date
    recruiter: Organisation | None = None
    named_request: bool = False
    due_return_on: date | None = None


def _add_months(start: date, months: int) -> date:
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def default_due_return(vacancy: Vacancy, season: int) -> date:
    """The vacancy's start date in the season's year, plus the contract length."""
    start = vacancy.start_date
    day = min(start.day, calendar.monthrange(season, start.month)[1])
    return _add_months(date(season, start.month, day), vacancy.contract_months)


# Eligibility reasons that are caps, and the field each names.
CAP_REASONS = {"season_cap": "cap_per_season", "origin_cap": "origin_cap"}


def _eligibility(worker: WorkerProfile, vacancy: Vacancy, on: date) -> None:
    """Refuse the offer when the registry's eligibility rules refuse the pair, naming the cap where one is reached."""
    reasons = eligibility.check(worker, vacancy, on_date=on).reasons
    for reason in reasons:
        if reason.code in CAP_REASONS:
            raise CapReached(reason.message, field=CAP_REASONS[reason.code])
    if reasons:
        messages = [reason.message for reason in reasons]
        field = "recruiter" if all(r.code == "recruiter_licence" for r in reasons) else "worker"
        raise OfferRefused(" ".join(messages), field=field, reasons=messages)


def returning_worker_refusal(worker: WorkerProfile, vacancy: Vacancy, season: int) -> str | None:
    """Why the employer may not name this worker as a returning worker (None: it may)."""
    scheme = vacancy.scheme
    if scheme is None or not scheme.named_returning_allowed:
        return _("The scheme of this vacancy does not let employers name returning workers.")
    served = Placement.objects.filter(
        worker=worker,
        vacancy__employer_id=vacancy.employer_id,
        season__lt=season,
        state__in=protection.FINISHED_WELL,
    )
    if not served.exists():
        return _(
            "This worker has not completed a season with this employer before; only returning workers can be named."
        )
    return None


def _check_caps(worker: WorkerProfile, vacancy: Vacancy, season: int) -> None:
    taking = Placement.objects.filter(season=season, state__in=protection.COUNTS_AGAINST_CAPS)
    if taking.filter(vacancy=vacancy).count() >= vacancy.positions:
        raise CapReached(
            _("All %(n)s positions of this vacancy are taken for season %(season)s.")
            % {"n": vacancy.positions, "season": season},
            field="positions",
        )
    scheme = vacancy.scheme
    if scheme is None:
        return
    in_scheme = taking.filter(vacancy__scheme=scheme)
    if scheme.cap_per_season is not None and in_scheme.count() >= scheme.cap_per_season:
        raise CapReached(
            _("The cap per season of the scheme %(scheme)s (%(cap)s workers) is reached for season %(season)s.")
            % {"scheme": scheme.name, "cap": scheme.cap_per_season, "season": season},
            field="cap_per_season",
        )
    origin_cap = SchemeOriginCap.objects.filter(scheme=scheme, origin_id=worker.nationality_id).first()
    if origin_cap is not None and in_scheme.filter(worker__nationality_id=worker.nationality_id).count() >= (
        origin_cap.cap
    ):
        raise CapReached(
            _("The cap of the scheme %(scheme)s for %(country)s (%(cap)s workers) is reached for season %(season)s.")
            % {"scheme": scheme.name, "country": worker.nationality_id, "cap": origin_cap.cap, "season": season},
            field="origin_cap",
        )


@checks_permission("labour.offer_placement", obj="vacancy")
def offer_placement(actor: User, vacancy: Vacancy, worker: WorkerProfile, details: OfferDetails) -> Placement:
    """Offer a worker a season in a vacancy, after the named-request, cap, recruiter-licence and eligibility checks.

    Offers count against the caps as soon as they are made (until declined), so a scheme is never over-offered.
    """
    if not 2000 <= details.season <= 2100:
        raise DomainError(_("Give the season as a year, e.g. 2025."), field="season")
    if vacancy.state != Vacancy.State.PUBLISHED:
        raise OfferRefused(_("Only a published vacancy can be offered."), field="vacancy")
    if worker.erased_at is not None:
        raise OfferRefused(_("This worker's data was erased."), field="worker")
    if (
        Placement.objects.filter(worker=worker, vacancy=vacancy, season=details.season)
        .exclude(state=State.DECLINED)
        .exists()
    ):
        raise OfferRefused(_("This worker already has a placement in this vacancy this season."), field="worker")
    if details.named_request:
        refusal = returning_worker_refusal(worker, vacancy, details.season)
        if refusal:
            raise OfferRefused(refusal, field="named_request")
    _check_caps(worker, vacancy, details.season)
    recruiter = details.recruiter or vacancy.recruiter
    if recruiter is not None:
        reasons = recruiter_may_place(recruiter, details.offered_on)
        if reasons:
            raise OfferRefused(" ".join(reasons), field="recruiter", reasons=reasons)
    _eligibility(worker, vacancy, details.offered_on)
    due = details.due_return_on or default_due_return(vacancy, details.season)
    if due < details.offered_on:
        raise IncoherentDate(_("The due return date cannot come before the offer."), field="due_return_on")
    placement = Placement.objects.create(
        worker=worker,
        vacancy=vacancy,
        recruiter=recruiter,
        season=details.season,
        named_request=details.named_request,
        offered_on=details.offered_on,
        due_return_on=due,
    )
    PlacementEvent.objects.create(placement=placement, state=State.OFFERED, on=details.offered_on, by=_user(actor))
    record_audit(actor, AuditEvent.Action.CREATE, worker.user, placement, ["worker", "vacancy", "season"])
    return placement


# ---------------------------------------------------------------------------------------------------------------------
# The state machine

DATE_FIELDS: dict[str, str] = {
    State.DEPARTED: "departed_on",
    State.ARRIVED: "arrived_on",
    State.COMPLETED: "completed_on",
    State.RETURNED: "returned_on",
}


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) and actor.pk is not None else None


def _check_dates(placement: Placement, to_state: str, on: date) -> None:
    """Each date must follow the ones before it (no return before departure); the error names the date at fault."""
    field = DATE_FIELDS.get(to_state, "on")
    earlier = {
        "offered_on": (placement.offered_on, _("the offer")),
        "departed_on": (placement.departed_on, _("the departure")),
        "arrived_on": (placement.arrived_on, _("the arrival")),
        "completed_on": (placement.completed_on, _("the completion")),
    }
    for name, (value, label) in earlier.items():
        if name == field:
            break
        if value is not None and on < value:
            raise IncoherentDate(
                _("%(field)s: %(on)s cannot come before %(earlier)s (%(date)s).")
                % {"field": field, "on": on, "earlier": label, "date": value},
                field=field,
            )
    last = placement.events.order_by("-on", "-pk").first()
    if last is not None and on < last.on:
        raise IncoherentDate(
            _("%(field)s: %(on)s cannot come before the placement's last step (%(date)s).")
            % {"field": field, "on": on, "date": last.on},
            field=field,
        )
    if on > timezone.localdate():
        raise IncoherentDate(_("%(field)s: this date is in the future.") % {"field": field}, field=field)


def _move(actor: Actor, placement: Placement, to_state: str, on: date, reason: str = "", note: str = "") -> Placement:
    if to_state not in State.values:
        raise TransitionNotAllowed(_("Unknown state: %(state)s") % {"state": to_state}, field="state")
    if not protection.may_move(placement, to_state):
        raise TransitionNotAllowed(
            _("A placement in the state “%(from)s” cannot become “%(to)s”.")
            % {"from": placement.get_state_display(), "to": State(to_state).label},
            field="state",
        )
    if to_state in protection.NEEDS_REASON and not reason.strip():
        raise DomainError(_("Give the reason."), field="ended_reason")
    _check_dates(placement, to_state, on)
    placement.state = to_state
    changed = ["state"]
    if to_state in DATE_FIELDS:
        setattr(placement, DATE_FIELDS[to_state], on)
        changed.append(DATE_FIELDS[to_state])
    if to_state in protection.NEEDS_REASON:
        placement.ended_reason = reason.strip()
        changed.append("ended_reason")
    placement.save(update_fields=changed)
    PlacementEvent.objects.create(placement=placement, state=to_state, on=on, by=_user(actor), note=note or reason)
    _update_availability(placement.worker, to_state)
    return placement


def _update_availability(worker: WorkerProfile, to_state: str) -> None:
    """A worker abroad (or who absconded) is not available at home; back home, they look for the next season."""
    if to_state in (State.DEPARTED, State.ABSCONDED):
        available = False
    elif to_state == State.RETURNED and worker.erased_at is None:
        available = True
    else:
        return
    if worker.is_available != available:
        worker.is_available = available
        worker.save(update_fields=["is_available"])


@checks_permission("labour.answer_offer", obj="placement")
def accept_offer(actor: User, placement: Placement, on: date) -> Placement:
    """The worker accepts the offer."""
    return _move(actor, placement, State.ACCEPTED, on)


@checks_permission("labour.answer_offer", obj="placement")
def decline_offer(actor: User, placement: Placement, on: date, reason: str = "") -> Placement:
    """The worker declines the offer; the position is free again."""
    return _move(actor, placement, State.DECLINED, on, note=reason)


# The steps the employer, the recruiter or an official record (contracts are recorded with `record_contract`).
PROGRESS_STATES = (State.DEPARTED, State.ARRIVED, State.COMPLETED, State.RETURNED, State.TERMINATED, State.ABSCONDED)


@checks_permission("labour.record_placement_progress", obj="placement")
def advance_placement(
    actor: User, placement: Placement, to_state: str, on: date, reason: str = "", note: str = ""
) -> Placement:
    """Record a step of the season: departure, arrival, completion, return, or termination/absconding with reason."""
    if to_state not in PROGRESS_STATES:
        if to_state in (State.ACCEPTED, State.DECLINED):
            raise PermissionDenied(_("Only the worker answers an offer."), field="state")
        if to_state in (State.CONTRACT_ORIGIN, State.CONTRACT_DESTINATION):
            raise TransitionNotAllowed(_("Record the contract itself to reach this state."), field="state")
        raise TransitionNotAllowed(_("Unknown state: %(state)s") % {"state": to_state}, field="state")
    return _move(actor, placement, to_state, on, reason=reason, note=note)


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
