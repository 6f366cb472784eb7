"""A durable job's record (`core.models.JobRecord`) kept true whatever becomes of the job.

A job's body runs through `run_recorded`: the record shows running while it works and, when it ends, done or failed
with a message. A rule broken (`DomainError`) fails it with that rule's message; any other error fails it with the
room's message for the unexpected and is raised again, so the worker logs it in full and fails the job too. A record
is never left running by an error, which would refuse the next run or leave its owner waiting. A job whose worker
died is failed by `fail_when_abandoned`, which a room registers once per job.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from migdev.core.errors import DomainError
from migdev.core.jobs import job_abandoned
from migdev.core.models import JobRecord

UNFINISHED = (JobRecord.Status.QUEUED, JobRecord.Status.RUNNING)

# What an uploaded file's check says when it ends unexpectedly or its worker dies (it loads in one transaction).
UPLOAD_BROKE = gettext_lazy("An unexpected error stopped the check; nothing was stored. Upload the file again.")
UPLOAD_ABANDONED = gettext_lazy("The job worker stopped while checking the file; nothing was stored. Upload it again.")

Record = TypeVar("Record", bound=Model)


def run_recorded(
    records: QuerySet[Record], record_id: int, body: Callable[[Record], dict[str, Any]], *, unexpected: str | Promise
) -> None:
    """Run `body` on an unfinished record and store how it ended: what `body` returns (its `status` defaults to
    done), a domain error's message, or `unexpected` for any other error (raised again). A finished or missing
    record is left alone: a job delivered twice does its work once."""
    record = records.filter(pk=record_id).first()
    if record is None or record.status not in UNFINISHED:  # type: ignore[attr-defined]
        return
    rows = records.model._default_manager.filter(pk=record_id)
    rows.update(status=JobRecord.Status.RUNNING)
    try:
        outcome = {"status": JobRecord.Status.DONE} | body(record)
    except DomainError as error:
        outcome = {"status": JobRecord.Status.FAILED, "message": str(error.message)}
    except Exception:
        rows.update(status=JobRecord.Status.FAILED, message=str(unexpected), finished_at=timezone.now())
        raise
    rows.update(finished_at=timezone.now(), **outcome)


def failed(message: str | Promise) -> dict[str, Any]:
    """The outcome of a body that caught its own error (e.g. to name the uploaded file rather than its copy)."""
    return {"status": JobRecord.Status.FAILED, "message": str(message)}


def fail_when_abandoned(job: str, model: type[Model], message: str | Promise) -> None:
    """When the worker running `job` (a task path, whose first argument is the record's id) dies, fail the record
    with `message`: say what was kept and what to do next."""

    def fail(sender: str, args: list[Any], **kwargs: Any) -> None:
        if sender != job or not args:
            return
        model._default_manager.filter(pk=args[0], status__in=UNFINISHED).update(
            status=JobRecord.Status.FAILED, message=str(message), finished_at=timezone.now()
        )

    job_abandoned.connect(fail, weak=False, dispatch_uid=f"job-abandoned:{job}")
