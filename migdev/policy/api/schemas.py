"""Schemas of the policy API, declared once; inputs and outputs share their fields."""

from datetime import date
from typing import Annotated

from ninja import Schema
from pydantic import Field

Id = Annotated[int, Field(ge=1, le=2**31 - 1)]
Iso3 = Annotated[str, Field(max_length=3)]
Text = Annotated[str, Field(max_length=10000)]
Line = Annotated[str, Field(max_length=300)]
Objectives = Annotated[list[Annotated[int, Field(ge=1, le=23)]], Field(max_length=23)]


class Sdg1072ScoreIn(Schema):
    answers: Annotated[dict[Annotated[str, Field(max_length=4)], float], Field(max_length=40)]


class Sdg1072ScoreOut(Schema):
    domains: dict[str, float]
    overall: float
    band: str


class Sdg1072SubcategoryOut(Schema):
    domain: int
    domain_name: str
    question: str
    sub_id: str
    text: str
    codes: list[float]


class CrosswalkLinkOut(Schema):
    sdg_domain: int
    sdg_domain_name: str
    mgi_domain: str
    mgi_link: str
    migof_element: str
    migof_text: str
    migof_link: str
    verification: str
    gcm_objectives: dict[str, list[int]]
    gcm_link: str


class AssessmentAnswerIn(Schema):
    code: float
    evidence: Annotated[str, Field(max_length=5000)] = ""


class SelfAssessmentIn(Schema):
    answers: Annotated[dict[Annotated[str, Field(max_length=4)], AssessmentAnswerIn], Field(max_length=40)]
    note: Text = ""


class SelfAssessmentCreate(SelfAssessmentIn):
    country: Iso3
    year: Annotated[int, Field(ge=1900, le=2100)]


class SelfAssessmentOut(Schema):
    id: int
    country: str
    year: int
    note: str
    is_published: bool
    is_demo: bool
    answers: dict[str, AssessmentAnswerIn]
    score: Sdg1072ScoreOut | None


class GapOut(Schema):
    sub_id: str
    text: str
    code: float
    gcm_objectives: list[int]
    requests: list[int]
    initiatives: list[int]


class ComparisonOut(Schema):
    country: str
    country_name: str
    year: int
    score: Sdg1072ScoreOut


class ProfileIn(Schema):
    lead_agency: Annotated[str, Field(max_length=200)] = ""
    summary: Text = ""
    source: Line = ""
    as_of: date | None = None


class PolicyInstrumentIn(Schema):
    title: Line
    kind: Annotated[str, Field(max_length=20)]
    adopted: date | None = None
    in_force: bool = True
    law_work_id: Id | None = None
    url: Annotated[str, Field(max_length=500)] = ""
    source: Line = ""


class PolicyInstrumentOut(PolicyInstrumentIn):
    id: int
    law_url: str
    is_demo: bool


class WorkingGroupIn(Schema):
    name: Annotated[str, Field(max_length=200)]
    mandate: Text
    legal_basis: Line = ""
    established: date | None = None


class GroupMemberIn(Schema):
    ministry: Annotated[str, Field(max_length=200)]
    role: Annotated[str, Field(max_length=12)] = "member"


class GroupDecisionOut(Schema):
    text: str
    status: str


class GroupMeetingIn(Schema):
    date: date
    summary: Text = ""
    decisions: Annotated[list[Text], Field(max_length=50)] = []


class GroupMeetingOut(Schema):
    id: int
    date: date
    summary: str
    decisions: list[GroupDecisionOut]


class WorkingGroupOut(WorkingGroupIn):
    id: int
    country: str
    members: list[GroupMemberIn]
    meetings: list[GroupMeetingOut]
    is_demo: bool


class LawLinkOut(Schema):
    work_id: int
    title: str
    url: str


class CountryPolicyOut(Schema):
    country: str
    name: str
    profile: ProfileIn | None
    instruments: list[PolicyInstrumentOut]
    national_laws: list[LawLinkOut]
    working_groups: list[WorkingGroupOut]
    published_assessments: list[ComparisonOut]


class PlanIn(Schema):
    title: Annotated[str, Field(max_length=200)]
    kind: Annotated[str, Field(max_length=20)]
    start_year: Annotated[int, Field(ge=1900, le=2100)]
    end_year: Annotated[int, Field(ge=1900, le=2100)]
    document_url: Annotated[str, Field(max_length=500)] = ""
    summary: Text = ""


class PlanCreate(PlanIn):
    country: Iso3


class PlanItemIn(Schema):
    rating: Annotated[str, Field(max_length=10)]
    evidence: Text = ""


class PlanAssessmentIn(Schema):
    items: Annotated[dict[Annotated[str, Field(max_length=40)], PlanItemIn], Field(max_length=20)]


class PlanItemOut(PlanItemIn):
    item: str
    title: str
    question: str
    assessed: bool


class PlanOut(PlanCreate):
    id: int
    is_demo: bool
    checklist: list[PlanItemOut]


class FigureOut(Schema):
    value: float
    unit: str
    period: str
    source: str
    room: str
    note: str


class FrameworkRowOut(Schema):
    indicator: str
    target: str
    text: str
    core: bool
    figures: list[FigureOut]
    missing: str


class CapacityRequestIn(Schema):
    title: Annotated[str, Field(max_length=200)]
    gap: Text
    domain: Annotated[int, Field(ge=1, le=6)]
    sub_id: Annotated[str, Field(max_length=2)] = ""
    gcm_objectives: Objectives = []


class CapacityRequestCreate(CapacityRequestIn):
    country: Iso3


class CapacityRequestOut(CapacityRequestCreate):
    id: int
    status: str
    initiatives: list[int]
    is_demo: bool


class CapacityInitiativeIn(Schema):
    country: Iso3
    title: Annotated[str, Field(max_length=200)]
    description: Text = ""
    domain: Annotated[int, Field(ge=1, le=6)]
    gcm_objectives: Objectives = []
    partners: Annotated[str, Field(max_length=500)] = ""
    start: date
    end: date | None = None
    status: Annotated[str, Field(max_length=10)] = "offered"
    results: Text = ""
    answers: Annotated[list[Id], Field(max_length=50)] = []


class CapacityInitiativeCreate(CapacityInitiativeIn):
    organisation: Id


class CapacityInitiativeOut(CapacityInitiativeCreate):
    id: int
    organisation_name: str
    is_demo: bool


class CapacityOverlapOut(Schema):
    country: str
    first: int
    second: int
    organisations: list[str]
    shared_objectives: list[int]
    same_domain: bool
