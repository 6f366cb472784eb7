"""Reads for the corridors room (added for it): one origin–destination pair's schemes, agreements, open vacancies,
SDG 10.7.1 and protection counts (counts only, small cells withheld), and the schemes of every pair."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Q

from migdev.engines.labour.indicators import DEFAULT_MIN_GROUP_SIZE, RecruitmentCostReport, Summary
from migdev.labour.models import Grievance, LabourAgreement, RiskFlag, Scheme, Vacancy
from migdev.labour.selectors.protection import IndicatorFilters, recruitment_cost_report
from migdev.labour.selectors.registry import schemes

__all__ = ["CorridorWork", "ProtectionCounts", "Summary", "active_schemes_by_pair", "corridor_work"]

SEXES = ("F", "M")


@dataclass(frozen=True)
class ProtectionCounts:
    """Open risk flags and grievances of the corridor's workers: totals and by sex; None = fewer than the minimum."""

    open_flags: int | None
    grievances: int | None
    flags_by_sex: dict[str, int | None] = field(default_factory=dict)
    grievances_by_sex: dict[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class CorridorWork:
    schemes: list[Scheme]
    agreements: list[LabourAgreement]
    vacancies: list[Vacancy]
    recruitment_cost: RecruitmentCostReport
    protection: ProtectionCounts


def _shown(n: int, minimum: int) -> int | None:
    return None if 0 < n < minimum else n


def _counts(sexes: list[str], minimum: int) -> tuple[int | None, dict[str, int | None]]:
    counted = Counter(sexes)
    return _shown(len(sexes), minimum), {sex: _shown(counted[sex], minimum) for sex in SEXES}


def corridor_work(origin: str, destination: str, minimum: int = DEFAULT_MIN_GROUP_SIZE) -> CorridorWork:
    """What the labour exchange holds for workers from `origin` going to `destination` (public: no personal data)."""
    found_schemes = [
        s for s in schemes(destination=destination) if origin in {c.iso3 for c in s.eligible_origins.all()}
    ]
    agreements = list(
        LabourAgreement.objects.filter(destination_id=destination, origins=origin).distinct().order_by("title")
    )
    vacancies = list(
        Vacancy.objects.filter(state=Vacancy.State.PUBLISHED, destination_id=destination)
        .filter(Q(scheme__isnull=True) | Q(scheme__eligible_origins=origin))
        .select_related("scheme", "occupation", "wage_currency", "employer")
        .distinct()
        .order_by("-published_at", "-pk")
    )
    report = recruitment_cost_report(IndicatorFilters(origin=origin, destination=destination))
    flag_sexes = RiskFlag.objects.filter(
        resolved_at__isnull=True,
        placement__worker__nationality_id=origin,
        placement__vacancy__destination_id=destination,
    ).values_list("placement__worker__sex_id", flat=True)
    grievance_sexes = Grievance.objects.filter(
        worker__nationality_id=origin, placement__vacancy__destination_id=destination
    ).values_list("worker__sex_id", flat=True)
    flags, flags_by_sex = _counts([s or "_U" for s in flag_sexes], minimum)
    grievances, grievances_by_sex = _counts([s or "_U" for s in grievance_sexes], minimum)
    protection = ProtectionCounts(flags, grievances, flags_by_sex, grievances_by_sex)
    return CorridorWork(found_schemes, agreements, vacancies, report, protection)


def active_schemes_by_pair() -> dict[tuple[str, str], int]:
    """{(origin, destination): number of active schemes open to the origin's nationals}, in one query."""
    pairs = Scheme.objects.filter(is_active=True).values_list("eligible_origins__iso3", "destination_id")
    return dict(Counter((origin, destination) for origin, destination in pairs if origin))
