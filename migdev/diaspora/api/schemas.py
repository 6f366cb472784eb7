"""Schemas of the expert registry API, declared once; inputs and outputs share their fields."""

from datetime import date
from typing import Annotated

from ninja import Schema
from pydantic import Field

from migdev.diaspora.models import ExpertProfile, Need

Code = Annotated[str, Field(max_length=3)]
EscoRef = Annotated[str, Field(max_length=255)]  # an ESCO URI or preferred label


class ExpertLanguageIO(Schema):
    language: Code
    level: Annotated[str, Field(max_length=2)]


class ExpertFields(Schema):
    sex: Annotated[str, Field(max_length=2)]
    origin: Code
    residence: Code
    occupation: EscoRef
    years_experience: Annotated[int, Field(ge=0, le=80)] = 0
    languages: Annotated[list[ExpertLanguageIO], Field(max_length=20)] = []
    virtual: bool = True
    physical: bool = False


class ExpertIn(ExpertFields):
    skills: Annotated[list[EscoRef], Field(max_length=100)]
    available_from: date | None = None
    available_until: date | None = None
    summary: Annotated[str, Field(max_length=5000)] = ""
    is_available: bool = True


class ExpertOut(ExpertIn):
    pseudonym: str
    occupation_label: str


class ScoreComponentOut(Schema):
    component: str
    label: str
    value: float
    weight: float
    contribution: float


class RankedExpertOut(ExpertFields):
    """An expert as an institution sees them before an invitation is accepted: a pseudonym, no name."""

    pseudonym: str
    occupation_label: str
    score: float
    matched_essential: list[str]
    missing_essential: list[str]
    components: list[ScoreComponentOut]
    invited: bool


class NeedSkillIO(Schema):
    skill: EscoRef
    essential: bool = True


class NeedIn(Schema):
    title: Annotated[str, Field(max_length=Need._meta.get_field("title").max_length)]
    description: Annotated[str, Field(max_length=5000)] = ""
    occupation: EscoRef
    mode: Annotated[str, Field(max_length=10)]
    duration_weeks: Annotated[int, Field(ge=1, le=520)]
    start_date: date
    min_experience_years: Annotated[int, Field(ge=0, le=80)] = 0
    skills: Annotated[list[NeedSkillIO], Field(max_length=100)] = []
    languages: Annotated[list[ExpertLanguageIO], Field(max_length=20)] = []


class NeedCreate(NeedIn):
    organisation: Annotated[int, Field(ge=1, le=2**31 - 1)] | None = None


class NeedOut(NeedIn):
    id: int
    organisation_id: int
    institution: str
    country: str
    state: str
    occupation_label: str


class RecommendedNeedOut(Schema):
    need: NeedOut
    score: float
    matched_essential: list[str]
    missing_essential: list[str]
    components: list[ScoreComponentOut]


class ExpertInvitationIn(Schema):
    expert: Annotated[str, Field(max_length=ExpertProfile._meta.get_field("pseudonym").max_length)]
    message: Annotated[str, Field(max_length=2000)] = ""


class ExpertAssignmentOut(Schema):
    id: int
    start_date: date
    end_date: date
    status: str
    outcome: str
    outcome_report: str
    hours_contributed: int | None


class ExpertInvitationOut(Schema):
    id: int
    need_id: int
    need_title: str
    institution: str
    expert: str  # the pseudonym; the name only once accepted
    expert_name: str | None
    message: str
    score: float | None
    status: str
    assignment: ExpertAssignmentOut | None


class OutcomeIn(Schema):
    status: Annotated[str, Field(max_length=10)]
    outcome: Annotated[str, Field(max_length=10)] = ""
    report: Annotated[str, Field(max_length=5000)] = ""
    hours_contributed: Annotated[int, Field(ge=0, le=100_000)] | None = None


class DiasporaDone(Schema):
    done: bool
