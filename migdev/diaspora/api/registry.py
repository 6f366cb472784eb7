"""Organisations and initiatives registry API: public lists and details; members and stewards write."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.core.input_limits import column, text_filter
from migdev.diaspora.models import DiasporaOrganisation, Initiative
from migdev.diaspora.selectors import experts as expert_selectors
from migdev.diaspora.selectors import registry as selectors
from migdev.diaspora.services import registry as services

router = Router()

CountryCode = Annotated[str, Field(max_length=3)]


class GcmObjectiveOut(Schema):
    number: int
    title: str
    short_label: str
    resolution_paragraph: int


class InitiativeIn(Schema):
    title: Annotated[str, column(Initiative, "title")]
    kind: Annotated[str, Field(max_length=20)]
    country: CountryCode
    description: Annotated[str, Field(max_length=5000)] = ""
    start_year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    website: Annotated[str, column(Initiative, "website")] = ""
    gcm_objectives: Annotated[list[Annotated[int, Field(ge=1, le=23)]], Field(max_length=23)] = []


class InitiativeOut(InitiativeIn):
    id: int
    organisation_id: int
    organisation: str


class DiasporaOrganisationIn(Schema):
    origin: CountryCode
    residence: CountryCode
    focus: Annotated[str, column(DiasporaOrganisation, "focus")]
    description: Annotated[str, Field(max_length=5000)] = ""
    contact_email: Annotated[str, column(DiasporaOrganisation, "contact_email")] = ""
    website: Annotated[str, column(DiasporaOrganisation, "website")] = ""


class DiasporaOrganisationCreate(DiasporaOrganisationIn):
    organisation: Annotated[int, Field(ge=1, le=2**31 - 1)]


class DiasporaOrganisationOut(DiasporaOrganisationIn):
    id: int
    name: str
    initiatives: list[InitiativeOut]


def _initiative_out(initiative: Initiative) -> InitiativeOut:
    return InitiativeOut(
        id=initiative.pk,
        organisation_id=initiative.diaspora_organisation_id,
        organisation=initiative.diaspora_organisation.organisation.name,
        title=initiative.title,
        kind=initiative.kind,
        country=initiative.country_id,
        description=initiative.description,
        start_year=initiative.start_year,
        website=initiative.website,
        gcm_objectives=sorted(o.number for o in initiative.gcm_objectives.all()),
    )


def _organisation_out(entry: DiasporaOrganisation) -> DiasporaOrganisationOut:
    return DiasporaOrganisationOut(
        id=entry.pk,
        name=entry.organisation.name,
        origin=entry.origin_id,
        residence=entry.residence_id,
        focus=entry.focus,
        description=entry.description,
        contact_email=entry.contact_email,
        website=entry.website,
        initiatives=[_initiative_out(i) for i in entry.initiatives.all()],
    )


def _organisation_input(payload: DiasporaOrganisationIn) -> services.OrganisationInput:
    return services.OrganisationInput(
        origin=payload.origin,
        residence=payload.residence,
        focus=payload.focus,
        description=payload.description,
        contact_email=payload.contact_email,
        website=payload.website,
    )


def _initiative_input(payload: InitiativeIn) -> services.InitiativeInput:
    return services.InitiativeInput(
        title=payload.title,
        kind=payload.kind,
        country=payload.country,
        description=payload.description,
        start_year=payload.start_year,
        website=payload.website,
        gcm_objectives=list(payload.gcm_objectives),
    )


@router.get("/gcm-objectives", response=list[GcmObjectiveOut], summary="The 23 GCM objectives")
def gcm_objectives(request: HttpRequest) -> list[GcmObjectiveOut]:
    return [
        GcmObjectiveOut(
            number=o.number, title=o.title, short_label=o.short_label, resolution_paragraph=o.resolution_paragraph
        )
        for o in selectors.gcm_objectives()
    ]


@router.get("/organisations", response=list[DiasporaOrganisationOut], summary="Diaspora organisations (public)")
def list_organisations(
    request: HttpRequest, origin: str = text_filter(), residence: str = text_filter(), q: str = text_filter()
) -> list[DiasporaOrganisationOut]:
    return [_organisation_out(e) for e in selectors.organisations(origin, residence, q)[:500]]


@router.post(
    "/organisations", response={201: DiasporaOrganisationOut}, auth=AUTH, summary="Register a diaspora organisation"
)
def create_organisation(request: HttpRequest, payload: DiasporaOrganisationCreate) -> Status[DiasporaOrganisationOut]:
    user = signed_in(request)
    organisation = expert_selectors.organisation_by_id(payload.organisation)
    entry = services.register_diaspora_organisation(user, organisation, _organisation_input(payload))
    return Status(201, _organisation_out(selectors.organisation_entry(entry.pk)))


@router.get("/organisations/{entry_id}", response=DiasporaOrganisationOut, summary="A diaspora organisation")
def organisation_detail(request: HttpRequest, entry_id: int) -> DiasporaOrganisationOut:
    return _organisation_out(selectors.organisation_entry(entry_id))


@router.put("/organisations/{entry_id}", response=DiasporaOrganisationOut, auth=AUTH, summary="Change an entry")
def update_organisation(
    request: HttpRequest, entry_id: int, payload: DiasporaOrganisationIn
) -> DiasporaOrganisationOut:
    user = signed_in(request)
    entry = services.update_diaspora_organisation(
        user, selectors.organisation_entry(entry_id), _organisation_input(payload)
    )
    return _organisation_out(selectors.organisation_entry(entry.pk))


@router.post(
    "/organisations/{entry_id}/initiatives", response={201: InitiativeOut}, auth=AUTH, summary="Add an initiative"
)
def create_initiative(request: HttpRequest, entry_id: int, payload: InitiativeIn) -> Status[InitiativeOut]:
    user = signed_in(request)
    initiative = services.add_initiative(user, selectors.organisation_entry(entry_id), _initiative_input(payload))
    return Status(201, _initiative_out(selectors.initiative_by_id(initiative.pk)))


@router.get(
    "/initiatives", response=list[InitiativeOut], summary="Initiatives (public), by kind, GCM objective, country"
)
def list_initiatives(
    request: HttpRequest,
    kind: str = text_filter(),
    objective: Annotated[int, Field(ge=1, le=23)] | None = None,
    country: str = text_filter(),
) -> list[InitiativeOut]:
    return [_initiative_out(i) for i in selectors.initiatives(kind, objective, country)[:500]]


@router.get("/initiatives/{initiative_id}", response=InitiativeOut, summary="An initiative")
def initiative_detail(request: HttpRequest, initiative_id: int) -> InitiativeOut:
    return _initiative_out(selectors.initiative_by_id(initiative_id))


@router.put("/initiatives/{initiative_id}", response=InitiativeOut, auth=AUTH, summary="Change an initiative")
def update_initiative(request: HttpRequest, initiative_id: int, payload: InitiativeIn) -> InitiativeOut:
    user = signed_in(request)
    initiative = services.update_initiative(user, selectors.initiative_by_id(initiative_id), _initiative_input(payload))
    return _initiative_out(selectors.initiative_by_id(initiative.pk))


class InitiativeDeleted(Schema):
    deleted: bool


@router.delete("/initiatives/{initiative_id}", response=InitiativeDeleted, auth=AUTH, summary="Delete an initiative")
def delete_initiative(request: HttpRequest, initiative_id: int) -> InitiativeDeleted:
    services.delete_initiative(signed_in(request), selectors.initiative_by_id(initiative_id))
    return InitiativeDeleted(deleted=True)
