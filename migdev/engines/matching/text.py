"""Free text to ESCO skills: character n-gram TF-IDF over skill labels (robust to typos and word forms)."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from migdev.engines.matching.errors import InvalidInput, InvalidParameter


@dataclass(frozen=True)
class TextParams:
    """Character n-gram range and the analyser, validated once."""

    ngram_min: int = 2
    ngram_max: int = 4
    analyzer: str = "char_wb"

    def __post_init__(self) -> None:
        if not 1 <= self.ngram_min <= self.ngram_max <= 8:
            raise InvalidParameter("ngram_max", self.ngram_max, "need 1 <= ngram_min <= ngram_max <= 8")
        if self.analyzer not in {"char", "char_wb"}:
            raise InvalidParameter("analyzer", self.analyzer, "must be 'char' or 'char_wb'")


class SkillTextIndex:
    """An index of skill labels; several labels may name the same skill.

    >>> index = SkillTextIndex(["welding", "use spreadsheets software", "weld metal parts"], [0, 1, 0])
    >>> index.search(["weldng"], k=1)[0][0].tolist()
    [0]
    """

    def __init__(self, labels: Sequence[str], skills: Sequence[int], params: TextParams | None = None) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        if len(labels) != len(skills):
            raise InvalidInput("labels", f"{len(labels)} labels but {len(skills)} skill indices")
        if not labels:
            raise InvalidInput("labels", "no labels to index")
        params = params or TextParams()
        self._vectorizer = TfidfVectorizer(
            analyzer=params.analyzer,
            ngram_range=(params.ngram_min, params.ngram_max),
            sublinear_tf=True,
            lowercase=True,
        )
        self._matrix = self._vectorizer.fit_transform(labels).tocsr()
        self._skills = np.asarray(skills, dtype=np.int64)

    def search(self, texts: Sequence[str], k: int = 10) -> tuple[np.ndarray, np.ndarray]:
        """Top-k distinct skills per text, best first, as (skills, cosine scores); -1 pads where fewer match."""
        if k < 1:
            raise InvalidParameter("k", k, "must be at least 1")
        similarity = (self._vectorizer.transform(texts) @ self._matrix.T).tocsr()
        found = np.full((len(texts), k), -1, dtype=np.int64)
        scores = np.zeros((len(texts), k))
        for row in range(len(texts)):
            lo, hi = similarity.indptr[row], similarity.indptr[row + 1]
            labels, values = similarity.indices[lo:hi], similarity.data[lo:hi]
            order = np.lexsort((labels, -values))
            skills = self._skills[labels[order]]
            _, first = np.unique(skills, return_index=True)
            best = np.sort(first)[:k]
            found[row, : len(best)] = skills[best]
            scores[row, : len(best)] = values[order][best]
        return found, scores
