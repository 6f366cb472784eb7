"""ESCO label embedding as a durable background job: a run is queued with its job, the worker embeds the labels not
embedded yet (`esco_text.embed_esco_labels`, resumable batch by batch) and writes its progress to the run's row, so
the page shows it and a restart loses nothing (a re-run goes on from the last batch stored)."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from migdev.core.errors import Conflict
from migdev.core.esco_text import EMBEDDING_MODEL, embed_esco_labels, labels_to_embed
from migdev.core.job_records import UNFINISHED, fail_when_abandoned, run_recorded
from migdev.core.models import EscoEmbeddingRun, EscoLabelEmbedding

EMBEDDING_JOB = "migdev.core.tasks.embed_esco_labels_job"


def queue_embedding(requested_by: Any) -> EscoEmbeddingRun:
    """Queue a run (one at a time: a Conflict while another is unfinished). The caller checks the permission."""
    from migdev.core.tasks import embed_esco_labels_job

    with transaction.atomic():  # the job exists exactly when its run does
        if EscoEmbeddingRun.objects.select_for_update().filter(status__in=UNFINISHED).exists():
            raise Conflict(_("An embedding run is already queued or running."), field="run")
        run = EscoEmbeddingRun.objects.create(requested_by=requested_by)
        run.job_id = str(embed_esco_labels_job.enqueue(run.pk).id)
        run.save(update_fields=["job_id"])
    return run


class _RunProgress:
    """A progress reporter writing the labels done to the run's row after each batch."""

    def __init__(self, run_id: int) -> None:
        self.run_id = run_id

    @contextmanager
    def task(self, description: str, total: int | None) -> Iterator["_RunProgress.Task"]:
        EscoEmbeddingRun.objects.filter(pk=self.run_id).update(total=total, done=0)
        yield self.Task(self.run_id)

    class Task:
        def __init__(self, run_id: int) -> None:
            self.run_id, self.done = run_id, 0

        def advance(self, amount: int = 1) -> None:
            self.done += amount
            EscoEmbeddingRun.objects.filter(pk=self.run_id).update(done=self.done)


def run_embedding(run_id: int) -> None:
    """The job's body: embed what is missing, recording progress and how it ended on the run."""
    run_recorded(
        EscoEmbeddingRun.objects.all(),
        run_id,
        lambda run: {"message": embed_esco_labels(_RunProgress(run.pk))},
        unexpected=gettext_lazy(
            "An unexpected error stopped the run; the labels embedded so far are kept. Run it again."
        ),
    )


def embedding_state() -> dict[str, int]:
    """How many ESCO labels there are to embed and how many are embedded now."""
    embedded = EscoLabelEmbedding.objects.filter(model=EMBEDDING_MODEL).count()
    return {"labels": len(labels_to_embed()), "embedded": embedded}


# The worker died mid-run: the batches stored stay (each is its own transaction); say so, so it can be re-run.
fail_when_abandoned(
    EMBEDDING_JOB,
    EscoEmbeddingRun,
    gettext_lazy("The worker stopped before the run finished; the labels embedded so far are kept. Run it again."),
)
