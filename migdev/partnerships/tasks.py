"""The partnerships room's background jobs, run by `migdev worker` (see `core/jobs.py`)."""

from django_tasks import task

from migdev.partnerships.services.imports import load_import


@task()
def load_uploaded_commitments(import_id: int) -> None:
    """Check and load a steward's commitments CSV; the outcome is stored on its import row."""
    load_import(import_id)
