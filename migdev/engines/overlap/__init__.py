"""Overlaps between consultative processes (pure numpy): shared members (Jaccard) and similar processes (shared
themes weighted by how rare they are, IDF, plus shared members)."""

from migdev.engines.overlap.engine import (
    Overlap,
    Profile,
    Similarity,
    jaccard_matrix,
    overlaps,
    similar,
    theme_idf,
)

__all__ = ["Overlap", "Profile", "Similarity", "jaccard_matrix", "overlaps", "similar", "theme_idf"]
