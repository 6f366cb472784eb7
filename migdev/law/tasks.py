"""The law room's background jobs, run by `migdev worker` (see `core/jobs.py`)."""

from django_tasks import task

from migdev.law.services.national import run_amendment_upload


@task()
def record_uploaded_amendment(upload_id: int) -> None:
    """Convert, validate and store a steward's uploaded amendment; the outcome is stored on the upload."""
    run_amendment_upload(upload_id)
