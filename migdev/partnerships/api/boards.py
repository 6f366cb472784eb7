"""Advisory boards API: public reads (members, meetings, recommendations and the commitments answering them);
stewards create boards; stewards and the board's secretaries edit it, its members, meetings (with their minutes) and
recommendations (with their follow-up)."""

import json
from datetime import date
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from pydantic import Field

from migdev.accounts.api import AUTH
from migdev.accounts.rules import require_permission
from migdev.accounts.views import signed_in
from migdev.partnerships import exports
from migdev.partnerships.api.bodies import parse_body, request_body
from migdev.partnerships.models import AdvisoryBoard, BoardMeeting, BoardMember, Recommendation
from migdev.partnerships.selectors import registry as selectors
from migdev.partnerships.services import boards as services
from migdev.partnerships.services.documents import MAX_DOCUMENT_BYTES

router = Router()
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]
Text = Annotated[str, Field(max_length=10000)]
MINUTES = "The minutes: PDF, PNG, JPEG, text or CSV, at most 5 MB."


class PledgeBoardIn(Schema):
    name: Annotated[str, Field(max_length=200)]
    mandate: Text
    established: date | None = None
    website: Annotated[str, Field(max_length=200)] = ""
    secretariat: Id | None = None


class PledgeBoardSummaryOut(PledgeBoardIn):
    id: int
    secretariat_name: str
    is_demo: bool


class PledgeBoardMemberIn(Schema):
    role: Annotated[str, Field(max_length=100)]
    partner: Id | None = None
    person_name: Annotated[str, Field(max_length=200)] = ""
    since: date | None = None
    until: date | None = None


class PledgeBoardMemberOut(PledgeBoardMemberIn):
    id: int
    partner_name: str
    is_current: bool


class PledgeMeetingIn(Schema):
    date: date
    place: Annotated[str, Field(max_length=200)] = ""
    agenda: Text = ""
    summary: Text = ""


class PledgeMeetingOut(PledgeMeetingIn):
    id: int
    minutes_document: str | None


class PledgeRecommendationIn(Schema):
    title: Annotated[str, Field(max_length=200)]
    text: Text
    adopted: date | None = None
    meeting: Id | None = None
    follow_up: Annotated[str, Field(max_length=20)] = Recommendation.FollowUp.OPEN
    commitments: Annotated[list[Id], Field(max_length=200)] = []


class PledgeRecommendationOut(PledgeRecommendationIn):
    id: int


class PledgeBoardOut(PledgeBoardSummaryOut):
    members: list[PledgeBoardMemberOut]
    meetings: list[PledgeMeetingOut]
    recommendations: list[PledgeRecommendationOut]


def _summary(board: AdvisoryBoard) -> dict[str, Any]:
    return {
        "id": board.pk,
        "name": board.name,
        "mandate": board.mandate,
        "established": board.established,
        "secretariat": board.secretariat_id,
        "secretariat_name": board.secretariat.name if board.secretariat else "",
        "website": board.website,
        "is_demo": board.is_demo,
    }


def member_out(m: BoardMember) -> PledgeBoardMemberOut:
    return PledgeBoardMemberOut(
        id=m.pk,
        role=m.role,
        partner=m.partner_id,
        partner_name=m.partner.name if m.partner else "",
        person_name=m.person_name,
        since=m.since,
        until=m.until,
        is_current=m.is_current,
    )


def meeting_out(m: BoardMeeting) -> PledgeMeetingOut:
    minutes = f"/api/v1/partnerships/meetings/{m.pk}/minutes" if m.minutes_name else None
    return PledgeMeetingOut(
        id=m.pk, date=m.date, place=m.place, agenda=m.agenda, summary=m.summary, minutes_document=minutes
    )


def recommendation_out(r: Recommendation) -> PledgeRecommendationOut:
    return PledgeRecommendationOut(
        id=r.pk,
        title=r.title,
        text=r.text,
        adopted=r.adopted,
        meeting=r.meeting_id,
        follow_up=r.follow_up,
        commitments=[c.pk for c in r.commitments.all()],
    )


def board_out(board: AdvisoryBoard) -> PledgeBoardOut:
    return PledgeBoardOut(
        **_summary(board),
        members=[member_out(m) for m in board.members.all()],
        meetings=[meeting_out(m) for m in board.meetings.all()],
        recommendations=[recommendation_out(r) for r in board.recommendations.all()],
    )


def _board_input(request: HttpRequest, payload: PledgeBoardIn) -> services.BoardInput:
    """Without `secretariat` in the body, the board keeps its secretariat (only stewards change it)."""
    try:
        sent = json.loads(request.body)
    except ValueError:
        sent = {}
    return services.BoardInput(
        payload.name,
        payload.mandate,
        payload.established,
        payload.website,
        payload.secretariat,
        keep_secretariat=not (isinstance(sent, dict) and "secretariat" in sent),
    )


def _meeting_input(request: HttpRequest) -> services.MeetingInput:
    payload, minutes = parse_body(request, PledgeMeetingIn, "minutes", MAX_DOCUMENT_BYTES)
    return services.MeetingInput(payload.date, payload.place, payload.agenda, payload.summary, minutes)


def _recommendation_input(payload: PledgeRecommendationIn) -> services.RecommendationInput:
    return services.RecommendationInput(
        payload.title, payload.text, payload.adopted, list(payload.commitments), payload.meeting, payload.follow_up
    )


@router.get("/boards", response=list[PledgeBoardSummaryOut], summary="Advisory boards (public)")
def list_boards(request: HttpRequest) -> list[PledgeBoardSummaryOut]:
    return [PledgeBoardSummaryOut(**_summary(b)) for b in selectors.boards().select_related("secretariat")[:500]]


@router.get("/boards/{board_id}", response=PledgeBoardOut, summary="An advisory board with its follow-up")
def board_detail(request: HttpRequest, board_id: int) -> PledgeBoardOut:
    return board_out(selectors.board_by_id(board_id))


@router.post("/boards", response={201: PledgeBoardOut}, auth=AUTH, summary="Create an advisory board (stewards)")
def create_board(request: HttpRequest, payload: PledgeBoardIn) -> Status[PledgeBoardOut]:
    board = services.create_board(signed_in(request), _board_input(request, payload))
    return Status(201, board_out(selectors.board_by_id(board.pk)))


@router.put("/boards/{board_id}", response=PledgeBoardOut, auth=AUTH, summary="Change a board and its mandate")
def update_board(request: HttpRequest, board_id: int, payload: PledgeBoardIn) -> PledgeBoardOut:
    services.update_board(signed_in(request), selectors.board_by_id(board_id), _board_input(request, payload))
    return board_out(selectors.board_by_id(board_id))


@router.post(
    "/boards/{board_id}/members", response={201: PledgeBoardMemberOut}, auth=AUTH, summary="Seat a board member"
)
def add_member(request: HttpRequest, board_id: int, payload: PledgeBoardMemberIn) -> Status[PledgeBoardMemberOut]:
    data = services.MemberInput(payload.role, payload.partner, payload.person_name, payload.since, payload.until)
    return Status(201, member_out(services.add_member(signed_in(request), selectors.board_by_id(board_id), data)))


@router.delete(
    "/boards/{board_id}/members/{board_member_id}", response={204: None}, auth=AUTH, summary="Remove a board member"
)
def remove_member(request: HttpRequest, board_id: int, board_member_id: int) -> Status[None]:
    services.remove_member(signed_in(request), selectors.board_by_id(board_id), board_member_id)
    return Status(204, None)


@router.post(
    "/boards/{board_id}/meetings",
    response={201: PledgeMeetingOut},
    auth=AUTH,
    summary="Record a board meeting (JSON, or multipart/form-data with its minutes)",
    openapi_extra=request_body(PledgeMeetingIn, "minutes", MINUTES),
)
def record_meeting(request: HttpRequest, board_id: int) -> Status[PledgeMeetingOut]:
    board = selectors.board_by_id(board_id)
    user = signed_in(request)
    require_permission(services.record_meeting, user, board)
    return Status(201, meeting_out(services.record_meeting(user, board, _meeting_input(request))))


@router.put(
    "/boards/{board_id}/meetings/{board_meeting_id}",
    response=PledgeMeetingOut,
    auth=AUTH,
    summary="Change a board meeting or add its minutes (JSON, or multipart/form-data)",
    openapi_extra=request_body(PledgeMeetingIn, "minutes", MINUTES),
)
def update_meeting(request: HttpRequest, board_id: int, board_meeting_id: int) -> PledgeMeetingOut:
    board = selectors.board_by_id(board_id)
    user = signed_in(request)
    require_permission(services.update_meeting, user, board)
    meeting = selectors.meeting_of(board, board_meeting_id)
    return meeting_out(services.update_meeting(user, board, meeting, _meeting_input(request)))


@router.get("/meetings/{board_meeting_id}/minutes", summary="The minutes of a board meeting (a download)")
def minutes(request: HttpRequest, board_meeting_id: int) -> HttpResponse:
    meeting = selectors.minutes_of(board_meeting_id)
    return exports.document_response(bytes(meeting.minutes_data), meeting.minutes_name, meeting.minutes_type)


@router.post(
    "/boards/{board_id}/recommendations",
    response={201: PledgeRecommendationOut},
    auth=AUTH,
    summary="Record a recommendation the board adopted",
)
def add_recommendation(
    request: HttpRequest, board_id: int, payload: PledgeRecommendationIn
) -> Status[PledgeRecommendationOut]:
    board = selectors.board_by_id(board_id)
    created = services.add_recommendation(signed_in(request), board, _recommendation_input(payload))
    return Status(201, recommendation_out(created))


@router.put(
    "/boards/{board_id}/recommendations/{recommendation_id}",
    response=PledgeRecommendationOut,
    auth=AUTH,
    summary="Change a recommendation: its follow-up and the commitments answering it",
)
def update_recommendation(
    request: HttpRequest, board_id: int, recommendation_id: int, payload: PledgeRecommendationIn
) -> PledgeRecommendationOut:
    board = selectors.board_by_id(board_id)
    user = signed_in(request)
    require_permission(services.update_recommendation, user, board)
    recommendation = selectors.recommendation_of(board, recommendation_id)
    return recommendation_out(
        services.update_recommendation(user, board, recommendation, _recommendation_input(payload))
    )
