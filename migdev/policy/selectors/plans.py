"""Reads of development plans: each plan's migration-chapter checklist answered item by item, and its coverage."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from migdev.core.errors import NotFound
from migdev.policy import checklist
from migdev.policy.models import DevelopmentPlan, PlanItemAssessment


def plans(iso3: str = "") -> QuerySet[DevelopmentPlan]:
    found = DevelopmentPlan.objects.select_related("country").prefetch_related(
        Prefetch("items", queryset=PlanItemAssessment.objects.order_by("item"))
    )
    return found.filter(country_id=iso3.upper()) if iso3 else found


def plan(plan_id: int) -> DevelopmentPlan:
    found = plans().filter(pk=plan_id).first()
    if found is None:
        raise NotFound(f"No development plan {plan_id}", "plan_id")
    return found


@dataclass(frozen=True)
class ChecklistRow:
    item: checklist.ChecklistItem
    answer: PlanItemAssessment | None


def checklist_rows(item: DevelopmentPlan) -> list[ChecklistRow]:
    """Every checklist item in order with the plan's answer (None: not assessed yet)."""
    answers = {a.item: a for a in item.items.all()}
    return [ChecklistRow(i, answers.get(i.key)) for i in checklist.ITEMS]


def coverage(item: DevelopmentPlan) -> dict[str, int]:
    """How many items are addressed, partly addressed, not addressed and not yet assessed."""
    counts = dict.fromkeys([*PlanItemAssessment.Rating.values, "unassessed"], 0)
    for row in checklist_rows(item):
        counts[row.answer.rating if row.answer else "unassessed"] += 1
    return counts
