"""A durable job's record is kept true: running while it works, then done with what the job returned, or failed with
a domain error's message or, for any other error, a message for the unexpected (the error is raised again); a
finished record is left alone; a record whose worker died is failed with the room's message."""

from typing import Any

import pytest

from migdev.core.errors import DomainError
from migdev.core.job_records import fail_when_abandoned, failed, run_recorded
from migdev.core.jobs import job_abandoned
from migdev.core.models import EscoEmbeddingRun

pytestmark = pytest.mark.django_db


def _run(body: Any) -> EscoEmbeddingRun:
    run = EscoEmbeddingRun.objects.create()
    run_recorded(EscoEmbeddingRun.objects.all(), run.pk, body, unexpected="Something broke.")
    run.refresh_from_db()
    return run


def test_a_body_that_works_is_done_with_what_it_returned_and_is_seen_running_meanwhile() -> None:
    seen = []

    def body(run: EscoEmbeddingRun) -> dict[str, Any]:
        seen.append(EscoEmbeddingRun.objects.get(pk=run.pk).status)
        return {"message": "12 labels embedded.", "done": 12}

    run = _run(body)
    assert seen == ["running"]
    assert (run.status, run.message, run.done) == ("done", "12 labels embedded.", 12) and run.finished_at


def test_a_domain_error_or_a_caught_one_fails_the_record_with_its_message() -> None:
    def breaks_a_rule(run: EscoEmbeddingRun) -> dict[str, Any]:
        raise DomainError("row 3, column iso3: unknown code", "file")

    run = _run(breaks_a_rule)
    assert (run.status, run.message) == ("failed", "row 3, column iso3: unknown code") and run.finished_at
    assert _run(lambda run: failed("upload.csv is empty")).message == "upload.csv is empty"


def test_an_unexpected_error_fails_the_record_and_is_raised_again() -> None:
    run = EscoEmbeddingRun.objects.create()

    def crashes(run: EscoEmbeddingRun) -> dict[str, Any]:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        run_recorded(EscoEmbeddingRun.objects.all(), run.pk, crashes, unexpected="Something broke.")
    run.refresh_from_db()
    assert (run.status, run.message) == ("failed", "Something broke.") and run.finished_at


def test_a_finished_or_missing_record_is_left_alone() -> None:
    finished = EscoEmbeddingRun.objects.create(status="done", message="earlier")
    calls = []
    run_recorded(EscoEmbeddingRun.objects.all(), finished.pk, calls.append, unexpected="x")
    run_recorded(EscoEmbeddingRun.objects.all(), finished.pk + 1000, calls.append, unexpected="x")
    finished.refresh_from_db()
    assert calls == [] and (finished.status, finished.message) == ("done", "earlier")


def test_a_record_whose_worker_died_is_failed_with_the_rooms_message() -> None:
    fail_when_abandoned("tests.job", EscoEmbeddingRun, "The worker stopped; run it again.")
    waiting, finished = EscoEmbeddingRun.objects.create(), EscoEmbeddingRun.objects.create(status="done")
    for run in (waiting, finished):
        job_abandoned.send(sender="tests.job", job_id="j", args=[run.pk], kwargs={}, reason="gone")
    job_abandoned.send(sender="tests.other-job", job_id="k", args=[waiting.pk], kwargs={}, reason="gone")
    waiting.refresh_from_db()
    finished.refresh_from_db()
    assert (waiting.status, waiting.message) == ("failed", "The worker stopped; run it again.")
    assert finished.status == "done"
