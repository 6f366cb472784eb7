"""The labour exchange's background jobs, run by `migdev worker` (see `core/jobs.py`)."""

from django_tasks import task

from migdev.labour.services.matching import _execute_queued_run


@task()
def allocate_season(run_id: int) -> None:
    """Compute a queued allocation run: progress and result are stored on the run itself."""
    _execute_queued_run(run_id)
