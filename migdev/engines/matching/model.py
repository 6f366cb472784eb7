"""The matching engine's inputs: workers, vacancies, the occupation space and the weights, as frozen dataclasses.

Skills, occupations, countries, destinations and schemes are integer indices (a room's adapter maps them to rows).
CEFR levels are 0 (none) and A1..C2 = 1..6; ISCED levels are 0..8; dates are integer day numbers.
"""

from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np
import scipy.sparse as sp

from migdev.engines.matching.errors import EmptySkillSet, InvalidInput, InvalidParameter, UnknownSkill

CEFR_MAX = 6
ISCED_MAX = 8


def skill_matrix(rows: Sequence[Sequence[int]], n_skills: int, field: str = "skills") -> sp.csr_matrix:
    """Build a binary rows×skills CSR matrix from lists of skill indices, rejecting unknown indices.

    >>> skill_matrix([[0, 2], [1]], n_skills=3).toarray().tolist()
    [[1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]
    """
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    for row, skills in enumerate(rows):
        for index in skills:
            if not 0 <= int(index) < n_skills:
                raise UnknownSkill(field, row, int(index), n_skills)
        indptr[row + 1] = indptr[row] + len(skills)
    indices = np.fromiter((int(i) for skills in rows for i in skills), dtype=np.int32, count=int(indptr[-1]))
    matrix = sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), n_skills))
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def skill_idf(occupation_skills: sp.spmatrix) -> np.ndarray:
    """Smoothed inverse document frequency of each skill over occupations: log((1+n)/(1+df)) + 1.

    >>> skill_idf(skill_matrix([[0, 1], [0]], n_skills=2)).round(3).tolist()
    [1.0, 1.405]
    """
    binary = sp.csr_matrix(occupation_skills, copy=True)
    binary.data[:] = 1.0
    df = np.asarray(binary.sum(axis=0)).ravel()
    n = binary.shape[0]
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


@dataclass(frozen=True, eq=False)
class Occupations:
    """The occupation space: each occupation's ISCO-08 unit group (as an int, e.g. 2654) and profile similarity."""

    isco_unit: np.ndarray
    similarity: np.ndarray

    @property
    def count(self) -> int:
        return len(self.isco_unit)

    @classmethod
    def from_profiles(
        cls, isco_unit: Sequence[int] | np.ndarray, profiles: sp.spmatrix, idf: np.ndarray
    ) -> "Occupations":
        """Occupation space whose similarity is the cosine of IDF-weighted skill profiles.

        >>> occ = Occupations.from_profiles([2654, 2655], skill_matrix([[0, 1], [1]], 2), np.ones(2))
        >>> round(float(occ.similarity[0, 1]), 3)
        0.707
        """
        weighted = sp.csr_matrix(profiles, dtype=np.float64).multiply(np.asarray(idf)[None, :]).tocsr()
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        normalised = sp.diags(1.0 / norms) @ weighted
        similarity = np.asarray((normalised @ normalised.T).todense(), dtype=np.float32)
        np.clip(similarity, 0.0, 1.0, out=similarity)
        return cls(isco_unit=np.asarray(isco_unit, dtype=np.int32), similarity=similarity)


@dataclass(frozen=True, eq=False)
class Workers:
    """Migrant workers: one row each. `destinations` lists acceptable destinations (an empty row means any)."""

    skills: sp.csr_matrix
    occupation: np.ndarray
    origin: np.ndarray
    languages: np.ndarray
    experience_years: np.ndarray
    education: np.ndarray
    available_from: np.ndarray
    available_until: np.ndarray
    destinations: sp.csr_matrix
    preferred_scheme: np.ndarray
    sex: np.ndarray

    @property
    def count(self) -> int:
        return int(self.skills.shape[0])


@dataclass(frozen=True, eq=False)
class Vacancies:
    """Vacancies: one row each, with `positions` places; `returning_worker` names a worker row or is -1."""

    essential: sp.csr_matrix
    optional: sp.csr_matrix
    occupation: np.ndarray
    destination: np.ndarray
    scheme: np.ndarray
    positions: np.ndarray
    start: np.ndarray
    min_language: np.ndarray
    min_experience_years: np.ndarray
    min_education: np.ndarray
    compliant: np.ndarray
    returning_worker: np.ndarray

    @property
    def count(self) -> int:
        return int(self.essential.shape[0])


@dataclass(frozen=True, eq=False)
class Exchange:
    """A labour exchange: workers, vacancies, skill IDF, occupations, and which origins each scheme admits.

    Validated once on construction; every later step trusts it.
    """

    workers: Workers
    vacancies: Vacancies
    idf: np.ndarray
    occupations: Occupations
    scheme_admits_origin: np.ndarray  # bool, schemes × countries

    def __post_init__(self) -> None:
        validate_exchange(self)

    @property
    def n_skills(self) -> int:
        return len(self.idf)

    @property
    def n_countries(self) -> int:
        return int(self.scheme_admits_origin.shape[1])

    @property
    def n_schemes(self) -> int:
        return int(self.scheme_admits_origin.shape[0])

    @property
    def n_destinations(self) -> int:
        return int(self.workers.destinations.shape[1])


def _check_skills(field: str, matrix: sp.csr_matrix, n_rows: int, n_skills: int) -> None:
    if not sp.isspmatrix_csr(matrix) and not isinstance(matrix, sp.csr_array):
        raise InvalidInput(field, "must be a scipy CSR matrix")
    if matrix.shape[0] != n_rows:
        raise InvalidInput(field, f"has {matrix.shape[0]} rows, expected {n_rows}")
    if matrix.shape[1] != n_skills:
        raise InvalidInput(field, f"has {matrix.shape[1]} skill columns, expected {n_skills}")
    if matrix.nnz:
        bad = np.flatnonzero((matrix.indices < 0) | (matrix.indices >= n_skills))
        if len(bad):
            row = int(np.searchsorted(matrix.indptr, bad[0], side="right") - 1)
            raise UnknownSkill(field, row, int(matrix.indices[bad[0]]), n_skills)


def _check_vector(
    field: str, values: np.ndarray, n_rows: int, low: float | None = None, high: float | None = None
) -> None:
    if values.ndim != 1 or len(values) != n_rows:
        raise InvalidInput(field, f"must be a vector of length {n_rows}, got shape {values.shape}")
    if low is not None and len(values) and values.min() < low:
        raise InvalidInput(field, f"value {values.min()} is below {low}", int(np.argmin(values)))
    if high is not None and len(values) and values.max() > high:
        raise InvalidInput(field, f"value {values.max()} is above {high}", int(np.argmax(values)))


def validate_exchange(exchange: Exchange) -> None:
    """Check shapes, index ranges and empty skill sets; raise the typed error naming the first fault."""
    w, v = exchange.workers, exchange.vacancies
    n_skills, n_occ = exchange.n_skills, exchange.occupations.count
    if exchange.occupations.similarity.shape != (n_occ, n_occ):
        raise InvalidInput("occupations.similarity", f"must be {n_occ}×{n_occ}")
    if exchange.scheme_admits_origin.ndim != 2:
        raise InvalidInput("scheme_admits_origin", "must be a schemes × countries boolean matrix")
    nw, nv = w.count, v.count
    _check_skills("workers.skills", w.skills, nw, n_skills)
    _check_skills("vacancies.essential", v.essential, nv, n_skills)
    _check_skills("vacancies.optional", v.optional, nv, n_skills)
    for name in ("occupation", "origin", "experience_years", "education", "available_from", "available_until"):
        _check_vector(f"workers.{name}", np.asarray(getattr(w, name)), nw)
    _check_vector("workers.occupation", w.occupation, nw, -1, n_occ - 1)
    _check_vector("workers.origin", w.origin, nw, 0, exchange.n_countries - 1)
    _check_vector("workers.preferred_scheme", w.preferred_scheme, nw, -1, exchange.n_schemes - 1)
    _check_vector("workers.education", w.education, nw, 0, ISCED_MAX)
    _check_vector("workers.experience_years", w.experience_years, nw, 0)
    _check_vector("workers.sex", w.sex, nw, 0, 2)
    _check_vector("vacancies.occupation", v.occupation, nv, 0, n_occ - 1)
    _check_vector("vacancies.destination", v.destination, nv, 0, exchange.n_destinations - 1)
    _check_vector("vacancies.scheme", v.scheme, nv, 0, exchange.n_schemes - 1)
    _check_vector("vacancies.positions", v.positions, nv, 0)
    _check_vector("vacancies.start", v.start, nv)
    _check_vector("vacancies.min_experience_years", v.min_experience_years, nv, 0)
    _check_vector("vacancies.min_education", v.min_education, nv, 0, ISCED_MAX)
    _check_vector("vacancies.compliant", v.compliant, nv)
    _check_vector("vacancies.returning_worker", v.returning_worker, nv, -1, nw - 1)
    late = np.flatnonzero(np.asarray(w.available_from) > np.asarray(w.available_until))
    if len(late):
        raise InvalidInput("workers.available_until", "is before available_from", int(late[0]))
    if w.languages.ndim != 2 or w.languages.shape[0] != nw:
        raise InvalidInput("workers.languages", f"must be {nw} × languages CEFR levels")
    if v.min_language.shape != (nv, w.languages.shape[1]):
        raise InvalidInput("vacancies.min_language", f"must be {nv} × {w.languages.shape[1]} CEFR levels")
    for name, levels in (("workers.languages", w.languages), ("vacancies.min_language", v.min_language)):
        if levels.size and (levels.min() < 0 or levels.max() > CEFR_MAX):
            raise InvalidInput(name, f"CEFR levels must be 0 (none) or 1..{CEFR_MAX} (A1..C2)")
    if w.destinations.shape[0] != nw:
        raise InvalidInput("workers.destinations", f"must have {nw} rows")
    empty_workers = np.flatnonzero(np.diff(w.skills.indptr) == 0)
    if len(empty_workers):
        raise EmptySkillSet("workers.skills", int(empty_workers[0]))
    empty_vacancies = np.flatnonzero((np.diff(v.essential.indptr) + np.diff(v.optional.indptr)) == 0)
    if len(empty_vacancies):
        raise EmptySkillSet("vacancies.essential", int(empty_vacancies[0]))
    if len(exchange.idf) and (not np.all(np.isfinite(exchange.idf)) or exchange.idf.min() < 0):
        raise InvalidInput("idf", "weights must be finite and non-negative")


@dataclass(frozen=True)
class MatchWeights:
    """Declarative scoring weights, validated once like a scikit-learn estimator's parameters.

    A score is the weighted sum of components in [0, 1] plus `returning_bonus` for the vacancy's named
    returning worker. Occupation similarity is 1 for the same occupation, else the larger of the ISCO level
    credit (`same_unit`, `same_minor`, `same_submajor`) and the skill-profile cosine.

    >>> MatchWeights(essential=0.5).essential
    0.5
    """

    essential: float = 0.40
    optional: float = 0.10
    occupation: float = 0.20
    language: float = 0.08
    experience: float = 0.08
    education: float = 0.06
    preference: float = 0.08
    returning_bonus: float = 0.10
    same_unit: float = 0.8
    same_minor: float = 0.6
    same_submajor: float = 0.4

    def __post_init__(self) -> None:
        for spec in fields(self):
            value = getattr(self, spec.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise InvalidParameter(spec.name, value, "must be a number")
            if not np.isfinite(value) or not 0.0 <= value <= 1.0:
                raise InvalidParameter(spec.name, value, "must be between 0 and 1")
        if not self.same_unit >= self.same_minor >= self.same_submajor:
            raise InvalidParameter("same_minor", self.same_minor, "ISCO credits must not rise with distance")
        if self.essential + self.optional + self.occupation == 0:
            raise InvalidParameter("essential", self.essential, "essential, optional and occupation are all 0")

    @property
    def components(self) -> tuple[str, ...]:
        return ("essential", "optional", "occupation", "language", "experience", "education", "preference")
