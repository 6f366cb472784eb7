"""Writes of the registry: partners, commitments, progress updates. Members of the pledging organisation and
stewards write; each service checks its permission first and runs in one transaction."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.weblinks import clean_web_url
from migdev.partnerships.models import Commitment, Partner, ProgressUpdate
from migdev.partnerships.services.checks import CommitmentInput, apply_commitment, clean_partner
from migdev.partnerships.services.documents import DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, Document, check_document

# Evidence documents follow the room's document rules (services/documents.py).
MAX_EVIDENCE_BYTES = MAX_DOCUMENT_BYTES
EVIDENCE_TYPES = DOCUMENT_TYPES
Evidence = Document


@dataclass(frozen=True)
class PartnerInput:
    name: str
    kind: str
    country: str = ""
    website: str = ""


@dataclass(frozen=True)
class ProgressInput:
    date: date
    text: str
    status: str
    evidence_url: str = ""
    evidence: Evidence | None = None


@checks_permission("partnerships.add_partner", obj="organisation")
def register_partner(actor: User, organisation: Organisation | None, data: PartnerInput) -> Partner:
    """Enter a partner in the registry: an organisation's members for their own (approved) organisation, or a
    steward for any partner (with or without an account organisation)."""
    if organisation is not None:
        if not organisation.is_approved:
            raise DomainError(_("The organisation must be approved first."), "organisation")
        if Partner.objects.filter(organisation=organisation).exists():
            raise DomainError(_("This organisation is already a partner."), "organisation")
    name, kind, country, website = clean_partner(data.name, data.kind, data.country, data.website)
    if Partner.objects.filter(name__iexact=name).exists():
        raise DomainError(_("A partner of this name is already registered."), "name")
    return Partner.objects.create(name=name, kind=kind, country=country, website=website, organisation=organisation)


@checks_permission("partnerships.change_partner", obj="partner")
def update_partner(actor: User, partner: Partner, data: PartnerInput) -> Partner:
    name, kind, country, website = clean_partner(data.name, data.kind, data.country, data.website)
    if Partner.objects.filter(name__iexact=name).exclude(pk=partner.pk).exists():
        raise DomainError(_("A partner of this name is already registered."), "name")
    partner.name, partner.kind, partner.country, partner.website = name, kind, country, website
    partner.save()
    return partner


@checks_permission("partnerships.add_commitment", obj="pledger")
def register_commitment(actor: User, pledger: Partner, data: CommitmentInput) -> Commitment:
    """Register a commitment pledged by `pledger` (its organisation's members, or a steward)."""
    return apply_commitment(Commitment(pledger=pledger, created_by=actor), data)


@checks_permission("partnerships.change_commitment", obj="commitment")
def update_commitment(actor: User, commitment: Commitment, data: CommitmentInput) -> Commitment:
    return apply_commitment(commitment, data)


def check_evidence(evidence: Document) -> tuple[str, str]:
    """The evidence document's safe name and content type (refused naming the field `evidence`)."""
    return check_document(evidence, "evidence")


@checks_permission("partnerships.add_progressupdate", obj="commitment")
def add_progress(actor: User, commitment: Commitment, data: ProgressInput) -> ProgressUpdate:
    """Record dated progress on a commitment, with evidence, and move the commitment to the status it reports."""
    if not data.text.strip():
        raise DomainError(_("Say what progress was made."), "text")
    if data.status not in Commitment.Status.values:
        raise DomainError(_("Unknown status %(value)s.") % {"value": data.status[:30]}, "status")
    if not date(1990, 1, 1) <= data.date <= timezone.localdate():
        raise DomainError(_("The date of progress must be between 1990 and today."), "date")
    if commitment.start and data.date < commitment.start:
        raise DomainError(_("The date is before the commitment starts."), "date")
    update = ProgressUpdate(
        commitment=commitment,
        date=data.date,
        text=data.text.strip()[:10000],
        status=data.status,
        evidence_url=clean_web_url(data.evidence_url, "evidence_url")[:500],
        created_by=actor,
    )
    if data.evidence is not None:
        update.evidence_name, update.evidence_type = check_evidence(data.evidence)
        update.evidence_data = data.evidence.content
    update.save()
    latest = commitment.updates.order_by("-date", "-pk").first()
    if latest is not None and latest.pk == update.pk and commitment.status != data.status:
        commitment.status = data.status
        commitment.save(update_fields=["status", "updated_at"])
    return update
