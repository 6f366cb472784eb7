"""Writes of the labour exchange: registry (worker profiles and consents, vacancies, invitations, schemes, licences).

Every service declares its permission (checked first) and runs in one transaction. Inputs carry codes (ISO 3166
alpha-3, ISO 4217, ISO 639-3, ISCO-08, ESCO URIs); each service resolves and validates every one of them before it
writes anything, and names the field of the first bad one.
"""

import secrets
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import Actor, record_audit
from migdev.core.errors import DomainError
from migdev.core.models import (
    Country,
    Currency,
    EscoOccupation,
    EscoOccupationSkill,
    EscoSkill,
    IscoGroup,
    Language,
    Sex,
)
from migdev.core.weblinks import clean_web_url
from migdev.labour import compliance, eligibility
from migdev.labour.models import (
    Cefr,
    Consent,
    CostCategory,
    Invitation,
    Isced,
    LabourAgreement,
    LabourStandard,
    Payer,
    RecruiterLicence,
    Scheme,
    SchemeOriginCap,
    Vacancy,
    VacancyCostTerm,
    VacancyLanguage,
    VacancySkill,
    WagePeriod,
    WorkerLanguage,
    WorkerOccupation,
    WorkerProfile,
    WorkerSkill,
)

# Adults only: labour migration schemes recruit workers of 18 or more.
MINIMUM_AGE = 18
PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
MAX_WEEKLY_HOURS = 168
MAX_CONTRACT_MONTHS = 120


# --- resolving codes -----------------------------------------------------------------------------------------------


def _get(model: type[Model], value: Any, field_name: str, label: str, lookup: str = "pk") -> Any:
    found = model._default_manager.filter(**{lookup: value}).first() if value not in (None, "") else None
    if found is None:
        raise DomainError(
            _("Unknown %(what)s: %(value)s") % {"what": label, "value": value if value not in (None, "") else "—"},
            field=field_name,
        )
    return found


def _country(code: str, field_name: str = "country") -> Country:
    return _get(Country, (code or "").upper(), field_name, _("country code (ISO 3166-1 alpha-3)"))  # type: ignore[no-any-return]


def _currency(code: str, field_name: str = "currency") -> Currency:
    return _get(Currency, (code or "").upper(), field_name, _("currency code (ISO 4217)"))  # type: ignore[no-any-return]


def _language(code: str, field_name: str = "language") -> Language:
    return _get(Language, (code or "").lower(), field_name, _("language code (ISO 639-3)"))  # type: ignore[no-any-return]


def _occupation(uri: str, field_name: str = "occupation") -> EscoOccupation:
    return _get(EscoOccupation, uri, field_name, _("ESCO occupation"), "uri")  # type: ignore[no-any-return]


def _skill(uri: str, field_name: str = "skills") -> EscoSkill:
    return _get(EscoSkill, uri, field_name, _("ESCO skill"), "uri")  # type: ignore[no-any-return]


def _isco_group(code: str, field_name: str = "eligible_occupations") -> IscoGroup:
    return _get(IscoGroup, code, field_name, _("ISCO-08 code"))  # type: ignore[no-any-return]


def _unique(values: list[Any], field_name: str) -> None:
    if len(set(values)) != len(values):
        raise DomainError(_("A value is given twice."), field=field_name)


def _in_range(value: int | None, low: int, high: int, field_name: str) -> None:
    if value is not None and not low <= value <= high:
        raise DomainError(_("Give a number from %(low)s to %(high)s.") % {"low": low, "high": high}, field=field_name)


def _cefr(level: int, field_name: str) -> int:
    if level not in Cefr.values:
        raise DomainError(_("Give a CEFR level from A1 to C2."), field=field_name)
    return level


def _user(actor: Actor) -> User | None:
    return actor if isinstance(actor, User) and actor.pk is not None else None


# --- worker profiles -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkerProfileInput:
    """A worker's profile as given: codes, not objects (languages are (ISO 639-3, CEFR 1-6) pairs)."""

    sex: str
    nationality: str
    residence: str
    date_of_birth: date | None = None
    education: int | None = None
    available_from: date | None = None
    available_to: date | None = None
    is_available: bool = True
    preferred_destinations: list[str] = field(default_factory=list)
    preferred_schemes: list[str] = field(default_factory=list)
    sending_agency: int | None = None
    languages: list[tuple[str, int]] = field(default_factory=list)
    occupations: list[tuple[str, int]] = field(default_factory=list)  # (ESCO URI, years of experience)
    skills: list[str] = field(default_factory=list)  # ESCO URIs


@dataclass
class _ResolvedProfile:
    values: dict[str, Any]
    destinations: list[Country]
    schemes: list[Scheme]
    languages: list[tuple[Language, int]]
    occupations: list[tuple[EscoOccupation, int]]
    skills: list[EscoSkill]


def _resolve_profile(data: WorkerProfileInput) -> _ResolvedProfile:
    today = timezone.localdate()
    sex = _get(Sex, data.sex, "sex", _("sex code"))
    if sex.pk == "_T":  # "Total" is an aggregate of the SDMX code list, not a person's sex
        raise DomainError(_("Give the worker's sex: F, M, _O (other) or _U (not stated)."), field="sex")
    nationality = _country(data.nationality, "nationality")
    residence = _country(data.residence, "residence")
    if data.date_of_birth is not None:
        if data.date_of_birth > today:
            raise DomainError(_("The date of birth is in the future."), field="date_of_birth")
        if data.date_of_birth > today.replace(year=today.year - MINIMUM_AGE):
            raise DomainError(
                _("Workers must be at least %(age)s years old.") % {"age": MINIMUM_AGE}, field="date_of_birth"
            )
        if data.date_of_birth.year < today.year - 100:
            raise DomainError(_("The date of birth is more than 100 years ago."), field="date_of_birth")
    if data.education is not None and data.education not in Isced.values:
        raise DomainError(_("Give an ISCED level from 0 to 8."), field="education")
    if data.available_from and data.available_to and data.available_to < data.available_from:
        raise DomainError(_("The end of availability is before its start."), field="available_to")
    agency = None
    if data.sending_agency is not None:
        agency = _get(Organisation, data.sending_agency, "sending_agency", _("organisation"))
        if agency.kind != Organisation.Kind.SENDING_AGENCY or not agency.is_approved:
            raise DomainError(_("Choose an approved origin sending agency."), field="sending_agency")
    _unique([code.upper() for code in data.preferred_destinations], "preferred_destinations")
    destinations = [_country(code, "preferred_destinations") for code in data.preferred_destinations]
    schemes = [_get(Scheme, code, "preferred_schemes", _("scheme"), "code") for code in data.preferred_schemes]
    _unique([code.lower() for code, _level in data.languages], "languages")
    languages = [(_language(code, "languages"), _cefr(level, "languages")) for code, level in data.languages]
    _unique([uri for uri, _years in data.occupations], "occupations")
    occupations = []
    for uri, years in data.occupations:
        _in_range(years, 0, 60, "occupations")
        occupations.append((_occupation(uri, "occupations"), years))
    _unique(list(data.skills), "skills")
    skills = [_skill(uri, "skills") for uri in data.skills]
    values = {
        "sex": sex,
        "nationality": nationality,
        "residence": residence,
        "date_of_birth": data.date_of_birth,
        "education": data.education,
        "available_from": data.available_from,
        "available_to": data.available_to,
        "is_available": data.is_available,
        "sending_agency": agency,
    }
    return _ResolvedProfile(values, destinations, schemes, languages, occupations, skills)


def _write_profile_relations(worker: WorkerProfile, resolved: _ResolvedProfile) -> list[str]:
    """Replace the profile's lists; the names of the lists that changed."""
    changed = []
    if {c.pk for c in worker.preferred_destinations.all()} != {c.pk for c in resolved.destinations}:
        worker.preferred_destinations.set(resolved.destinations)
        changed.append("preferred_destinations")
    if {s.pk for s in worker.preferred_schemes.all()} != {s.pk for s in resolved.schemes}:
        worker.preferred_schemes.set(resolved.schemes)
        changed.append("preferred_schemes")
    languages = {(lang.pk, level) for lang, level in resolved.languages}
    if set(worker.languages.values_list("language_id", "level")) != languages:
        worker.languages.all().delete()
        WorkerLanguage.objects.bulk_create(
            WorkerLanguage(worker=worker, language=lang, level=level) for lang, level in resolved.languages
        )
        changed.append("languages")
    occupations = {(occ.pk, years) for occ, years in resolved.occupations}
    if set(worker.occupations.values_list("occupation_id", "years_experience")) != occupations:
        worker.occupations.all().delete()
        WorkerOccupation.objects.bulk_create(
            WorkerOccupation(worker=worker, occupation=occ, years_experience=years)
            for occ, years in resolved.occupations
        )
        changed.append("occupations")
    if set(worker.skills.values_list("skill_id", flat=True)) != {s.pk for s in resolved.skills}:
        worker.skills.all().delete()
        WorkerSkill.objects.bulk_create(WorkerSkill(worker=worker, skill=s) for s in resolved.skills)
        changed.append("skills")
    return changed


def _new_pseudonym() -> str:
    while True:
        pseudonym = "W-" + "".join(secrets.choice(PSEUDONYM_ALPHABET) for _i in range(8))
        if not WorkerProfile.objects.filter(pseudonym=pseudonym).exists():
            return pseudonym


@checks_permission("labour.add_workerprofile", obj="person")
def create_worker_profile(
    actor: Actor, person: User, data: WorkerProfileInput, consent_to_matching: bool = True
) -> WorkerProfile:
    """Open a worker's profile (by the worker, or a steward); it gets a pseudonym employers see instead of a name."""
    if WorkerProfile.objects.filter(user=person).exists():
        raise DomainError(_("This person already has a worker profile."), field="person")
    resolved = _resolve_profile(data)
    worker = WorkerProfile.objects.create(
        user=person, pseudonym=_new_pseudonym(), registered_on=timezone.localdate(), **resolved.values
    )
    changed = _write_profile_relations(worker, resolved)
    if not person.is_worker:
        person.is_worker = True
        person.save(update_fields=["is_worker"])
    if consent_to_matching:
        Consent.objects.create(worker=worker, purpose=Consent.Purpose.MATCHING, given_at=timezone.now())
    filled = [name for name, value in resolved.values.items() if value not in (None, "")]
    record_audit(actor, AuditEvent.Action.CREATE, person, worker, filled + changed)
    return worker


@checks_permission("labour.change_workerprofile", obj="worker")
def update_worker_profile(actor: Actor, worker: WorkerProfile, data: WorkerProfileInput) -> WorkerProfile:
    """Change a worker's profile (the worker, the sending agency with the worker's consent, or a steward)."""
    if worker.erased_at is not None:
        raise DomainError(_("This profile was erased."), field="worker")
    resolved = _resolve_profile(data)
    updated: list[str] = []
    deleted: list[str] = []
    for name, value in resolved.values.items():
        if getattr(worker, name) == value:
            continue
        (deleted if value in (None, "") else updated).append(name)
        setattr(worker, name, value)
    if updated or deleted:
        worker.save(update_fields=updated + deleted)
    updated += _write_profile_relations(worker, resolved)
    if updated:
        record_audit(actor, AuditEvent.Action.UPDATE, worker.user, worker, updated)
    if deleted:
        record_audit(actor, AuditEvent.Action.DELETE, worker.user, worker, deleted)
    return worker


@checks_permission("labour.change_consent", obj="worker")
def give_consent(
    actor: Actor, worker: WorkerProfile, purpose: str, organisation: Organisation | None = None
) -> Consent:
    """The worker consents to a purpose (the agency_edit consent names the worker's sending agency)."""
    if purpose not in Consent.Purpose.values:
        raise DomainError(_("Unknown purpose of consent."), field="purpose")
    if purpose == Consent.Purpose.AGENCY_EDIT:
        organisation = organisation or worker.sending_agency
        if organisation is None:
            raise DomainError(_("Choose your sending agency first."), field="organisation")
        if organisation.pk != worker.sending_agency_id:
            raise DomainError(_("Only your own sending agency may edit your profile."), field="organisation")
    existing = worker.consents.filter(purpose=purpose, organisation=organisation, withdrawn_at__isnull=True).first()
    if existing is not None:
        return existing
    consent = Consent.objects.create(worker=worker, purpose=purpose, organisation=organisation, given_at=timezone.now())
    record_audit(actor, AuditEvent.Action.CREATE, worker.user, consent, ["purpose"])
    return consent


@checks_permission("labour.change_consent", obj="worker")
def withdraw_consent(actor: Actor, worker: WorkerProfile, purpose: str) -> list[Consent]:
    """The worker withdraws every standing consent for a purpose."""
    if purpose not in Consent.Purpose.values:
        raise DomainError(_("Unknown purpose of consent."), field="purpose")
    standing = list(worker.consents.filter(purpose=purpose, withdrawn_at__isnull=True))
    if not standing:
        raise DomainError(_("There is no consent to withdraw for this purpose."), field="purpose")
    now = timezone.now()
    for consent in standing:
        consent.withdrawn_at = now
        consent.save(update_fields=["withdrawn_at"])
        record_audit(actor, AuditEvent.Action.UPDATE, worker.user, consent, ["withdrawn_at"])
    return standing


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


# --- schemes -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchemeInput:
    """A scheme's rules as given (codes): origins ISO3, occupations ISCO-08 at any level, caps by origin."""

    code: str
    name: str
    kind: str
    eligible_origins: list[str]
    description: str = ""
    agreement: int | None = None
    eligible_occupations: list[str] = field(default_factory=list)
    season_start_month: int | None = None
    season_end_month: int | None = None
    max_stay_months: int | None = None
    max_stay_window_months: int | None = None
    min_weekly_hours: int | None = None
    cap_per_season: int | None = None
    origin_caps: dict[str, int] = field(default_factory=dict)
    cooling_off_days: int = 0
    named_returning_allowed: bool = False
    employer_pays_travel: bool = True
    cost_sharing_notes: str = ""
    source_url: str = ""
    is_active: bool = True


def _resolve_scheme(data: SchemeInput, destination: Country, scheme: Scheme | None) -> dict[str, Any]:
    code = data.code.strip().lower()
    if not code or not all(ch.isalnum() or ch in "-_" for ch in code):
        raise DomainError(_("Give a code of letters, digits and hyphens."), field="code")
    others = Scheme.objects.filter(code=code)
    if scheme is not None:
        others = others.exclude(pk=scheme.pk)
    if others.exists():
        raise DomainError(_("This code is already used by another scheme."), field="code")
    if not data.name.strip():
        raise DomainError(_("Give the scheme a name."), field="name")
    if data.kind not in Scheme.Kind.values:
        raise DomainError(_("Choose a type: seasonal, temporary, circular or long-term."), field="kind")
    agreement = None
    if data.agreement is not None:
        agreement = _get(LabourAgreement, data.agreement, "agreement", _("agreement"))
        if agreement.destination_id != destination.pk:
            raise DomainError(_("The agreement is not one of the scheme's destination."), field="agreement")
    if not data.eligible_origins:
        raise DomainError(_("Name at least one eligible origin country."), field="eligible_origins")
    _unique([c.upper() for c in data.eligible_origins], "eligible_origins")
    origins = [_country(c, "eligible_origins") for c in data.eligible_origins]
    if destination in origins:
        raise DomainError(_("The destination cannot be an origin of its own scheme."), field="eligible_origins")
    _unique(list(data.eligible_occupations), "eligible_occupations")
    occupations = [_isco_group(c, "eligible_occupations") for c in data.eligible_occupations]
    for name in ("season_start_month", "season_end_month"):
        _in_range(getattr(data, name), 1, 12, name)
    if (data.season_start_month is None) != (data.season_end_month is None):
        raise DomainError(_("Give both the first and the last month of the season."), field="season_end_month")
    if (data.max_stay_months is None) != (data.max_stay_window_months is None):
        raise DomainError(
            _("Give the maximum stay with its period (e.g. 7 months in any 11)."), field="max_stay_window_months"
        )
    _in_range(data.max_stay_months, 1, 120, "max_stay_months")
    _in_range(data.max_stay_window_months, 1, 240, "max_stay_window_months")
    if data.max_stay_months and data.max_stay_window_months and data.max_stay_months > data.max_stay_window_months:
        raise DomainError(_("The maximum stay is longer than its period."), field="max_stay_months")
    _in_range(data.min_weekly_hours, 1, MAX_WEEKLY_HOURS, "min_weekly_hours")
    _in_range(data.cap_per_season, 0, 10_000_000, "cap_per_season")
    _in_range(data.cooling_off_days, 0, 3650, "cooling_off_days")
    caps = {}
    for origin_code, cap in data.origin_caps.items():
        origin = _country(origin_code, "origin_caps")
        if origin not in origins:
            raise DomainError(
                _("%(country)s has a cap but is not an eligible origin.") % {"country": origin.name},
                field="origin_caps",
            )
        _in_range(cap, 0, 10_000_000, "origin_caps")
        caps[origin] = cap
    return {
        "values": {
            "code": code,
            "name": data.name.strip(),
            "description": data.description,
            "kind": data.kind,
            "destination": destination,
            "agreement": agreement,
            "season_start_month": data.season_start_month,
            "season_end_month": data.season_end_month,
            "max_stay_months": data.max_stay_months,
            "max_stay_window_months": data.max_stay_window_months,
            "min_weekly_hours": data.min_weekly_hours,
            "cap_per_season": data.cap_per_season,
            "cooling_off_days": data.cooling_off_days,
            "named_returning_allowed": data.named_returning_allowed,
            "employer_pays_travel": data.employer_pays_travel,
            "cost_sharing_notes": data.cost_sharing_notes,
            "source_url": clean_web_url(data.source_url, "source_url"),
            "is_active": data.is_active,
        },
        "origins": origins,
        "occupations": occupations,
        "caps": caps,
    }


def _write_scheme(scheme: Scheme, resolved: dict[str, Any]) -> Scheme:
    for name, value in resolved["values"].items():
        setattr(scheme, name, value)
    scheme.save()
    scheme.eligible_origins.set(resolved["origins"])
    scheme.eligible_occupations.set(resolved["occupations"])
    scheme.origin_caps.all().delete()
    SchemeOriginCap.objects.bulk_create(
        SchemeOriginCap(scheme=scheme, origin=origin, cap=cap) for origin, cap in resolved["caps"].items()
    )
    return scheme


@checks_permission("labour.add_scheme", obj="destination")
def create_scheme(actor: Actor, destination: Country, data: SchemeInput) -> Scheme:
    """An official of the destination (or a steward) creates a scheme."""
    return _write_scheme(Scheme(), _resolve_scheme(data, destination, None))


@checks_permission("labour.change_scheme", obj="scheme")
def update_scheme(actor: Actor, scheme: Scheme, data: SchemeInput) -> Scheme:
    """Change a scheme's rules; its destination stays."""
    return _write_scheme(scheme, _resolve_scheme(data, scheme.destination, scheme))


@checks_permission("labour.delete_scheme", obj="scheme")
def delete_scheme(actor: Actor, scheme: Scheme) -> None:
    """Delete a scheme no vacancy uses (otherwise close it: set it inactive)."""
    if scheme.vacancies.exists():
        raise DomainError(_("Vacancies use this scheme: close it instead."), field="scheme")
    scheme.delete()


# --- recruiters and standards --------------------------------------------------------------------------------------


@checks_permission("labour.change_recruiterlicence", obj="issuing_country")
def record_recruiter_licence(
    actor: Actor,
    issuing_country: Country,
    organisation: Organisation,
    *,
    number: str,
    valid_from: date,
    valid_to: date,
    certification: str = RecruiterLicence.Certification.NONE,
    certification_expires: date | None = None,
) -> RecruiterLicence:
    """An official of the issuing country (or a steward) records a recruitment agency's licence and certification."""
    if organisation.kind != Organisation.Kind.RECRUITMENT_AGENCY:
        raise DomainError(_("Only recruitment agencies hold recruitment licences."), field="organisation")
    if not number.strip():
        raise DomainError(_("Give the licence number."), field="number")
    if valid_to < valid_from:
        raise DomainError(_("The licence ends before it starts."), field="valid_to")
    if certification not in RecruiterLicence.Certification.values:
        raise DomainError(_("Choose a certification status: none, applied or certified."), field="certification")
    if certification == RecruiterLicence.Certification.CERTIFIED and certification_expires is None:
        raise DomainError(_("Give the date the certification expires."), field="certification_expires")
    licence, _created = RecruiterLicence.objects.update_or_create(
        issuing_country=issuing_country,
        number=number.strip(),
        defaults={
            "organisation": organisation,
            "valid_from": valid_from,
            "valid_to": valid_to,
            "certification": certification,
            "certification_expires": certification_expires,
        },
    )
    if licence.organisation_id != organisation.pk:
        raise DomainError(_("This licence number belongs to another agency."), field="number")
    return licence


@checks_permission("labour.change_labourstandard")
def record_labour_standard(
    actor: Actor,
    country_code: str,
    *,
    valid_from: date,
    source: str,
    minimum_wage: Decimal | None = None,
    currency_code: str | None = None,
    wage_period: str = WagePeriod.HOUR,
    max_weekly_hours: int | None = None,
    source_url: str = "",
    verified: bool = False,
) -> LabourStandard:
    """A steward records a country's minimum wage and legal weekly hours, with the source."""
    where = _country(country_code, "country")
    if minimum_wage is not None and minimum_wage <= 0:
        raise DomainError(_("The minimum wage must be more than zero."), field="minimum_wage")
    money = _currency(currency_code, "currency") if currency_code else None
    if minimum_wage is not None and money is None:
        raise DomainError(_("Give the currency of the minimum wage."), field="currency")
    if wage_period not in WagePeriod.values:
        raise DomainError(_("Choose a wage period: hour, week, month or year."), field="wage_period")
    _in_range(max_weekly_hours, 1, MAX_WEEKLY_HOURS, "max_weekly_hours")
    if not source.strip():
        raise DomainError(_("Give the source of the standard."), field="source")
    source_url = clean_web_url(source_url, "source_url")
    standard, _created = LabourStandard.objects.update_or_create(
        country=where,
        valid_from=valid_from,
        defaults={
            "minimum_wage": minimum_wage,
            "currency": money,
            "wage_period": wage_period,
            "max_weekly_hours": max_weekly_hours,
            "source": source.strip(),
            "source_url": source_url,
            "verified": verified,
        },
    )
    return standard
