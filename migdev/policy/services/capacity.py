"""Writes of capacity building: a country's request (its officials, stewards), an international organisation's
initiative (its members, stewards) with partners, dates and results, and the requests it answers."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.models import Country, GcmObjective
from migdev.engines import sdg_10_7_2
from migdev.policy.models import CapacityInitiative, CapacityRequest


def _objectives(numbers: list[int]) -> list[GcmObjective]:
    found = list(GcmObjective.objects.filter(number__in=numbers))
    if len(found) != len(set(numbers)):
        raise DomainError(_("GCM objectives are numbered 1 to 23."), field="gcm_objectives")
    return found


def _domain(domain: int) -> int:
    if domain not in sdg_10_7_2.DOMAINS:
        raise DomainError(_("SDG 10.7.2 domains are numbered 1 to 6."), field="domain")
    return domain


@dataclass(frozen=True)
class RequestInput:
    title: str
    gap: str
    domain: int
    sub_id: str = ""
    gcm_objectives: list[int] = field(default_factory=list)


@checks_permission("policy.add_capacityrequest", obj="country")
def record_request(actor: User, country: Country, data: RequestInput) -> CapacityRequest:
    """Record the country's request for capacity building on a gap."""
    if not data.title.strip():
        raise DomainError(_("This field is required."), field="title")
    if not data.gap.strip():
        raise DomainError(_("This field is required."), field="gap")
    domain = _domain(data.domain)
    if data.sub_id and (data.sub_id not in sdg_10_7_2.SUB_IDS or not data.sub_id.startswith(str(domain))):
        raise DomainError(_("Choose a sub-category of the domain (e.g. %(d)sa).") % {"d": domain}, field="sub_id")
    item = CapacityRequest.objects.create(
        country=country,
        title=data.title.strip(),
        gap=data.gap.strip(),
        domain=domain,
        sub_id=data.sub_id,
        created_by=actor,
    )
    item.gcm_objectives.set(_objectives(data.gcm_objectives))
    return item


@dataclass(frozen=True)
class InitiativeInput:
    country: str
    title: str
    domain: int
    start: date
    description: str = ""
    end: date | None = None
    partners: str = ""
    status: str = CapacityInitiative.Status.OFFERED
    results: str = ""
    gcm_objectives: list[int] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)


def _apply(item: CapacityInitiative, data: InitiativeInput) -> CapacityInitiative:
    country = Country.objects.filter(pk=data.country.upper()[:3]).first()
    if country is None:
        raise DomainError(
            _("Unknown country code (ISO 3166-1 alpha-3): %(code)s") % {"code": data.country[:10]}, field="country"
        )
    if not data.title.strip():
        raise DomainError(_("This field is required."), field="title")
    if data.end and data.end < data.start:
        raise DomainError(_("The end comes before the start."), field="end")
    if data.status not in CapacityInitiative.Status.values:
        raise DomainError(
            _("Choose one of: %(codes)s") % {"codes": ", ".join(CapacityInitiative.Status.values)}, field="status"
        )
    answered = list(CapacityRequest.objects.filter(pk__in=data.answers, country=country))
    if len(answered) != len(set(data.answers)):
        raise DomainError(_("An initiative answers only requests of its own country."), field="answers")
    item.country = country
    item.title = data.title.strip()
    item.description = data.description.strip()
    item.domain = _domain(data.domain)
    item.partners = "; ".join(p.strip() for p in data.partners.split(";") if p.strip())[:500]
    item.start, item.end, item.status, item.results = data.start, data.end, data.status, data.results.strip()
    item.save()
    item.gcm_objectives.set(_objectives(data.gcm_objectives))
    item.answers.set(answered)
    CapacityRequest.objects.filter(pk__in=[r.pk for r in answered], status=CapacityRequest.Status.OPEN).update(
        status=CapacityRequest.Status.ANSWERED
    )
    return item


@checks_permission("policy.add_capacityinitiative", obj="organisation")
def offer_initiative(actor: User, organisation: Organisation, data: InitiativeInput) -> CapacityInitiative:
    """An international organisation offers a capacity-building initiative in a country."""
    if organisation.kind != Organisation.Kind.IGO or not organisation.is_approved:
        raise DomainError(_("Only an approved international organisation offers initiatives."), field="organisation")
    return _apply(CapacityInitiative(organisation=organisation), data)


@checks_permission("policy.change_capacityinitiative", obj="item")
def update_initiative(actor: User, item: CapacityInitiative, data: InitiativeInput) -> CapacityInitiative:
    """Update an initiative as it runs: dates, status, partners and results."""
    return _apply(item, data)
