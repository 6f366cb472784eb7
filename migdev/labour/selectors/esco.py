"""Reads about the ESCO text index: the embedding runs and how many labels are embedded."""

from django.db.models import QuerySet

from migdev.core.esco_embedding import embedding_state
from migdev.core.models import EscoEmbeddingRun

__all__ = ["embedding_runs", "embedding_state"]


def embedding_runs(limit: int = 20) -> QuerySet[EscoEmbeddingRun]:
    """The latest embedding runs, newest first, with who asked for them."""
    return EscoEmbeddingRun.objects.select_related("requested_by")[:limit]
