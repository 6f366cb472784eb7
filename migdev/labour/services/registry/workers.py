"""Writes of the registry: worker profiles and their consents."""

import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import Actor, record_audit
from migdev.core.errors import DomainError
from migdev.core.models import (
    Country,
    EscoOccupation,
    EscoSkill,
    Language,
    Sex,
)
from migdev.labour.models import (
    Consent,
    Isced,
    Scheme,
    WorkerLanguage,
    WorkerOccupation,
    WorkerProfile,
    WorkerSkill,
)
from migdev.labour.services.registry.references import (
    MINIMUM_AGE,
    PSEUDONYM_ALPHABET,
    _cefr,
    _country,
    _get,
    _in_range,
    _language,
    _occupation,
    _skill,
    _unique,
)

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
