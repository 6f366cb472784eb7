"""Durable background jobs: Django's tasks API (the django-tasks backport) on its database backend.

A room declares a job with `@task` (e.g. `labour/tasks.py`) and enqueues it inside the transaction that records
what the job is for, so a job exists exactly when its row does and survives any restart of the site. `migdev worker`
runs the jobs (two workers never take the same one: the backend claims a job under a row lock) and says every few
seconds that it is alive. A job claimed by a worker that died (killed, out of memory, machine lost) is failed with
a reason by `reap_abandoned_jobs`, which every worker runs when it starts and while it waits, and the room that
owns the job hears of it through `job_abandoned` (labour marks its allocation run failed, to be re-run).
"""

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from migdev.core import processes
from migdev.core.models import WorkerBeat

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5

# Sent (sender = the job's task path) when a job's worker died before the job finished, with `args`, `kwargs` and
# `reason`: the room that owns the job records the failure on its own rows.
job_abandoned = Signal()


class WorkerStopped(Exception):
    """The worker running the job stopped (killed, crashed or lost) before the job finished."""


def stale_after() -> timedelta:
    """How long a worker on another host may stay silent before its jobs count as abandoned."""
    return timedelta(seconds=getattr(settings, "MIGDEV_WORKER_STALE_SECONDS", 60))


def register_worker(worker_id: str) -> WorkerBeat:
    """Record this process as a live worker."""
    owner = processes.current_owner()
    beat, _created = WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": owner.host,
            "pid": owner.pid,
            "process_started": owner.started,
            "beat_at": timezone.now(),
            "job_id": "",
        },
    )
    return beat


def beat(worker_id: str, job_id: str | None = None) -> None:
    """Say that the worker is alive (and, when given, which job it runs: "" for none)."""
    fields: dict[str, Any] = {"beat_at": timezone.now()}
    if job_id is not None:
        fields["job_id"] = job_id
    WorkerBeat.objects.filter(worker_id=worker_id).update(**fields)


def unregister_worker(worker_id: str) -> None:
    WorkerBeat.objects.filter(worker_id=worker_id).delete()


def _is_alive(worker: WorkerBeat, oldest_beat: Any) -> bool:
    if worker.host == processes.this_host():
        return not processes.is_dead(worker.pid, worker.process_started)
    return bool(worker.beat_at >= oldest_beat)


def live_worker_ids() -> set[str]:
    """The workers alive now: on this host, by their process; elsewhere, by a recent heartbeat."""
    oldest_beat = timezone.now() - stale_after()
    return {worker.worker_id for worker in WorkerBeat.objects.all() if _is_alive(worker, oldest_beat)}


def any_worker_alive() -> bool:
    return bool(live_worker_ids())


def reap_abandoned_jobs() -> list[str]:
    """Fail the running jobs whose worker is dead, tell their rooms, forget dead workers. Returns the jobs' ids."""
    live = live_worker_ids()
    reaped = []
    for job_id in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list("id", flat=True):
        with transaction.atomic():
            job = DBTaskResult.objects.select_for_update().filter(id=job_id, status=TaskResultStatus.RUNNING).first()
            if job is None or (job.worker_ids and job.worker_ids[-1] in live):
                continue
            reason = "The worker running this job stopped before it finished."
            job.set_failed(WorkerStopped(reason))
            arguments = job.args_kwargs or {}
            job_abandoned.send(
                sender=job.task_path,
                job_id=str(job.id),
                args=arguments.get("args", []),
                kwargs=arguments.get("kwargs", {}),
                reason=reason,
            )
            reaped.append(str(job.id))
    WorkerBeat.objects.exclude(worker_id__in=live).delete()
    if reaped:
        logger.warning("jobs %s failed: their worker stopped", reaped)
    return reaped


def job_status(job_id: str) -> str | None:
    """A job's status (READY, RUNNING, SUCCESSFUL, FAILED), or None when there is no such job."""
    return DBTaskResult.objects.filter(id=job_id).values_list("status", flat=True).first()
