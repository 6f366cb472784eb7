"""Reference data's background jobs, run by `migdev worker` (see `core/jobs.py`)."""

from django_tasks import task

from migdev.core.esco_embedding import run_embedding


@task()
def embed_esco_labels_job(run_id: int) -> None:
    """Embed the ESCO labels not embedded yet; progress and outcome are stored on the run."""
    run_embedding(run_id)
