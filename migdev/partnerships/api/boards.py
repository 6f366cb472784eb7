"""Advisory boards API (public reads): members, meetings, recommendations and the commitments answering them."""

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from migdev.partnerships.models import AdvisoryBoard
from migdev.partnerships.selectors import registry as selectors

router = Router()


class PledgeBoardMemberOut(Schema):
    partner: int
    partner_name: str
    role: str
    since: date | None
    until: date | None


class PledgeMeetingOut(Schema):
    id: int
    date: date
    place: str
    summary: str


class PledgeRecommendationOut(Schema):
    id: int
    title: str
    text: str
    adopted: date | None
    commitments: list[int]


class PledgeBoardSummaryOut(Schema):
    id: int
    name: str
    mandate: str
    established: date | None
    secretariat: str
    website: str
    is_demo: bool


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
        "secretariat": board.secretariat.name if board.secretariat else "",
        "website": board.website,
        "is_demo": board.is_demo,
    }


@router.get("/boards", response=list[PledgeBoardSummaryOut], summary="Advisory boards (public)")
def list_boards(request: HttpRequest) -> list[PledgeBoardSummaryOut]:
    return [PledgeBoardSummaryOut(**_summary(b)) for b in selectors.boards().select_related("secretariat")[:500]]


@router.get("/boards/{board_id}", response=PledgeBoardOut, summary="An advisory board with its follow-up")
def board_detail(request: HttpRequest, board_id: int) -> PledgeBoardOut:
    board = selectors.board_by_id(board_id)
    return PledgeBoardOut(
        **_summary(board),
        members=[
            PledgeBoardMemberOut(
                partner=m.partner_id, partner_name=m.partner.name, role=m.role, since=m.since, until=m.until
            )
            for m in board.members.all()
        ],
        meetings=[
            PledgeMeetingOut(id=m.pk, date=m.date, place=m.place, summary=m.summary) for m in board.meetings.all()
        ],
        recommendations=[
            PledgeRecommendationOut(
                id=r.pk, title=r.title, text=r.text, adopted=r.adopted, commitments=[c.pk for c in r.commitments.all()]
            )
            for r in board.recommendations.all()
        ],
    )
