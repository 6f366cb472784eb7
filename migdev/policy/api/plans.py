"""Development plans API: a plan's migration-chapter checklist answered with evidence, and its SDG results framework
filled from the platform's data."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Router, Status
from pydantic import Field

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.policy.api.schemas import (
    FigureOut,
    FrameworkRowOut,
    PlanAssessmentIn,
    PlanCreate,
    PlanItemOut,
    PlanOut,
)
from migdev.policy.models import DevelopmentPlan
from migdev.policy.selectors import coherence, results_framework
from migdev.policy.selectors import plans as selectors
from migdev.policy.services import plans as services

router = Router()


def plan_out(item: DevelopmentPlan) -> PlanOut:
    return PlanOut(
        id=item.pk,
        country=item.country_id,
        title=item.title,
        kind=item.kind,
        start_year=item.start_year,
        end_year=item.end_year,
        document_url=item.document_url,
        summary=item.summary,
        is_demo=item.is_demo,
        checklist=[
            PlanItemOut(
                item=row.item.key,
                title=str(row.item.title),
                question=str(row.item.question),
                rating=row.answer.rating if row.answer else "",
                evidence=row.answer.evidence if row.answer else "",
                assessed=row.answer is not None,
            )
            for row in selectors.checklist_rows(item)
        ],
    )


def framework_out(rows: list[results_framework.FrameworkRow]) -> list[FrameworkRowOut]:
    return [
        FrameworkRowOut(
            indicator=r.indicator,
            target=r.target,
            text=r.text,
            core=r.core,
            figures=[
                FigureOut(
                    value=f.value,
                    unit=str(f.unit),
                    period=f.period,
                    source=str(f.source),
                    room=f.room,
                    note=str(f.note),
                )
                for f in r.figures
            ],
            missing=str(r.missing),
        )
        for r in rows
    ]


@router.get("/plans", response=list[PlanOut], summary="Development plans and their migration-chapter checklists")
def list_plans(request: HttpRequest, country: Annotated[str, Field(max_length=3)] = "") -> list[PlanOut]:
    return [plan_out(p) for p in selectors.plans(country)[:500]]


@router.post("/plans", response={201: PlanOut}, auth=AUTH, summary="Register a development plan")
def create_plan(request: HttpRequest, payload: PlanCreate) -> Status[PlanOut]:
    country = coherence.country(payload.country, "country")
    data = services.PlanInput(**payload.dict(exclude={"country"}))
    item = services.register_plan(signed_in(request), country, data)
    return Status(201, plan_out(selectors.plan(item.pk)))


@router.get("/plans/{plan_id}", response=PlanOut, summary="A development plan with its checklist")
def plan_detail(request: HttpRequest, plan_id: int) -> PlanOut:
    return plan_out(selectors.plan(plan_id))


@router.put("/plans/{plan_id}/checklist", response=PlanOut, auth=AUTH, summary="Answer checklist items with evidence")
def assess_plan(request: HttpRequest, plan_id: int, payload: PlanAssessmentIn) -> PlanOut:
    item = selectors.plan(plan_id)
    answers = {key: services.ItemAnswer(a.rating, a.evidence) for key, a in payload.items.items()}
    services.assess_plan(signed_in(request), item, answers)
    return plan_out(selectors.plan(plan_id))


@router.get(
    "/countries/{code}/results-framework",
    response=list[FrameworkRowOut],
    summary="The SDG migration results framework of a country, filled from the platform's data",
)
def country_results_framework(request: HttpRequest, code: str) -> list[FrameworkRowOut]:
    country = coherence.country(code)
    return framework_out(results_framework.results_framework(country.pk))
