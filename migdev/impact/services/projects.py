"""Writing a project's facts and its evidence documents."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.models import Country, Currency
from migdev.impact.dimensions import ITEM_DIMENSION, STAGES
from migdev.impact.models import Evidence, Project
from migdev.impact.uploads import EvidenceFile, clean_filename, evidence_type


@dataclass(frozen=True)
class ProjectInput:
    title: str
    sector: str
    country: str
    description: str = ""
    places: str = ""
    budget: Decimal | None = None
    currency: str | None = None
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    ministry: str = ""
    reviewer: int | None = None


def _facts(project: Project, data: ProjectInput) -> None:
    if not data.title.strip():
        raise DomainError(_("This field is required."), field="title")
    if data.sector not in Project.Sector.values:
        raise DomainError(_("Choose a sector from the list."), field="sector")
    country = Country.objects.filter(pk=(data.country or "").upper()).first()
    if country is None:
        raise DomainError(_("%(code)s is not an ISO 3166-1 alpha-3 country code.") % {"code": data.country}, "country")
    currency = None
    if data.currency:
        currency = Currency.objects.filter(pk=data.currency.upper()).first()
        if currency is None:
            raise DomainError(_("%(code)s is not an ISO 4217 currency code.") % {"code": data.currency}, "currency")
    if data.budget is not None and (data.budget < 0 or currency is None):
        raise DomainError(_("Give a budget of zero or more, with its currency."), field="budget")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise DomainError(_("The end comes before the start."), field="end_date")
    reviewer = None
    if data.reviewer is not None:
        reviewer = Organisation.objects.filter(pk=data.reviewer, status="approved").first()
        if reviewer is None or reviewer.pk == project.proponent_id:
            raise DomainError(_("Choose an approved organisation other than the proponent."), field="reviewer")
    project.title = data.title.strip()[:300]
    project.description = data.description.strip()
    project.sector = data.sector
    project.country = country
    project.places = data.places.strip()[:300]
    project.budget = data.budget
    project.currency = currency
    project.start_date = data.start_date
    project.end_date = data.end_date
    project.ministry = data.ministry.strip()[:200]
    project.reviewer = reviewer


@checks_permission("impact.add_project", obj="proponent")
def create_project(actor: User, proponent: Organisation, data: ProjectInput) -> Project:
    """A new project of the organisation `proponent` (its members draft), at the screening stage."""
    if proponent.status != "approved":
        raise DomainError(_("Only an approved organisation may propose a project."), field="proponent")
    project = Project(proponent=proponent, created_by=actor)
    _facts(project, data)
    project.save()
    return project


@checks_permission("impact.change_project", obj="project")
def update_project(actor: User, project: Project, data: ProjectInput) -> Project:
    """Change the project's facts (not its proponent); the workflow is unchanged."""
    if project.closed:
        raise DomainError(_("The assessment of this project has ended."), field="project")
    _facts(project, data)
    project.save()
    return project


@checks_permission("impact.add_evidence", obj="project")
def add_evidence(
    actor: User, project: Project, stage: str, title: str, upload: EvidenceFile, item: str = ""
) -> Evidence:
    """Attach a document to a stage (and a screening item); size and type checked, stored in the database."""
    if stage not in STAGES:
        raise DomainError(_("Choose a stage from the list."), field="stage")
    if item and (stage != "screening" or item not in ITEM_DIMENSION):
        raise DomainError(_("Name an item of the screening checklist, or none."), field="item")
    content_type = evidence_type(upload)
    filename = clean_filename(upload.filename)
    return Evidence.objects.create(
        project=project,
        stage=stage,
        item=item[:8],
        title=(title.strip() or filename)[:300],
        filename=filename,
        content_type=content_type,
        size=len(upload.content),
        content=upload.content,
        uploaded_by=actor,
    )
