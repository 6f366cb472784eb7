"""Runs left queued or running by a stopped server: failed with a reason on start-up and when read, refused when
confirmed, and re-run by the scheme's officials through the API and the run's page."""

import os
import socket
from typing import Any

import psutil
import pytest
from django.core.signals import request_started
from django.db import close_old_connections
from django.test import Client

from migdev.accounts.models import User
from migdev.accounts.services import create_api_token
from migdev.core.errors import PermissionDenied
from migdev.labour import run_ownership
from migdev.labour.models import MatchRun
from migdev.labour.selectors import matching as selectors
from migdev.labour.services import matching as services
from migdev.labour.tests.factories_matching import MatchingWorld

pytestmark = pytest.mark.django_db

API = "/api/v1/labour"
ROOT = "/en/labour"
STOPPED = "The server stopped during the run."
# Above Linux's largest possible pid_max (2**22): no process can have this id.
NO_SUCH_PID = 2**22 + 1


@pytest.fixture
def world(settings: Any) -> MatchingWorld:
    settings.LABOUR_MATCHING_SYNC = True
    return MatchingWorld()


def left_behind(world: MatchingWorld, status: str = MatchRun.Status.RUNNING, **owner: Any) -> MatchRun:
    """A run as a killed server leaves it: its owner (by default a process that has since stopped) never finishes it."""
    this = psutil.Process()
    fields = {
        "owner_host": run_ownership.this_host(),
        "owner_pid": os.getpid(),
        # The same pid, started long before this process: the pid was given to a new process after a restart.
        "owner_started": this.create_time() - 3600,
        **owner,
    }
    return MatchRun.objects.create(
        scheme=world.scheme,
        season=world.season,
        parameters={"min_score": 0.0},
        status=status,
        progress=5 if status == MatchRun.Status.RUNNING else 0,
        created_by=world.official,
        **fields,
    )


def api(user: User) -> Client:
    _token, key = create_api_token(user, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def page(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_new_runs_record_the_process_that_owns_them(world: MatchingWorld) -> None:
    run = services.start_match_run(world.official, world.scheme, world.season, run_now=True)
    assert run.owner_host.startswith(socket.gethostname()) and run.owner_pid == os.getpid()
    assert run.owner_started == pytest.approx(psutil.Process().create_time())


def test_runs_of_a_dead_process_are_failed_when_listed_or_read(world: MatchingWorld) -> None:
    reused_pid = left_behind(world)
    gone = left_behind(world, MatchRun.Status.QUEUED, owner_pid=NO_SUCH_PID)
    alive = left_behind(world, owner_started=psutil.Process().create_time())
    elsewhere = left_behind(world, owner_host="another-host.invalid", owner_pid=NO_SUCH_PID)
    # Same host name, another container (pid namespace): its pids are not ours to judge.
    container = left_behind(world, owner_host=f"{socket.gethostname()} pid:[1]", owner_pid=NO_SUCH_PID)
    listed = {run.pk: run for run in selectors.runs_of_scheme(world.official, world.scheme)}
    for run in (reused_pid, gone):
        assert listed[run.pk].status == MatchRun.Status.FAILED
        assert listed[run.pk].failure == MatchRun.Failure.SERVER_STOPPED
        assert STOPPED in listed[run.pk].failure_message and listed[run.pk].finished_at
    assert listed[alive.pk].status == MatchRun.Status.RUNNING  # its process still runs
    for run in (elsewhere, container):
        assert listed[run.pk].status == MatchRun.Status.RUNNING  # cannot be judged from here
    one = left_behind(world)
    read = selectors.run_by_id(world.official, one.pk)
    assert read.status == MatchRun.Status.FAILED and read.failure == MatchRun.Failure.SERVER_STOPPED


def test_the_first_request_of_a_server_fails_runs_left_by_the_previous_one(
    world: MatchingWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = left_behind(world)
    monkeypatch.setattr(services, "_started", False)
    # As Django's test client does: the signal must not close the test's connection (PostgreSQL would lose it).
    request_started.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        run.refresh_from_db()
        assert run.status == MatchRun.Status.FAILED and run.failure == MatchRun.Failure.SERVER_STOPPED
        later = left_behind(world)
        request_started.send(sender=None)  # once per process only; later runs are failed when read
        later.refresh_from_db()
        assert later.status == MatchRun.Status.RUNNING
    finally:
        request_started.connect(close_old_connections)


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
    run.refresh_from_db()
    assert run.status == MatchRun.Status.FAILED and run.confirmed_at is None


def test_a_failed_run_is_re_run_through_the_api(world: MatchingWorld) -> None:
    run = left_behind(world)
    assert api(world.other_official).post(f"{API}/runs/{run.pk}/rerun").status_code == 403
    response = api(world.official).post(f"{API}/runs/{run.pk}/rerun")
    assert response.status_code == 202, response.content
    again = response.json()
    assert again["rerun_of"] == run.pk and again["status"] == "done" and again["season"] == world.season
    assert again["parameters"] == {"min_score": 0.0} and len(again["assignments"]) == 4
    confirmed = api(world.official).post(f"{API}/runs/{again['id']}/confirm")
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "confirmed"
    refused = api(world.official).post(f"{API}/runs/{again['id']}/rerun")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "run_not_ready"


def test_a_failed_run_is_re_run_from_its_page(world: MatchingWorld) -> None:
    run = left_behind(world)
    client = page(world.official)
    before = client.get(f"{ROOT}/official/runs/{run.pk}/").content.decode()
    assert STOPPED in before and f"/official/runs/{run.pk}/rerun/" in before
    response = client.post(f"{ROOT}/official/runs/{run.pk}/rerun/")
    again = MatchRun.objects.get(rerun_of=run)
    assert response.status_code == 302 and response["Location"].endswith(f"/official/runs/{again.pk}/")
    assert again.status == MatchRun.Status.DONE and again.assignments.count() == 4
    review = client.get(response["Location"]).content.decode()
    assert f"Run #{run.pk} is being re-run as run #{again.pk}." in review and "W-BEST" in review
    assert f"/official/runs/{again.pk}/" in client.get(f"{ROOT}/official/runs/{run.pk}/").content.decode()


def test_only_the_schemes_officials_re_run(world: MatchingWorld) -> None:
    run = left_behind(world)
    other = page(world.other_official)
    assert other.post(f"{ROOT}/official/runs/{run.pk}/rerun/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.rerun_match_run(world.employer_member, run)
    assert not MatchRun.objects.filter(rerun_of=run).exists()
    page_of_steward = page(world.steward).get(f"{ROOT}/official/runs/{run.pk}/").content.decode()
    assert f"/official/runs/{run.pk}/rerun/" in page_of_steward
