"""Free text (a CV, a vacancy text; English, French or Spanish) to suggested ESCO skills and occupations.

Matches the text's phrases against the index `migdev.core.esco_text` keeps (skills by label, occupations by
essential-skill profile and by job title) and decides which suggestions are likely enough to be ticked.

Suggestions are only suggestions: the forms show them ticked or unticked for the user to confirm or correct, and
the text itself is never stored.

An occupation is pre-ticked only on strong evidence (`_likely_occupations`): its job title named in the text AND a
second signal — one of its essential skills suggested and ticked, or the title naming it and no other occupation
about as well while the text's skills rank it among the ten best or the title stands clearly on a line of its own;
or the title spelled out in full as a short line of its own. Never on the text's skills alone, at most one per
phrase, and never from layout or terms (headings such as "Missions :", a languages line, a wage or hours line are
dropped first), nor from a piece inside a line or a few words inside a sentence unless they spell a label outright.
French or Spanish read by spelling alone (no label embeddings) ranks occupations only by the skills spelled like
ESCO's English labels, and Spanish (ESCO has no Spanish labels here) only by titles spelled out in full: nothing is
better than another trade ("Enfermera" spelled like "operate a camera").
"""

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja.throttling import UserRateThrottle

from migdev.core.errors import DomainError
from migdev.core.esco_text import (
    EMBEDDING_DIM,
    PIPELINE,
    Embedder,
    EscoTextIndex,
    esco_text_index,
    load_embedder,
    per_index,
    token_count,
)
from migdev.core.esco_titles import OccupationRows, TitleRanking, rank_title, reading_texts, title_words
from migdev.core.models import EscoOccupation
from migdev.core.text_cues import asks_for_language, content_phrases
from migdev.core.vacancy_terms import vacancy_terms
from migdev.engines.matching.job_titles import looks_like_a_title, read_title, words_that_led
from migdev.engines.matching.text import phrases, rank_occupations, top_k

# What one suggestion reads: embedding each phrase is most of its time, and the largest text accepted must be
# answered within a second on a two-core box (`migdev bench_suggestions --latency`; docs/benchmarks.md). About a
# page: the part of a CV or vacancy that names the work and the skills.
MAX_TEXT_CHARS = 1_500
MAX_PHRASES = 30
# Tokens embedded per request (about 0.6 s on one core): the phrases, then pieces of lines; past it, text counts by
# spelling alone (see _embedding_each_text_once). Pieces of lines read as job titles: at most MAX_TITLE_PIECES.
MAX_EMBEDDED_TOKENS = 300
MAX_TITLE_PIECES = 80
# An occupation's label matching a phrase outright (a job title) adds this much to its skill-profile score.
TITLE_WEIGHT = 0.5


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
    """An occupation the text points to: named outright (`phrase`, and the words of it that led: `title_words`)
    and/or by the skills found among its essential skills (`essential_found` of `essential_total`); `likely` when
    the evidence is enough to tick it for the user. `reading` is how a typed job title was read ("sales executive"
    for "SALES EXEC (Urgent!)"), empty for longer texts."""

    uri: str
    label: str
    isco_code: str
    score: float
    phrase: str
    essential_found: int
    essential_total: int
    likely: bool = False
    title_words: tuple[str, ...] = ()
    reading: str = ""


@dataclass(frozen=True)
class TextSuggestions:
    phrases: int
    skills: list[SuggestedSkill]
    occupations: list[SuggestedOccupation]
    cross_lingual: bool  # True when embeddings took part (French and Spanish text reach English skill labels)
    job_title: bool = False  # the text was read as a bare job title: occupations ranked by the title first


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


def _title_candidates(
    parts: list[str], spelled: bool = True, strict: bool = False
) -> tuple[list[str], np.ndarray, list[str], np.ndarray]:
    """`_title_parts`, bounded and, for `strict` or not `spelled` text, without the runs of words (see
    `_title_evidence`)."""
    pieces, owners, windows, window_owners = _title_parts(parts)
    pieces, owners = pieces[:MAX_TITLE_PIECES], owners[:MAX_TITLE_PIECES]  # the first lines' pieces: a bound
    if strict or not spelled:
        windows, window_owners = [], window_owners[:0]
    return pieces, owners, windows, window_owners


def _title_evidence(
    index: EscoTextIndex,
    parts: list[str],
    embed: Embedder | None,
    spelled: bool = True,
    strict: bool = False,
    rows: OccupationRows | None = None,
    whole_lines_by_meaning: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per occupation: how clearly some phrase names it as a job title (0..1), that phrase's position (-1), and the
    number of words of the piece that named it (one that does not start its line counts as a long piece). Unless
    `spelled` (text in a language ESCO has no occupation labels in here: Spanish), by meaning only: "Conductor de
    camión" is spelled like "conductor" (music), "Residencia de mayores" like "mayor". `strict` (Spanish text when
    there are no embeddings to read it by meaning): only pieces spelling a label outright (TITLE_WINDOW_MIN) count,
    no runs of words inside sentences. `whole_lines_by_meaning`: only whole lines are read by meaning, their pieces
    by spelling alone (a bare title, whose ranking reads its parts already)."""
    n = len(index.occupation_uris)
    rows = rows or OccupationRows(index)
    pieces, owners, windows, window_owners = _title_candidates(parts, spelled, strict)
    blocks, block_owners, block_words = [], [], []
    if pieces:
        # A piece inside a line ("toilette" in "Soins d'hygiène (toilette, habillage)", "Residencia de mayores" after
        # a dash) is no title line: like a few words of a sentence, it counts only when it spells a label.
        lead = np.array([parts[p].startswith(piece) for piece, p in zip(pieces, owners, strict=True)])
        evidence = rows.tfidf(pieces) if spelled else np.zeros((len(pieces), n))  # characters only
        floor = np.where(lead & (not strict), TITLE_TFIDF_MIN, TITLE_WINDOW_MIN)
        evidence = np.where(evidence >= floor[:, None], evidence, 0.0)
        if embed is not None and index.occupations.has_embeddings:
            read = [i for i, p in enumerate(owners.tolist()) if not whole_lines_by_meaning or pieces[i] == parts[p]]
            cosine = np.zeros((len(pieces), n), dtype=np.float32)
            if read:
                cosine[read] = rows.cosine([pieces[i] for i in read], embed)
            rescaled = np.clip((cosine - TITLE_EMBEDDING_FLOOR) / (1.0 - TITLE_EMBEDDING_FLOOR), 0.0, 1.0)
            evidence = np.maximum(evidence, np.where(rescaled >= TITLE_EMBEDDING_MIN, rescaled, 0.0))
        blocks.append(evidence)
        block_owners.append(owners)
        # ... and it is counted as long (no sure title).
        block_words.append(np.where(lead, [len(_WORD.findall(piece)) for piece in pieces], TITLE_MAX_WORDS + 1))
    if windows:  # a few words inside a sentence count only when they spell an occupation's label
        evidence = rows.tfidf(windows)
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


def split_phrases(text: str) -> list[str]:
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
    by_skills: Callable[[], np.ndarray],
    title: tuple[np.ndarray, np.ndarray, np.ndarray],
    held: set[int],
) -> set[int]:
    """The occupations to tick: per phrase naming occupations, its best one if two signals (or one sure) agree.
    `by_skills` ranks occupations by the text's skills; it is asked for only where no other signal decides."""
    by_title, where, words = title
    top_by_skills: set[int] | None = None

    def among_top_by_skills(occupation: int) -> bool:
        nonlocal top_by_skills
        if top_by_skills is None:
            scores = by_skills()
            top_by_skills = set(np.argsort(-scores, kind="stable")[:TOP_BY_SKILLS].tolist()) if scores.any() else set()
        return occupation in top_by_skills

    named: dict[int, list[int]] = {}
    for at in np.flatnonzero(where >= 0).tolist():
        named.setdefault(int(where[at]), []).append(at)
    likely: set[int] = set()
    for candidates in named.values():
        occupation = max(candidates, key=lambda o: (float(by_title[o]), float(combined[o]), -o))
        runner_up = max((by_title[o] for o in candidates if o != occupation), default=0.0)
        unambiguous = runner_up < TITLE_MARGIN * by_title[occupation]
        # Spelled out in full, and no other occupation spelled out in full by it ("aide-soignant" names two).
        sure = runner_up < TITLE_SURE <= by_title[occupation] and words[occupation] <= TITLE_SURE_WORDS
        if sure or by_title[occupation] < TITLE_LIKELY:
            if sure:
                likely.add(occupation)
            continue
        essential = index.essential.indices[index.essential.indptr[occupation] : index.essential.indptr[occupation + 1]]
        if (
            bool(held.intersection(essential.tolist()))
            or (unambiguous and by_title[occupation] >= TITLE_CLEAR and words[occupation] <= TITLE_MAX_WORDS)
            or (unambiguous and among_top_by_skills(occupation))
        ):
            likely.add(occupation)
    return likely


def _embedding_each_text_once(model: Embedder, budget: int | None = None) -> Embedder:
    """`model`, remembering each text's vector: a job title's piece is often a whole phrase embedded already, and
    embedding is most of a suggestion's time. At most `budget` tokens are embedded (about 2 ms each on one core):
    the phrases come first, in the text's order, then pieces of lines; a text past the budget gets a zero vector
    and counts by spelling alone. That bounds a request whatever the text's shape."""
    known: dict[str, np.ndarray] = {}
    spent = 0

    def embed(texts: list[str]) -> np.ndarray:
        nonlocal spent
        new = list(dict.fromkeys(t for t in texts if t not in known))
        fitting = []
        for text in new:
            cost = token_count(model, text)
            if budget is not None and spent + cost > budget:
                break
            fitting.append(text)
            spent += cost
        if fitting:
            known.update(zip(fitting, model(fitting), strict=True))
        if len(fitting) < len(new):
            zero = np.zeros(EMBEDDING_DIM, dtype=np.float32)
            known.update(dict.fromkeys(new[len(fitting) :], zero))
        return np.array([known[t] for t in texts], dtype=np.float32).reshape(len(texts), -1)

    return embed


def suggest(text: str, max_skills: int = 20, max_occupations: int = 5) -> TextSuggestions:
    """ESCO skills and occupations suggested by a CV or a vacancy text, best first."""
    if not 1 <= max_skills <= 100:
        raise DomainError(_("max_skills must be between 1 and 100."), field="max_skills")
    if not 1 <= max_occupations <= 50:
        raise DomainError(_("max_occupations must be between 1 and 50."), field="max_occupations")
    parts = split_phrases(text)
    index = esco_text_index()
    model = load_embedder() if index.has_embeddings else None
    embed = _embedding_each_text_once(model, MAX_EMBEDDED_TOKENS) if model is not None else None
    if not parts:
        return TextSuggestions(0, [], [], cross_lingual=embed is not None)
    language = guess_language(text)
    mode = "tfidf" if embed is None else ("fused" if language in ("en", None) else "embedding")
    spelled, strict = language != "es" or embed is None, language == "es" and embed is None
    typed = len(parts) == 1 and looks_like_a_title(parts[0])
    pieces, _owners, windows, _window_owners = _title_candidates(parts, spelled, strict)
    if embed is not None and not typed:
        embed(parts + pieces)  # one model call: the phrases first, then the pieces read as titles (see the budget)
    vectors = embed(parts) if embed is not None else None
    rows = OccupationRows(index)
    readings = read_title(parts[0]) if typed else None
    rows.prepare((pieces if spelled else []) + windows + (reading_texts(readings) if readings is not None else []))

    if mode == "embedding":
        # Raw cosines say whether a phrase names a skill at all; calibrated ones rank occupations (soft matching
        # wants each phrase's scores spread over [0, 1]).
        scores = index.skills.scores(parts, vectors, embedding_weight=1.0, embedding_calibration="none")
        ranking = index.skills.scores(parts, vectors, embedding_weight=1.0, embedding_calibration="mean_max")
    else:  # ESCO's skill labels are English: for French or Spanish text their character n-grams only add noise
        scores = ranking = index.skills.scores(parts, vectors)
    # A language is a skill only where the text asks for it, not where it only names it (a CV's languages line).
    asked = np.array([asks_for_language(phrase) for phrase in parts], dtype=bool)
    scores = np.where(index.language_skill[None, :] & ~asked[:, None], 0.0, scores)
    ranking = np.where(index.language_skill[None, :] & ~asked[:, None], 0.0, ranking)
    if mode == "tfidf" and language in ("fr", "es"):
        # French or Spanish spelled against English skill labels: below SHOW_SCORE only shared letters ("Enfermera"
        # ~ "operate a camera", "cuidados intensivos" ~ "database management"), which would rank occupations of
        # other trades (veterinary nurse, leather manager) for a nurse's CV.
        ranking = np.where(ranking >= SHOW_SCORE[mode], ranking, 0.0)

    def skill_ranking() -> np.ndarray:
        """Occupations ranked by the text's skills (soft matching over their essential skills)."""
        _profile, ranked = rank_occupations(
            ranking, np.zeros(len(parts), dtype=np.int64), 1, index.essential, index.idf, PIPELINE
        )
        assert ranked is not None
        return ranked[0]

    title = _title_evidence(index, parts, embed, spelled, strict, rows, whole_lines_by_meaning=typed)
    by_title, title_phrase = title[0], title[1]
    # A bare job title ("SALES EXEC cum ADMIN") is ranked by the title alone: its own words match skill labels
    # only by accident, and skill evidence would drown the title's.
    typed_title = rank_title(index, parts[0], embed, rows, readings) if typed else None
    # ... and its skills are asked for only when they must decide whether to tick an occupation.
    by_skills = functools.cache(skill_ranking)
    combined = typed_title.scores if typed_title is not None else by_skills() + TITLE_WEIGHT * by_title
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
    shown = [index.occupation_uris[o] for o in ranked[0] if o >= 0]
    names = occupation_names(index)
    language = (get_language() or "en")[:2]
    labels = {uri: names[uri].preferred.get(language) or names[uri].preferred.get("en", "") for uri in shown}
    known = {uri: names[uri].known for uri in shown}
    held = {skill for skill, suggested in chosen.items() if suggested.likely}
    likely = _likely_occupations(index, combined, by_skills, title, held)
    occupations = []
    for occupation, score in zip(ranked[0], _scores[0], strict=True):
        if occupation < 0:
            continue
        uri = index.occupation_uris[occupation]
        essential = index.essential.indices[index.essential.indptr[occupation] : index.essential.indptr[occupation + 1]]
        phrase = parts[title_phrase[occupation]] if title_phrase[occupation] >= 0 else ""
        words, reading = _explained(typed_title, occupation, phrase, known.get(uri, []))
        occupations.append(
            SuggestedOccupation(
                uri=uri,
                label=labels.get(uri, ""),
                isco_code=index.occupation_isco[occupation],
                score=round(float(score), 3),
                phrase=phrase,
                essential_found=len(set(chosen).intersection(essential.tolist())),
                essential_total=len(essential),
                likely=occupation in likely,
                title_words=words,
                reading=reading,
            )
        )
    return TextSuggestions(
        len(parts), skills, occupations, cross_lingual=vectors is not None, job_title=typed_title is not None
    )


@dataclass(frozen=True)
class OccupationNames:
    """An occupation's preferred label per language, and the English and French labels its title words are
    compared with (`_explained`)."""

    preferred: dict[str, str]
    known: list[str]


@per_index
def occupation_names(index: EscoTextIndex) -> dict[str, OccupationNames]:
    """Every occupation's names, read once per index (it is rebuilt when ESCO changes): reading the shown ones
    from the database cost a bare title a fifteenth of its time."""
    fields = ["preferred_label_en", "preferred_label_fr", "preferred_label_es", "alt_labels_en", "alt_labels_fr"]
    names = {}
    for uri, en, fr, es, alt_en, alt_fr in EscoOccupation.objects.values_list("uri", *fields):
        known = [x for field in (en, fr, alt_en, alt_fr) for x in (field or "").splitlines() if x.strip()]
        preferred = {language: label for language, label in (("en", en), ("fr", fr), ("es", es)) if label}
        names[uri] = OccupationNames(preferred, known)
    return names


def _explained(
    typed_title: TitleRanking | None, occupation: int, phrase: str, labels: list[str]
) -> tuple[tuple[str, ...], str]:
    """The words of the title (or of the phrase naming the occupation) that led to it, and the title's reading."""
    if typed_title is not None:
        reading = typed_title.reading(occupation)
        return title_words(typed_title, occupation, labels), reading.text if reading else ""
    if not phrase:
        return (), ""
    readings = read_title(phrase).readings
    # In a longer text only the words the labels share: a sentence's every word did not lead to it.
    return (words_that_led(readings[0], labels, by_meaning=False) if readings else ()), ""
