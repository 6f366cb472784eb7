"""Every English and French label of every ESCO occupation, embedded, for ranking typed job titles by meaning.

A typed title's e5 vector is compared with all of an occupation's labels (about seventeen each) and the cosines are
pooled by a soft vote (`engines.matching.text.VotingLabelVectors`): on real vacancy titles that ranks the tagged
occupation first and among the first five more often than the preferred label's cosine alone does
(docs/benchmarks.md, "Job titles as people type them"). Embedding 46,000 label texts takes about ten minutes, so
the vectors are shipped (`data/esco_label_vectors/occupation-labels.npz`), keyed by the label's text: a label not in
the file (after an ESCO update) is left out of the vote until `migdev embed_esco --ship-occupation-labels` rewrites
it, and its occupation keeps its other labels. The vectors are read from the file when the index is built, never
stored in the database.
"""

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError
from migdev.core.progress import ProgressReporter
from migdev.engines.matching.text import VotingLabelVectors

OCCUPATION_LABELS = Path(__file__).parent / "data" / "esco_label_vectors" / "occupation-labels.npz"
BATCH = 256


def occupation_label_texts(
    labels_by_occupation: Sequence[Sequence[str | None]],
) -> tuple[list[str], list[int]]:
    """Each occupation's label texts, one per line of each field (preferred and alternative, English and French),
    with the occupation's position. A text ESCO lists in both languages ("chef", "web designer") votes twice: kept
    so, as that was measured better on the validation titles (Acc@1 0.285 against 0.267 with each text once)."""
    texts: list[str] = []
    owners: list[int] = []
    for position, fields in enumerate(labels_by_occupation):
        for field in fields:
            for line in (field or "").splitlines():
                if line.strip():
                    texts.append(line.strip())
                    owners.append(position)
    return texts, owners


def file_identity(path: Path = OCCUPATION_LABELS) -> tuple[int, int] | None:
    """What tells a rewritten file apart (size, modification time), for the index's cache key."""
    return (path.stat().st_size, path.stat().st_mtime_ns) if path.is_file() else None


def voting_vectors(
    model: str, texts: Sequence[str], owners: Sequence[int], n_occupations: int, path: Path = OCCUPATION_LABELS
) -> VotingLabelVectors | None:
    """The shipped vectors of those label texts the file holds, grouped by occupation; None without a file for
    this model or when it holds none of them."""
    if not path.is_file():
        return None
    with np.load(path, allow_pickle=False) as data:
        if str(data["model"]) != model:
            return None
        row_of = {text: row for row, text in enumerate(data["labels"].tolist())}
        codes, scales = data["codes"], data["scales"]
    found = [(row_of[text], owner) for text, owner in zip(texts, owners, strict=True) if text in row_of]
    if not found:
        return None
    rows = np.array([row for row, _ in found], dtype=np.int64)
    vectors = codes[rows].astype(np.float32) * scales[rows, None]
    return VotingLabelVectors.build(vectors, [o for _, o in found], n_occupations)


def ship_occupation_labels(
    model: str,
    embed: Callable[[list[str]], np.ndarray],
    texts: Sequence[str],
    progress: ProgressReporter,
    path: Path = OCCUPATION_LABELS,
) -> int:
    """Embed every distinct label text and rewrite the shipped file whole; returns how many texts it holds."""
    unique = sorted(set(texts))
    if not unique:
        raise DomainError(_("ESCO is not loaded: run `migdev setup` first."), field="esco")
    chunks = []
    with progress.task(_("Embedding ESCO occupation labels"), total=len(unique)) as task:
        for start in range(0, len(unique), BATCH):
            chunk = unique[start : start + BATCH]
            chunks.append(np.asarray(embed(chunk), dtype=np.float32))
            task.advance(len(chunk))
    vectors = np.vstack(chunks)
    # Each vector as 8-bit codes times its own scale: half the bytes of float16, and the same figures on the
    # validation titles (docs/benchmarks.md).
    scales = np.maximum(np.abs(vectors).max(axis=1), np.finfo(np.float32).tiny) / 127.0
    codes = np.round(vectors / scales[:, None]).astype(np.int8)
    partial = path.with_suffix(".partial.npz")
    np.savez_compressed(
        partial, model=np.array(model), labels=np.array(unique), codes=codes, scales=scales.astype(np.float32)
    )
    partial.replace(path)
    return len(unique)
