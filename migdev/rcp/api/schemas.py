"""The rcp API's schemas, declared once: inputs, and the outputs derived from them."""

from datetime import date, datetime
from typing import Annotated

from ninja import Schema
from pydantic import Field

RcpId = Annotated[str, Field(max_length=40)]


class MemberCount(Schema):
    reported: str
    as_of: str
    sources: list[str]


class ProcessOut(Schema):
    id: str
    name: str
    acronyms: str
    type: str
    type_as_given: str
    region: str
    established_year: int | None
    status: str
    member_count: MemberCount
    themes: list[str]
    uncertain: str
    sources: list[str]


class ProcessList(Schema):
    count: int
    items: list[ProcessOut]


class MemberOut(Schema):
    name: str
    iso3: str | None
    code: str
    role: str
    as_of: str
    sources: list[str]
    note: str


class MeetingIn(Schema):
    title: Annotated[str, Field(min_length=1, max_length=300)]
    start_date: date
    level: Annotated[str, Field(max_length=20)]
    end_date: date | None = None
    place: Annotated[str, Field(max_length=200)] = ""
    summary: Annotated[str, Field(max_length=5000)] = ""


class DocumentOut(Schema):
    id: int
    title: str
    content_type: str
    size: int
    url: str


class MeetingOut(MeetingIn):
    id: int
    process: str
    is_demo: bool
    documents: list[DocumentOut]


class PracticeIn(Schema):
    title: Annotated[str, Field(min_length=1, max_length=300)]
    summary: Annotated[str, Field(min_length=1, max_length=10000)]
    themes: Annotated[list[Annotated[str, Field(max_length=40)]], Field(max_length=40)] = []
    countries: Annotated[list[Annotated[str, Field(max_length=3)]], Field(max_length=300)] = []
    year: Annotated[int, Field(ge=1980, le=2100)] | None = None
    outcome: Annotated[str, Field(max_length=10000)] = ""
    evidence_url: Annotated[str, Field(max_length=500)] = ""
    source: Annotated[str, Field(max_length=500)] = ""


class PracticeOut(PracticeIn):
    id: int
    process: str
    is_demo: bool
    evidence_document: DocumentOut | None


class PracticeList(Schema):
    count: int
    items: list[PracticeOut]
    facets: dict[str, dict[str, int]]


class SecretariatOut(Schema):
    organisation: str


class ProcessDetail(ProcessOut):
    formal_association: str
    secretariat: str
    chair_history: str
    objectives: str
    thematic_focus: str
    observers_summary: str
    established_note: str
    official_site: str
    iom_page: str
    uncertain_facts: list[str]
    members: list[MemberOut]
    meetings: list[MeetingOut]
    good_practices: list[PracticeOut]


class CountryProcess(Schema):
    process: str
    name: str
    type: str
    role: str
    as_of: str
    sources: list[str]


class CountryProcesses(Schema):
    iso3: str
    name: str
    count: int
    items: list[CountryProcess]


class OverlapOut(Schema):
    first: str
    second: str
    shared: list[str]
    jaccard: float


class SimilarOut(Schema):
    id: str
    name: str
    score: float
    theme_score: float
    member_score: float
    shared_themes: list[str]
    shared_members: list[str]


class FactCorrectionIn(Schema):
    value: Annotated[str, Field(max_length=10000)]
    source: Annotated[str, Field(min_length=1, max_length=500)]
    as_of: date


class FactChangeOut(Schema):
    field: str
    kind: str
    old_value: str
    new_value: str
    source: str
    as_of: date | None
    changed_by: str | None
    via: str
    changed_at: datetime


class CountryCount(Schema):
    iso3: str
    name: str
    member: int
    observer: int
    other: int
    processes: int


class CountryCountList(Schema):
    count: int
    items: list[CountryCount]
