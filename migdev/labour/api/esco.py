"""Labour exchange API: the ESCO label embeddings the suggestion box reads, and background runs that embed them."""

from datetime import datetime

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from migdev.accounts.api import AUTH
from migdev.accounts.rules import require_permission
from migdev.accounts.views import signed_in
from migdev.core.models import EscoEmbeddingRun
from migdev.labour.selectors import esco as selectors
from migdev.labour.services import esco as services

router = Router(tags=["labour"])


class EmbeddingRunOut(Schema):
    id: int
    status: str = Field(..., description="queued, running, done or failed")
    done: int = Field(..., description="Labels handled so far")
    total: int | None = Field(..., description="Labels this run handles (known once it runs)")
    message: str = Field(..., description="What came of it, or why it failed")
    requested_at: datetime
    finished_at: datetime | None


class EmbeddingsOut(Schema):
    labels: int = Field(..., description="ESCO labels the index embeds")
    embedded: int = Field(..., description="Embeddings stored")
    runs: list[EmbeddingRunOut]


def _run(run: EscoEmbeddingRun) -> EmbeddingRunOut:
    return EmbeddingRunOut.model_validate(run, from_attributes=True)


@router.get("/esco-embeddings", response=EmbeddingsOut, auth=AUTH, summary="ESCO label embeddings and their runs")
def esco_embeddings(request: HttpRequest) -> EmbeddingsOut:
    require_permission(services.queue_esco_embedding, signed_in(request))
    state = selectors.embedding_state()
    return EmbeddingsOut(**state, runs=[_run(run) for run in selectors.embedding_runs()])


@router.post(
    "/esco-embeddings/runs",
    response={202: EmbeddingRunOut},
    auth=AUTH,
    summary="Embed the ESCO labels not embedded yet (a background job; one run at a time)",
)
def queue_run(request: HttpRequest) -> Status[EmbeddingRunOut]:
    return Status(202, _run(services.queue_esco_embedding(signed_in(request))))
