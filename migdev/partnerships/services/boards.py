"""Writes of the advisory boards. Stewards create a board and name its secretariat; the board's secretaries
(members of the secretariat organisation) and stewards edit its mandate, seat and unseat members, record meetings
with their minutes, and the recommendations adopted, each followed up by the commitments that answer it."""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from migdev.accounts.models import Organisation, User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError, NotFound
from migdev.core.weblinks import clean_web_url
from migdev.partnerships.models import AdvisoryBoard, BoardMeeting, BoardMember, Commitment, Partner, Recommendation
from migdev.partnerships.services.checks import EARLIEST, LATEST
from migdev.partnerships.services.documents import Document, check_document


@dataclass(frozen=True)
class BoardInput:
    name: str
    mandate: str
    established: date | None = None
    website: str = ""
    secretariat: int | None = None
    keep_secretariat: bool = False  # a change that does not touch the secretariat


@dataclass(frozen=True)
class MemberInput:
    role: str
    partner: int | None = None
    person_name: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class MeetingInput:
    date: date
    place: str = ""
    agenda: str = ""
    summary: str = ""
    minutes: Document | None = None


@dataclass(frozen=True)
class RecommendationInput:
    title: str
    text: str
    adopted: date | None = None
    commitments: list[int] = field(default_factory=list)
    meeting: int | None = None
    follow_up: str = Recommendation.FollowUp.OPEN


def _in_range(value: date | None, name: str) -> None:
    if value is not None and not EARLIEST <= value <= LATEST:
        raise DomainError(_("Give a date between 1990 and 2100."), name)


def _secretariat(organisation_id: int | None) -> Organisation | None:
    if organisation_id is None:
        return None
    found = Organisation.objects.filter(pk=organisation_id).first() if 0 < organisation_id < 2**31 else None
    if found is None:
        raise DomainError(_("Unknown organisation %(code)s.") % {"code": organisation_id}, "secretariat")
    if not found.is_approved:
        raise DomainError(_("The organisation must be approved first."), "secretariat")
    return found


def _apply_board(board: AdvisoryBoard, data: BoardInput) -> AdvisoryBoard:
    name = data.name.strip()
    if not name:
        raise DomainError(_("Give the board a name."), "name")
    if len(name) > 200:
        raise DomainError(_("The name is longer than 200 characters."), "name")
    if not data.mandate.strip():
        raise DomainError(_("Give the board's mandate."), "mandate")
    _in_range(data.established, "established")
    if AdvisoryBoard.objects.filter(name__iexact=name).exclude(pk=board.pk).exists():
        raise DomainError(_("A board of this name already exists."), "name")
    board.name = name
    board.mandate = data.mandate.strip()[:10000]
    board.established = data.established
    board.website = clean_web_url(data.website, "website")[:200]
    board.save()
    return board


@checks_permission("partnerships.add_advisoryboard")
def create_board(actor: User, data: BoardInput) -> AdvisoryBoard:
    """A new board (stewards), with the organisation whose members will act as its secretaries."""
    return _apply_board(AdvisoryBoard(secretariat=_secretariat(data.secretariat)), data)


@checks_permission("partnerships.change_advisoryboard", obj="board")
def update_board(actor: User, board: AdvisoryBoard, data: BoardInput) -> AdvisoryBoard:
    """Change a board's name, mandate, date and website; only a steward hands it to another secretariat."""
    if not data.keep_secretariat and data.secretariat != board.secretariat_id:
        if not (actor.is_steward or actor.is_superuser):
            raise DomainError(_("Only a steward changes a board's secretariat."), "secretariat")
        board.secretariat = _secretariat(data.secretariat)
    return _apply_board(board, data)


@checks_permission("partnerships.change_advisoryboard", obj="board")
def add_member(actor: User, board: AdvisoryBoard, data: MemberInput) -> BoardMember:
    """Seat an organisation (a registered partner) or a person (optionally from a partner) on the board."""
    role = data.role.strip()
    person = data.person_name.strip()
    if not role:
        raise DomainError(_("Give the member's role on the board."), "role")
    if len(role) > 100 or len(person) > 200:
        raise DomainError(_("The text is too long."), "role" if len(role) > 100 else "person_name")
    partner = None
    if data.partner is not None:
        partner = Partner.objects.filter(pk=data.partner).first() if 0 < data.partner < 2**31 else None
        if partner is None:
            raise DomainError(_("Unknown partner %(code)s.") % {"code": data.partner}, "partner")
    if partner is None and not person:
        raise DomainError(_("Name the person or choose the organisation that sits on the board."), "person_name")
    _in_range(data.since, "since")
    _in_range(data.until, "until")
    if data.since and data.until and data.until < data.since:
        raise DomainError(_("The end is before the start."), "until")
    return BoardMember.objects.create(
        board=board, partner=partner, person_name=person, role=role, since=data.since, until=data.until
    )


@checks_permission("partnerships.change_advisoryboard", obj="board")
def remove_member(actor: User, board: AdvisoryBoard, member_id: int) -> None:
    """Remove a seat recorded by mistake (a member who left keeps their seat with an end date)."""
    deleted, _rows = BoardMember.objects.filter(board=board, pk=member_id).delete() if 0 < member_id < 2**31 else (0, 0)
    if not deleted:
        raise NotFound(f"No member {member_id} on this board", field="member_id")


def _apply_meeting(meeting: BoardMeeting, data: MeetingInput) -> BoardMeeting:
    _in_range(data.date, "date")
    if len(data.place.strip()) > 200:
        raise DomainError(_("The place is longer than 200 characters."), "place")
    meeting.date = data.date
    meeting.place = data.place.strip()
    meeting.agenda = data.agenda.strip()[:10000]
    meeting.summary = data.summary.strip()[:10000]
    if data.minutes is not None:
        meeting.minutes_name, meeting.minutes_type = check_document(data.minutes, "minutes")
        meeting.minutes_data = data.minutes.content
    meeting.save()
    return meeting


@checks_permission("partnerships.change_advisoryboard", obj="board")
def record_meeting(actor: User, board: AdvisoryBoard, data: MeetingInput) -> BoardMeeting:
    """A meeting of the board with its agenda and, once written, its minutes (a checked document)."""
    return _apply_meeting(BoardMeeting(board=board), data)


@checks_permission("partnerships.change_advisoryboard", obj="board")
def update_meeting(actor: User, board: AdvisoryBoard, meeting: BoardMeeting, data: MeetingInput) -> BoardMeeting:
    """Correct a meeting or add its minutes (a new document replaces the old; none keeps it)."""
    if meeting.board_id != board.pk:
        raise NotFound(f"No meeting {meeting.pk} of this board", field="meeting_id")
    return _apply_meeting(meeting, data)


def _apply_recommendation(recommendation: Recommendation, data: RecommendationInput) -> Recommendation:
    board = recommendation.board
    if not data.title.strip():
        raise DomainError(_("Give the recommendation a title."), "title")
    if len(data.title.strip()) > 200:
        raise DomainError(_("The title is longer than 200 characters."), "title")
    if not data.text.strip():
        raise DomainError(_("Give the text of the recommendation."), "text")
    _in_range(data.adopted, "adopted")
    if data.follow_up not in Recommendation.FollowUp.values:
        raise DomainError(_("Unknown follow-up %(value)s.") % {"value": data.follow_up[:30]}, "follow_up")
    meeting = None
    if data.meeting is not None:
        meeting = board.meetings.filter(pk=data.meeting).first() if 0 < data.meeting < 2**31 else None
        if meeting is None:
            raise DomainError(_("This board has no such meeting."), "meeting")
    wanted = [pk for pk in dict.fromkeys(data.commitments) if 0 < pk < 2**31]
    commitments = list(Commitment.objects.filter(pk__in=wanted))
    if len(commitments) != len(set(data.commitments)):
        raise DomainError(_("Unknown commitment."), "commitments")
    recommendation.meeting = meeting
    recommendation.title = data.title.strip()
    recommendation.text = data.text.strip()[:10000]
    recommendation.adopted = data.adopted or (meeting.date if meeting else None)
    recommendation.follow_up = data.follow_up
    recommendation.save()
    recommendation.commitments.set(commitments)
    return recommendation


@checks_permission("partnerships.add_recommendation", obj="board")
def add_recommendation(actor: User, board: AdvisoryBoard, data: RecommendationInput) -> Recommendation:
    """A recommendation the board adopted (at one of its meetings), with the commitments answering it."""
    return _apply_recommendation(Recommendation(board=board), data)


@checks_permission("partnerships.change_advisoryboard", obj="board")
def update_recommendation(
    actor: User, board: AdvisoryBoard, recommendation: Recommendation, data: RecommendationInput
) -> Recommendation:
    """Record a recommendation's follow-up: its status and the commitments that answer it."""
    if recommendation.board_id != board.pk:
        raise NotFound(f"No recommendation {recommendation.pk} of this board", field="recommendation_id")
    return _apply_recommendation(recommendation, data)
