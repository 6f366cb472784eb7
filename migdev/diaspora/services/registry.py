"""Writes of the organisations and initiatives registry: members of the organisation (or stewards) edit its entry."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.models import GcmObjective
from migdev.core.weblinks import clean_web_url
from migdev.diaspora.codes import country_by_code
from migdev.diaspora.models import DiasporaOrganisation, Initiative


@dataclass(frozen=True)
class OrganisationInput:
    origin: str
    residence: str
    focus: str
    description: str = ""
    contact_email: str = ""
    website: str = ""


@dataclass(frozen=True)
class InitiativeInput:
    title: str
    kind: str
    country: str
    description: str = ""
    start_year: int | None = None
    website: str = ""
    gcm_objectives: list[int] = field(default_factory=list)


def _apply_organisation(entry: DiasporaOrganisation, data: OrganisationInput) -> None:
    if not data.focus.strip():
        raise DomainError(_("Say what the organisation focuses on."), "focus")
    entry.origin = country_by_code(data.origin, "origin")
    entry.residence = country_by_code(data.residence, "residence")
    entry.focus = data.focus.strip()
    entry.description = data.description.strip()
    entry.contact_email = data.contact_email.strip()
    entry.website = clean_web_url(data.website, "website") if data.website.strip() else ""
    entry.save()


@checks_permission("diaspora.add_diasporaorganisation", obj="organisation")
def register_diaspora_organisation(
    actor: User, organisation: Organisation, data: OrganisationInput
) -> DiasporaOrganisation:
    """Put an approved organisation in the diaspora registry (its members, or a steward)."""
    if not organisation.is_approved:
        raise DomainError(_("The organisation must be approved first."), "organisation")
    if organisation.kind != Organisation.Kind.DIASPORA:
        raise DomainError(_("Only a diaspora organisation can be listed in the registry."), "organisation")
    if DiasporaOrganisation.objects.filter(organisation=organisation).exists():
        raise DomainError(_("This organisation is already in the registry."), "organisation")
    entry = DiasporaOrganisation(organisation=organisation)
    _apply_organisation(entry, data)
    return entry


@checks_permission("diaspora.change_diasporaorganisation", obj="entry")
def update_diaspora_organisation(
    actor: User, entry: DiasporaOrganisation, data: OrganisationInput
) -> DiasporaOrganisation:
    _apply_organisation(entry, data)
    return entry


def _apply_initiative(initiative: Initiative, data: InitiativeInput) -> None:
    if not data.title.strip():
        raise DomainError(_("Give the initiative a title."), "title")
    if data.kind not in Initiative.Kind.values:
        raise DomainError(
            _("Unknown kind of initiative %(kind)s (investment, philanthropy, skills_transfer or trade).")
            % {"kind": data.kind[:30]},
            "kind",
        )
    if data.start_year is not None and not 1900 <= data.start_year <= 2100:
        raise DomainError(_("The start year must be between 1900 and 2100."), "start_year")
    numbers = sorted(set(data.gcm_objectives))
    objectives = list(GcmObjective.objects.filter(number__in=numbers))
    unknown = sorted(set(numbers) - {o.number for o in objectives})
    if unknown:
        raise DomainError(
            _("Unknown GCM objective %(number)s (1 to 23).") % {"number": str(unknown[0])[:12]}, "gcm_objectives"
        )
    initiative.title = data.title.strip()
    initiative.kind = data.kind
    initiative.country = country_by_code(data.country, "country")
    initiative.description = data.description.strip()
    initiative.start_year = data.start_year
    initiative.website = clean_web_url(data.website, "website") if data.website.strip() else ""
    initiative.save()
    initiative.gcm_objectives.set(objectives)


@checks_permission("diaspora.add_initiative", obj="entry")
def add_initiative(actor: User, entry: DiasporaOrganisation, data: InitiativeInput) -> Initiative:
    initiative = Initiative(diaspora_organisation=entry)
    _apply_initiative(initiative, data)
    return initiative


@checks_permission("diaspora.change_initiative", obj="initiative")
def update_initiative(actor: User, initiative: Initiative, data: InitiativeInput) -> Initiative:
    _apply_initiative(initiative, data)
    return initiative


@checks_permission("diaspora.delete_initiative", obj="initiative")
def delete_initiative(actor: User, initiative: Initiative) -> None:
    initiative.delete()
