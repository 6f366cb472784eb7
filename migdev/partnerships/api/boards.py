"""Advisory boards API (public reads): members, meetings, recommendations and the commitments answering them."""

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from migdev.partnerships.models import AdvisoryBoard
from migdev.partnerships.selectors import registry as selectors

router = Router()


class BoardMemberOut(Schema):
    partner: int
    partner_name: str
    role: str
    since: date | None
    until: date | None


class MeetingOut(Schema):
    id: int
    date: date
    place: str
    summary: str


class RecommendationOut(Schema):
    id: int
    title: str
    text: str
    adopted: date | None
    commitments: list[int]


class BoardSummaryOut(Schema):
    id: int
    name: str
    mandate: str
    established: date | None
    secretariat: str
    website: str
    is_demo: bool


class BoardOut(BoardSummaryOut):
    members: list[BoardMemberOut]
    meetings: list[MeetingOut]
    recommendations: list[RecommendationOut]


def _summary(board: AdvisoryBoard) -> dict[str, Any]:
    return {
        "id": board.pk,
        "name": board.name,
        "mandate": board.mandate,
        "established": board.established,
        "secretariat": board.secretariat.name if board.secretariat else "",
        "website": board.website,
        "is_demo": board.is_demo,
    }


@router.get("/boards", response=list[BoardSummaryOut], summary="Advisory boards (public)")
def list_boards(request: HttpRequest) -> list[BoardSummaryOut]:
    return [BoardSummaryOut(**_summary(b)) for b in selectors.boards().select_related("secretariat")[:500]]


@router.get("/boards/{board_id}", response=BoardOut, summary="An advisory board with its follow-up")
def board_detail(request: HttpRequest, board_id: int) -> BoardOut:
    board = selectors.board_by_id(board_id)
    return BoardOut(
        **_summary(board),
        members=[
            BoardMemberOut(partner=m.partner_id, partner_name=m.partner.name, role=m.role, since=m.since, until=m.until)
            for m in board.members.all()
        ],
        meetings=[MeetingOut(id=m.pk, date=m.date, place=m.place, summary=m.summary) for m in board.meetings.all()],
        recommendations=[
            RecommendationOut(
                id=r.pk, title=r.title, text=r.text, adopted=r.adopted, commitments=[c.pk for c in r.commitments.all()]
            )
            for r in board.recommendations.all()
        ],
    )
