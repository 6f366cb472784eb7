"""Capacity-building API: countries' requests, international organisations' initiatives, and their overlaps."""

from typing import Annotated

from django.http import HttpRequest
from ninja import Router, Status
from pydantic import Field

from migdev.accounts.api import AUTH
from migdev.accounts.models import Organisation
from migdev.accounts.views import signed_in
from migdev.core.errors import NotFound
from migdev.policy.api.schemas import (
    CapacityInitiativeCreate,
    CapacityInitiativeIn,
    CapacityInitiativeOut,
    CapacityOverlapOut,
    CapacityRequestCreate,
    CapacityRequestOut,
)
from migdev.policy.models import CapacityInitiative, CapacityRequest
from migdev.policy.selectors import capacity as selectors
from migdev.policy.selectors import coherence
from migdev.policy.services import capacity as services

router = Router()
Country = Annotated[str, Field(max_length=3)]


def request_out(item: CapacityRequest) -> CapacityRequestOut:
    return CapacityRequestOut(
        id=item.pk,
        country=item.country_id,
        title=item.title,
        gap=item.gap,
        domain=item.domain,
        sub_id=item.sub_id,
        gcm_objectives=[o.number for o in item.gcm_objectives.all()],
        status=item.status,
        initiatives=[i.pk for i in item.initiatives.all()],  # type: ignore[attr-defined]
        is_demo=item.is_demo,
    )


def initiative_out(item: CapacityInitiative) -> CapacityInitiativeOut:
    return CapacityInitiativeOut(
        id=item.pk,
        organisation=item.organisation_id,
        organisation_name=item.organisation.name,
        country=item.country_id,
        title=item.title,
        description=item.description,
        domain=item.domain,
        gcm_objectives=[o.number for o in item.gcm_objectives.all()],
        partners=item.partners,
        start=item.start,
        end=item.end,
        status=item.status,
        results=item.results,
        answers=[r.pk for r in item.answers.all()],
        is_demo=item.is_demo,
    )


def initiative_input(payload: CapacityInitiativeIn) -> services.InitiativeInput:
    return services.InitiativeInput(**payload.dict(include=set(CapacityInitiativeIn.model_fields)))


@router.get("/capacity/requests", response=list[CapacityRequestOut], summary="Countries' capacity-building requests")
def list_requests(request: HttpRequest, country: Country = "") -> list[CapacityRequestOut]:
    return [request_out(r) for r in selectors.requests(country)[:500]]


@router.post("/capacity/requests", response={201: CapacityRequestOut}, auth=AUTH, summary="Record a request")
def create_request(request: HttpRequest, payload: CapacityRequestCreate) -> Status[CapacityRequestOut]:
    country = coherence.country(payload.country, "country")
    data = services.RequestInput(**payload.dict(exclude={"country"}))
    item = services.record_request(signed_in(request), country, data)
    return Status(201, request_out(selectors.request_by_id(item.pk)))


@router.get(
    "/capacity/initiatives", response=list[CapacityInitiativeOut], summary="International organisations' initiatives"
)
def list_initiatives(request: HttpRequest, country: Country = "") -> list[CapacityInitiativeOut]:
    return [initiative_out(i) for i in selectors.initiatives(country)[:500]]


@router.post("/capacity/initiatives", response={201: CapacityInitiativeOut}, auth=AUTH, summary="Offer an initiative")
def offer_initiative(request: HttpRequest, payload: CapacityInitiativeCreate) -> Status[CapacityInitiativeOut]:
    organisation = Organisation.objects.filter(pk=payload.organisation).first()
    if organisation is None:
        raise NotFound(f"No organisation {payload.organisation}", "organisation")
    item = services.offer_initiative(signed_in(request), organisation, initiative_input(payload))
    return Status(201, initiative_out(selectors.initiative(item.pk)))


@router.put(
    "/capacity/initiatives/{cb_initiative_id}",
    response=CapacityInitiativeOut,
    auth=AUTH,
    summary="Update an initiative",
)
def update_initiative(
    request: HttpRequest, cb_initiative_id: int, payload: CapacityInitiativeIn
) -> CapacityInitiativeOut:
    item = selectors.initiative(cb_initiative_id)
    services.update_initiative(signed_in(request), item, initiative_input(payload))
    return initiative_out(selectors.initiative(item.pk))


@router.get(
    "/capacity/overlaps",
    response=list[CapacityOverlapOut],
    summary="Initiatives of different organisations in one country on the same domain or objectives at the same time",
)
def overlaps(request: HttpRequest, country: Country = "") -> list[CapacityOverlapOut]:
    return [
        CapacityOverlapOut(
            country=o.first.country_id,
            first=o.first.pk,
            second=o.second.pk,
            organisations=[o.first.organisation.name, o.second.organisation.name],
            shared_objectives=o.shared_objectives,
            same_domain=o.same_domain,
        )
        for o in selectors.overlaps(country)
    ]
