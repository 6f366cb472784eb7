"""Rows of the labour exchange -> matching engine inputs -> rows with explanations (inputs.py, results.py).

The only module of the room that imports the matching engine (`migdev.engines.matching`). Hard eligibility comes
from the room's own rules (`eligibility.check_many`: scheme origins, occupations, season, maximum stay, cooling-off,
caps, availability, languages, education, experience, compliance, recruiter licence): only the pairs those rules
admit are scored, shortlisted or allocated. The engine then scores those pairs (vectorised; partitioned by ISCO-08
minor group so a Dask cluster can take the partitions), ranks them and solves the allocation under the positions
left in each vacancy and the scheme's caps left for the season.

Encoding: skills, occupations, countries, destinations, schemes and languages become column indices; CEFR A1..C2
are 1..6 (0 none); ISCED 0..8 (unknown 0); dates are ordinal day numbers (open availability: day 0 to date.max);
sex F = 1, M = 2, other = 0; a vacancy without a scheme falls in a last "no scheme" column that admits every origin.
A vacancy without skills of its own asks for its ESCO occupation's essential and optional skills. Workers without
any skill cannot be matched and are left out (counted in `skipped_workers`).
"""

from migdev.labour.adapters.inputs import (
    COMPONENT_LABELS,
    SEX_CODES,
    MatchingInputError,
    MatchSettings,
    RoomExchange,
    build_exchange,
    matchable_workers,
    published_vacancies,
    season_caps,
    season_vacancies,
    taken_in_season,
)
from migdev.labour.adapters.results import (
    Contribution,
    PairExplanation,
    SeasonAllocation,
    VacancyValue,
    allocate_season,
    explain_rows,
    ranked,
    score_admitted,
)

__all__ = [
    "COMPONENT_LABELS",
    "SEX_CODES",
    "Contribution",
    "MatchSettings",
    "MatchingInputError",
    "PairExplanation",
    "RoomExchange",
    "SeasonAllocation",
    "VacancyValue",
    "allocate_season",
    "build_exchange",
    "explain_rows",
    "matchable_workers",
    "published_vacancies",
    "ranked",
    "score_admitted",
    "season_caps",
    "season_vacancies",
    "taken_in_season",
]
