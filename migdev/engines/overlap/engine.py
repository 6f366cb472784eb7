"""Shared members and similar processes, computed from each process's members and themes.

>>> a = Profile("a", frozenset({"KEN", "UGA"}), frozenset({"labour", "health"}))
>>> b = Profile("b", frozenset({"KEN", "TZA"}), frozenset({"labour", "trafficking"}))
>>> c = Profile("c", frozenset({"FRA"}), frozenset({"labour"}))
>>> [(o.first, o.second, o.shared, round(o.jaccard, 3)) for o in overlaps([a, b, c])]
[('a', 'b', ('KEN',), 0.333)]
>>> [(s.id, round(s.score, 3)) for s in similar([a, b, c], "a")]
[('b', 0.133)]
"""

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class Profile:
    """A process: its id, the codes of its members, its theme tags."""

    id: str
    members: frozenset[str]
    themes: frozenset[str]


@dataclass(frozen=True)
class Overlap:
    """Two processes sharing members: the codes shared and their Jaccard index (shared / either)."""

    first: str
    second: str
    shared: tuple[str, ...]
    jaccard: float


@dataclass(frozen=True)
class Similarity:
    """How close another process is: `score` = theme_weight × themes + (1 − theme_weight) × members."""

    id: str
    score: float
    theme_score: float
    member_score: float
    shared_themes: tuple[str, ...]
    shared_members: tuple[str, ...]


def _incidence(sets: list[frozenset[str]]) -> tuple[npt.NDArray[np.float64], list[str]]:
    vocabulary = sorted(set().union(*sets)) if sets else []
    index = {item: i for i, item in enumerate(vocabulary)}
    matrix = np.zeros((len(sets), len(vocabulary)), dtype=np.float64)
    for row, items in enumerate(sets):
        for item in items:
            matrix[row, index[item]] = 1.0
    return matrix, vocabulary


def jaccard_matrix(
    sets: list[frozenset[str]], weights: npt.NDArray[np.float64] | None = None
) -> npt.NDArray[np.float64]:
    """The (weighted) Jaccard index of every pair of sets: Σ w(shared) / Σ w(either); 0 where both are empty.

    >>> jaccard_matrix([frozenset("ab"), frozenset("bc"), frozenset()]).round(3).tolist()
    [[1.0, 0.333, 0.0], [0.333, 1.0, 0.0], [0.0, 0.0, 0.0]]
    """
    matrix, vocabulary = _incidence(sets)
    w = np.ones(len(vocabulary)) if weights is None else np.asarray(weights, dtype=np.float64)
    shared = (matrix * w) @ matrix.T
    sizes = matrix @ w
    union = sizes[:, None] + sizes[None, :] - shared
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(union > 0, shared / np.where(union > 0, union, 1.0), 0.0)
    return np.asarray(result, dtype=np.float64)


def theme_idf(profiles: list[Profile]) -> dict[str, float]:
    """Each theme's rarity: ln(N / number of processes with the theme); a theme every process has weighs 0.

    >>> theme_idf([Profile("a", frozenset(), frozenset({"x", "y"})), Profile("b", frozenset(), frozenset({"x"}))])
    {'x': 0.0, 'y': 0.6931471805599453}
    """
    matrix, vocabulary = _incidence([p.themes for p in profiles])
    if not vocabulary:
        return {}
    counts = matrix.sum(axis=0)
    idf = np.log(len(profiles) / counts)
    return {theme: float(value) for theme, value in zip(vocabulary, idf, strict=True)}


def overlaps(profiles: list[Profile], minimum_shared: int = 1) -> list[Overlap]:
    """Every pair of processes sharing at least `minimum_shared` members, the closest first."""
    sets = [p.members for p in profiles]
    index = jaccard_matrix(sets)
    found = []
    for i in range(len(profiles)):
        for j in range(i + 1, len(profiles)):
            shared = tuple(sorted(sets[i] & sets[j]))
            if len(shared) >= minimum_shared:
                found.append(Overlap(profiles[i].id, profiles[j].id, shared, float(index[i, j])))
    return sorted(found, key=lambda o: (-o.jaccard, -len(o.shared), o.first, o.second))


def similar(profiles: list[Profile], target: str, limit: int = 5, theme_weight: float = 0.6) -> list[Similarity]:
    """The processes closest to `target` by rare shared themes and shared members; those sharing nothing are left
    out. Raises KeyError for an unknown target and ValueError for a weight outside 0..1."""
    if not 0.0 <= theme_weight <= 1.0:
        raise ValueError("theme_weight must be between 0 and 1")
    ids = [p.id for p in profiles]
    row = ids.index(target) if target in ids else None
    if row is None:
        raise KeyError(target)
    idf = theme_idf(profiles)
    vocabulary = sorted(idf)
    weights = np.array([idf[t] for t in vocabulary], dtype=np.float64)
    themes = jaccard_matrix([p.themes for p in profiles], weights)[row] if vocabulary else np.zeros(len(profiles))
    members = jaccard_matrix([p.members for p in profiles])[row]
    scores = theme_weight * themes + (1.0 - theme_weight) * members
    me = profiles[row]
    result = []
    for i, other in enumerate(profiles):
        if i == row or scores[i] <= 0:
            continue
        result.append(
            Similarity(
                other.id,
                float(scores[i]),
                float(themes[i]),
                float(members[i]),
                tuple(sorted(me.themes & other.themes, key=lambda t: (-idf.get(t, 0.0), t))),
                tuple(sorted(me.members & other.members)),
            )
        )
    return sorted(result, key=lambda s: (-s.score, s.id))[:limit]
