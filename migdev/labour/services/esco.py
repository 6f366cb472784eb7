"""Writes about the ESCO text index the exchange's suggestion box reads: a steward queues the embedding of labels."""

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core import esco_embedding
from migdev.core.models import EscoEmbeddingRun
from migdev.labour import rules as _rules  # noqa: F401  (registers the permissions)


@checks_permission("labour.embed_esco_labels")
def queue_esco_embedding(actor: User) -> EscoEmbeddingRun:
    """Queue a background run embedding the ESCO labels not embedded yet (one run at a time: 409 otherwise)."""
    return esco_embedding.queue_embedding(actor)
