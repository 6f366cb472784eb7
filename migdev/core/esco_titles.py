"""A typed job title (a vacancy's title, a one-line text) to ESCO occupations, title first, with the words that led.

The title is read by `migdev.engines.matching.job_titles` (case, seniority and contract noise, abbreviations,
compound titles); each reading is scored against every occupation's labels (character n-gram TF-IDF over the
English and French preferred and alternative labels, fused with the multilingual-e5-small evidence of the title as
typed: a soft vote over the embeddings of all those labels where they are shipped, else the cosine of the preferred
labels), each occupation keeps its best reading, and occupations are lifted towards the best of their ISCO-08 unit
group, so that a near miss ranks the right group's occupations next.

The weights are set on the validation file of the JobBERT evaluation set (`migdev bench_matching --real-titles`;
docs/benchmarks.md, "Job titles as people type them"), never on its test file.
"""

from dataclasses import dataclass

import numpy as np

from migdev.core.esco_text import Embedder, EscoTextIndex, per_index
from migdev.engines.matching.job_titles import (
    Reading,
    TitleReadings,
    best_reading_scores,
    group_smoothed,
    read_title,
    words_that_led,
)

# Set on a seeded sample of 3,000 validation titles (grids in docs/benchmarks.md): the e5 cosine's weight against
# TF-IDF (0.5-0.9 tried), a part of a compound title against the whole (0.9/0.95/1), the title as typed against its
# readings (0 = left out, 0.9/0.95/1), and the unit-group lift (0/0.05/0.1/0.2).
EMBEDDING_WEIGHT = 0.8
PART_WEIGHT = 0.95
TYPED_WEIGHT = 1.0
GROUP_WEIGHT = 0.1
# With every EN and FR label of each occupation embedded (`esco_title_vectors`), the title's e5 evidence is their
# soft vote at this temperature, weighed against TF-IDF by VOTE_EMBEDDING_WEIGHT: set on another seeded sample of
# 3,000 validation titles (seed 1; temperatures 0.01/0.015/0.02/0.05, weights 0.5-0.95 tried), checked once on the
# benchmark's 1,000 (seed 0).
VOTE_TEMPERATURE = 0.02
VOTE_EMBEDDING_WEIGHT = 0.95


@dataclass(frozen=True)
class TitleRanking:
    """Per occupation: the title score and the reading that gave it (an index into `readings.readings`, or -1 for
    the title as typed)."""

    readings: TitleReadings
    scores: np.ndarray
    reading_at: np.ndarray

    def reading(self, occupation: int) -> Reading | None:
        at = int(self.reading_at[occupation])
        return self.readings.readings[at] if at >= 0 else None


@per_index
def isco_groups(index: EscoTextIndex) -> np.ndarray:
    """Each occupation's ISCO-08 unit group as a number (-1 where it has none)."""
    return np.array([int(code) if code.isdigit() else -1 for code in index.occupation_isco], dtype=np.int64)


def reading_texts(readings: TitleReadings) -> list[str]:
    """What is scored: each reading, then the title as typed (lower case), so a reading never loses what the
    typed title already matched."""
    return [r.text for r in readings.readings] + [readings.title.strip()]


class OccupationRows:
    """A request's occupation scores per text, each computed once: TF-IDF rows (keyed in lower case, as the
    vectorizer reads them) and raw e5 cosine rows. The pieces of a text read as titles and a title's readings
    overlap (the title itself is both), and each text's TF-IDF costs most of a millisecond."""

    def __init__(self, index: EscoTextIndex) -> None:
        self.index = index
        self._tfidf: dict[str, np.ndarray] = {}
        self._cosine: dict[str, np.ndarray] = {}
        self._votes: dict[str, np.ndarray] = {}

    def prepare(self, texts: list[str]) -> None:
        """Compute the TF-IDF rows of `texts` not computed yet."""
        missing = list(dict.fromkeys(t.lower() for t in texts if t.lower() not in self._tfidf))
        if missing:
            self._tfidf.update(zip(missing, self.index.occupations.tfidf_scores(missing), strict=True))

    def tfidf(self, texts: list[str]) -> np.ndarray:
        self.prepare(texts)
        return self._stack([self._tfidf[t.lower()] for t in texts])

    def cosine(self, texts: list[str], embed: Embedder) -> np.ndarray:
        """Each text's raw e5 cosine with every occupation (its best label); the index must have embeddings."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._cosine))
        if missing:
            rows = self.index.occupations.scores(
                missing, embed(missing), embedding_weight=1.0, embedding_calibration="none"
            )
            self._cosine.update(zip(missing, rows, strict=True))
        return self._stack([self._cosine[t] for t in texts])

    def votes(self, text: str, embed: Embedder) -> np.ndarray | None:
        """The text's soft vote over every label of each occupation, or None where the index has no such vectors."""
        voting = self.index.occupation_label_vectors
        if voting is None:
            return None
        if text not in self._votes:
            self._votes[text] = voting.scores(embed([text]), VOTE_TEMPERATURE)[0]
        return self._votes[text]

    def _stack(self, rows: list[np.ndarray]) -> np.ndarray:
        return np.vstack(rows) if rows else np.zeros((0, self.index.occupations.n_concepts), dtype=np.float32)


def rank_title(
    index: EscoTextIndex,
    title: str,
    embed: Embedder | None,
    rows: OccupationRows | None = None,
    readings: TitleReadings | None = None,
) -> TitleRanking:
    """Occupations for a typed job title, by its best reading, lifted by their ISCO-08 unit group's best
    (`readings`: the title's, where the caller has read it already)."""
    readings = readings if readings is not None else read_title(title)
    texts = reading_texts(readings)
    rows = rows or OccupationRows(index)
    known = rows.tfidf(texts)
    # Only the title as typed is embedded (the suggestion path has embedded it already): embedding each reading as
    # well was no better on the validation titles (Acc@1 0.270 against 0.278) and costs a model call per reading.
    # Its e5 evidence is the soft vote over every label of each occupation where the index has them.
    scored = known
    if embed is not None and index.occupations.has_embeddings:
        typed = readings.title.strip()
        votes = rows.votes(typed, embed)
        if votes is not None:  # one e5 row for every reading: the title as typed
            scored = (1.0 - VOTE_EMBEDDING_WEIGHT) * known + VOTE_EMBEDDING_WEIGHT * votes
        else:
            scored = (1.0 - EMBEDDING_WEIGHT) * known + EMBEDDING_WEIGHT * rows.cosine([typed], embed)
    return rank_scored(index, readings, scored)


def reading_weights(readings: TitleReadings) -> list[float]:
    """The whole title's reading counts fully, its parts a little less, the title as typed as its reading."""
    return [1.0] + [PART_WEIGHT] * (len(readings.readings) - 1) + [TYPED_WEIGHT]


def rank_scored(index: EscoTextIndex, readings: TitleReadings, scored: np.ndarray) -> TitleRanking:
    """`rank_title` from the readings' scores (rows as `reading_texts`): best reading, then the group lift."""
    best, at = best_reading_scores(scored, reading_weights(readings))
    at = np.where(at >= len(readings.readings), -1, at)
    return TitleRanking(readings, group_smoothed(best, isco_groups(index), GROUP_WEIGHT), at)


def title_words(ranking: TitleRanking, occupation: int, labels: list[str]) -> tuple[str, ...]:
    """The words of the typed title that led to `occupation` (whose labels are `labels`)."""
    reading = ranking.reading(occupation)
    if reading is None:
        typed = ranking.readings.title.split()
        return tuple(typed)
    return words_that_led(reading, labels)
