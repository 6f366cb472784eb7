"""ESCO skill profiles as the matching engine takes them, read once for every room that matches people to work."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from django.db.models import Count

from migdev.core.models import EscoOccupation, EscoOccupationSkill
from migdev.engines.matching import skill_idf


def wanted_skills(rows: Sequence[Any]) -> dict[int, tuple[list[int], list[int]]]:
    """Each row's (essential, optional) skill ids: its own, else its ESCO occupation's (one query for all).

    A row is a vacancy or a need: its skill rows (`skill_id`, `essential`) prefetched as `skills`, and its
    `occupation_id`.
    """
    own = {row.pk: list(row.skills.all()) for row in rows}
    bare = {row.occupation_id for row in rows if not own[row.pk]}
    esco: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for occupation_id, relation, skill_id in EscoOccupationSkill.objects.filter(occupation_id__in=bare).values_list(
        "occupation_id", "relation", "skill_id"
    ):
        esco[occupation_id][0 if relation == "essential" else 1].append(skill_id)
    return {
        row.pk: (
            ([s.skill_id for s in own[row.pk] if s.essential], [s.skill_id for s in own[row.pk] if not s.essential])
            if own[row.pk]
            else esco[row.occupation_id]
        )
        for row in rows
    }


def esco_idf(skill_ids: list[int]) -> np.ndarray:
    """IDF of each skill over all ESCO occupations (the engine's formula, on the skills in use)."""
    n_occupations = max(EscoOccupation.objects.count(), 1)
    df = dict(
        EscoOccupationSkill.objects.filter(skill_id__in=skill_ids)
        .values("skill_id")
        .annotate(n=Count("occupation_id", distinct=True))
        .values_list("skill_id", "n")
    )
    rows: list[int] = []
    cols: list[int] = []
    for column, skill_id in enumerate(skill_ids):
        rows.extend(range(df.get(skill_id, 0)))
        cols.extend([column] * df.get(skill_id, 0))
    counts = sp.csr_matrix(
        (np.ones(len(rows)), (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))),
        shape=(n_occupations, len(skill_ids)),
    )
    return skill_idf(counts)
