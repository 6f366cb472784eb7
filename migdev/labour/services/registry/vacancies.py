"""Writes of the registry: vacancies (drafting, compliance, publication, closing) and invitations."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import Actor
from migdev.core.errors import DomainError
from migdev.core.models import (
    Currency,
    EscoOccupation,
    EscoOccupationSkill,
    EscoSkill,
    Language,
)
from migdev.labour import compliance, eligibility
from migdev.labour.models import (
    Consent,
    CostCategory,
    Invitation,
    Isced,
    Payer,
    Scheme,
    Vacancy,
    VacancyCostTerm,
    VacancyLanguage,
    VacancySkill,
    WagePeriod,
    WorkerProfile,
)
from migdev.labour.services.registry.references import (
    MAX_CONTRACT_MONTHS,
    MAX_WEEKLY_HOURS,
    _cefr,
    _country,
    _currency,
    _get,
    _in_range,
    _language,
    _occupation,
    _skill,
    _unique,
)

# --- vacancies -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CostTermInput:
    category: str
    payer: str
    amount: Decimal | None = None
    currency: str | None = None


@dataclass(frozen=True)
class VacancyInput:
    """A vacancy's terms as given: codes, not objects. `skills` None takes ESCO's skills of the occupation;
    `cost_terms` None puts every cost category on the employer."""

    title: str
    occupation: str  # ESCO URI
    destination: str
    place: str
    positions: int
    wage_amount: Decimal
    wage_currency: str
    wage_period: str
    weekly_hours: int
    contract_months: int
    start_date: date
    rest_days_per_week: int = 1
    scheme: str | None = None  # scheme code
    recruiter: int | None = None
    min_education: int | None = None
    min_experience_years: int = 0
    contract_languages: list[str] = field(default_factory=list)
    written_contract: bool = True
    retains_documents: bool = False
    housing_terms: str = ""
    travel_terms: str = ""
    skills: list[tuple[str, bool]] | None = None  # (ESCO URI, essential)
    languages: list[tuple[str, int]] = field(default_factory=list)  # (ISO 639-3, minimum CEFR 1-6)
    cost_terms: list[CostTermInput] | None = None


@dataclass
class _ResolvedVacancy:
    values: dict[str, Any]
    contract_languages: list[Language]
    skills: list[tuple[EscoSkill, bool]] | None
    languages: list[tuple[Language, int]]
    cost_terms: list[tuple[str, str, Decimal | None, Currency | None]]


def _resolve_vacancy(data: VacancyInput, *, new: bool) -> _ResolvedVacancy:
    if not data.title.strip():
        raise DomainError(_("Give the vacancy a title."), field="title")
    if not data.place.strip():
        raise DomainError(_("Give the place of work."), field="place")
    esco = _occupation(data.occupation, "occupation")
    destination = _country(data.destination, "destination")
    if data.positions < 1:
        raise DomainError(_("Offer at least one position."), field="positions")
    if data.wage_amount <= 0:
        raise DomainError(_("The wage must be more than zero."), field="wage_amount")
    wage_currency = _currency(data.wage_currency, "wage_currency")
    if data.wage_period not in WagePeriod.values:
        raise DomainError(_("Choose a wage period: hour, week, month or year."), field="wage_period")
    _in_range(data.weekly_hours, 1, MAX_WEEKLY_HOURS, "weekly_hours")
    _in_range(data.rest_days_per_week, 0, 7, "rest_days_per_week")
    _in_range(data.contract_months, 1, MAX_CONTRACT_MONTHS, "contract_months")
    if new and data.start_date < timezone.localdate():
        raise DomainError(_("The start date is in the past."), field="start_date")
    scheme = _get(Scheme, data.scheme, "scheme", _("scheme"), "code") if data.scheme else None
    recruiter = None
    if data.recruiter is not None:
        recruiter = _get(Organisation, data.recruiter, "recruiter", _("organisation"))
        if recruiter.kind != Organisation.Kind.RECRUITMENT_AGENCY:
            raise DomainError(_("Choose a recruitment agency."), field="recruiter")
    if data.min_education is not None and data.min_education not in Isced.values:
        raise DomainError(_("Give an ISCED level from 0 to 8."), field="min_education")
    _in_range(data.min_experience_years, 0, 60, "min_experience_years")
    _unique([code.lower() for code in data.contract_languages], "contract_languages")
    contract_languages = [_language(code, "contract_languages") for code in data.contract_languages]
    skills = None
    if data.skills is not None:
        _unique([uri for uri, _essential in data.skills], "skills")
        skills = [(_skill(uri, "skills"), essential) for uri, essential in data.skills]
    _unique([code.lower() for code, _level in data.languages], "languages")
    languages = [(_language(code, "languages"), _cefr(level, "languages")) for code, level in data.languages]
    terms: list[tuple[str, str, Decimal | None, Currency | None]] = []
    if data.cost_terms is None:
        terms = [(category.value, Payer.EMPLOYER.value, None, None) for category in CostCategory]
    else:
        _unique([term.category for term in data.cost_terms], "cost_terms")
        for term in data.cost_terms:
            where = f"cost_terms.{term.category}"
            if term.category not in CostCategory.values:
                raise DomainError(_("Unknown cost category: %(value)s") % {"value": term.category}, field="cost_terms")
            if term.payer not in Payer.values:
                raise DomainError(_("Unknown payer: %(value)s") % {"value": term.payer}, field=where)
            if term.amount is not None and term.amount < 0:
                raise DomainError(_("An amount cannot be negative."), field=where)
            term_currency = _currency(term.currency, where) if term.currency else None
            if term.amount is not None and term_currency is None:
                raise DomainError(_("Give the currency of the amount."), field=where)
            terms.append((term.category, term.payer, term.amount, term_currency))
    values = {
        "title": data.title.strip(),
        "occupation": esco,
        "isco_group_id": esco.isco_group_id,
        "destination": destination,
        "place": data.place.strip(),
        "positions": data.positions,
        "wage_amount": data.wage_amount,
        "wage_currency": wage_currency,
        "wage_period": data.wage_period,
        "weekly_hours": data.weekly_hours,
        "rest_days_per_week": data.rest_days_per_week,
        "contract_months": data.contract_months,
        "start_date": data.start_date,
        "scheme": scheme,
        "recruiter": recruiter,
        "min_education": data.min_education,
        "min_experience_years": data.min_experience_years,
        "written_contract": data.written_contract,
        "retains_documents": data.retains_documents,
        "housing_terms": data.housing_terms,
        "travel_terms": data.travel_terms,
    }
    return _ResolvedVacancy(values, contract_languages, skills, languages, terms)


def _esco_default_skills(esco: EscoOccupation) -> list[tuple[EscoSkill, bool]]:
    """ESCO's skills of an occupation, essential ones marked, to start a vacancy's skill list from."""
    relations = EscoOccupationSkill.objects.filter(occupation=esco).select_related("skill").order_by("skill_id")
    return [(r.skill, r.relation == EscoOccupationSkill.Relation.ESSENTIAL) for r in relations]


def _write_vacancy_relations(vacancy: Vacancy, resolved: _ResolvedVacancy, occupation_changed: bool) -> None:
    vacancy.contract_languages.set(resolved.contract_languages)
    skills = resolved.skills
    if skills is None and occupation_changed:
        skills = _esco_default_skills(vacancy.occupation)
    if skills is not None:
        vacancy.skills.all().delete()
        VacancySkill.objects.bulk_create(VacancySkill(vacancy=vacancy, skill=s, essential=e) for s, e in skills)
    vacancy.languages.all().delete()
    VacancyLanguage.objects.bulk_create(
        VacancyLanguage(vacancy=vacancy, language=lang, min_level=level) for lang, level in resolved.languages
    )
    vacancy.cost_terms.all().delete()
    VacancyCostTerm.objects.bulk_create(
        VacancyCostTerm(vacancy=vacancy, category=c, payer=p, amount=a, currency=cur)
        for c, p, a, cur in resolved.cost_terms
    )


@checks_permission("labour.add_vacancy", obj="employer")
def create_vacancy(actor: Actor, employer: Organisation, data: VacancyInput) -> Vacancy:
    """An employer's member drafts a vacancy; its skills default to ESCO's skills of the occupation."""
    if employer.kind != Organisation.Kind.EMPLOYER:
        raise DomainError(_("Only employers post vacancies."), field="employer")
    resolved = _resolve_vacancy(data, new=True)
    vacancy = Vacancy.objects.create(employer=employer, **resolved.values)
    _write_vacancy_relations(vacancy, resolved, occupation_changed=True)
    return vacancy


@checks_permission("labour.change_vacancy", obj="vacancy")
def update_vacancy(actor: Actor, vacancy: Vacancy, data: VacancyInput) -> Vacancy:
    """Change a draft or submitted vacancy; a submitted one goes back to draft."""
    if vacancy.state not in (Vacancy.State.DRAFT, Vacancy.State.SUBMITTED):
        raise DomainError(_("Only draft or submitted vacancies can be changed; close it instead."), field="state")
    resolved = _resolve_vacancy(data, new=data.start_date != vacancy.start_date)
    occupation_changed = resolved.values["occupation"].pk != vacancy.occupation_id
    for name, value in resolved.values.items():
        setattr(vacancy, name, value)
    vacancy.state = Vacancy.State.DRAFT
    vacancy.submitted_at = None
    vacancy.save()
    _write_vacancy_relations(vacancy, resolved, occupation_changed)
    return vacancy


@checks_permission("labour.change_vacancy", obj="vacancy")
def delete_vacancy(actor: Actor, vacancy: Vacancy) -> None:
    """Delete a draft vacancy (others are closed, to keep their history)."""
    if vacancy.state != Vacancy.State.DRAFT:
        raise DomainError(_("Only drafts can be deleted; close the vacancy instead."), field="state")
    vacancy.delete()


def _raise_on_failures(vacancy: Vacancy) -> None:
    failures = compliance.check_vacancy(vacancy)
    if failures:
        first = failures[0]
        more = len(failures) - 1
        message = first.message
        if more:
            message = _("%(message)s (and %(more)s more failures)") % {"message": message, "more": more}
        raise DomainError(message, field=first.field)


@checks_permission("labour.change_vacancy", obj="vacancy")
def submit_vacancy(actor: Actor, vacancy: Vacancy) -> Vacancy:
    """Send a compliant draft for publication by the destination's officials."""
    if vacancy.state != Vacancy.State.DRAFT:
        raise DomainError(_("Only drafts can be submitted."), field="state")
    _raise_on_failures(vacancy)
    vacancy.state = Vacancy.State.SUBMITTED
    vacancy.submitted_at = timezone.now()
    vacancy.save(update_fields=["state", "submitted_at"])
    return vacancy


@checks_permission("labour.publish_vacancy", obj="vacancy")
def publish_vacancy(actor: Actor, vacancy: Vacancy) -> Vacancy:
    """An official of the destination (or a steward) publishes a submitted vacancy that meets every standard."""
    if vacancy.state != Vacancy.State.SUBMITTED:
        raise DomainError(_("Only submitted vacancies can be published."), field="state")
    _raise_on_failures(vacancy)
    vacancy.state = Vacancy.State.PUBLISHED
    vacancy.published_at = timezone.now()
    vacancy.save(update_fields=["state", "published_at"])
    return vacancy


@checks_permission("labour.close_vacancy", obj="vacancy")
def close_vacancy(actor: Actor, vacancy: Vacancy, filled: bool = False) -> Vacancy:
    """Close a vacancy, as filled (published ones only) or withdrawn."""
    if vacancy.state in (Vacancy.State.FILLED, Vacancy.State.CLOSED):
        raise DomainError(_("This vacancy is already closed."), field="state")
    if filled and vacancy.state != Vacancy.State.PUBLISHED:
        raise DomainError(_("Only published vacancies can be filled."), field="state")
    vacancy.state = Vacancy.State.FILLED if filled else Vacancy.State.CLOSED
    vacancy.closed_at = timezone.now()
    vacancy.save(update_fields=["state", "closed_at"])
    Invitation.objects.filter(vacancy=vacancy, status=Invitation.Status.PENDING).update(
        status=Invitation.Status.DECLINED, answered_at=vacancy.closed_at
    )
    return vacancy


# --- invitations ---------------------------------------------------------------------------------------------------


def _has_matching_consent(worker: WorkerProfile) -> bool:
    return worker.consents.filter(purpose=Consent.Purpose.MATCHING, withdrawn_at__isnull=True).exists()


@checks_permission("labour.add_invitation", obj="vacancy")
def invite_worker(actor: Actor, vacancy: Vacancy, worker: WorkerProfile, message: str = "") -> Invitation:
    """An employer invites an eligible worker (known by pseudonym) to a published vacancy."""
    if vacancy.state != Vacancy.State.PUBLISHED:
        raise DomainError(_("Only published vacancies can invite workers."), field="vacancy")
    if not _has_matching_consent(worker):
        raise DomainError(_("This worker does not wish to be matched."), field="worker")
    if Invitation.objects.filter(vacancy=vacancy, worker=worker).exists():
        raise DomainError(_("This worker is already invited to this vacancy."), field="worker")
    result = eligibility.check(worker, vacancy)
    if not result.eligible:
        raise DomainError(result.reasons[0].message, field="worker")
    return Invitation.objects.create(vacancy=vacancy, worker=worker, message=message.strip())


@checks_permission("labour.answer_invitation", obj="invitation")
def answer_invitation(actor: Actor, invitation: Invitation, accept: bool) -> Invitation:
    """The worker accepts (the employer then sees the full profile) or declines an invitation."""
    if invitation.status != Invitation.Status.PENDING:
        raise DomainError(_("This invitation has already been answered."), field="status")
    invitation.status = Invitation.Status.ACCEPTED if accept else Invitation.Status.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    if accept:
        Consent.objects.create(
            worker=invitation.worker,
            purpose=Consent.Purpose.SHARE_WITH_EMPLOYER,
            organisation=invitation.vacancy.employer,
            given_at=invitation.answered_at,
        )
    return invitation
