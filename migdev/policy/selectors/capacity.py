"""Reads of capacity building: requests, initiatives, and the overlaps between agencies' initiatives in one country
(same domain or shared GCM objectives, dates that meet) so they can be made complementary."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from migdev.accounts.models import Organisation
from migdev.core.errors import NotFound
from migdev.core.models import Country
from migdev.policy.models import CapacityInitiative, CapacityRequest


def requests(iso3: str = "", status: str = "") -> QuerySet[CapacityRequest]:
    found = CapacityRequest.objects.select_related("country").prefetch_related(
        "gcm_objectives", "initiatives__organisation"
    )
    if iso3:
        found = found.filter(country_id=iso3.upper())
    if status:
        found = found.filter(status=status)
    return found


def countries_with_capacity() -> list[Country]:
    """The countries with a request or an initiative, for the page's filter (one query)."""
    asked = CapacityRequest.objects.values("country_id")
    offered = CapacityInitiative.objects.values("country_id")
    return list(Country.objects.filter(Q(pk__in=asked) | Q(pk__in=offered)).order_by("name"))


def request_by_id(request_id: int) -> CapacityRequest:
    found = requests().filter(pk=request_id).first()
    if found is None:
        raise NotFound(f"No capacity-building request {request_id}", "cb_request_id")
    return found


def initiatives(iso3: str = "", organisation: int | None = None) -> QuerySet[CapacityInitiative]:
    found = CapacityInitiative.objects.select_related("organisation", "country").prefetch_related(
        "gcm_objectives", "answers"
    )
    if iso3:
        found = found.filter(country_id=iso3.upper())
    if organisation:
        found = found.filter(organisation_id=organisation)
    return found


def initiative(initiative_id: int) -> CapacityInitiative:
    found = initiatives().filter(pk=initiative_id).first()
    if found is None:
        raise NotFound(f"No capacity-building initiative {initiative_id}", "cb_initiative_id")
    return found


def offering_organisations(user: Any) -> list[Organisation]:
    """The approved international organisations the user may offer initiatives for (all of them for stewards)."""
    found = Organisation.objects.filter(kind=Organisation.Kind.IGO, status=Organisation.Status.APPROVED)
    if not getattr(user, "is_authenticated", False):
        return []
    if not user.is_steward:
        found = found.filter(memberships__user=user)
    return list(found.order_by("name"))


def editable_initiatives(user: Any) -> set[int]:
    """The ids of the initiatives the user may update: their organisations' (every one for stewards); one query."""
    if not getattr(user, "is_authenticated", False):
        return set()
    found = CapacityInitiative.objects.all()
    if not user.is_steward:
        found = found.filter(organisation__memberships__user=user, organisation__status=Organisation.Status.APPROVED)
    return set(found.values_list("pk", flat=True))


@dataclass(frozen=True)
class Overlap:
    """Two initiatives of different organisations in the same country that work on the same thing at the same time."""

    first: CapacityInitiative
    second: CapacityInitiative
    shared_objectives: list[int]
    same_domain: bool


def _meet(a: CapacityInitiative, b: CapacityInitiative) -> bool:
    far = date.max
    return a.start <= (b.end or far) and b.start <= (a.end or far)


def overlaps(iso3: str = "") -> list[Overlap]:
    """Pairs of initiatives by different organisations in one country whose dates meet and that share the domain or
    a GCM objective (two queries)."""
    by_country: dict[str, list[CapacityInitiative]] = {}
    for item in initiatives(iso3).order_by("country_id", "start", "pk"):
        by_country.setdefault(item.country_id, []).append(item)
    found = []
    for items in by_country.values():
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if a.organisation_id == b.organisation_id or not _meet(a, b):
                    continue
                shared = sorted({o.number for o in a.gcm_objectives.all()} & {o.number for o in b.gcm_objectives.all()})
                if shared or a.domain == b.domain:
                    found.append(Overlap(a, b, shared, a.domain == b.domain))
    return found
