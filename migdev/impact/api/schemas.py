"""The impact API's schemas, declared once: the inputs of each step, and the outputs."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Schema
from pydantic import Field

from migdev.core.input_limits import column
from migdev.impact.models import Project

Short = Annotated[str, Field(max_length=200)]
Text = Annotated[str, Field(max_length=5000)]
Code = Annotated[str, Field(max_length=30)]


class ImpactProjectFields(Schema):
    title: Annotated[str, column(Project, "title")]
    sector: Code
    country: Annotated[str, Field(max_length=3)]
    description: Annotated[str, Field(max_length=10000)] = ""
    places: Annotated[str, column(Project, "places")] = ""
    budget: Annotated[Decimal, column(Project, "budget")] | None = None
    currency: Annotated[str, Field(max_length=3)] | None = None
    start_date: date | None = None
    end_date: date | None = None
    ministry: Annotated[str, column(Project, "ministry")] = ""
    reviewer: int | None = None


class ImpactProjectCreate(ImpactProjectFields):
    proponent: int


class ImpactOrganisationRef(Schema):
    id: int
    name: str


class ImpactProjectOut(ImpactProjectFields):
    id: int
    proponent_organisation: ImpactOrganisationRef
    reviewer_organisation: ImpactOrganisationRef | None
    stage: str
    status: str
    screening_outcome: str
    updated_at: datetime


class ImpactProjectDetail(ImpactProjectOut):
    missing: list[str]
    latest_versions: dict[str, int]


class ImpactVersionOut(Schema):
    stage: str
    number: int
    author: str
    created_at: datetime
    data: dict[str, Any]


class ImpactScreeningAnswer(Schema):
    answer: Annotated[str, Field(max_length=10)]
    evidence: Annotated[str, Field(max_length=2000)] = ""


class ImpactScreeningIn(Schema):
    answers: dict[Annotated[str, Field(max_length=8)], ImpactScreeningAnswer]


class ImpactStakeholder(Schema):
    name: Short
    group: Short = ""
    consulted: bool = False


class ImpactConsultation(Schema):
    date: date
    participants: Annotated[str, Field(max_length=500)] = ""
    method: Short = ""
    summary: Text


class ImpactScopingIn(Schema):
    dimensions: list[Code]
    origins: list[Annotated[str, Field(max_length=3)]] = []
    destinations: list[Annotated[str, Field(max_length=3)]] = []
    places: Annotated[str, Field(max_length=1000)] = ""
    stakeholders: list[ImpactStakeholder] = []
    consultations: list[ImpactConsultation] = []


class ImpactNotesIn(Schema):
    notes: Text = ""


class ImpactIn(Schema):
    dimension: Code
    direction: Annotated[str, Field(max_length=10)]
    description: Annotated[str, Field(max_length=1000)]
    magnitude: int
    likelihood: int
    sensitivity: int


class ImpactPredictionIn(Schema):
    impacts: list[ImpactIn]


class ImpactMeasureChoice(Schema):
    impact: int = Field(description="the impact's position in the rated matrix, from 0")
    measure: Annotated[str, Field(max_length=20)] = ""
    text: Annotated[str, Field(max_length=1000)] = ""
    responsible: Short = ""


class ImpactIndicatorChoice(Schema):
    indicator: Code
    frequency: Annotated[str, Field(max_length=100)] = ""
    responsible: Short = ""
    target: Short = ""


class ImpactMitigationIn(Schema):
    measures: list[ImpactMeasureChoice] = []
    indicators: list[ImpactIndicatorChoice] = []


class ImpactStatementIn(Schema):
    summary: Annotated[str, Field(max_length=10000)]


class ImpactReviewIn(Schema):
    verdict: Annotated[str, Field(max_length=10)]
    comments: Annotated[str, Field(max_length=10000)] = ""


class ImpactDecisionIn(Schema):
    outcome: Annotated[str, Field(max_length=12)]
    reasons: Annotated[str, Field(max_length=10000)]
    conditions: list[Annotated[str, Field(max_length=1000)]] = []


class ImpactMonitoringIn(Schema):
    indicator: Code
    date: date
    value: Short
    note: Annotated[str, Field(max_length=2000)] = ""


class ImpactEvidenceIn(Schema):
    stage: Annotated[str, Field(max_length=20)] = "screening"
    item: Annotated[str, Field(max_length=8)] = ""
    title: Annotated[str, Field(max_length=300)] = ""


class ImpactEvidenceOut(Schema):
    id: int
    stage: str
    item: str
    title: str
    filename: str
    content_type: str
    size: int


class ImpactMeasureOut(Schema):
    code: str
    dimension: str
    kind: str
    title: str
    description: str
    gcm_objectives: list[int]
    proposal: bool = Field(default=True, description="a MigDev proposal, not an official measure")


class ImpactIndicatorOut(Schema):
    code: str
    dimension: str
    name: str
    sdg_indicators: list[str]


class ImpactScreeningItemOut(Schema):
    code: str
    dimension: str
    topic: str
    question: str
    evidence_hint: str
    gcm_objectives: list[int]
    sdg_indicators: list[str]
