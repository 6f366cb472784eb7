"""A steward embeds ESCO labels as a background run: page and API, one run at a time, progress, a dead worker."""

import pytest
from django.test import Client

from migdev.accounts.models import User
from migdev.core.esco_embedding import EMBEDDING_JOB
from migdev.core.jobs import job_abandoned
from migdev.core.models import EscoEmbeddingRun, EscoLabelEmbedding
from migdev.core.tests.slow_jobs import run_waiting_jobs

pytestmark = pytest.mark.django_db


def steward() -> User:
    return User.objects.create_user("esco-steward", password="x", is_steward=True)


def test_only_stewards_see_the_page() -> None:
    client = Client()
    assert client.get("/en/labour/esco/embeddings/").status_code == 302  # to sign in
    client.force_login(User.objects.create_user("esco-worker", password="x"))
    assert client.get("/en/labour/esco/embeddings/").status_code == 403
    assert client.post("/en/labour/esco/embeddings/").status_code == 403
    assert not EscoEmbeddingRun.objects.exists()


def test_a_steward_queues_a_run_that_a_worker_carries_out_with_its_progress() -> None:
    client = Client()
    client.force_login(steward())
    EscoLabelEmbedding.objects.all().delete()
    page = client.post("/en/labour/esco/embeddings/", follow=True).content.decode()
    assert "The run is queued" in page and 'http-equiv="refresh"' in page
    run = EscoEmbeddingRun.objects.get()
    assert (run.status, run.job_id != "", run.requested_by.username) == ("queued", True, "esco-steward")
    second = client.post("/en/labour/esco/embeddings/", follow=True).content.decode()
    assert "already queued or running" in second and EscoEmbeddingRun.objects.count() == 1

    run_waiting_jobs()
    run.refresh_from_db()
    assert run.status == "done" and run.finished_at is not None
    assert run.total and run.done == run.total == EscoLabelEmbedding.objects.count()
    assert "labels embedded" in run.message
    page = client.get("/en/labour/esco/embeddings/").content.decode()
    assert f"{run.total} of {run.total}" in page and 'http-equiv="refresh"' not in page


def test_the_api_shows_the_state_and_queues_one_run_at_a_time() -> None:
    client = Client()
    client.force_login(steward())
    body = client.get("/api/v1/labour/esco-embeddings").json()
    assert body["labels"] > 0 and body["runs"] == []
    queued = client.post("/api/v1/labour/esco-embeddings/runs")
    assert queued.status_code == 202 and queued.json()["status"] == "queued"
    again = client.post("/api/v1/labour/esco-embeddings/runs")
    assert (again.status_code, again.json()["error"]["code"]) == (409, "conflict")
    assert [r["id"] for r in client.get("/api/v1/labour/esco-embeddings").json()["runs"]] == [queued.json()["id"]]

    client.force_login(User.objects.create_user("esco-worker", password="x"))
    assert client.post("/api/v1/labour/esco-embeddings/runs").status_code == 403
    assert client.get("/api/v1/labour/esco-embeddings").status_code == 403


def test_a_run_whose_worker_died_is_failed_with_a_reason_and_can_run_again() -> None:
    client = Client()
    client.force_login(steward())
    run_id = client.post("/api/v1/labour/esco-embeddings/runs").json()["id"]
    run = EscoEmbeddingRun.objects.get(pk=run_id)
    job_abandoned.send(sender=EMBEDDING_JOB, job_id=run.job_id, args=[run.pk], kwargs={}, reason="gone")
    run.refresh_from_db()
    assert run.status == "failed" and "Run it again" in run.message
    assert client.post("/api/v1/labour/esco-embeddings/runs").status_code == 202


def test_a_run_that_breaks_unexpectedly_is_failed_not_left_running() -> None:
    from unittest import mock

    from migdev.core import esco_embedding

    client = Client()
    client.force_login(steward())
    run_id = client.post("/api/v1/labour/esco-embeddings/runs").json()["id"]
    broken = mock.patch.object(esco_embedding, "embed_esco_labels", side_effect=OSError("disk full"))
    with broken, pytest.raises(OSError):
        esco_embedding.run_embedding(run_id)
    run = EscoEmbeddingRun.objects.get(pk=run_id)
    assert run.status == "failed" and "unexpected error" in run.message and run.finished_at is not None
    assert client.post("/api/v1/labour/esco-embeddings/runs").status_code == 202
