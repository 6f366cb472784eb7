"""Allocation runs are durable jobs: queued with their run, computed by `migdev worker`; a run whose worker died is
failed with a reason when another worker starts, refused when confirmed, and re-run by the scheme's officials."""

from typing import Any

import pytest
from django.test import Client
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from migdev.accounts.models import User
from migdev.accounts.services import create_api_token
from migdev.core import jobs
from migdev.core.tests.slow_jobs import run_waiting_jobs
from migdev.labour.models import MatchRun
from migdev.labour.services import matching as services
from migdev.labour.tests.factories_matching import MatchingWorld

pytestmark = pytest.mark.django_db

API = "/api/v1/labour"
ROOT = "/en/labour"
STOPPED = "The job worker stopped during the run."


@pytest.fixture
def world(settings: Any) -> MatchingWorld:
    settings.LABOUR_MATCHING_SYNC = False
    return MatchingWorld()


def api(user: User) -> Client:
    _token, key = create_api_token(user, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def page(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def left_behind(world: MatchingWorld) -> MatchRun:
    """A run whose worker was killed mid-run, once the next worker has started (and reaped its job)."""
    run = services.start_match_run(world.official, world.scheme, world.season, {"min_score": 0.0})
    DBTaskResult.objects.get(id=run.job_id).claim("killed-worker")  # never registered a heartbeat: dead
    MatchRun.objects.filter(pk=run.pk).update(status=MatchRun.Status.RUNNING, progress=45)
    assert jobs.reap_abandoned_jobs() == [run.job_id]
    run.refresh_from_db()
    return run


def test_a_run_is_queued_as_a_job_with_the_run_and_computed_by_a_worker(world: MatchingWorld) -> None:
    run = services.start_match_run(world.official, world.scheme, world.season, {"min_score": 0.0})
    assert run.status == MatchRun.Status.QUEUED and run.job_id
    assert jobs.job_status(run.job_id) == TaskResultStatus.READY
    run_waiting_jobs()
    run.refresh_from_db()
    assert run.status == MatchRun.Status.DONE and run.assignments.count() == 4
    assert jobs.job_status(run.job_id) == TaskResultStatus.SUCCESSFUL


def test_no_job_is_left_when_the_run_is_not_created(world: MatchingWorld) -> None:
    with pytest.raises(services.DomainError):
        services.start_match_run(world.official, world.scheme, world.season, {"min_score": 7})
    assert not DBTaskResult.objects.exists() and not MatchRun.objects.exists()


def test_the_run_page_says_when_no_worker_runs(world: MatchingWorld) -> None:
    run = services.start_match_run(world.official, world.scheme, world.season)
    body = page(world.official).get(f"{ROOT}/official/runs/{run.pk}/").content.decode()
    assert "No job worker is running" in body
    jobs.register_worker("here")
    body = page(world.official).get(f"{ROOT}/official/runs/{run.pk}/").content.decode()
    assert "No job worker is running" not in body


def test_a_run_whose_worker_died_is_failed_with_the_reason(world: MatchingWorld) -> None:
    run = left_behind(world)
    assert run.status == MatchRun.Status.FAILED and run.failure == MatchRun.Failure.SERVER_STOPPED
    assert STOPPED in run.failure_message and run.finished_at
    run_waiting_jobs()  # the next worker does not compute the failed run
    run.refresh_from_db()
    assert run.status == MatchRun.Status.FAILED and not run.assignments.exists()


def test_the_reason_is_shown_in_the_readers_language(world: MatchingWorld) -> None:
    run = left_behind(world)
    body = api(world.official).get(f"{API}/runs/{run.pk}", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert body["status"] == "failed" and body["failure"] == "server_stopped"
    assert body["error"] and STOPPED not in body["error"]  # French, not English
    assert STOPPED in api(world.official).get(f"{API}/runs/{run.pk}").json()["error"]


def test_confirming_a_run_left_behind_answers_that_it_failed(world: MatchingWorld) -> None:
    run = left_behind(world)
    response = api(world.official).post(f"{API}/runs/{run.pk}/confirm")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "run_failed" and error["field"] == "status"
    assert STOPPED in error["message"] and "Re-run" in error["message"]


def test_a_failed_run_is_re_run_through_the_api(world: MatchingWorld, settings: Any) -> None:
    run = left_behind(world)
    settings.LABOUR_MATCHING_SYNC = True
    assert api(world.other_official).post(f"{API}/runs/{run.pk}/rerun").status_code == 404
    response = api(world.official).post(f"{API}/runs/{run.pk}/rerun")
    assert response.status_code == 202, response.content
    again = response.json()
    assert again["rerun_of"] == run.pk and again["status"] == "done" and again["season"] == world.season
    assert again["parameters"] == {"min_score": 0.0} and len(again["assignments"]) == 4
    refused = api(world.official).post(f"{API}/runs/{again['id']}/rerun")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "run_not_ready"


def test_a_failed_run_is_re_run_from_its_page_by_a_worker(world: MatchingWorld) -> None:
    run = left_behind(world)
    client = page(world.official)
    before = client.get(f"{ROOT}/official/runs/{run.pk}/").content.decode()
    assert STOPPED in before and f"/official/runs/{run.pk}/rerun/" in before
    response = client.post(f"{ROOT}/official/runs/{run.pk}/rerun/")
    again = MatchRun.objects.get(rerun_of=run)
    assert response.status_code == 302 and response["Location"].endswith(f"/official/runs/{again.pk}/")
    assert again.status == MatchRun.Status.QUEUED
    run_waiting_jobs()
    again.refresh_from_db()
    assert again.status == MatchRun.Status.DONE and again.assignments.count() == 4
    review = client.get(response["Location"]).content.decode()
    assert f"Run #{run.pk} is being re-run as run #{again.pk}." in review and "W-BEST" in review
