"""Small hand-made and synthetic exchanges for the engine tests."""

from typing import Any

import numpy as np
import scipy.sparse as sp

from migdev.engines.matching import Exchange, Occupations, Vacancies, Workers, skill_idf, skill_matrix
from migdev.engines.matching.synthetic import random_profiles, synthetic_exchange

N_SKILLS = 6


def tiny_exchange(
    workers: dict[str, Any] | None = None, vacancies: dict[str, Any] | None = None, **extra: Any
) -> Exchange:
    """Two workers, two vacancies, two occupations (ISCO 7411 and 7412), one language, two countries, one scheme."""
    profiles = skill_matrix([[0, 1, 2, 3], [2, 3, 4, 5]], N_SKILLS)
    idf = extra.pop("idf", skill_idf(profiles))
    occupations = Occupations.from_profiles([7411, 7412], profiles, idf)
    w: dict[str, Any] = {
        "skills": skill_matrix([[0, 1, 2], [4, 5]], N_SKILLS),
        "occupation": np.array([0, 1]),
        "origin": np.array([0, 1]),
        "languages": np.array([[4], [2]]),
        "experience_years": np.array([3.0, 1.0]),
        "education": np.array([3, 3]),
        "available_from": np.array([0, 0]),
        "available_until": np.array([365, 365]),
        "destinations": sp.csr_matrix(np.array([[1.0, 0.0], [0.0, 0.0]])),
        "preferred_scheme": np.array([-1, 0]),
        "sex": np.array([1, 2]),
    }
    v: dict[str, Any] = {
        "essential": skill_matrix([[0, 1, 2, 3], [4, 5]], N_SKILLS),
        "optional": skill_matrix([[], [2]], N_SKILLS),
        "occupation": np.array([0, 1]),
        "destination": np.array([0, 1]),
        "scheme": np.array([0, 0]),
        "positions": np.array([1, 2]),
        "start": np.array([30, 30]),
        "min_language": np.array([[3], [0]]),
        "min_experience_years": np.array([2.0, 0.0]),
        "min_education": np.array([3, 3]),
        "compliant": np.array([True, True]),
        "returning_worker": np.array([-1, -1]),
    }
    w.update(workers or {})
    v.update(vacancies or {})
    admits = extra.pop("scheme_admits_origin", np.array([[True, True]]))
    return Exchange(Workers(**w), Vacancies(**v), idf, occupations, admits)


def random_exchange(seed: int, n_workers: int = 300, n_vacancies: int = 40, **kwargs: Any) -> Exchange:
    """A seeded synthetic exchange over random occupation profiles."""
    isco, essential, optional = random_profiles(30, 80, seed=seed)
    return synthetic_exchange(
        isco,
        essential,
        optional,
        n_workers,
        n_vacancies,
        seed=seed,
        n_countries=8,
        n_destinations=3,
        n_schemes=3,
        **kwargs,
    )
