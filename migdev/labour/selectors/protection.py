"""Reads of the labour exchange: protection. Placements, contracts, the cost ledger, grievances and flags, each scoped
to who may see them; and the rows behind SDG 10.7.1, the circular KPIs and the protection counts by sex."""

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import rules
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.rules import is_member_of_org
from migdev.accounts.services import Actor, record_audit
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.core.models import Country, IscoGroup
from migdev.engines.labour.indicators import (
    DEFAULT_MIN_GROUP_SIZE,
    NEVER_LEFT,
    CircularKpis,
    RecruitmentCostReport,
    RecruitmentCostRow,
    SeasonRecord,
    circular_kpis,
    circular_kpis_by,
    recruitment_cost,
)
from migdev.labour import protection
from migdev.labour.models import Contract, CostPayment, Grievance, Payer, Placement, RiskFlag, WorkerProfile

State = Placement.State


def _recruitment_cost_definition() -> str:
    return _(
        "SDG indicator 10.7.1: recruitment cost borne by the employee as a proportion of monthly income earned in the "
        "country of destination. For each worker and season, C/E, where C is the sum of the recruitment costs the "
        "worker paid (converted to the wage currency) and E the monthly earnings of the contract at destination "
        "(else the contract signed at origin): an hourly wage × weekly hours × 52/12, a weekly wage × 52/12, "
        "a yearly wage / 12. "
        "Workers who went abroad count, including those who paid nothing. Reported: the mean, the median and the 4th "
        "quintile (the 80th percentile, interpolating linearly between ordered values) of C/E. Groups of fewer than "
        "%(n)s workers are suppressed: their number is shown, their figures are not."
    ) % {"n": DEFAULT_MIN_GROUP_SIZE}


# Lazy, so each request reads it in its own language (a `%` on a lazy string would fix it in English at import).
RECRUITMENT_COST_DEFINITION = lazy(_recruitment_cost_definition, str)()

CIRCULAR_DEFINITIONS = {
    "return_rate": gettext_lazy("Placements returned on or before their due date, among those completed or returned."),
    "rehire_rate": gettext_lazy("Workers with two or more seasons, among the workers who went abroad."),
    "same_employer_rehire_share": gettext_lazy(
        "Returning seasons with the same employer as the worker's previous season, among all returning seasons."
    ),
    "named_request_share": gettext_lazy("Placements the employer asked for by name, among placements abroad."),
    "mean_months_between_seasons": gettext_lazy(
        "Mean number of months from a season's return (or completion) to the same worker's next departure."
    ),
    "overstay_rate": gettext_lazy(
        "Placements not returned by their due date, among placements abroad whose due date has passed."
    ),
}

# States in which the worker went abroad (earns in the destination).
WENT_ABROAD = tuple(s for s in State.values if s not in NEVER_LEFT)


def _signed_in(user: Actor | None) -> User | None:
    return user if isinstance(user, User) and user.is_authenticated and user.is_active else None


def _is_steward(user: Actor | None) -> bool:
    found = _signed_in(user)
    return bool(found is not None and (found.is_steward or found.is_superuser))


def _organisation_ids(actor: Actor) -> list[int]:
    user = _signed_in(actor)
    if user is None:
        return []
    return list(
        user.memberships.filter(organisation__status=Organisation.Status.APPROVED).values_list(
            "organisation_id", flat=True
        )
    )


def _country_ids(actor: Actor) -> list[str]:
    user = _signed_in(actor)
    if user is None:
        return []
    return list(user.official_countries.values_list("iso3", flat=True))


# ---------------------------------------------------------------------------------------------------------------------
# Placements


def placements_for(user: Actor, *, state: str = "", season: int | None = None) -> QuerySet[Placement]:
    """The placements the user may see: the worker's own, their organisations' (employer, recruiter, sending agency),
    their countries' (origin or destination) as an official; all for stewards."""
    placements = Placement.objects.select_related(
        "worker__nationality",
        "worker__sex",
        "vacancy__employer",
        "vacancy__destination",
        "vacancy__scheme",
        "recruiter",
    )
    if not _is_steward(user):
        if not getattr(user, "is_authenticated", False):
            return placements.none()
        orgs, countries = _organisation_ids(user), _country_ids(user)
        placements = placements.filter(
            Q(worker__user=user)
            | Q(vacancy__employer__in=orgs)
            | Q(recruiter__in=orgs)
            | Q(worker__sending_agency__in=orgs)
            | Q(worker__nationality__in=countries)
            | Q(vacancy__destination__in=countries)
        )
    if state:
        placements = placements.filter(state=state)
    if season is not None:
        placements = placements.filter(season=season)
    return placements.order_by("-season", "-offered_on", "-pk")


def placement_by_id(placement_id: int, viewer: Actor | None = None) -> Placement:
    """A placement by id; with a viewer, one they may not see is "not found", so ids cannot be probed."""
    found = (
        Placement.objects.select_related("worker__user", "worker__nationality", "vacancy__employer", "recruiter")
        .filter(pk=placement_id)
        .first()
    )
    hidden = viewer is not None and not (
        rules.has_perm("labour.view_placement", viewer, found) or getattr(viewer, "is_superuser", False)
    )
    if found is None or hidden:
        raise NotFound(_("No such placement."), field="id")
    return found


@dataclass(frozen=True)
class PlacementRecord:
    """A placement with its history, contracts, costs, flags and the differences between its contracts."""

    placement: Placement
    events: list[Any]
    contracts: dict[str, Contract]
    payments: list[CostPayment]
    flags: list[RiskFlag]
    differences: dict[str, dict[str, Any]]
    may_see_flags: bool


def may_see_flags_of(viewer: Actor, placement: Placement) -> bool:
    """The worker, the sending agency, the officials of both countries and stewards see a placement's flags."""
    user = _signed_in(viewer)
    if user is None or _is_steward(user):
        return _is_steward(user)
    agency = placement.worker.sending_agency
    return bool(
        placement.worker.user_id == user.pk
        or (agency is not None and is_member_of_org(user, agency))
        or user.official_countries.filter(
            pk__in=[placement.worker.nationality_id, placement.vacancy.destination_id]
        ).exists()
    )


def placement_record(viewer: Actor, placement: Placement) -> PlacementRecord:
    """A placement's full record, if the rules allow; a read by anyone but the worker is audited."""
    if not rules.has_perm("labour.view_placement", viewer, placement) and not getattr(viewer, "is_superuser", False):
        raise PermissionDenied(_("You may not view this placement."), field="id")
    if placement.worker.user_id != viewer.pk:
        record_audit(viewer, AuditEvent.Action.READ, placement.worker.user, placement, [])
    contracts = {
        c.stage: c for c in placement.contracts.select_related("employer", "occupation", "wage_currency", "language")
    }
    origin, destination = contracts.get(Contract.Stage.ORIGIN), contracts.get(Contract.Stage.DESTINATION)
    differences = protection.contract_differences(origin, destination) if origin and destination else {}
    sees_flags = may_see_flags_of(viewer, placement)
    return PlacementRecord(
        placement=placement,
        events=list(placement.events.select_related("by")),
        contracts=contracts,
        payments=list(placement.cost_payments.select_related("currency", "paid_to")),
        flags=list(placement.flags.select_related("organisation")) if sees_flags else [],
        differences=differences,
        may_see_flags=sees_flags,
    )


def returning_workers(viewer: Actor, employer: Organisation) -> list[dict[str, Any]]:
    """Workers who completed a season with the employer (the ones it may name where the scheme allows), with their
    seasons; members of the employer and stewards only."""
    if not (_is_steward(viewer) or is_member_of_org(viewer, employer)):
        raise PermissionDenied(_("Only the employer's members see its returning workers."), field="employer")
    finished = (
        Placement.objects.filter(vacancy__employer=employer, state__in=protection.FINISHED_WELL)
        .select_related("worker", "vacancy__scheme")
        .order_by("worker__pseudonym", "season")
    )
    workers: dict[int, dict[str, Any]] = {}
    for placement in finished:
        entry = workers.setdefault(
            placement.worker_id,
            {"worker": placement.worker, "seasons": [], "schemes": set(), "named_allowed": False},
        )
        entry["seasons"].append(placement.season)
        if placement.vacancy.scheme is not None:
            entry["schemes"].add(placement.vacancy.scheme.name)
            entry["named_allowed"] = entry["named_allowed"] or placement.vacancy.scheme.named_returning_allowed
    return [
        {**entry, "schemes": sorted(entry["schemes"]), "last_season": max(entry["seasons"])}
        for entry in workers.values()
    ]


# ---------------------------------------------------------------------------------------------------------------------
# Flags and grievances


def flags_for(user: Actor, *, open_only: bool = True, kind: str = "", indicator: str = "") -> QuerySet[RiskFlag]:
    """The flags the user may see: the worker's own placements', their sending agency's workers', the officials'
    countries' (origin or destination); all for stewards. Employers and recruiters do not see flags."""
    flags = RiskFlag.objects.select_related(
        "organisation", "placement__worker__sex", "placement__worker__nationality", "placement__vacancy__destination"
    )
    if not _is_steward(user):
        if not getattr(user, "is_authenticated", False):
            return flags.none()
        orgs, countries = _organisation_ids(user), _country_ids(user)
        flags = flags.filter(
            Q(placement__worker__user=user)
            | Q(placement__worker__sending_agency__in=orgs)
            | Q(placement__worker__nationality__in=countries)
            | Q(placement__vacancy__destination__in=countries)
            | Q(placement__isnull=True, organisation__country__in=countries)
        )
    if open_only:
        flags = flags.filter(resolved_at__isnull=True)
    if kind:
        flags = flags.filter(kind=kind)
    if indicator:
        flags = flags.filter(indicator=indicator)
    return flags.order_by("-raised_at", "-pk")


def flag_by_id(viewer: Actor, flag_id: int) -> RiskFlag:
    found = flags_for(viewer, open_only=False).filter(pk=flag_id).first()
    if found is None:
        raise NotFound(_("No such flag."), field="id")
    return found


def grievances_for(user: Actor, *, status: str = "") -> QuerySet[Grievance]:
    """The grievances the user may read: the worker's own; the officials' countries' (the worker's nationality, the
    destination); all for stewards. The organisations complained against do not see them (see grievances_against)."""
    grievances = Grievance.objects.select_related("worker__sex", "worker__nationality", "against", "placement")
    if not _is_steward(user):
        if not getattr(user, "is_authenticated", False):
            return grievances.none()
        countries = _country_ids(user)
        grievances = grievances.filter(
            Q(worker__user=user)
            | Q(worker__nationality__in=countries)
            | Q(placement__vacancy__destination__in=countries)
            | Q(placement__isnull=True, against__country__in=countries)
        )
    if status:
        grievances = grievances.filter(status=status)
    return grievances.order_by("-filed_at", "-pk")


def grievance_record(viewer: Actor, grievance_id: int) -> Grievance:
    """One grievance, if the rules allow; a read by anyone but the worker is audited."""
    found = Grievance.objects.select_related("worker__user", "against", "placement__vacancy").filter(pk=grievance_id)
    grievance = found.first()
    if grievance is None:
        raise NotFound(_("No such grievance."), field="id")
    if not rules.has_perm("labour.view_grievance", viewer, grievance) and not getattr(viewer, "is_superuser", False):
        # Reported as not found: whether a grievance exists is itself confidential.
        raise NotFound(_("No such grievance."), field="id")
    if grievance.worker.user_id != viewer.pk:
        record_audit(viewer, AuditEvent.Action.READ, grievance.worker.user, grievance, [])
    return grievance


@dataclass(frozen=True)
class GrievanceNotice:
    """What the organisation complained against sees: that a grievance exists, what about, its status. Never who."""

    indicator: str
    status: str
    filed_month: str


def grievances_against(viewer: Actor, organisation: Organisation) -> list[GrievanceNotice]:
    """The grievances against an organisation, without the worker, the placement or the description."""
    if not (_is_steward(viewer) or is_member_of_org(viewer, organisation)):
        raise PermissionDenied(_("Only the organisation's members see the grievances against it."), field="id")
    rows = Grievance.objects.filter(against=organisation).values_list("indicator", "status", "filed_at")
    return [GrievanceNotice(indicator, status, f"{filed:%Y-%m}") for indicator, status, filed in rows]


def organisations_to_complain_about(worker: WorkerProfile) -> QuerySet[Organisation]:
    """The employers and recruiters of the worker's placements (a grievance form offers these)."""
    return (
        Organisation.objects.filter(
            Q(vacancies__placements__worker=worker) | Q(recruited_placements__worker=worker),
            kind__in=[Organisation.Kind.EMPLOYER, Organisation.Kind.RECRUITMENT_AGENCY],
        )
        .distinct()
        .order_by("name")
    )


def worker_profile_of(actor: Actor) -> WorkerProfile | None:
    user = _signed_in(actor)
    if user is None:
        return None
    return WorkerProfile.objects.filter(user=user).first()


# ---------------------------------------------------------------------------------------------------------------------
# Protection counts by sex


@dataclass(frozen=True)
class CountsBySex:
    """Counts of something (flags or grievances) by indicator and sex; small cells are None where suppressed."""

    rows: list[dict[str, Any]]


def _by_sex(pairs: list[tuple[str, str]], suppress_below: int) -> list[dict[str, Any]]:
    counts = Counter(pairs)
    keys = sorted({key for key, _sex in pairs})

    def shown(n: int) -> int | None:
        return None if 0 < n < suppress_below else n

    rows = []
    for key in keys:
        female, male = counts[(key, "F")], counts[(key, "M")]
        total = sum(n for (k, _s), n in counts.items() if k == key)
        rows.append({"key": key, "F": shown(female), "M": shown(male), "total": shown(total)})
    return rows


def protection_counts_by_sex(
    viewer: Actor | None = None, *, origin: str = "", destination: str = "", suppress_below: int = 0
) -> dict[str, list[dict[str, Any]]]:
    """Open flags (by kind and indicator, C189 checks apart) and grievances (by indicator), each by sex of the worker.

    With a viewer, only what they may see is counted; without one (the public), everything, with cells smaller than
    `suppress_below` hidden.
    """
    flags = flags_for(viewer) if viewer is not None else RiskFlag.objects.filter(resolved_at__isnull=True)
    grievances = grievances_for(viewer) if viewer is not None else Grievance.objects.all()
    if origin:
        flags = flags.filter(placement__worker__nationality_id=origin)
        grievances = grievances.filter(worker__nationality_id=origin)
    if destination:
        flags = flags.filter(placement__vacancy__destination_id=destination)
        grievances = grievances.filter(placement__vacancy__destination_id=destination)
    flag_rows = []
    for kind, indicator, details, sex in flags.values_list(
        "kind", "indicator", "details", "placement__worker__sex_id"
    ).order_by():
        key = kind if kind != RiskFlag.Kind.FORCED_LABOUR else f"{kind}:{indicator}"
        if kind == RiskFlag.Kind.C189:
            key = f"{kind}:{(details or {}).get('check', '')}"
        flag_rows.append((key, sex or "_U"))
    grievance_rows = [(indicator, sex) for indicator, sex in grievances.values_list("indicator", "worker__sex_id")]
    return {
        "flags": _by_sex(flag_rows, suppress_below),
        "grievances": _by_sex(grievance_rows, suppress_below),
    }


# ---------------------------------------------------------------------------------------------------------------------
# SDG 10.7.1 and the circular KPIs


@dataclass(frozen=True)
class IndicatorFilters:
    origin: str = ""
    destination: str = ""
    occupation: str = ""
    period: int | None = None
    scheme: str = ""


def clean_filters(
    origin: str = "", destination: str = "", occupation: str = "", period: int | None = None, scheme: str = ""
) -> IndicatorFilters:
    """Check the filters of the indicators: ISO3 countries, an ISCO-08 code of any level, a season year."""
    origin, destination, occupation = origin.strip().upper(), destination.strip().upper(), occupation.strip()
    for name, code in (("origin", origin), ("destination", destination)):
        if code and not Country.objects.filter(pk=code).exists():
            raise DomainError(_("Unknown country code (ISO 3166-1 alpha-3): %(code)s") % {"code": code}, field=name)
    if occupation and not IscoGroup.objects.filter(pk=occupation).exists():
        raise DomainError(_("Unknown ISCO-08 code: %(code)s") % {"code": occupation}, field="occupation")
    if period is not None and not 2000 <= period <= 2100:
        raise DomainError(_("Give the period as a season year, e.g. 2025."), field="period")
    return IndicatorFilters(origin, destination, occupation, period, scheme.strip())


def _filtered(placements: QuerySet[Placement], filters: IndicatorFilters) -> QuerySet[Placement]:
    if filters.origin:
        placements = placements.filter(worker__nationality_id=filters.origin)
    if filters.destination:
        placements = placements.filter(vacancy__destination_id=filters.destination)
    if filters.occupation:
        # ISCO-08 codes nest by prefix: 9 > 91 > 911 > 9111.
        placements = placements.filter(vacancy__isco_group__code__startswith=filters.occupation)
    if filters.period is not None:
        placements = placements.filter(season=filters.period)
    if filters.scheme:
        placements = placements.filter(vacancy__scheme__code=filters.scheme)
    return placements


def recruitment_cost_rows(filters: IndicatorFilters) -> list[RecruitmentCostRow]:
    """One row per worker and season abroad: sex, corridor, ISCO code, costs the worker paid and the wage earned."""
    placements = _filtered(
        Placement.objects.filter(state__in=WENT_ABROAD)
        .select_related("worker", "vacancy")
        .prefetch_related("contracts", "cost_payments"),
        filters,
    )
    rows = []
    for placement in placements:
        contract = protection.wage_terms(placement)
        terms: Any = contract if contract is not None else placement.vacancy
        paid = sum(
            (p.amount_in_wage_currency for p in placement.cost_payments.all() if p.paid_by == Payer.WORKER),
            start=0,
        )
        rows.append(
            RecruitmentCostRow(
                sex=placement.worker.sex_id,
                origin=placement.worker.nationality_id,
                destination=placement.vacancy.destination_id,
                occupation=placement.vacancy.isco_group_id,
                season=placement.season,
                cost_paid=float(paid),
                wage_amount=float(terms.wage_amount),
                wage_period=terms.wage_period,
                weekly_hours=float(terms.weekly_hours),
            )
        )
    return rows


def recruitment_cost_report(filters: IndicatorFilters) -> RecruitmentCostReport:
    """SDG 10.7.1 over the placements the filters select."""
    return recruitment_cost(recruitment_cost_rows(filters))


def season_records(filters: IndicatorFilters) -> list[SeasonRecord]:
    """One record per placement, for the circular KPIs."""
    placements = _filtered(Placement.objects.select_related("worker", "vacancy__scheme"), filters)
    return [
        SeasonRecord(
            worker=p.worker_id,
            employer=p.vacancy.employer_id,
            scheme=p.vacancy.scheme.code if p.vacancy.scheme else "",
            origin=p.worker.nationality_id,
            destination=p.vacancy.destination_id,
            sex=p.worker.sex_id,
            season=p.season,
            state=p.state,
            named_request=p.named_request,
            departed_on=p.departed_on,
            completed_on=p.completed_on,
            due_return_on=p.due_return_on,
            returned_on=p.returned_on,
        )
        for p in placements
    ]


@dataclass(frozen=True)
class CircularReport:
    total: CircularKpis
    by_scheme: dict[str, CircularKpis]
    by_corridor: dict[str, CircularKpis]
    by_sex: dict[str, CircularKpis]


def circular_report(filters: IndicatorFilters, as_of: date | None = None) -> CircularReport:
    """The circular KPIs overall and by scheme, corridor and sex."""
    records = season_records(filters)
    today = as_of or timezone.localdate()
    by_sex = circular_kpis_by(records, lambda r: r.sex, today)
    for sex in ("F", "M"):
        by_sex.setdefault(sex, circular_kpis([], today))
    return CircularReport(
        total=circular_kpis(records, today),
        by_scheme=circular_kpis_by(records, lambda r: r.scheme or "-", today),
        by_corridor=circular_kpis_by(records, lambda r: r.corridor, today),
        by_sex=by_sex,
    )


def user_is_official(user: User) -> bool:
    return bool(user.official_countries.exists())
