"""Rows of the expert registry -> matching engine inputs, and engine results -> ranked experts with explanations.

The engine (migdev/engines/matching) knows workers and vacancies; here an expert is a worker and a need a vacancy:
- the room's own rule (the expert is available in the need's mode, virtual or on site) admits pairs before any
  score, so an expert who cannot work in that mode is never scored;
- the engine's hard rules check the rest: availability covers the need's start, languages at the level asked;
- the need's country is its "destination", and an expert "prefers" their country of origin: the preference
  component credits helping one's home country; every need shares one scheme that admits every origin.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from migdev.core.errors import DomainError
from migdev.core.esco_skills import esco_idf, wanted_skills
from migdev.core.models import EscoOccupation, EscoOccupationSkill, EscoSkill
from migdev.diaspora.models import ExpertProfile, Need, NeedSkill
from migdev.engines.matching import (
    Exchange,
    MatchingError,
    MatchWeights,
    Occupations,
    Vacancies,
    Workers,
    eligibility,
    explain,
    score_pairs,
    skill_matrix,
)

COMPONENT_LABELS: dict[str, Any] = {
    "essential": _("Essential skills held"),
    "optional": _("Optional skills held"),
    "occupation": _("Occupation (ESCO / ISCO-08)"),
    "language": _("Languages (CEFR)"),
    "experience": _("Experience"),
    "education": _("Education (ISCED)"),
    "preference": _("Need in the expert's country of origin"),
    "returning": _("Returning expert"),
}
# No education level is recorded for experts or asked by needs: the component is constant and weighs nothing.
WEIGHTS = MatchWeights(education=0.0, returning_bonus=0.0)
OPEN_FROM, OPEN_UNTIL = 0, date.max.toordinal()
SEX_CODES = {"F": 1, "M": 2}


class ExpertMatchingError(DomainError):
    """The rows could not be turned into a valid matching input; `field` names the fault."""

    code = "invalid_matching_input"


@dataclass(frozen=True, eq=False)
class ExpertExchange:
    """The engine's exchange, the rows behind each index, and the pairs the room's rules admit."""

    exchange: Exchange
    experts: list[ExpertProfile]
    needs: list[Need]
    skill_ids: list[int]
    pair_expert: np.ndarray
    pair_need: np.ndarray


@dataclass(frozen=True)
class Contribution:
    component: str
    label: str
    value: float
    weight: float
    contribution: float


@dataclass(frozen=True)
class RankedExpert:
    """An expert ranked for a need: score, essential skills held and missing (ESCO labels), each component."""

    expert: ExpertProfile
    need: Need
    score: float
    matched_essential: list[str]
    missing_essential: list[str]
    contributions: list[Contribution]


def matchable_experts() -> list[ExpertProfile]:
    """Experts open to invitations, not erased, with at least one skill."""
    return list(
        ExpertProfile.objects.filter(erased_at__isnull=True, is_available=True, skills__isnull=False)
        .distinct()
        .select_related("origin", "residence", "occupation", "sex")
        .prefetch_related("skills", "languages")
        .order_by("pk")
    )


def _need_rows(needs: Iterable[Need]) -> list[Need]:
    return list(
        Need.objects.filter(pk__in=[n.pk for n in needs])
        .select_related("occupation", "country", "organisation")
        .prefetch_related(Prefetch("skills", queryset=NeedSkill.objects.order_by("skill_id")), "languages")
        .order_by("pk")
    )


def admitted(expert: ExpertProfile, need: Need) -> bool:
    """The room's own rule: the expert works in the need's mode (virtual or on site)."""
    return need.mode in expert.modes()


def _index(values: Iterable[Any]) -> dict[Any, int]:
    index: dict[Any, int] = {}
    for value in values:
        index.setdefault(value, len(index))
    return index


def build_exchange(experts: Iterable[ExpertProfile], needs: Iterable[Need]) -> ExpertExchange | None:
    """The engine's exchange for these rows and the pairs the room admits; None when there is nothing to match."""
    expert_rows = [e for e in experts if e.skills.all()]
    need_rows = _need_rows(needs)
    wanted = wanted_skills(need_rows)
    need_rows = [n for n in need_rows if wanted[n.pk][0] or wanted[n.pk][1]]
    pairs = [(i, j) for i, e in enumerate(expert_rows) for j, n in enumerate(need_rows) if admitted(e, n)]
    if not pairs:
        return None
    occupation_ids = _index([n.occupation_id for n in need_rows] + [e.occupation_id for e in expert_rows])
    occupations = list(occupation_ids)
    profile_rows: dict[int, list[int]] = defaultdict(list)
    for occupation_id, skill_id in EscoOccupationSkill.objects.filter(occupation_id__in=occupations).values_list(
        "occupation_id", "skill_id"
    ):
        profile_rows[occupation_id].append(skill_id)
    skill_index = _index(
        [s.pk for e in expert_rows for s in e.skills.all()]
        + [s for n in need_rows for part in wanted[n.pk] for s in part]
        + [s for o in occupations for s in profile_rows[o]]
    )
    n_skills = len(skill_index)
    idf = esco_idf(list(skill_index))
    isco = dict(EscoOccupation.objects.filter(pk__in=occupations).values_list("pk", "isco_group_id"))
    profiles = skill_matrix([[skill_index[s] for s in profile_rows[o]] for o in occupations], n_skills)
    space = Occupations.from_profiles([int(isco[o] or 0) for o in occupations], profiles, idf)
    countries = _index([e.origin_id for e in expert_rows] + [n.country_id for n in need_rows])
    languages = _index(
        [lang.language_id for e in expert_rows for lang in e.languages.all()]
        + [lang.language_id for n in need_rows for lang in n.languages.all()]
    )
    held = np.zeros((len(expert_rows), len(languages)), dtype=np.int8)
    for row, expert in enumerate(expert_rows):
        for known in expert.languages.all():
            held[row, languages[known.language_id]] = known.level
    asked = np.zeros((len(need_rows), len(languages)), dtype=np.int8)
    for row, need in enumerate(need_rows):
        for lang in need.languages.all():
            asked[row, languages[lang.language_id]] = lang.min_level
    workers = Workers(
        skills=skill_matrix([[skill_index[s.pk] for s in e.skills.all()] for e in expert_rows], n_skills),
        occupation=np.array([occupation_ids[e.occupation_id] for e in expert_rows], dtype=np.int32),
        origin=np.array([countries[e.origin_id] for e in expert_rows], dtype=np.int32),
        languages=held,
        experience_years=np.array([e.years_experience for e in expert_rows], dtype=np.float32),
        education=np.zeros(len(expert_rows), dtype=np.int8),
        available_from=np.array(
            [e.available_from.toordinal() if e.available_from else OPEN_FROM for e in expert_rows], dtype=np.int64
        ),
        available_until=np.array(
            [e.available_until.toordinal() if e.available_until else OPEN_UNTIL for e in expert_rows], dtype=np.int64
        ),
        destinations=skill_matrix([[countries[e.origin_id]] for e in expert_rows], len(countries)),
        preferred_scheme=np.full(len(expert_rows), -1, dtype=np.int32),
        sex=np.array([SEX_CODES.get(e.sex_id, 0) for e in expert_rows], dtype=np.int8),
    )
    vacancies = Vacancies(
        essential=skill_matrix([[skill_index[s] for s in wanted[n.pk][0]] for n in need_rows], n_skills),
        optional=skill_matrix([[skill_index[s] for s in wanted[n.pk][1]] for n in need_rows], n_skills),
        occupation=np.array([occupation_ids[n.occupation_id] for n in need_rows], dtype=np.int32),
        destination=np.array([countries[n.country_id] for n in need_rows], dtype=np.int32),
        scheme=np.zeros(len(need_rows), dtype=np.int32),
        positions=np.ones(len(need_rows), dtype=np.int64),
        start=np.array([n.start_date.toordinal() for n in need_rows], dtype=np.int64),
        min_language=asked,
        min_experience_years=np.array([n.min_experience_years for n in need_rows], dtype=np.float32),
        min_education=np.zeros(len(need_rows), dtype=np.int8),
        compliant=np.ones(len(need_rows), dtype=bool),
        returning_worker=np.full(len(need_rows), -1, dtype=np.int32),
    )
    try:
        exchange = Exchange(workers, vacancies, idf, space, np.ones((1, len(countries)), dtype=bool))
    except MatchingError as error:
        raise ExpertMatchingError(str(error), field=getattr(error, "field", None)) from error
    pair_expert = np.array([i for i, _j in pairs], dtype=np.int64)
    pair_need = np.array([j for _i, j in pairs], dtype=np.int64)
    agree = eligibility(exchange, pair_expert, pair_need)  # availability dates and languages
    return ExpertExchange(exchange, expert_rows, need_rows, list(skill_index), pair_expert[agree], pair_need[agree])


def rank(
    room: ExpertExchange, *, need: Need | None = None, expert: ExpertProfile | None = None, limit: int = 20
) -> list[RankedExpert]:
    """The admitted pairs of one need (or one expert) scored by the engine, best first, each explained."""
    mask = np.ones(len(room.pair_expert), dtype=bool)
    if need is not None:
        mask &= np.array([room.needs[j].pk == need.pk for j in room.pair_need], dtype=bool)
    if expert is not None:
        mask &= np.array([room.experts[i].pk == expert.pk for i in room.pair_expert], dtype=bool)
    experts_idx, needs_idx = room.pair_expert[mask], room.pair_need[mask]
    if not len(experts_idx):
        return []
    scores = score_pairs(room.exchange, WEIGHTS, experts_idx, needs_idx)
    order = sorted(
        (i for i in range(len(scores)) if np.isfinite(scores[i])),
        key=lambda i: (-round(float(scores[i]), 6), room.experts[experts_idx[i]].pk, room.needs[needs_idx[i]].pk),
    )[:limit]
    explained = [explain(room.exchange, WEIGHTS, int(experts_idx[i]), int(needs_idx[i])) for i in order]
    wanted = {room.skill_ids[s] for e in explained for s in (*e.matched_essential, *e.missing_essential)}
    labels = dict(EscoSkill.objects.filter(pk__in=wanted).values_list("pk", "preferred_label"))

    def names(indices: Iterable[int]) -> list[str]:
        return sorted(labels.get(room.skill_ids[s], "") for s in indices)

    return [
        RankedExpert(
            expert=room.experts[int(experts_idx[i])],
            need=room.needs[int(needs_idx[i])],
            score=float(scores[i]),
            matched_essential=names(e.matched_essential),
            missing_essential=names(e.missing_essential),
            contributions=[
                Contribution(c.component, str(COMPONENT_LABELS[c.component]), c.value, c.weight, c.contribution)
                for c in e.contributions
                if c.weight > 0
            ],
        )
        for i, e in zip(order, explained, strict=True)
    ]


def shortlist_for_need(need: Need, limit: int = 20) -> list[RankedExpert]:
    """The experts ranked for one need (its own institution's view; pseudonyms only)."""
    room = build_exchange(matchable_experts(), [need])
    return rank(room, need=need, limit=limit) if room else []


def needs_for_expert(expert: ExpertProfile, needs: Iterable[Need], limit: int = 20) -> list[RankedExpert]:
    """The open needs ranked for one expert (the expert's own recommendations)."""
    experts = [e for e in matchable_experts() if e.pk == expert.pk]
    room = build_exchange(experts, needs)
    return rank(room, expert=expert, limit=limit) if room else []
