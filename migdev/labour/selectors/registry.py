"""Reads of the labour exchange: registry (worker profiles, pseudonymous profiles, vacancies, candidates, schemes).

Employers see a worker's pseudonymous profile (no name, birth date or contact) until the worker accepts one of
their invitations; every read of a worker's full record by anyone but the worker is audited.
"""

from dataclasses import dataclass, field
from datetime import date

import rules
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.services import Actor, record_audit
from migdev.core.errors import DomainError, NotFound, PermissionDenied
from migdev.core.models import Country, EscoOccupation, EscoOccupationSkill
from migdev.labour import compliance, eligibility
from migdev.labour.models import (
    Cefr,
    Consent,
    Invitation,
    Isced,
    Placement,
    RecruiterLicence,
    Scheme,
    Vacancy,
    VacancySkill,
    WorkerProfile,
)


def _allowed(permission: str, viewer: Actor, obj: object) -> bool:
    return bool(rules.has_perm(permission, viewer, obj) or getattr(viewer, "is_superuser", False))


def country_by_code(code: str, field: str = "country") -> Country:
    found = Country.objects.filter(pk=(code or "").upper()).first()
    if found is None:
        raise DomainError(_("Unknown country code (ISO 3166-1 alpha-3): %(code)s") % {"code": code}, field=field)
    return found


def organisation_by_id(organisation_id: int, field: str = "organisation") -> Organisation:
    found = Organisation.objects.select_related("country").filter(pk=organisation_id).first()
    if found is None:
        raise NotFound(_("No such organisation."), field=field)
    return found


def approved_organisation_by_id(organisation_id: int, field: str = "organisation") -> Organisation:
    """An organisation the public may see: one pending or rejected is "not found", as a missing id, so the public
    cannot enumerate the organisations that asked to join."""
    found = organisation_by_id(organisation_id, field)
    if found.status != Organisation.Status.APPROVED:
        raise NotFound(_("No such organisation."), field=field)
    return found


def _person(user: Actor) -> User | None:
    return user if isinstance(user, User) and user.is_authenticated else None


def employer_organisations(user: Actor) -> QuerySet[Organisation]:
    """The approved employers the user is a member of."""
    person = _person(user)
    if person is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=person, status=Organisation.Status.APPROVED, kind=Organisation.Kind.EMPLOYER
    ).order_by("name")


def agency_organisations(user: Actor) -> QuerySet[Organisation]:
    """The approved sending or recruitment agencies the user is a member of."""
    person = _person(user)
    if person is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=person,
        status=Organisation.Status.APPROVED,
        kind__in=[Organisation.Kind.SENDING_AGENCY, Organisation.Kind.RECRUITMENT_AGENCY],
    ).order_by("name")


# --- workers -------------------------------------------------------------------------------------------------------


def _workers() -> QuerySet[WorkerProfile]:
    return WorkerProfile.objects.select_related(
        "user", "sex", "nationality__subregion", "residence", "sending_agency"
    ).prefetch_related(
        "languages__language",
        "occupations__occupation__isco_group",
        "skills__skill",
        "preferred_destinations",
        "preferred_schemes",
    )


def worker_profile_of(user: Actor) -> WorkerProfile | None:
    """The signed-in person's own worker profile, if any."""
    person = _person(user)
    if person is None:
        return None
    return _workers().filter(user=person).first()


def worker_by_pseudonym(pseudonym: str) -> WorkerProfile:
    found = _workers().filter(pseudonym=pseudonym).first()
    if found is None:
        raise NotFound(_("No worker with this pseudonym."), field="pseudonym")
    return found


@dataclass(frozen=True)
class LanguageLevel:
    code: str
    name: str
    level: str


@dataclass(frozen=True)
class HeldOccupation:
    uri: str
    label: str
    isco: str
    years: int


@dataclass(frozen=True)
class PseudonymousProfile:
    """What an employer sees of a worker before the worker accepts an invitation: no name, birth date or contact."""

    pseudonym: str
    region: str
    education: int | None
    education_label: str
    occupations: list[HeldOccupation]
    skills: list[str]
    skill_labels: list[str]
    languages: list[LanguageLevel]


@dataclass(frozen=True)
class WorkerRecord:
    """A worker's full record, for the worker, their agency with consent, stewards and employers they accepted."""

    worker: WorkerProfile
    profile: PseudonymousProfile
    name: str
    email: str
    consents: list[Consent]
    placements: list[Placement]
    invitations: list[Invitation]


def pseudonymous_profile(worker: WorkerProfile) -> PseudonymousProfile:
    subregion = worker.nationality.subregion
    return PseudonymousProfile(
        pseudonym=worker.pseudonym,
        region=subregion.name if subregion else "",
        education=worker.education,
        education_label=str(Isced(worker.education).label) if worker.education is not None else "",
        occupations=[
            HeldOccupation(
                o.occupation.uri, o.occupation.preferred_label, o.occupation.isco_group_id, o.years_experience
            )
            for o in worker.occupations.all()
        ],
        skills=sorted(s.skill.uri for s in worker.skills.all()),
        skill_labels=sorted(s.skill.preferred_label for s in worker.skills.all()),
        languages=[
            LanguageLevel(lang.language_id, lang.language.name, Cefr(lang.level).label)
            for lang in worker.languages.all()
        ],
    )


def may_view_full_record(viewer: Actor, worker: WorkerProfile) -> bool:
    return _allowed("labour.view_workerprofile", viewer, worker)


def worker_record(viewer: Actor, worker: WorkerProfile) -> WorkerRecord:
    """A worker's full record, if the rules allow; a read by anyone but the worker is audited."""
    if not may_view_full_record(viewer, worker):
        raise PermissionDenied(_("You may not view this worker's full record."), field="pseudonym")
    if getattr(viewer, "pk", None) != worker.user_id:
        record_audit(viewer, AuditEvent.Action.READ, worker.user, worker, [])
    user = worker.user
    return WorkerRecord(
        worker=worker,
        profile=pseudonymous_profile(worker),
        name=user.get_full_name(),
        email=user.email,
        consents=list(worker.consents.select_related("organisation")),
        placements=list(worker.placements.select_related("vacancy__employer", "vacancy__destination")),
        invitations=list(worker.invitations.select_related("vacancy__employer")),
    )


def agency_pool(viewer: Actor, agency: Organisation) -> list[tuple[WorkerProfile, bool]]:
    """The workers of a sending agency's pool, with whether each lets the agency edit their profile."""
    if not _allowed("labour.view_agency_pool", viewer, agency):
        raise PermissionDenied(_("You may not see this agency's pool."), field="agency")
    consenting = set(
        Consent.objects.filter(
            purpose=Consent.Purpose.AGENCY_EDIT, organisation=agency, withdrawn_at__isnull=True
        ).values_list("worker_id", flat=True)
    )
    workers = _workers().filter(sending_agency=agency, erased_at__isnull=True).order_by("pseudonym")
    return [(worker, worker.pk in consenting) for worker in workers]


def workers_of_country(viewer: Actor, country: Country) -> QuerySet[WorkerProfile]:
    """Workers of a country's nationality (pseudonymous lists for its officials)."""
    if not _allowed("labour.view_country_registry", viewer, country):
        raise PermissionDenied(_("You may not see this country's registry."), field="country")
    return _workers().filter(nationality=country, erased_at__isnull=True).order_by("pseudonym")


def consents_of(worker: WorkerProfile) -> QuerySet[Consent]:
    return worker.consents.select_related("organisation").order_by("-given_at")


# --- vacancies -----------------------------------------------------------------------------------------------------


def _vacancies() -> QuerySet[Vacancy]:
    return Vacancy.objects.select_related(
        "employer", "destination", "wage_currency", "occupation", "isco_group", "scheme__destination", "recruiter"
    ).prefetch_related(
        "contract_languages",
        "cost_terms",
        "languages__language",
        Prefetch("skills", queryset=VacancySkill.objects.select_related("skill").order_by("-essential", "skill_id")),
        "scheme__eligible_occupations",
    )


def may_see_vacancy(viewer: Actor, vacancy: Vacancy) -> bool:
    """Published vacancies are public; others only for the employer, the destination's officials and stewards, and
    whoever may see one of its placements (the worker, the recruiter, the worker's agency, the officials of the
    worker's country), who keep reading the terms the worker was hired on after the vacancy closes: every page that
    links a placement to its vacancy's terms must lead somewhere."""
    if vacancy.state in (Vacancy.State.PUBLISHED, Vacancy.State.FILLED):
        return True
    if _allowed("labour.close_vacancy", viewer, vacancy):
        return True
    if not isinstance(viewer, User) or not viewer.is_authenticated:
        return False
    placements = vacancy.placements.select_related(
        "worker__user", "worker__nationality", "worker__sending_agency", "vacancy__employer", "recruiter"
    )
    return any(_allowed("labour.view_placement", viewer, placement) for placement in placements)


def vacancy_by_id(viewer: Actor, vacancy_id: int) -> Vacancy:
    """A vacancy the viewer may see (another employer's draft is reported as not found)."""
    found = _vacancies().filter(pk=vacancy_id).first()
    if found is None or not may_see_vacancy(viewer, found):
        raise NotFound(_("No such vacancy."), field="id")
    return found


def published_vacancies(
    *, destination: str = "", isco: str = "", scheme: str = "", query: str = "", summary: bool = False
) -> QuerySet[Vacancy]:
    """The public list of published vacancies, newest first, with optional filters; `summary` reads only what a
    list of titles, occupations, destinations, schemes and wages shows (no skills, costs or languages)."""
    rows = Vacancy.objects.select_related("destination", "occupation", "scheme") if summary else _vacancies()
    found = rows.filter(state=Vacancy.State.PUBLISHED)
    if destination:
        found = found.filter(destination_id=destination.upper())
    if isco:
        found = found.filter(isco_group__code__startswith=isco)
    if scheme:
        found = found.filter(scheme__code=scheme)
    if query:
        found = found.filter(Q(title__icontains=query) | Q(occupation__preferred_label__icontains=query))
    return found.order_by("-published_at", "-pk")


def vacancies_of_user(user: Actor) -> QuerySet[Vacancy]:
    """The vacancies of every employer the user is a member of."""
    return _vacancies().filter(employer__in=employer_organisations(user)).order_by("-created_at", "-pk")


def vacancies_of_country(viewer: Actor, country: Country) -> QuerySet[Vacancy]:
    """Every vacancy with the country as destination, for its officials."""
    if not _allowed("labour.view_country_registry", viewer, country):
        raise PermissionDenied(_("You may not see this country's registry."), field="country")
    return _vacancies().filter(destination=country).order_by("-created_at", "-pk")


@dataclass(frozen=True)
class VacancyStatus:
    vacancy: Vacancy
    failures: list[compliance.Failure]


def with_compliance(vacancies: "QuerySet[Vacancy] | list[Vacancy]") -> list[VacancyStatus]:
    rows = list(vacancies)
    reference = compliance.Reference(rows)
    return [VacancyStatus(v, compliance.check_vacancy(v, reference)) for v in rows]


def occupation_skills(occupation: EscoOccupation) -> QuerySet[EscoOccupationSkill]:
    """ESCO's skills of an occupation, essential first, to default a vacancy's skills."""
    return (
        EscoOccupationSkill.objects.filter(occupation=occupation).select_related("skill").order_by("relation", "skill")
    )


# --- candidates, eligibility and invitations -----------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """An eligible worker for a vacancy, seen by pseudonym, ranked by the share of essential skills held."""

    profile: PseudonymousProfile
    essential_held: int
    essential_total: int
    invitation: str = ""

    @property
    def coverage(self) -> float:
        return self.essential_held / self.essential_total if self.essential_total else 1.0


def candidates(viewer: Actor, vacancy: Vacancy, limit: int = 50) -> list[Candidate]:
    """Eligible workers who consent to matching, ranked by essential-skill coverage (then experience, pseudonym)."""
    if not _allowed("labour.view_vacancy_candidates", viewer, vacancy):
        raise PermissionDenied(_("You may not see this vacancy's candidates."), field="id")
    pool = list(
        _workers()
        .filter(
            erased_at__isnull=True,
            is_available=True,
            consents__purpose=Consent.Purpose.MATCHING,
            consents__withdrawn_at__isnull=True,
        )
        .distinct()
    )
    results = eligibility.check_many(pool, [vacancy])
    essential = {s.skill_id for s in vacancy.skills.all() if s.essential}
    invited = dict(vacancy.invitations.values_list("worker_id", "status"))
    found = []
    for worker in pool:
        if not results[(worker.pk, vacancy.pk)].eligible:
            continue
        held = len(essential & {s.skill_id for s in worker.skills.all()})
        found.append(
            (
                worker,
                Candidate(pseudonymous_profile(worker), held, len(essential), invited.get(worker.pk, "")),
            )
        )
    found.sort(key=lambda pair: (-pair[1].coverage, pair[0].pseudonym))
    return [candidate for _worker, candidate in found[:limit]]


@dataclass(frozen=True)
class VacancyForWorker:
    vacancy: Vacancy
    result: eligibility.Eligibility


def vacancies_for_worker(worker: WorkerProfile, on_date: date | None = None) -> list[VacancyForWorker]:
    """Every published vacancy with the worker's eligibility and reasons; eligible ones first."""
    vacancies = list(published_vacancies())
    results = eligibility.check_many([worker], vacancies, on_date)
    rows = [VacancyForWorker(v, results[(worker.pk, v.pk)]) for v in vacancies]
    rows.sort(key=lambda row: (not row.result.eligible, row.vacancy.start_date))
    return rows


def eligibility_for(viewer: Actor, worker: WorkerProfile, vacancy: Vacancy) -> eligibility.Eligibility:
    """A worker's eligibility for a vacancy, for the worker, their agency, the employer and officials."""
    allowed = (
        getattr(viewer, "pk", None) == worker.user_id
        or _allowed("labour.view_vacancy_candidates", viewer, vacancy)
        or _allowed("labour.view_workerprofile", viewer, worker)
    )
    if not allowed:
        raise PermissionDenied(_("You may not check this worker's eligibility."), field="worker")
    return eligibility.check(worker, vacancy)


def invitations_of_worker(worker: WorkerProfile) -> QuerySet[Invitation]:
    return worker.invitations.select_related("vacancy__employer", "vacancy__destination").order_by("-created_at")


def invitations_of_vacancy(viewer: Actor, vacancy: Vacancy) -> QuerySet[Invitation]:
    if not _allowed("labour.view_vacancy_candidates", viewer, vacancy):
        raise PermissionDenied(_("You may not see this vacancy's invitations."), field="id")
    return vacancy.invitations.select_related("worker").order_by("-created_at")


def invitation_by_id(viewer: Actor, invitation_id: int) -> Invitation:
    """An invitation the viewer is party to (the worker or the employer); others are reported as not found."""
    found = Invitation.objects.select_related("vacancy__employer", "worker").filter(pk=invitation_id).first()
    if found is None or not (
        getattr(viewer, "pk", None) == found.worker.user_id
        or _allowed("labour.view_vacancy_candidates", viewer, found.vacancy)
    ):
        raise NotFound(_("No such invitation."), field="id")
    return found


# --- schemes and licences ------------------------------------------------------------------------------------------


def schemes(*, destination: str = "", active_only: bool = False) -> QuerySet[Scheme]:
    found = Scheme.objects.select_related("destination", "agreement").prefetch_related(
        "eligible_origins", "eligible_occupations", "origin_caps__origin"
    )
    if destination:
        found = found.filter(destination_id=destination.upper())
    if active_only:
        found = found.filter(is_active=True)
    return found.order_by("name")


def scheme_by_id(scheme_id: int) -> Scheme:
    found = schemes().filter(pk=scheme_id).first()
    if found is None:
        raise NotFound(_("No such scheme."), field="id")
    return found


def schemes_managed_by(user: Actor) -> QuerySet[Scheme]:
    """The schemes of the countries the user is an official for (every scheme for stewards)."""
    if getattr(user, "is_steward", False) or getattr(user, "is_superuser", False):
        return schemes()
    if not getattr(user, "is_authenticated", False):
        return Scheme.objects.none()
    return schemes().filter(destination__in=user.official_countries.all())  # type: ignore[union-attr]


def official_countries(user: Actor) -> QuerySet[Country]:
    if not getattr(user, "is_authenticated", False):
        return Country.objects.none()
    return user.official_countries.order_by("name")  # type: ignore[union-attr]


def scheme_destinations(user: Actor) -> QuerySet[Country]:
    """The countries the user may create schemes for: their official countries (every country for stewards)."""
    if getattr(user, "is_steward", False) or getattr(user, "is_superuser", False):
        return Country.objects.order_by("name")
    return official_countries(user)


def licences_of(organisation: Organisation) -> QuerySet[RecruiterLicence]:
    return (
        RecruiterLicence.objects.filter(organisation=organisation)
        .select_related("issuing_country")
        .order_by("-valid_to")
    )


@dataclass
class CountryRegistry:
    country: Country
    vacancies: list[VacancyStatus] = field(default_factory=list)
    workers: list[PseudonymousProfile] = field(default_factory=list)
    schemes: list[Scheme] = field(default_factory=list)


def country_registry(viewer: Actor, country: Country) -> CountryRegistry:
    """An official's view of a country: the vacancies with it as destination, its nationals, its schemes."""
    return CountryRegistry(
        country=country,
        vacancies=with_compliance(vacancies_of_country(viewer, country)),
        workers=[pseudonymous_profile(w) for w in workers_of_country(viewer, country)],
        schemes=list(schemes(destination=country.pk)),
    )


def user_by_id(user_id: int) -> User:
    found = User.objects.filter(pk=user_id).first()
    if found is None:
        raise NotFound(_("No such person."), field="id")
    return found
