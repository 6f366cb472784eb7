"""The remittance observatory's background jobs, run by `migdev worker` (see `core/jobs.py`)."""

from django_tasks import task

from migdev.remittances.services import load_price_upload


@task()
def load_uploaded_prices(upload_id: int) -> None:
    """Check and load a steward's uploaded price file; the outcome is stored on the upload."""
    load_price_upload(upload_id)
