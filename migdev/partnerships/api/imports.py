"""Commitments CSV import through the API (stewards): the file is queued as a durable job, as on the steward's page;
the answer gives the import's address, where its outcome (loaded, or refused naming the row and column) appears."""

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from migdev.accounts.api import AUTH
from migdev.accounts.rules import require_permission
from migdev.accounts.views import signed_in
from migdev.core.errors import DomainError
from migdev.partnerships.api.bodies import parse_body, request_body
from migdev.partnerships.models import CommitmentImport
from migdev.partnerships.selectors import registry as selectors
from migdev.partnerships.services import imports as services

router = Router()


class PledgeImportIn(Schema):
    """As JSON: the CSV's text in `content`; as multipart/form-data: the file in `file`."""

    file_name: Annotated[str, Field(max_length=255)] = "commitments.csv"
    content: Annotated[str, Field(max_length=services.MAX_IMPORT_BYTES)] = ""


class PledgeImportOut(Schema):
    id: int
    file_name: str
    status: str
    message: str
    uploaded_by: str
    uploaded_at: datetime
    finished_at: datetime | None


def import_out(record: CommitmentImport) -> PledgeImportOut:
    return PledgeImportOut(
        id=record.pk,
        file_name=record.file_name,
        status=record.status,
        message=record.message,
        uploaded_by=record.uploaded_by.get_username() if record.uploaded_by else "",
        uploaded_at=record.uploaded_at,
        finished_at=record.finished_at,
    )


@router.post(
    "/commitments/import",
    response={202: PledgeImportOut},
    auth=AUTH,
    summary="Import commitments from a CSV (stewards; checked and loaded whole by a background job)",
    openapi_extra=request_body(
        PledgeImportIn, "file", "The CSV of commitments (the columns of `migdev import commitments`), at most 2 MB."
    ),
)
def import_commitments(request: HttpRequest) -> Status[PledgeImportOut]:
    """Queue the file; poll `GET /commitments/imports/{import_id}` for its outcome."""
    user = signed_in(request)
    require_permission(services.upload_commitments, user)
    payload, document = parse_body(request, PledgeImportIn, "file", services.MAX_IMPORT_BYTES)
    if document is not None:
        name, content = document.name, document.content
    elif payload.content:
        name, content = payload.file_name, payload.content.encode("utf-8")
    else:
        raise DomainError(_("Attach the CSV file."), "file")
    return Status(202, import_out(services.upload_commitments(user, name, content)))


@router.get(
    "/commitments/imports/{import_id}",
    response=PledgeImportOut,
    auth=AUTH,
    summary="A commitments import and its outcome (stewards)",
)
def import_detail(request: HttpRequest, import_id: int) -> PledgeImportOut:
    require_permission(services.upload_commitments, signed_in(request))
    return import_out(selectors.import_by_id(import_id))
