"""Writes of protection: offers and the placement state machine through the season (its errors are here too)."""

import calendar
from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import Actor, record_audit
from migdev.core.errors import DomainError, PermissionDenied
from migdev.labour import eligibility, protection
from migdev.labour.compliance import recruiter_may_place
from migdev.labour.models import (
    Placement,
    PlacementEvent,
    SchemeOriginCap,
    Vacancy,
    WorkerProfile,
)

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
