"""ESCO label vectors shipped with MigDev, so that a new site need not embed 20,000 labels (minutes) at setup.

The file holds, for one embedding model, a 64-bit key per (kind, concept URI, language, label) and its vector. A label
whose text changed has another key, so it is embedded afresh: the shipped copy is only ever a cache of the model's
output. `migdev embed_esco --ship` rewrites it from the vectors stored in the database.
"""

import hashlib
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

SHIPPED = Path(__file__).parent / "data" / "esco_label_vectors" / "label-vectors.npz"


class Label(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def concept_uri(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def label(self) -> str: ...


def label_key(model: str, item: Label) -> int:
    """A stable 64-bit key of the model and the label as embedded."""
    text = "\x1f".join((model, item.kind, item.concept_uri, item.language, item.label))
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


@cache
def _shipped(path: Path, model: str) -> tuple[dict[int, int], np.ndarray]:
    if not path.is_file():
        return {}, np.zeros((0, 0), dtype=np.float16)
    with np.load(path, allow_pickle=False) as data:
        if str(data["model"]) != model:
            return {}, np.zeros((0, 0), dtype=np.float16)
        keys, vectors = data["keys"], data["vectors"]
    return {int(key): row for row, key in enumerate(keys.tolist())}, vectors


def shipped_vectors(model: str, items: Sequence[Label], path: Path = SHIPPED) -> list[np.ndarray | None]:
    """The shipped vector of each item (float16), or None where the file has none for it."""
    rows, vectors = _shipped(path, model)
    found: list[np.ndarray | None] = []
    for item in items:
        row = rows.get(label_key(model, item))
        found.append(None if row is None else vectors[row])
    return found


def write_shipped(model: str, items: Sequence[Label], vectors: np.ndarray, path: Path = SHIPPED) -> None:
    """Write the shipped file (compressed), replacing it whole."""
    keys = np.array([label_key(model, item) for item in items], dtype=np.uint64)
    partial = path.with_suffix(".partial.npz")
    np.savez_compressed(partial, model=np.array(model), keys=keys, vectors=np.asarray(vectors, dtype=np.float16))
    partial.replace(path)
    _shipped.cache_clear()
