"""Durable jobs: queued in the database, run by `migdev worker`, and failed with a reason when their worker dies."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from migdev.core import jobs, processes
from migdev.core.models import WorkerBeat
from migdev.core.tests.slow_jobs import nap_then_mark, run_waiting_jobs

NO_SUCH_PID = 2**22 + 1  # above Linux's largest pid_max: no process has it


def claimed_by(worker_id: str) -> DBTaskResult:
    result = nap_then_mark.enqueue(0, "/dev/null")
    job = DBTaskResult.objects.get(id=result.id)
    job.claim(worker_id)
    return job


def worker(worker_id: str, *, host: str | None = None, pid: int | None = None, beat_age: float = 0) -> WorkerBeat:
    this = processes.current_owner()
    return WorkerBeat.objects.create(
        worker_id=worker_id,
        host=host or this.host,
        pid=pid or this.pid,
        process_started=this.started,
        beat_at=timezone.now() - timezone.timedelta(seconds=beat_age),
    )


@pytest.mark.django_db
def test_a_worker_runs_the_waiting_jobs_and_leaves_no_trace(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    result = nap_then_mark.enqueue(0, str(marker))
    assert jobs.job_status(str(result.id)) == TaskResultStatus.READY
    run_waiting_jobs()
    assert marker.read_text() == "finished"
    assert jobs.job_status(str(result.id)) == TaskResultStatus.SUCCESSFUL
    assert not WorkerBeat.objects.exists()  # a worker that stops cleanly unregisters


@pytest.mark.django_db
def test_jobs_of_dead_workers_are_failed_with_a_reason_and_their_room_is_told() -> None:
    heard: list[dict[str, Any]] = []

    def listener(sender: str, **kwargs: Any) -> None:
        heard.append({"sender": sender, **kwargs})

    jobs.job_abandoned.connect(listener)
    try:
        worker("alive-here")
        worker("dead-here", pid=NO_SUCH_PID)
        worker("alive-elsewhere", host="another-host.invalid", pid=NO_SUCH_PID)
        worker("silent-elsewhere", host="another-host.invalid", pid=NO_SUCH_PID, beat_age=3600)
        kept = [claimed_by("alive-here"), claimed_by("alive-elsewhere")]
        lost = [claimed_by("dead-here"), claimed_by("silent-elsewhere"), claimed_by("never-registered")]
        reaped = jobs.reap_abandoned_jobs()
    finally:
        jobs.job_abandoned.disconnect(listener)
    assert sorted(reaped) == sorted(str(job.id) for job in lost)
    for job in lost:
        job.refresh_from_db()
        assert job.status == TaskResultStatus.FAILED and job.exception_class_path.endswith("WorkerStopped")
        assert "stopped before it finished" in job.traceback
    for job in kept:
        job.refresh_from_db()
        assert job.status == TaskResultStatus.RUNNING
    assert {call["job_id"] for call in heard} == set(reaped)
    assert {call["sender"] for call in heard} == {"migdev.core.tests.slow_jobs.nap_then_mark"}
    assert heard[0]["args"] == [0, "/dev/null"]
    assert set(WorkerBeat.objects.values_list("worker_id", flat=True)) == {"alive-here", "alive-elsewhere"}


def run_migdev(env: dict[str, str], *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "migdev.cli", *args], env=env, capture_output=True, text=True, check=True, **kwargs
    )


def job_status_in(env: dict[str, str], job_id: str) -> str:
    command = f"from migdev.core.jobs import job_status; print('STATUS', job_status('{job_id}'))"
    printed = run_migdev(env, "shell", "-c", command).stdout.splitlines()
    return next(line.split()[1] for line in printed if line.startswith("STATUS "))


def test_a_job_survives_its_worker_being_killed(tmp_path: Path) -> None:
    """SIGKILL a worker in the middle of a job: the next worker fails that job with the reason, and runs the rest."""
    env = {key: value for key, value in os.environ.items() if key != "MIGDEV_DATABASE_URL"}
    env.update({"MIGDEV_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "migdev.config.settings.base"})
    run_migdev(env, "migrate", "-v", "0")
    slow, quick = tmp_path / "slow", tmp_path / "quick"
    enqueue = (
        "from migdev.core.tests.slow_jobs import nap_then_mark as job; "
        f"print('JOB', job.enqueue(600, '{slow}').id); print('JOB', job.enqueue(0, '{quick}').id)"
    )
    printed = run_migdev(env, "shell", "-c", enqueue).stdout.splitlines()
    slow_id, quick_id = [line.split()[1] for line in printed if line.startswith("JOB ")]
    first = subprocess.Popen(
        [sys.executable, "-m", "migdev.cli", "worker", "--interval", "0.2"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not slow.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert slow.read_text() == "started"
        assert job_status_in(env, slow_id) == "RUNNING"
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    assert not psutil.pid_exists(first.pid) or psutil.Process(first.pid).status() == psutil.STATUS_ZOMBIE
    run_migdev(env, "worker", "--batch", "--interval", "0", timeout=120)
    assert job_status_in(env, slow_id) == "FAILED"  # never left "running" for ever
    assert slow.read_text() == "started"
    assert job_status_in(env, quick_id) == "SUCCESSFUL" and quick.read_text() == "finished"
