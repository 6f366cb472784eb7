"""Rows of the labour exchange -> matching engine inputs: settings, the rows matched, and their encoding."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from migdev.core.errors import DomainError
from migdev.core.esco_skills import esco_idf, wanted_skills
from migdev.core.models import EscoOccupation, EscoOccupationSkill
from migdev.engines.executors import Executor, LocalExecutor
from migdev.engines.matching import (
    Caps,
    Exchange,
    MatchingError,
    MatchWeights,
    Occupations,
    Vacancies,
    Workers,
)
from migdev.engines.matching import (
    eligibility as engine_eligibility,
)
from migdev.labour import eligibility, protection
from migdev.labour.models import (
    Consent,
    Placement,
    Scheme,
    SchemeOriginCap,
    Vacancy,
    VacancySkill,
    WorkerProfile,
)

COMPONENT_LABELS: dict[str, Any] = {
    "essential": _("Essential skills held"),
    "optional": _("Optional skills held"),
    "occupation": _("Occupation (ESCO / ISCO-08)"),
    "language": _("Languages (CEFR)"),
    "experience": _("Experience"),
    "education": _("Education (ISCED)"),
    "preference": _("Worker's preferred destination and scheme"),
    "returning": _("Returning worker of this employer"),
}

OPEN_FROM, OPEN_UNTIL = 0, date.max.toordinal()
SEX_CODES = {"F": 1, "M": 2}


class MatchingInputError(DomainError):
    """A matching parameter or input is out of range; `field` names it."""

    code = "invalid_matching_input"


# --- parameters ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatchSettings:
    """The declared parameters of a shortlist or a run, validated once (from a run's `parameters` JSON)."""

    weights: MatchWeights = field(default_factory=MatchWeights)
    min_score: float = 0.0
    min_female_share: float | None = None
    executor: str = "local"
    scheduler: str | None = None

    @classmethod
    def from_parameters(cls, parameters: dict[str, Any] | None) -> "MatchSettings":
        """Read and check the parameters; an unknown or out-of-range one raises MatchingInputError naming it."""
        given = dict(parameters or {})
        known = {"weights", "min_score", "min_female_share", "executor", "scheduler"}
        for name in given:
            if name not in known:
                raise MatchingInputError(_("Unknown matching parameter: %(name)s") % {"name": name}, field=name)
        try:
            weights = MatchWeights(**(given.get("weights") or {}))
        except TypeError as error:
            raise MatchingInputError(str(error), field="weights") from error
        except MatchingError as error:
            raise MatchingInputError(str(error), field=f"weights.{getattr(error, 'parameter', '')}") from error
        min_score = given.get("min_score", 0.0)
        if isinstance(min_score, bool) or not isinstance(min_score, int | float) or not 0 <= min_score <= 2:
            raise MatchingInputError(_("The minimum score must be a number from 0 to 2."), field="min_score")
        share = given.get("min_female_share")
        if share is not None and (isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1):
            raise MatchingInputError(_("The share of women must be between 0 and 1."), field="min_female_share")
        executor = given.get("executor", "local")
        if executor not in ("local", "dask"):
            raise MatchingInputError(_("The executor must be local or dask."), field="executor")
        return cls(
            weights=weights,
            min_score=float(min_score),
            min_female_share=None if share is None else float(share),
            executor=executor,
            scheduler=given.get("scheduler") or None,
        )

    def make_executor(self) -> Executor:
        """The executor the run was asked for: this process, a Dask scheduler, or a Dask LocalCluster."""
        if self.executor == "local":
            return LocalExecutor()
        from migdev.engines.executors import make_executor

        if self.scheduler:
            return make_executor("dask", scheduler=self.scheduler)
        return make_executor("dask", n_workers=1, threads_per_worker=2)


# --- rows in -------------------------------------------------------------------------------------------------------


def matchable_workers(origins: Iterable[str] | None = None) -> QuerySet[WorkerProfile]:
    """Workers who may be matched: looking for work, not erased, with their consent to matching standing."""
    found = WorkerProfile.objects.filter(
        erased_at__isnull=True,
        is_available=True,
        consents__purpose=Consent.Purpose.MATCHING,
        consents__withdrawn_at__isnull=True,
    )
    if origins is not None:
        found = found.filter(nationality_id__in=list(origins))
    return _with_worker_rows(found.distinct())


def _with_worker_rows(workers: QuerySet[WorkerProfile]) -> QuerySet[WorkerProfile]:
    return workers.select_related("sex", "nationality").prefetch_related(
        "skills", "languages", "occupations__occupation", "preferred_destinations", "preferred_schemes"
    )


def _with_vacancy_rows(vacancies: QuerySet[Vacancy]) -> QuerySet[Vacancy]:
    return vacancies.select_related("scheme", "occupation", "employer").prefetch_related(
        Prefetch("skills", queryset=VacancySkill.objects.order_by("skill_id")),
        "languages",
        "scheme__eligible_origins",
    )


def season_vacancies(scheme: Scheme, season: int) -> QuerySet[Vacancy]:
    """The scheme's published vacancies starting in the season (compliance is checked pair by pair)."""
    return _with_vacancy_rows(
        Vacancy.objects.filter(scheme=scheme, state=Vacancy.State.PUBLISHED, start_date__year=season).order_by("pk")
    )


def published_vacancies() -> QuerySet[Vacancy]:
    return _with_vacancy_rows(Vacancy.objects.filter(state=Vacancy.State.PUBLISHED).order_by("pk"))


def taken_in_season(scheme: Scheme, season: int) -> QuerySet[Placement]:
    """Placements that hold a place of the scheme's season (every state but declined, as the offer service counts)."""
    return Placement.objects.filter(
        vacancy__scheme=scheme, season=season, state__in=protection.COUNTS_AGAINST_CAPS
    ).select_related("worker")


@dataclass(frozen=True, eq=False)
class RoomExchange:
    """The engine's exchange, the rows behind each index, and the pairs the room's rules admit (row indices)."""

    exchange: Exchange
    workers: list[WorkerProfile]
    vacancies: list[Vacancy]
    skill_ids: list[int]
    countries: list[str]
    schemes: list[int | None]
    pair_worker: np.ndarray
    pair_vacancy: np.ndarray
    skipped_workers: int = 0

    @property
    def pairs(self) -> int:
        return len(self.pair_worker)

    def worker_row(self, worker: WorkerProfile) -> int:
        return next(i for i, w in enumerate(self.workers) if w.pk == worker.pk)

    def vacancy_row(self, vacancy: Vacancy) -> int:
        return next(i for i, v in enumerate(self.vacancies) if v.pk == vacancy.pk)


def _index(values: Iterable[Any]) -> dict[Any, int]:
    index: dict[Any, int] = {}
    for value in values:
        index.setdefault(value, len(index))
    return index


def _csr(rows: Sequence[Sequence[int]], n_columns: int) -> sp.csr_matrix:
    indices = np.array([c for r in rows for c in sorted(set(r))], dtype=np.int32)
    indptr = np.concatenate([[0], np.cumsum([len(set(r)) for r in rows])]).astype(np.int64)
    return sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), n_columns))


def _main_occupation(worker: WorkerProfile) -> tuple[int | None, int]:
    """The worker's occupation held longest (ESCO id) and their most years in any occupation."""
    held = sorted(worker.occupations.all(), key=lambda o: (-o.years_experience, o.pk))
    if not held:
        return None, 0
    return held[0].occupation_id, held[0].years_experience


def _returning_workers(workers: list[WorkerProfile], vacancies: list[Vacancy]) -> dict[int, int]:
    """For each vacancy whose scheme lets employers name returning workers: the worker (id) of the pool who most
    recently finished a season with its employer before its start."""
    allowed = [v for v in vacancies if v.scheme is not None and v.scheme.named_returning_allowed]
    if not allowed or not workers:
        return {}
    seasons = (
        Placement.objects.filter(
            worker__in=[w.pk for w in workers],
            vacancy__employer__in={v.employer_id for v in allowed},
            state__in=protection.FINISHED_WELL,
        )
        .values_list("vacancy__employer_id", "worker_id", "season")
        .order_by("season", "worker_id")
    )
    by_employer: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for employer_id, worker_id, season in seasons:
        by_employer[employer_id].append((season, worker_id))
    named = {}
    for vacancy in allowed:
        before = [(s, w) for s, w in by_employer.get(vacancy.employer_id, []) if s < vacancy.start_date.year]
        if before:
            named[vacancy.pk] = max(before)[1]
    return named


def build_exchange(
    workers: Iterable[WorkerProfile],
    vacancies: Iterable[Vacancy],
    *,
    season: int | None = None,
    scheme: Scheme | None = None,
    on_date: date | None = None,
) -> RoomExchange | None:
    """The engine's exchange for these rows and the pairs the room's rules admit; None if there is nothing to match.

    With a `season` (and its `scheme`), each vacancy offers only the positions not yet taken that season.
    """
    worker_rows = list(_with_worker_rows(WorkerProfile.objects.filter(pk__in=[w.pk for w in workers]).order_by("pk")))
    vacancy_rows = list(_with_vacancy_rows(Vacancy.objects.filter(pk__in=[v.pk for v in vacancies]).order_by("pk")))
    skilled = [w for w in worker_rows if w.skills.all()]
    skipped = len(worker_rows) - len(skilled)
    wanted = wanted_skills(vacancy_rows)
    vacancy_rows = [v for v in vacancy_rows if wanted[v.pk][0] or wanted[v.pk][1]]
    if not skilled or not vacancy_rows:
        return None
    admitted = eligibility.eligible_pairs(skilled, vacancy_rows, on_date)
    if not admitted:
        return None
    return _encode(skilled, vacancy_rows, wanted, admitted, season, scheme, skipped)


def _encode(
    workers: list[WorkerProfile],
    vacancies: list[Vacancy],
    wanted: dict[int, tuple[list[int], list[int]]],
    admitted: list[tuple[int, int]],
    season: int | None,
    scheme: Scheme | None,
    skipped: int,
) -> RoomExchange:
    main = {w.pk: _main_occupation(w) for w in workers}
    occupation_ids = _index([v.occupation_id for v in vacancies] + [o for o, _ in main.values() if o is not None])
    occupations = list(occupation_ids)
    profile_rows: dict[int, list[int]] = defaultdict(list)
    for occupation_id, skill_id in EscoOccupationSkill.objects.filter(occupation_id__in=occupations).values_list(
        "occupation_id", "skill_id"
    ):
        profile_rows[occupation_id].append(skill_id)
    skill_index = _index(
        [s.skill_id for w in workers for s in w.skills.all()]
        + [s for v in vacancies for part in wanted[v.pk] for s in part]
        + [s for o in occupations for s in profile_rows[o]]
    )
    n_skills = len(skill_index)
    idf = esco_idf(list(skill_index))
    isco = dict(EscoOccupation.objects.filter(pk__in=occupations).values_list("pk", "isco_group_id"))
    profiles = _csr([[skill_index[s] for s in profile_rows[o]] for o in occupations], n_skills)
    space = Occupations.from_profiles([int(isco[o]) for o in occupations], profiles, idf)

    countries = _index(
        [w.nationality_id for w in workers]
        + [c.pk for v in vacancies if v.scheme for c in v.scheme.eligible_origins.all()]
    )
    schemes = _index([v.scheme_id for v in vacancies if v.scheme_id is not None])
    no_scheme = len(schemes)
    admits = np.zeros((len(schemes) + 1, len(countries)), dtype=bool)
    admits[no_scheme, :] = True
    for vacancy in vacancies:
        if vacancy.scheme is not None:
            for country in vacancy.scheme.eligible_origins.all():
                admits[schemes[vacancy.scheme_id], countries[country.pk]] = True
    destinations = _index(
        [v.destination_id for v in vacancies] + [d.pk for w in workers for d in w.preferred_destinations.all()]
    )
    languages = _index(
        [lang.language_id for w in workers for lang in w.languages.all()]
        + [lang.language_id for v in vacancies for lang in v.languages.all()]
    )

    worker_languages = np.zeros((len(workers), len(languages)), dtype=np.int8)
    for row, worker in enumerate(workers):
        for known in worker.languages.all():
            worker_languages[row, languages[known.language_id]] = known.level
    preferred = []
    for worker in workers:
        mine = sorted(schemes[s.pk] for s in worker.preferred_schemes.all() if s.pk in schemes)
        preferred.append(mine[0] if mine else -1)
    engine_workers = Workers(
        skills=_csr([[skill_index[s.skill_id] for s in w.skills.all()] for w in workers], n_skills),
        occupation=np.array(
            [occupation_ids[main[w.pk][0]] if main[w.pk][0] is not None else -1 for w in workers], dtype=np.int32
        ),
        origin=np.array([countries[w.nationality_id] for w in workers], dtype=np.int32),
        languages=worker_languages,
        experience_years=np.array([main[w.pk][1] for w in workers], dtype=np.float32),
        education=np.array([w.education or 0 for w in workers], dtype=np.int8),
        available_from=np.array(
            [w.available_from.toordinal() if w.available_from else OPEN_FROM for w in workers], dtype=np.int64
        ),
        available_until=np.array(
            [w.available_to.toordinal() if w.available_to else OPEN_UNTIL for w in workers], dtype=np.int64
        ),
        destinations=_csr(
            [[destinations[d.pk] for d in w.preferred_destinations.all()] for w in workers], len(destinations)
        ),
        preferred_scheme=np.array(preferred, dtype=np.int32),
        sex=np.array([SEX_CODES.get(w.sex_id, 0) for w in workers], dtype=np.int8),
    )

    min_language = np.zeros((len(vacancies), len(languages)), dtype=np.int8)
    for row, vacancy in enumerate(vacancies):
        for need in vacancy.languages.all():
            min_language[row, languages[need.language_id]] = need.min_level
    worker_rows = {w.pk: i for i, w in enumerate(workers)}
    named = _returning_workers(workers, vacancies)
    engine_vacancies = Vacancies(
        essential=_csr([[skill_index[s] for s in wanted[v.pk][0]] for v in vacancies], n_skills),
        optional=_csr([[skill_index[s] for s in wanted[v.pk][1]] for v in vacancies], n_skills),
        occupation=np.array([occupation_ids[v.occupation_id] for v in vacancies], dtype=np.int32),
        destination=np.array([destinations[v.destination_id] for v in vacancies], dtype=np.int32),
        scheme=np.array([schemes.get(v.scheme_id, no_scheme) for v in vacancies], dtype=np.int32),
        positions=_positions_left(vacancies, season, scheme),
        start=np.array([v.start_date.toordinal() for v in vacancies], dtype=np.int64),
        min_language=min_language,
        min_experience_years=np.array([v.min_experience_years for v in vacancies], dtype=np.float32),
        min_education=np.array([v.min_education or 0 for v in vacancies], dtype=np.int8),
        # The room's rules decide compliance pair by pair; only admitted pairs are ever scored.
        compliant=np.ones(len(vacancies), dtype=bool),
        returning_worker=np.array([worker_rows.get(named.get(v.pk, -1), -1) for v in vacancies], dtype=np.int32),
    )
    try:
        exchange = Exchange(engine_workers, engine_vacancies, idf, space, admits)
    except MatchingError as error:
        raise MatchingInputError(str(error), field=getattr(error, "field", None)) from error

    vacancy_rows = {v.pk: i for i, v in enumerate(vacancies)}
    pair_worker = np.array([worker_rows[w] for w, _v in admitted], dtype=np.int64)
    pair_vacancy = np.array([vacancy_rows[v] for _w, v in admitted], dtype=np.int64)
    # The engine's own hard rules are a subset of the room's; a pair they still refuse is left out, never scored.
    agree = engine_eligibility(exchange, pair_worker, pair_vacancy)
    return RoomExchange(
        exchange=exchange,
        workers=workers,
        vacancies=vacancies,
        skill_ids=list(skill_index),
        countries=list(countries),
        schemes=[*schemes, None],
        pair_worker=pair_worker[agree],
        pair_vacancy=pair_vacancy[agree],
        skipped_workers=skipped,
    )


def _positions_left(vacancies: list[Vacancy], season: int | None, scheme: Scheme | None) -> np.ndarray:
    positions = np.array([v.positions for v in vacancies], dtype=np.int64)
    if season is None or scheme is None:
        return positions
    taken = dict(
        taken_in_season(scheme, season)
        .filter(vacancy__in=[v.pk for v in vacancies])
        .values("vacancy_id")
        .annotate(n=Count("pk"))
        .values_list("vacancy_id", "n")
    )
    return np.maximum(positions - np.array([taken.get(v.pk, 0) for v in vacancies], dtype=np.int64), 0)


def season_caps(room: RoomExchange, scheme: Scheme, season: int, min_female_share: float | None = None) -> Caps:
    """The scheme's cap per season and its origin caps, minus the places already taken that season."""
    taken = list(taken_in_season(scheme, season).values_list("worker__nationality_id", flat=True))
    scheme_cap = np.full(room.exchange.n_schemes, -1, dtype=np.int64)
    if scheme.cap_per_season is not None and scheme.pk in room.schemes:
        scheme_cap[room.schemes.index(scheme.pk)] = max(scheme.cap_per_season - len(taken), 0)
    origin_cap = np.full(room.exchange.n_countries, -1, dtype=np.int64)
    for cap in SchemeOriginCap.objects.filter(scheme=scheme, origin_id__in=room.countries):
        origin_cap[room.countries.index(cap.origin_id)] = max(cap.cap - taken.count(cap.origin_id), 0)
    return Caps(origin=origin_cap, scheme=scheme_cap, min_female_share=min_female_share)
