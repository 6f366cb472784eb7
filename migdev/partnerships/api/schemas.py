"""Schemas of the partnerships API, declared once; inputs and outputs share their fields."""

from datetime import date
from typing import Annotated

from ninja import Schema
from pydantic import Field

from migdev.partnerships.models import Commitment, Partner, ProgressUpdate

Code = Annotated[str, Field(max_length=30)]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class PledgePartnerIn(Schema):
    name: Annotated[str, Field(max_length=200)]
    kind: Code
    country: Annotated[str, Field(max_length=3)] = ""
    website: Annotated[str, Field(max_length=200)] = ""


class PledgePartnerCreate(PledgePartnerIn):
    organisation: Id | None = None


class PledgePartnerOut(PledgePartnerIn):
    id: int
    organisation: int | None
    is_demo: bool


class CommitmentIn(Schema):
    title: Annotated[str, Field(max_length=200)]
    summary: Annotated[str, Field(max_length=10000)] = ""
    type: Code = Commitment.Type.INDIVIDUAL
    matches: Id | None = None
    form: Code
    partners: Annotated[list[Id], Field(max_length=100)] = []
    amount: Annotated[str, Field(max_length=20)] = ""
    currency: Annotated[str, Field(max_length=3)] = ""
    gcm_objectives: Annotated[list[Annotated[int, Field(ge=1, le=23)]], Field(max_length=23)] = []
    guiding_principles: Annotated[list[Annotated[str, Field(max_length=1)]], Field(max_length=10)] = []
    sdg_targets: Annotated[list[Annotated[str, Field(max_length=8)]], Field(max_length=50)] = []
    countries: Annotated[list[Annotated[str, Field(max_length=3)]], Field(max_length=250)] = []
    rcps: Annotated[list[Code], Field(max_length=50)] = []
    start: date | None = None
    deadline: date | None = None
    status: Code = Commitment.Status.PLANNED


class CommitmentCreate(CommitmentIn):
    pledger: Id


class PledgeProgressIn(Schema):
    date: date
    text: Annotated[str, Field(max_length=10000)]
    status: Code
    evidence_url: Annotated[str, Field(max_length=500)] = ""


class PledgeProgressOut(PledgeProgressIn):
    id: int
    evidence_document: str | None


class PledgeRcpOut(Schema):
    id: str
    name: str
    url: str


class CommitmentOut(CommitmentIn):
    id: int
    pledger: int
    pledger_name: str
    pledger_kind: str
    shown_status: str
    is_overdue: bool
    is_demo: bool
    rcp_pages: list[PledgeRcpOut]
    progress: list[PledgeProgressOut]


class CommitmentListOut(Schema):
    count: int
    items: list[CommitmentOut]


def partner_out(partner: Partner) -> PledgePartnerOut:
    return PledgePartnerOut(
        id=partner.pk,
        name=partner.name,
        kind=partner.kind,
        country=partner.country_id or "",
        website=partner.website,
        organisation=partner.organisation_id,
        is_demo=partner.is_demo,
    )


def progress_out(update: ProgressUpdate) -> PledgeProgressOut:
    document = f"/api/v1/partnerships/progress/{update.pk}/evidence" if update.evidence_name else None
    return PledgeProgressOut(
        id=update.pk,
        date=update.date,
        text=update.text,
        status=update.status,
        evidence_url=update.evidence_url,
        evidence_document=document,
    )
