"""The real-title benchmark: vacancy titles as typed on a job board, each tagged with its ESCO occupation.

Reads a CSV with the columns `vacancyTitle` and `conceptUri` (the JobBERT evaluation set's layout: Decorte et al.,
2021, repository jensjorisdecorte/JobBERT-evaluation-dataset; it carries no licence, so MigDev never ships it: the
file is read from the path given). Three rankers over the same ESCO index, in one run: the engine's title index as it
is (`LabelIndex` over occupation labels fused with e5), the end-to-end suggestion path (`esco_suggestions.suggest`,
what the labour exchange's box and API answer), and a character n-gram TF-IDF baseline. Figures are reported,
never asserted.
"""

import csv
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from migdev.core import esco_suggestions, esco_text, esco_titles

# Ranks counted for the mean reciprocal rank (a right occupation further down counts 0).
DEPTH = 10
TIMED = 200  # titles timed through the title ranking alone


class RealTitlesError(ValueError):
    """The titles file cannot be read; the message names the file and the row."""


def read_real_titles(path: Path) -> list[tuple[str, str]]:
    """(title, ESCO occupation URI) rows of the file, or RealTitlesError naming the row at fault."""
    if not path.is_file():
        raise RealTitlesError(f"{path}: no such file")
    rows: list[tuple[str, str]] = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"vacancyTitle", "conceptUri"} - set(reader.fieldnames or [])
            if missing:
                raise RealTitlesError(f"{path}: no column {', '.join(sorted(missing))}")
            for line, row in enumerate(reader, start=2):
                title, uri = (row.get("vacancyTitle") or "").strip(), (row.get("conceptUri") or "").strip()
                if not uri.startswith("http://data.europa.eu/esco/occupation/"):
                    raise RealTitlesError(f"{path}: row {line}: conceptUri {uri!r} is not an ESCO occupation")
                if title:
                    rows.append((title, uri))
    except UnicodeDecodeError as error:
        raise RealTitlesError(f"{path}: not UTF-8 (byte {error.start})") from error
    if not rows:
        raise RealTitlesError(f"{path}: no titles")
    return rows


def _figures(prefix: str, ranked: np.ndarray, truth: np.ndarray, isco: np.ndarray) -> dict[str, Any]:
    """Acc@1, Acc@5, MRR over the first DEPTH and ISCO-08 4-digit agreement of the first, for (titles × DEPTH)."""
    hit = ranked == truth[:, None]
    rank = np.where(hit.any(axis=1), hit.argmax(axis=1) + 1, 0)
    first = ranked[:, 0]
    return {
        f"{prefix}_acc_at_1": round(float(np.mean(rank == 1)), 4),
        f"{prefix}_acc_at_5": round(float(np.mean((rank >= 1) & (rank <= 5))), 4),
        f"{prefix}_mrr": round(float(np.mean(np.where(rank > 0, 1.0 / np.maximum(rank, 1), 0.0))), 4),
        f"{prefix}_isco4_at_1": round(float(np.mean((first >= 0) & (isco[np.maximum(first, 0)] == isco[truth]))), 4),
    }


def _top(scores: np.ndarray) -> np.ndarray:
    from migdev.engines.matching.text import top_k

    return top_k(scores, DEPTH)[0]


def run_real_titles(
    path: Path, sample: int | None = None, seed: int = 0, progress: Callable[[int, int], None] | None = None
) -> dict[str, Any]:
    """The three rankers on the file's titles (or a seeded `sample` of them); per-title time of the suggestion path."""
    rows = read_real_titles(path)
    index = esco_text.esco_text_index()
    position = {uri: i for i, uri in enumerate(index.occupation_uris)}
    known = [(title, position[uri]) for title, uri in rows if uri in position]
    if sample is not None and sample < len(known):
        pick = np.sort(np.random.default_rng(seed).choice(len(known), size=sample, replace=False))
        known = [known[i] for i in pick]
    titles = [title for title, _ in known]
    truth = np.array([o for _, o in known], dtype=np.int64)
    isco = esco_titles.isco_groups(index)
    embed = esco_text.load_embedder() if index.has_embeddings else None
    figures: dict[str, Any] = {
        "real_titles_file": str(path),
        "real_titles_rows": len(rows),
        "real_titles_scored": len(titles),
        "real_titles_unknown_occupation": len(rows) - len([1 for _, uri in rows if uri in position]),
        "real_titles_embeddings": embed is not None,
    }
    vectors = embed(titles) if embed is not None else None

    tfidf = np.vstack([_top(index.occupations.scores(titles[lo : lo + 512])) for lo in range(0, len(titles), 512)])
    figures.update(_figures("real_titles_tfidf", tfidf, truth, isco))
    title_index = np.vstack(
        [
            _top(index.occupations.scores(titles[lo : lo + 512], None if vectors is None else vectors[lo : lo + 512]))
            for lo in range(0, len(titles), 512)
        ]
    )
    figures.update(_figures("real_titles_title_index", title_index, truth, isco))

    at = {uri: i for i, uri in enumerate(index.occupation_uris)}
    esco_suggestions.suggest("Welder")  # warm-up: the model's first call
    suggested = np.full((len(titles), DEPTH), -1, dtype=np.int64)
    seconds: list[float] = []
    for i, title in enumerate(titles):
        tic = time.perf_counter()
        found = esco_suggestions.suggest(title[: esco_suggestions.MAX_TEXT_CHARS], max_occupations=DEPTH)
        seconds.append(time.perf_counter() - tic)
        for rank, occupation in enumerate(found.occupations):
            suggested[i, rank] = at[occupation.uri]
        if progress is not None:
            progress(i + 1, len(titles))
    figures.update(_figures("real_titles_suggest", suggested, truth, isco))
    figures["real_titles_suggest_ms_median"] = round(1000 * statistics.median(seconds), 1)
    figures["real_titles_suggest_ms_p95"] = round(1000 * float(np.percentile(seconds, 95)), 1)
    # The title ranking alone (reading the title, scoring its readings, the group lift), the title embedded afresh.
    ranking: list[float] = []
    for title in titles[:TIMED]:
        tic = time.perf_counter()
        esco_titles.rank_title(index, title, embed)
        ranking.append(time.perf_counter() - tic)
    figures["real_titles_rank_title_ms_median"] = round(1000 * statistics.median(ranking), 1)
    return figures
