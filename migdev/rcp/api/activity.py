"""Meetings and good practices API: public reads; stewards and the process's secretariat write."""

from django.http import HttpRequest
from ninja import File, Form, Router, Status, UploadedFile

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.core.input_limits import text_filter
from migdev.rcp.api.conversions import document_out, meeting_out, practice_out
from migdev.rcp.api.schemas import DocumentOut, MeetingIn, MeetingOut, PracticeIn, PracticeList, PracticeOut, RcpId
from migdev.rcp.selectors import activity as selectors
from migdev.rcp.selectors import processes as process_selectors
from migdev.rcp.services import activity as services
from migdev.rcp.services.documents import MAX_DOCUMENT_BYTES, Upload

router = Router()


def _upload(file: UploadedFile | None) -> Upload:
    """The uploaded file's name and bytes (at most one byte over the limit). The file is optional in the schemas so
    that the permission check comes first; the services refuse a missing (empty) one."""
    return Upload(str(file.name), file.read(MAX_DOCUMENT_BYTES + 1)) if file else Upload("", b"")


def _meeting_input(payload: MeetingIn) -> services.MeetingInput:
    return services.MeetingInput(**payload.dict())


def _practice_input(payload: PracticeIn) -> services.PracticeInput:
    return services.PracticeInput(**payload.dict())


@router.get("/meetings", response=list[MeetingOut], summary="Meetings of every process, or of one")
def list_meetings(request: HttpRequest, process: str = text_filter(), level: str = text_filter()) -> list[MeetingOut]:
    return [meeting_out(m) for m in selectors.meetings(process=process, level=level)[:1000]]


@router.post("/processes/{rcp_id}/meetings", response={201: MeetingOut}, auth=AUTH, summary="Add a meeting")
def create_meeting(request: HttpRequest, rcp_id: RcpId, payload: MeetingIn) -> Status[MeetingOut]:
    process = process_selectors.process(rcp_id)
    meeting = services.create_meeting(signed_in(request), process, _meeting_input(payload))
    return Status(201, meeting_out(selectors.meeting(meeting.pk)))


@router.put("/meetings/{meeting_id}", response=MeetingOut, auth=AUTH, summary="Edit a meeting")
def update_meeting(request: HttpRequest, meeting_id: int, payload: MeetingIn) -> MeetingOut:
    meeting = services.update_meeting(signed_in(request), selectors.meeting(meeting_id), _meeting_input(payload))
    return meeting_out(selectors.meeting(meeting.pk))


@router.delete("/meetings/{meeting_id}", response={204: None}, auth=AUTH, summary="Delete a meeting")
def delete_meeting(request: HttpRequest, meeting_id: int) -> Status[None]:
    services.delete_meeting(signed_in(request), selectors.meeting(meeting_id))
    return Status(204, None)


@router.get("/meetings/{meeting_id}", response=MeetingOut, summary="One meeting with its outcome documents")
def get_meeting(request: HttpRequest, meeting_id: int) -> MeetingOut:
    return meeting_out(selectors.meeting(meeting_id))


@router.post(
    "/meetings/{meeting_id}/documents",
    response={201: DocumentOut},
    auth=AUTH,
    summary="Attach an outcome document (multipart: file, title; PDF, text, OpenDocument text or .docx, at most 5 MB)",
)
def add_document(
    request: HttpRequest,
    meeting_id: int,
    file: File[UploadedFile | None] = None,
    title: Form[str] = "",  # at most 300 characters (the service checks it: Form[Annotated[...]] loses the default)
) -> Status[DocumentOut]:
    document = services.add_document(signed_in(request), selectors.meeting(meeting_id), title, _upload(file))
    return Status(201, document_out(document))


@router.get("/good-practices", response=PracticeList, summary="Good practices, searchable with facets")
def list_practices(
    request: HttpRequest,
    process: str = text_filter(),
    theme: str = text_filter(),
    country: str = text_filter(),
    year: int | None = None,
    q: str = text_filter(),
) -> PracticeList:
    found = selectors.practices(process=process, theme=theme, country=country, year=year, query=q)
    items = [practice_out(g) for g in found[:500]]
    return PracticeList(count=len(items), items=items, facets=selectors.facets(found))


@router.get("/good-practices/{practice_id}", response=PracticeOut, summary="One good practice")
def get_practice(request: HttpRequest, practice_id: int) -> PracticeOut:
    return practice_out(selectors.practice(practice_id))


@router.post(
    "/processes/{rcp_id}/good-practices", response={201: PracticeOut}, auth=AUTH, summary="Add a good practice"
)
def create_practice(request: HttpRequest, rcp_id: RcpId, payload: PracticeIn) -> Status[PracticeOut]:
    process = process_selectors.process(rcp_id)
    practice = services.create_practice(signed_in(request), process, _practice_input(payload))
    return Status(201, practice_out(selectors.practice(practice.pk)))


@router.post(
    "/good-practices/{practice_id}/evidence",
    response={201: DocumentOut},
    auth=AUTH,
    summary="Attach the evidence document of a good practice (multipart: file; checked as outcome documents are)",
)
def attach_evidence(
    request: HttpRequest, practice_id: int, file: File[UploadedFile | None] = None
) -> Status[DocumentOut]:
    document = services.attach_evidence(signed_in(request), selectors.practice(practice_id), _upload(file))
    return Status(201, document_out(document))


@router.put("/good-practices/{practice_id}", response=PracticeOut, auth=AUTH, summary="Edit a good practice")
def update_practice(request: HttpRequest, practice_id: int, payload: PracticeIn) -> PracticeOut:
    practice = services.update_practice(signed_in(request), selectors.practice(practice_id), _practice_input(payload))
    return practice_out(selectors.practice(practice.pk))
