"""A steward's commitments CSV from the web or the API (the format of `migdev import commitments`): kept in its
import row and queued for the job worker in the same transaction, then checked whole and loaded whole or not at all
by the job, which records the outcome (how many added and updated, or the row and column at fault)."""

import tempfile
from pathlib import Path, PurePath
from typing import Any

from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.job_records import UPLOAD_ABANDONED, UPLOAD_BROKE, fail_when_abandoned, failed, run_recorded
from migdev.core.progress import SilentProgress
from migdev.partnerships.importers import load_commitments
from migdev.partnerships.models import CommitmentImport

MAX_IMPORT_BYTES = 2 * 1024 * 1024
IMPORT_JOB = "migdev.partnerships.tasks.load_uploaded_commitments"


@checks_permission("partnerships.import_commitments")
def upload_commitments(actor: User, file_name: str, content: bytes) -> CommitmentImport:
    """Queue a CSV of commitments (at most 2 MB) to be checked and loaded by the job worker."""
    name = PurePath(file_name.replace("\\", "/")).name.strip()[:255]
    if PurePath(name).suffix.lower() != ".csv":
        raise DomainError(_("Upload a .csv file."), "file")
    if not content:
        raise DomainError(_("The file is empty."), "file")
    if len(content) > MAX_IMPORT_BYTES:
        raise DomainError(
            _("The file is %(size)s; at most %(limit)s is accepted.")
            % {"size": filesizeformat(len(content)), "limit": filesizeformat(MAX_IMPORT_BYTES)},
            "file",
        )
    from migdev.partnerships.tasks import load_uploaded_commitments

    record = CommitmentImport.objects.create(file_name=name, content=content, uploaded_by=actor)
    record.job_id = str(load_uploaded_commitments.enqueue(record.pk).id)
    record.save(update_fields=["job_id"])
    return record


def load_import(import_id: int) -> None:
    """The job's body: load the file in one transaction and record what came of it."""
    from migdev.core.caching import bump

    def load(record: CommitmentImport) -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="migdev-commitments-") as folder:
            path = Path(folder) / "commitments.csv"
            path.write_bytes(bytes(record.content))
            try:
                with transaction.atomic():
                    summary = load_commitments(path, SilentProgress(), actor=record.uploaded_by)
                    bump("commitments")
            except DomainError as error:
                return failed(str(error.message).replace(str(path), record.file_name))
        return {"message": summary}

    run_recorded(
        CommitmentImport.objects.select_related("uploaded_by"),
        import_id,
        load,
        unexpected=UPLOAD_BROKE,
    )


# The worker checking an import died: nothing was stored (one transaction); say so, so it is uploaded again.
fail_when_abandoned(
    IMPORT_JOB,
    CommitmentImport,
    UPLOAD_ABANDONED,
)
