"""A seeded synthetic labour exchange built from occupation skill profiles (real ESCO ones in the benchmark)."""

from dataclasses import replace

import numpy as np
import scipy.sparse as sp

from migdev.engines.matching.model import Exchange, Occupations, Vacancies, Workers, skill_idf


def _gather_rows(profile: sp.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Flat (owner, skill) arrays of every skill in profile[rows[i]], vectorised."""
    lengths = np.diff(profile.indptr)[rows]
    owner = np.repeat(np.arange(len(rows)), lengths)
    offsets = np.arange(len(owner)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return owner, profile.indices[np.repeat(profile.indptr[rows], lengths) + offsets]


def _subset(
    rng: np.random.Generator, profile: sp.csr_matrix, rows: np.ndarray, keep: float, n_skills: int
) -> sp.csr_matrix:
    owner, skills = _gather_rows(profile, rows)
    mask = rng.random(len(owner)) < keep
    return sp.csr_matrix((np.ones(mask.sum()), (owner[mask], skills[mask])), shape=(len(rows), n_skills))


def random_profiles(
    n_occupations: int, n_skills: int, seed: int = 0
) -> tuple[np.ndarray, sp.csr_matrix, sp.csr_matrix]:
    """Random ISCO units and essential/optional profiles for tests (the benchmark uses ESCO's).

    >>> isco, ess, opt = random_profiles(10, 50)
    >>> ess.shape
    (10, 50)
    """
    rng = np.random.default_rng(seed)
    isco = rng.choice(np.array([2511, 2512, 2513, 2521, 2611, 3112, 3113, 5120, 7112, 7411, 8322, 9112]), n_occupations)
    rows_e, cols_e, rows_o, cols_o = [], [], [], []
    for occ in range(n_occupations):
        skills = rng.choice(n_skills, size=min(n_skills, 3 + int(rng.integers(0, 8))), replace=False)
        cut = max(1, len(skills) * 2 // 3)
        rows_e += [occ] * cut
        cols_e += skills[:cut].tolist()
        rows_o += [occ] * (len(skills) - cut)
        cols_o += skills[cut:].tolist()
    essential = sp.csr_matrix((np.ones(len(rows_e)), (rows_e, cols_e)), shape=(n_occupations, n_skills))
    optional = sp.csr_matrix((np.ones(len(rows_o)), (rows_o, cols_o)), shape=(n_occupations, n_skills))
    return isco.astype(np.int32), essential, optional


def synthetic_exchange(
    isco_unit: np.ndarray,
    essential: sp.csr_matrix,
    optional: sp.csr_matrix,
    n_workers: int,
    n_vacancies: int,
    seed: int = 0,
    n_countries: int = 200,
    n_destinations: int = 30,
    n_schemes: int = 12,
    n_languages: int = 6,
    open_to_any_share: float = 0.05,
) -> Exchange:
    """A seeded exchange: workers hold a random subset of their occupation's skills; vacancies use real profiles.

    About 2.5 positions per vacancy; workers accept 1–3 destinations (a few accept any).

    >>> isco, ess, opt = random_profiles(20, 60)
    >>> synthetic_exchange(isco, ess, opt, n_workers=100, n_vacancies=10).vacancies.count
    10
    """
    rng = np.random.default_rng(seed)
    essential, optional = sp.csr_matrix(essential), sp.csr_matrix(optional)
    _n_occ, n_skills = essential.shape
    usable = np.flatnonzero(np.diff(essential.indptr) > 0)
    idf = skill_idf(essential + optional)
    occupations = Occupations.from_profiles(isco_unit, essential + optional, idf)

    v_occ = rng.choice(usable, n_vacancies)
    v_ess = _subset(rng, essential, v_occ, 0.9, n_skills)
    v_opt = _subset(rng, optional, v_occ, 0.5, n_skills)
    empty = np.flatnonzero(np.diff(v_ess.indptr) == 0)
    if len(empty):  # keep at least the occupation's first essential skill
        first = essential.indices[essential.indptr[v_occ[empty]]]
        v_ess = (v_ess + sp.csr_matrix((np.ones(len(empty)), (empty, first)), shape=v_ess.shape)).tocsr()
    min_language = np.zeros((n_vacancies, n_languages), dtype=np.int8)
    destination = rng.integers(0, n_destinations, n_vacancies).astype(np.int32)
    needs = rng.random(n_vacancies) < 0.6
    min_language[needs, (destination % n_languages)[needs]] = rng.integers(1, 5, needs.sum())
    vacancies = Vacancies(
        essential=v_ess,
        optional=v_opt,
        occupation=v_occ.astype(np.int32),
        destination=destination,
        scheme=rng.integers(0, n_schemes, n_vacancies).astype(np.int32),
        positions=(1 + rng.poisson(1.5, n_vacancies)).astype(np.int32),
        start=rng.integers(0, 365, n_vacancies).astype(np.int32),
        min_language=min_language,
        min_experience_years=rng.choice(np.array([0.0, 0.0, 1.0, 2.0, 5.0]), n_vacancies).astype(np.float32),
        min_education=rng.integers(0, 7, n_vacancies).astype(np.int8),
        compliant=rng.random(n_vacancies) < 0.97,
        returning_worker=np.full(n_vacancies, -1, dtype=np.int32),
    )

    # Workers mostly train for occupations in demand; the rest are spread over all usable occupations.
    w_occ = np.where(rng.random(n_workers) < 0.8, rng.choice(v_occ, n_workers), rng.choice(usable, n_workers))
    w_skills = (_subset(rng, essential, w_occ, 0.6, n_skills) + _subset(rng, optional, w_occ, 0.3, n_skills)).tocsr()
    empty = np.flatnonzero(np.diff(w_skills.indptr) == 0)
    if len(empty):
        first = essential.indices[essential.indptr[w_occ[empty]]]
        w_skills = (w_skills + sp.csr_matrix((np.ones(len(empty)), (empty, first)), shape=w_skills.shape)).tocsr()
    w_skills.data[:] = 1.0
    n_dest = rng.integers(1, 4, n_workers)
    n_dest[rng.random(n_workers) < open_to_any_share] = 0
    owner = np.repeat(np.arange(n_workers), n_dest)
    chosen = rng.integers(0, n_destinations, len(owner))
    destinations = sp.csr_matrix((np.ones(len(owner)), (owner, chosen)), shape=(n_workers, n_destinations))
    destinations.data[:] = 1.0
    languages = rng.integers(0, 7, (n_workers, n_languages)).astype(np.int8)
    available_from = rng.integers(-60, 300, n_workers).astype(np.int32)
    workers = Workers(
        skills=w_skills,
        occupation=w_occ.astype(np.int32),
        origin=rng.integers(0, n_countries, n_workers).astype(np.int32),
        languages=languages,
        experience_years=rng.gamma(2.0, 3.0, n_workers).astype(np.float32),
        education=rng.integers(0, 9, n_workers).astype(np.int8),
        available_from=available_from,
        available_until=(available_from + rng.integers(90, 400, n_workers)).astype(np.int32),
        destinations=destinations,
        preferred_scheme=np.where(rng.random(n_workers) < 0.3, rng.integers(0, n_schemes, n_workers), -1).astype(
            np.int32
        ),
        sex=rng.choice(np.array([1, 2, 0], dtype=np.int8), n_workers, p=[0.45, 0.5, 0.05]),
    )
    # About 2% of vacancies name a returning worker of the same occupation.
    named = np.flatnonzero(rng.random(n_vacancies) < 0.02)
    returning = np.full(n_vacancies, -1, dtype=np.int32)
    returning[named] = rng.integers(0, n_workers, len(named))
    vacancies = replace(vacancies, returning_worker=returning)
    admits = rng.random((n_schemes, n_countries)) < 0.6
    return Exchange(workers, vacancies, idf, occupations, admits)
