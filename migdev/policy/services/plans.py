"""Writes of development plans: register a plan, assess its migration chapter item by item with evidence."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.core.weblinks import clean_web_url
from migdev.policy import checklist
from migdev.policy.models import DevelopmentPlan, PlanItemAssessment


@dataclass(frozen=True)
class PlanInput:
    title: str
    kind: str
    start_year: int
    end_year: int
    document_url: str = ""
    summary: str = ""


@dataclass(frozen=True)
class ItemAnswer:
    rating: str
    evidence: str = ""


def _check(data: PlanInput) -> None:
    if not data.title.strip():
        raise DomainError(_("This field is required."), field="title")
    if data.kind not in DevelopmentPlan.Kind.values:
        raise DomainError(_("Choose one of: %(codes)s") % {"codes": ", ".join(DevelopmentPlan.Kind.values)}, "kind")
    for field, year in (("start_year", data.start_year), ("end_year", data.end_year)):
        if not 1990 <= year <= 2100:
            raise DomainError(_("Give a year between 1990 and 2100."), field=field)
    if data.end_year < data.start_year:
        raise DomainError(_("The last year comes before the first."), field="end_year")


@checks_permission("policy.add_developmentplan", obj="country")
def register_plan(actor: User, country: Country, data: PlanInput) -> DevelopmentPlan:
    """Register a country's development plan (PRSP, national plan) for assessment."""
    _check(data)
    return DevelopmentPlan.objects.create(
        country=country,
        title=data.title.strip(),
        kind=data.kind,
        start_year=data.start_year,
        end_year=data.end_year,
        document_url=clean_web_url(data.document_url, "document_url"),
        summary=data.summary.strip(),
    )


@checks_permission("policy.change_developmentplan", obj="plan")
def assess_plan(actor: User, plan: DevelopmentPlan, answers: Mapping[str, ItemAnswer]) -> DevelopmentPlan:
    """Record the plan's answers to checklist items (those given; the others stay as they were)."""
    for key, answer in answers.items():
        if key not in checklist.BY_KEY:
            raise DomainError(_("%(item)s is not an item of the checklist.") % {"item": key[:40]}, field=key[:40])
        if answer.rating not in PlanItemAssessment.Rating.values:
            raise DomainError(_("Rate %(item)s as addressed, partly or absent.") % {"item": key}, field=key)
        if answer.rating != PlanItemAssessment.Rating.ABSENT and not answer.evidence.strip():
            raise DomainError(_("Say where the plan addresses %(item)s (the evidence).") % {"item": key}, field=key)
    for key, answer in answers.items():
        PlanItemAssessment.objects.update_or_create(
            plan=plan,
            item=key,
            defaults={"rating": answer.rating, "evidence": answer.evidence.strip(), "assessed_by": actor},
        )
    plan.save(update_fields=["updated_at"])
    return plan
