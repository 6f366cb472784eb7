"""The text benchmark's helpers that need no ESCO data: the on-disk embedding cache."""

from pathlib import Path

import numpy as np

from migdev.core.matching_bench import cached_embedder


def test_cached_embedder_computes_each_text_once_and_survives_a_restart(tmp_path: Path) -> None:
    calls: list[list[str]] = []

    def embed(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return np.array([[len(text), 1.0] for text in texts], dtype=np.float32).reshape(len(texts), 2)

    first = cached_embedder(embed, tmp_path, batch=2)
    assert first(["ab", "c", "ab"]).tolist() == [[2.0, 1.0], [1.0, 1.0], [2.0, 1.0]]
    assert sorted(text for call in calls for text in call) == ["ab", "c"]
    calls.clear()
    again = cached_embedder(embed, tmp_path, batch=2)
    assert again(["c", "def"]).tolist() == [[1.0, 1.0], [3.0, 1.0]]
    assert calls == [["def"]]
    assert again([]).shape == (0, 2)
