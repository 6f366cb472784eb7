"""Work: labour agreements and schemes between the two countries, open vacancies the origin's nationals may apply
for, recruitment costs paid by the corridor's workers (SDG 10.7.1) by sex, open risk flags and grievances as counts
(labour, through `labour.selectors.corridor`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.corridors.pairs import Pair
from migdev.corridors.selectors.blocks import Block
from migdev.labour.selectors import corridor as labour
from migdev.labour.selectors.corridor import Summary

if TYPE_CHECKING:  # the rooms' records as their selectors return them; read only through those selectors
    from migdev.labour.models import LabourAgreement, Scheme, Vacancy


@dataclass(frozen=True)
class Work(Block):
    schemes: list[Scheme] = field(default_factory=list)
    agreements: list[LabourAgreement] = field(default_factory=list)
    vacancies: list[Vacancy] = field(default_factory=list)
    cost_total: Summary | None = None  # SDG 10.7.1: recruitment cost / monthly earnings, all workers
    cost_by_sex: dict[str, Summary] = field(default_factory=dict)
    protection: labour.ProtectionCounts | None = None


def work(pair: Pair) -> Work:
    found = labour.corridor_work(pair.origin.iso3, pair.destination.iso3)
    cost = found.recruitment_cost
    counts = found.protection
    has_data = bool(
        found.schemes or found.agreements or found.vacancies or cost.total.n or counts.open_flags or counts.grievances
    )
    return Work(
        source=_("MigDev labour mobility exchange (schemes, vacancies and placements recorded on this site)"),
        as_of=timezone.localdate().isoformat(),
        has_data=has_data,
        schemes=found.schemes,
        agreements=found.agreements,
        vacancies=found.vacancies,
        cost_total=cost.total,
        cost_by_sex=cost.by_sex,
        protection=counts,
    )
