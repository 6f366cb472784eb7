"""The matching engine: score worker–vacancy pairs, shortlist both ways, allocate positions optimally.

Pure: arrays, scipy sparse matrices and frozen dataclasses in and out; no Django, no I/O.
"""

from migdev.engines.matching.allocation import Allocation, Caps, allocate, allocate_greedy
from migdev.engines.matching.errors import (
    EmptySkillSet,
    InfeasibleCaps,
    InvalidInput,
    InvalidParameter,
    MatchingError,
    UnknownSkill,
)
from migdev.engines.matching.model import (
    Exchange,
    MatchWeights,
    Occupations,
    Vacancies,
    Workers,
    skill_idf,
    skill_matrix,
)
from migdev.engines.matching.scoring import Explanation, eligibility, explain, score_grid, score_pairs
from migdev.engines.matching.shortlists import Candidates, ShortlistParams, Shortlists, shortlists

__all__ = [
    "Allocation",
    "Candidates",
    "Caps",
    "EmptySkillSet",
    "Exchange",
    "Explanation",
    "InfeasibleCaps",
    "InvalidInput",
    "InvalidParameter",
    "MatchWeights",
    "MatchingError",
    "Occupations",
    "ShortlistParams",
    "Shortlists",
    "UnknownSkill",
    "Vacancies",
    "Workers",
    "allocate",
    "allocate_greedy",
    "eligibility",
    "explain",
    "score_grid",
    "score_pairs",
    "shortlists",
    "skill_idf",
    "skill_matrix",
]
