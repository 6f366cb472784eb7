"""Whether a worker may take a vacancy (under its scheme): one function, with a reason for every refusal.

`check(worker, vacancy)` answers for one pair; `eligible_pairs(workers, vacancies)` answers for many with a fixed
number of queries, for candidate lists and the matching engine. Both apply the same rules (`_reasons`) to the
same facts, read once from the database.

Rules: the vacancy is published and compliant; the worker reads a contract language (CEFR B1 or better); the
scheme is open, admits the worker's nationality and the vacancy's occupation (an ISCO-08 group at any level covers
the unit groups under it); the contract falls in the season window; the worker is available on the start date;
the stays in the destination (past placements from arrival to return, planned ones from start to contract end)
stay within the scheme's maximum ("7 months in any 11"); the cooling-off period since the last return has passed;
the season cap and the origin's cap are not reached (placements accepted or further count); languages, education
and experience meet the vacancy's minimums; the vacancy's recruiter holds a valid licence.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.engines.labour.registry_rules import contract_end, longest_stay, within_season
from migdev.labour.compliance import Failure, Reference, check_vacancy, recruiter_may_place
from migdev.labour.models import Cefr, Isced, Placement, RecruiterLicence, Vacancy, WorkerProfile

# The level at which a worker is taken to read a contract in a language (CEFR B1: "can understand texts that
# consist mainly of high frequency everyday or job-related language").
CONTRACT_READING_LEVEL = Cefr.B1

# Placements that take a place in a season (and count against caps) once the worker has accepted them.
COUNTED_STATES = frozenset(
    {
        Placement.State.ACCEPTED,
        Placement.State.CONTRACT_ORIGIN,
        Placement.State.DEPARTED,
        Placement.State.ARRIVED,
        Placement.State.CONTRACT_DESTINATION,
        Placement.State.COMPLETED,
        Placement.State.RETURNED,
        Placement.State.TERMINATED,
        Placement.State.ABSCONDED,
    }
)

# Compliance failures the eligibility rules report in their own words.
_REPORTED_AS_RULES = {
    "scheme_occupation",
    "scheme_season",
    "scheme_inactive",
    "scheme_max_stay",
    "recruiter_licence",
}


@dataclass(frozen=True)
class Reason:
    """Why a worker may not take a vacancy: a stable code and a message for people."""

    code: str
    message: str


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    reasons: list[Reason]


@dataclass
class _Stay:
    first: date
    last: date
    vacancy_id: int


@dataclass
class _WorkerFacts:
    id: int
    nationality: str
    nationality_name: str
    languages: dict[str, int]
    education: int | None
    experience: dict[str, int]  # ISCO unit group -> most years in an occupation of it
    available_from: date | None
    available_to: date | None
    is_available: bool
    erased: bool
    stays: dict[str, list[_Stay]] = field(default_factory=dict)  # destination -> stays
    returns: dict[str, list[tuple[date, int]]] = field(default_factory=dict)  # destination -> (returned on, vacancy)
    counted: set[tuple[int, int]] = field(default_factory=set)  # (scheme, season) where the worker holds a place


@dataclass
class _SchemeFacts:
    id: int
    name: str
    is_active: bool
    origins: set[str]
    occupation_codes: list[str]
    season: tuple[int, int] | None
    max_stay: tuple[int, int] | None  # (months, in any window of months)
    cooling_off_days: int
    cap_per_season: int | None
    origin_caps: dict[str, int]


@dataclass
class _VacancyFacts:
    id: int
    published: bool
    failures: list[Failure]
    isco: str
    start: date
    end: date
    months: int
    season: int
    destination: str
    languages: list[tuple[str, str, int]]  # (code, name, minimum level)
    contract_languages: dict[str, str]  # code -> name
    min_education: int | None
    min_experience: int
    recruiter: object | None
    scheme: _SchemeFacts | None
    recruiter_licences: list[RecruiterLicence] = field(default_factory=list)


@dataclass
class _Counts:
    """Places taken per (scheme, season) and per (scheme, season, origin)."""

    season: dict[tuple[int, int], int]
    origin: dict[tuple[int, int, str], int]


# --- reading the facts ---------------------------------------------------------------------------------------------


def _stay_of(placement: Placement, on: date) -> tuple[date, date] | None:
    if placement.arrived_on is not None:
        last = placement.returned_on or placement.completed_on or placement.due_return_on or on
        return placement.arrived_on, max(last, placement.arrived_on)
    vacancy = placement.vacancy
    return vacancy.start_date, contract_end(vacancy.start_date, vacancy.contract_months)


def _worker_queryset(workers: Iterable[WorkerProfile] | None = None) -> "Iterable[WorkerProfile]":
    placements = Placement.objects.filter(state__in=COUNTED_STATES).select_related("vacancy")
    queryset = WorkerProfile.objects.select_related("nationality").prefetch_related(
        "languages",
        "occupations__occupation",
        Prefetch("placements", queryset=placements, to_attr="counted_placements"),
    )
    if workers is not None:
        queryset = queryset.filter(pk__in=[w.pk for w in workers])
    return queryset


def _worker_facts(worker: WorkerProfile, on: date) -> _WorkerFacts:
    experience: dict[str, int] = {}
    for held in worker.occupations.all():
        code = held.occupation.isco_group_id
        experience[code] = max(experience.get(code, 0), held.years_experience)
    facts = _WorkerFacts(
        id=worker.pk,
        nationality=worker.nationality_id,
        nationality_name=worker.nationality.name,
        languages={known.language_id: known.level for known in worker.languages.all()},
        education=worker.education,
        experience=experience,
        available_from=worker.available_from,
        available_to=worker.available_to,
        is_available=worker.is_available,
        erased=worker.erased_at is not None,
    )
    for placement in getattr(worker, "counted_placements", []):
        vacancy = placement.vacancy
        stay = _stay_of(placement, on)
        if stay is not None:
            facts.stays.setdefault(vacancy.destination_id, []).append(_Stay(stay[0], stay[1], vacancy.pk))
        if placement.returned_on is not None:
            facts.returns.setdefault(vacancy.destination_id, []).append((placement.returned_on, vacancy.pk))
        if vacancy.scheme_id is not None:
            facts.counted.add((vacancy.scheme_id, placement.season))
    return facts


def _vacancy_queryset(vacancies: Iterable[Vacancy] | None = None) -> "Iterable[Vacancy]":
    queryset = Vacancy.objects.select_related(
        "destination", "scheme__destination", "recruiter", "isco_group", "wage_currency"
    ).prefetch_related(
        "languages__language",
        "contract_languages",
        "cost_terms",
        "scheme__eligible_origins",
        "scheme__eligible_occupations",
        "scheme__origin_caps",
    )
    if vacancies is not None:
        queryset = queryset.filter(pk__in=[v.pk for v in vacancies])
    return queryset


def _scheme_facts(vacancy: Vacancy) -> _SchemeFacts | None:
    scheme = vacancy.scheme
    if scheme is None:
        return None
    season = (
        (scheme.season_start_month, scheme.season_end_month)
        if scheme.season_start_month and scheme.season_end_month
        else None
    )
    max_stay = (
        (scheme.max_stay_months, scheme.max_stay_window_months)
        if scheme.max_stay_months and scheme.max_stay_window_months
        else None
    )
    return _SchemeFacts(
        id=scheme.pk,
        name=scheme.name,
        is_active=scheme.is_active,
        origins={country.pk for country in scheme.eligible_origins.all()},
        occupation_codes=[group.code for group in scheme.eligible_occupations.all()],
        season=season,
        max_stay=max_stay,
        cooling_off_days=scheme.cooling_off_days,
        cap_per_season=scheme.cap_per_season,
        origin_caps={cap.origin_id: cap.cap for cap in scheme.origin_caps.all()},
    )


def _vacancy_facts(vacancy: Vacancy, reference: Reference | None = None) -> _VacancyFacts:
    reference = reference or Reference([vacancy])
    return _VacancyFacts(
        id=vacancy.pk,
        published=vacancy.state == Vacancy.State.PUBLISHED,
        failures=check_vacancy(vacancy, reference),
        isco=vacancy.isco_group_id,
        start=vacancy.start_date,
        end=contract_end(vacancy.start_date, vacancy.contract_months),
        months=vacancy.contract_months,
        season=vacancy.start_date.year,
        destination=vacancy.destination_id,
        languages=[(need.language_id, need.language.name, need.min_level) for need in vacancy.languages.all()],
        contract_languages={language.pk: language.name for language in vacancy.contract_languages.all()},
        min_education=vacancy.min_education,
        min_experience=vacancy.min_experience_years,
        recruiter=vacancy.recruiter,
        recruiter_licences=reference.licences_of(vacancy.recruiter_id) if vacancy.recruiter_id else [],
        scheme=_scheme_facts(vacancy),
    )


def _counts(scheme_ids: set[int]) -> _Counts:
    rows = (
        Placement.objects.filter(vacancy__scheme_id__in=scheme_ids, state__in=COUNTED_STATES)
        .values("vacancy__scheme_id", "season", "worker__nationality_id")
        .annotate(n=Count("pk"))
    )
    season: dict[tuple[int, int], int] = defaultdict(int)
    origin: dict[tuple[int, int, str], int] = defaultdict(int)
    for row in rows:
        season[(row["vacancy__scheme_id"], row["season"])] += row["n"]
        origin[(row["vacancy__scheme_id"], row["season"], row["worker__nationality_id"])] += row["n"]
    return _Counts(season=dict(season), origin=dict(origin))


# --- the rules -----------------------------------------------------------------------------------------------------


def _scheme_reasons(worker: _WorkerFacts, vacancy: _VacancyFacts, counts: _Counts) -> list[Reason]:
    scheme = vacancy.scheme
    if scheme is None:
        return []
    reasons = []
    if not scheme.is_active:
        reasons.append(Reason("scheme_inactive", _("%(scheme)s is closed.") % {"scheme": scheme.name}))
    if worker.nationality not in scheme.origins:
        reasons.append(
            Reason(
                "origin_not_eligible",
                _("%(scheme)s does not admit nationals of %(country)s.")
                % {"scheme": scheme.name, "country": worker.nationality_name},
            )
        )
    if scheme.occupation_codes and not any(vacancy.isco.startswith(code) for code in scheme.occupation_codes):
        reasons.append(
            Reason(
                "occupation_not_eligible",
                _("%(scheme)s does not cover the occupation (ISCO-08 %(code)s).")
                % {"scheme": scheme.name, "code": vacancy.isco},
            )
        )
    if scheme.season is not None and not within_season(*scheme.season, vacancy.start.month, vacancy.months):
        reasons.append(
            Reason(
                "outside_season",
                _("The contract (%(start)s to %(end)s) runs outside the season (months %(from)s to %(to)s).")
                % {
                    "start": vacancy.start.isoformat(),
                    "end": vacancy.end.isoformat(),
                    "from": scheme.season[0],
                    "to": scheme.season[1],
                },
            )
        )
    if scheme.max_stay is not None:
        stays = [(s.first, s.last) for s in worker.stays.get(vacancy.destination, []) if s.vacancy_id != vacancy.id]
        worst = longest_stay([*stays, (vacancy.start, vacancy.end)], *scheme.max_stay)
        if worst is not None and worst.exceeded:
            reasons.append(
                Reason(
                    "max_stay",
                    _(
                        "With this contract the worker would stay %(days)s days in the %(window)s months from "
                        "%(start)s, more than the %(months)s months (%(allowed)s days) the scheme allows."
                    )
                    % {
                        "days": worst.days_stayed,
                        "window": scheme.max_stay[1],
                        "start": worst.window_start.isoformat(),
                        "months": scheme.max_stay[0],
                        "allowed": worst.days_allowed,
                    },
                )
            )
    if scheme.cooling_off_days:
        returns = [day for day, vacancy_id in worker.returns.get(vacancy.destination, []) if vacancy_id != vacancy.id]
        last_return = max((day for day in returns if day <= vacancy.start), default=None)
        if last_return is not None and (vacancy.start - last_return).days < scheme.cooling_off_days:
            reasons.append(
                Reason(
                    "cooling_off",
                    _("The worker returned on %(returned)s; the scheme asks for %(days)s days before %(next)s.")
                    % {
                        "returned": last_return.isoformat(),
                        "days": scheme.cooling_off_days,
                        "next": (last_return + timedelta(days=scheme.cooling_off_days)).isoformat(),
                    },
                )
            )
    already_counted = (scheme.id, vacancy.season) in worker.counted
    if scheme.cap_per_season is not None and not already_counted:
        taken = counts.season.get((scheme.id, vacancy.season), 0)
        if taken >= scheme.cap_per_season:
            reasons.append(
                Reason(
                    "season_cap",
                    _("The %(season)s season of %(scheme)s is full (%(taken)s of %(cap)s places taken).")
                    % {"season": vacancy.season, "scheme": scheme.name, "taken": taken, "cap": scheme.cap_per_season},
                )
            )
    origin_cap = scheme.origin_caps.get(worker.nationality)
    if origin_cap is not None and not already_counted:
        taken = counts.origin.get((scheme.id, vacancy.season, worker.nationality), 0)
        if taken >= origin_cap:
            reasons.append(
                Reason(
                    "origin_cap",
                    _("The %(season)s places of %(scheme)s for nationals of %(country)s are taken (%(cap)s).")
                    % {
                        "season": vacancy.season,
                        "scheme": scheme.name,
                        "country": worker.nationality_name,
                        "cap": origin_cap,
                    },
                )
            )
    return reasons


def _worker_reasons(worker: _WorkerFacts, vacancy: _VacancyFacts) -> list[Reason]:
    reasons = []
    if worker.erased:
        reasons.append(Reason("worker_erased", _("The worker's profile was erased.")))
    if not worker.is_available:
        reasons.append(Reason("not_available", _("The worker is not looking for work.")))
    elif (worker.available_from is not None and worker.available_from > vacancy.start) or (
        worker.available_to is not None and worker.available_to < vacancy.start
    ):
        reasons.append(
            Reason(
                "not_available",
                _("The worker is available from %(from)s to %(to)s, which does not cover the start on %(start)s.")
                % {
                    "from": worker.available_from.isoformat() if worker.available_from else "…",
                    "to": worker.available_to.isoformat() if worker.available_to else "…",
                    "start": vacancy.start.isoformat(),
                },
            )
        )
    if vacancy.contract_languages and not any(
        worker.languages.get(code, 0) >= CONTRACT_READING_LEVEL for code in vacancy.contract_languages
    ):
        reasons.append(
            Reason(
                "contract_language",
                _("The contract is written in %(languages)s, which the worker does not read (CEFR B1 or better).")
                % {"languages": ", ".join(sorted(vacancy.contract_languages.values()))},
            )
        )
    for code, name, minimum in vacancy.languages:
        level = worker.languages.get(code)
        if level is None or level < minimum:
            reasons.append(
                Reason(
                    "language_level",
                    _("The vacancy asks for %(language)s at CEFR %(needed)s or better; the worker has %(has)s.")
                    % {
                        "language": name,
                        "needed": Cefr(minimum).label,
                        "has": Cefr(level).label if level else _("none"),
                    },
                )
            )
    if vacancy.min_education is not None and (worker.education is None or worker.education < vacancy.min_education):
        reasons.append(
            Reason(
                "education",
                _("The vacancy asks for at least %(level)s (ISCED %(code)s).")
                % {"level": Isced(vacancy.min_education).label, "code": vacancy.min_education},
            )
        )
    if vacancy.min_experience and worker.experience.get(vacancy.isco, 0) < vacancy.min_experience:
        reasons.append(
            Reason(
                "experience",
                _("The vacancy asks for %(years)s years of experience in ISCO-08 %(code)s; the worker has %(has)s.")
                % {
                    "years": vacancy.min_experience,
                    "code": vacancy.isco,
                    "has": worker.experience.get(vacancy.isco, 0),
                },
            )
        )
    return reasons


def _vacancy_reasons(vacancy: _VacancyFacts, on: date) -> list[Reason]:
    reasons = []
    if not vacancy.published:
        reasons.append(Reason("vacancy_not_published", _("The vacancy is not published.")))
    for failure in vacancy.failures:
        if failure.code not in _REPORTED_AS_RULES:
            reasons.append(Reason("vacancy_not_compliant", failure.message))
    if vacancy.recruiter is not None:
        for message in recruiter_may_place(vacancy.recruiter, on, vacancy.recruiter_licences):  # type: ignore[arg-type]
            reasons.append(Reason("recruiter_licence", message))
    return reasons


def _reasons(worker: _WorkerFacts, vacancy: _VacancyFacts, counts: _Counts, on: date) -> list[Reason]:
    return [
        *_vacancy_reasons(vacancy, on),
        *_scheme_reasons(worker, vacancy, counts),
        *_worker_reasons(worker, vacancy),
    ]


# --- the public functions ------------------------------------------------------------------------------------------


def check(worker: WorkerProfile, vacancy: Vacancy, on_date: date | None = None) -> Eligibility:
    """Whether the worker may take the vacancy on `on_date` (today by default), with a reason for every refusal."""
    on = on_date or timezone.localdate()
    worker_row = next(iter(_worker_queryset([worker])))
    vacancy_row = next(iter(_vacancy_queryset([vacancy])))
    vacancy_facts = _vacancy_facts(vacancy_row)
    counts = _counts({vacancy_row.scheme_id} if vacancy_row.scheme_id else set())
    reasons = _reasons(_worker_facts(worker_row, on), vacancy_facts, counts, on)
    return Eligibility(eligible=not reasons, reasons=reasons)


def check_many(
    workers: Iterable[WorkerProfile], vacancies: Iterable[Vacancy], on_date: date | None = None
) -> dict[tuple[int, int], Eligibility]:
    """`check` for every (worker, vacancy) pair, keyed by (worker id, vacancy id), in a fixed number of queries."""
    on = on_date or timezone.localdate()
    worker_facts = [_worker_facts(w, on) for w in _worker_queryset(list(workers))]
    vacancy_rows = list(_vacancy_queryset(list(vacancies)))
    reference = Reference(vacancy_rows)
    vacancy_facts = [_vacancy_facts(v, reference) for v in vacancy_rows]
    counts = _counts({v.scheme_id for v in vacancy_rows if v.scheme_id})
    found = {}
    for vf in vacancy_facts:
        for wf in worker_facts:
            reasons = _reasons(wf, vf, counts, on)
            found[(wf.id, vf.id)] = Eligibility(eligible=not reasons, reasons=reasons)
    return found


def eligible_pairs(
    workers: Iterable[WorkerProfile], vacancies: Iterable[Vacancy], on_date: date | None = None
) -> list[tuple[int, int]]:
    """The (worker id, vacancy id) pairs that are eligible, for the matching engine's candidate lists."""
    return sorted(pair for pair, result in check_many(workers, vacancies, on_date).items() if result.eligible)
