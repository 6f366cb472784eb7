"""Advisory boards on the web and the API: stewards create a board; its secretaries (members of the secretariat) and
stewards edit its mandate, seat and unseat members (organisations or persons, with roles and dates), record meetings
with checked minutes, and recommendations followed up by the commitments answering them; others are refused."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from migdev.accounts.models import User
from migdev.core.errors import DomainError, PermissionDenied
from migdev.partnerships.models import AdvisoryBoard, BoardMeeting, BoardMember, Recommendation
from migdev.partnerships.services import boards as services
from migdev.partnerships.services import commitments
from migdev.partnerships.services.checks import CommitmentInput
from migdev.partnerships.services.documents import Document
from migdev.partnerships.tests.helpers import business_member, steward

pytestmark = pytest.mark.django_db


def _board() -> tuple[User, AdvisoryBoard]:
    """A board whose secretariat is the business's organisation: its member is the board's secretary."""
    secretary, partner = business_member()
    board = services.create_board(steward(), services.BoardInput("BAB", "Advise.", secretariat=partner.organisation_id))
    return secretary, board


def test_a_steward_creates_a_board_on_the_page_and_its_secretary_edits_the_mandate(client: Client) -> None:
    secretary, partner = business_member()
    client.force_login(steward())
    assert client.get("/en/partnerships/boards/").content.decode().count("/en/partnerships/boards/new/") == 1
    response = client.post(
        "/en/partnerships/boards/new/",
        {"name": "Business board", "mandate": "Advise <b>us</b>.", "secretariat": partner.organisation_id},
    )
    board = AdvisoryBoard.objects.get(name="Business board")
    assert response.status_code == 302 and board.secretariat_id == partner.organisation_id
    client.force_login(secretary)
    form = client.get(f"/en/partnerships/boards/{board.pk}/edit/").content.decode()
    assert 'name="secretariat"' not in form  # only stewards hand the board to another secretariat
    client.post(f"/en/partnerships/boards/{board.pk}/edit/", {"name": "Business board", "mandate": "New mandate."})
    board.refresh_from_db()
    assert board.mandate == "New mandate." and board.secretariat_id == partner.organisation_id
    page = client.get(f"/en/partnerships/boards/{board.pk}/").content.decode()
    assert "New mandate." in page and "Add a board member" in page


def test_only_stewards_create_boards_and_outsiders_may_not_edit() -> None:
    secretary, board = _board()
    outsider, _partner = business_member("outsider", "Other Co.")
    with pytest.raises(PermissionDenied):
        services.create_board(secretary, services.BoardInput("Mine", "Advise."))
    for write in (
        lambda: services.update_board(outsider, board, services.BoardInput("X", "Y", keep_secretariat=True)),
        lambda: services.add_member(outsider, board, services.MemberInput("Chair", person_name="A")),
        lambda: services.record_meeting(outsider, board, services.MeetingInput(date(2025, 1, 1))),
    ):
        with pytest.raises(PermissionDenied):
            write()
    with pytest.raises(DomainError) as error:
        services.update_board(secretary, board, services.BoardInput("BAB", "Advise.", secretariat=None))
    assert error.value.field == "secretariat"


def test_members_are_organisations_or_persons_with_roles_and_dates(client: Client) -> None:
    secretary, board = _board()
    partner_id = secretary.memberships.get().organisation.partner.pk
    client.force_login(secretary)
    path = f"/en/partnerships/boards/{board.pk}/members/new/"
    assert client.post(path, {"partner": partner_id, "role": "Chair", "since": "2024-01-01"}).status_code == 302
    person = {"person_name": "Ana <i>Reyes</i>", "partner": partner_id, "role": "Expert", "since": "2024-01-01"}
    assert client.post(path, person | {"until": "2023-01-01"}).status_code == 200  # ends before it starts
    assert client.post(path, {"role": "Member"}).status_code == 200  # neither a person nor an organisation
    assert client.post(path, person).status_code == 302
    assert BoardMember.objects.filter(board=board).count() == 2
    page = client.get(f"/en/partnerships/boards/{board.pk}/").content.decode()
    assert "Ana &lt;i&gt;Reyes&lt;/i&gt;" in page and "<i>Reyes" not in page
    member = BoardMember.objects.get(person_name__startswith="Ana")
    assert client.post(f"/en/partnerships/boards/{board.pk}/members/{member.pk}/remove/").status_code == 302
    assert not BoardMember.objects.filter(pk=member.pk).exists()
    assert client.get(f"/en/partnerships/boards/{board.pk}/members/{member.pk}/remove/").status_code == 405


def test_a_meeting_is_recorded_with_its_agenda_and_checked_minutes(client: Client) -> None:
    secretary, board = _board()
    client.force_login(secretary)
    path = f"/en/partnerships/boards/{board.pk}/meetings/new/"
    fields = {"date": "2025-03-01", "place": "Geneva", "agenda": "1. Fees"}
    disguised = client.post(path, fields | {"minutes": SimpleUploadedFile("minutes.pdf", b"<script>x</script>")})
    assert disguised.status_code == 200 and b"not the kind of file its name says" in disguised.content
    too_big = client.post(path, fields | {"minutes": SimpleUploadedFile("m.txt", b"a" * (5 * 1024 * 1024 + 1))})
    assert too_big.status_code == 200 and b"at most 5.0" in too_big.content
    assert not BoardMeeting.objects.exists()
    good = client.post(path, fields | {"minutes": SimpleUploadedFile("minutes.pdf", b"%PDF-1.7\n")})
    assert good.status_code == 302
    meeting = BoardMeeting.objects.get()
    assert (meeting.agenda, meeting.minutes_name) == ("1. Fees", "minutes.pdf")
    download = client.get(f"/api/v1/partnerships/meetings/{meeting.pk}/minutes")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
    edit = client.post(f"/en/partnerships/boards/{board.pk}/meetings/{meeting.pk}/edit/", fields | {"place": "Rome"})
    meeting.refresh_from_db()
    assert edit.status_code == 302 and meeting.place == "Rome" and meeting.minutes_name == "minutes.pdf"
    page = client.get(f"/en/partnerships/boards/{board.pk}/").content.decode()
    assert f"/api/v1/partnerships/meetings/{meeting.pk}/minutes" in page


def test_a_recommendation_adopted_at_a_meeting_is_followed_up_by_commitments(client: Client) -> None:
    secretary, board = _board()
    partner = secretary.memberships.get().organisation.partner
    pledge = commitments.register_commitment(secretary, partner, CommitmentInput(title="Zero fees", form="policy"))
    meeting = services.record_meeting(secretary, board, services.MeetingInput(date(2025, 3, 1), "Geneva"))
    client.force_login(secretary)
    response = client.post(
        f"/en/partnerships/boards/{board.pk}/recommendations/new/",
        {"title": "Employer pays", "text": "Adopt it.", "meeting": meeting.pk, "follow_up": "open"},
    )
    assert response.status_code == 302
    recommendation = Recommendation.objects.get()
    assert recommendation.adopted == date(2025, 3, 1) and recommendation.meeting == meeting
    client.post(
        f"/en/partnerships/boards/{board.pk}/recommendations/{recommendation.pk}/edit/",
        {"title": "Employer pays", "text": "Adopt it.", "follow_up": "in_progress", "commitments": [pledge.pk]},
    )
    recommendation.refresh_from_db()
    assert recommendation.follow_up == "in_progress" and list(recommendation.commitments.all()) == [pledge]
    page = client.get(f"/en/partnerships/boards/{board.pk}/").content.decode()
    assert "Being followed up" in page and "Zero fees" in page
    assert "Employer pays" in client.get(f"/en/partnerships/commitments/{pledge.pk}/").content.decode()
    other, _board2 = AdvisoryBoard.objects.create(name="Other", mandate="M"), None
    foreign = services.record_meeting(steward_user(), other, services.MeetingInput(date(2025, 1, 1)))
    with pytest.raises(DomainError) as error:
        services.add_recommendation(secretary, board, services.RecommendationInput("T", "X", meeting=foreign.pk))
    assert error.value.field == "meeting"


def steward_user() -> User:
    return User.objects.get(username="steward")


def test_the_api_runs_the_whole_board(client: Client) -> None:
    secretary, partner = business_member()
    client.force_login(steward())
    created = client.post(
        "/api/v1/partnerships/boards",
        {"name": "API board", "mandate": "Advise.", "secretariat": partner.organisation_id},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    board_id = created.json()["id"]
    client.force_login(secretary)
    base = f"/api/v1/partnerships/boards/{board_id}"
    changed = client.put(base, {"name": "API board", "mandate": "Advise more."}, content_type="application/json")
    assert changed.status_code == 200 and changed.json()["secretariat"] == partner.organisation_id
    member = client.post(
        f"{base}/members",
        {"person_name": "Ana Reyes", "role": "Expert", "since": "2024-01-01"},
        content_type="application/json",
    )
    assert member.status_code == 201 and member.json()["is_current"] is True
    bad_member = client.post(f"{base}/members", {"role": "Expert"}, content_type="application/json")
    assert bad_member.status_code == 400 and bad_member.json()["error"]["field"] == "person_name"
    meeting = client.post(
        f"{base}/meetings",
        {"date": "2025-03-01", "place": "Geneva", "agenda": "1.", "minutes": SimpleUploadedFile("m.txt", b"Minutes")},
    )
    assert meeting.status_code == 201, meeting.content
    minutes = meeting.json()["minutes_document"]
    assert client.get(minutes).content == b"Minutes"
    json_meeting = client.post(f"{base}/meetings", {"date": "2025-04-01"}, content_type="application/json")
    assert json_meeting.status_code == 201 and json_meeting.json()["minutes_document"] is None
    refused = client.post(f"{base}/meetings", {"date": "2025-05-01", "minutes": SimpleUploadedFile("m.exe", b"MZ")})
    assert refused.status_code == 400 and refused.json()["error"]["field"] == "minutes"
    invalid = client.post(f"{base}/meetings", {"date": "not a date"})
    assert invalid.status_code == 422 and invalid.json()["error"]["field"] == "date"
    recommendation = client.post(
        f"{base}/recommendations",
        {"title": "Pay fees", "text": "Employers pay.", "meeting": meeting.json()["id"]},
        content_type="application/json",
    )
    assert recommendation.status_code == 201 and recommendation.json()["adopted"] == "2025-03-01"
    followed = client.put(
        f"{base}/recommendations/{recommendation.json()['id']}",
        {"title": "Pay fees", "text": "Employers pay.", "follow_up": "implemented"},
        content_type="application/json",
    )
    assert followed.json()["follow_up"] == "implemented"
    detail = client.get(base).json()
    assert len(detail["members"]) == 1 and len(detail["meetings"]) == 2 and detail["mandate"] == "Advise more."
    assert client.delete(f"{base}/members/{member.json()['id']}").status_code == 204
    outsider, _other = business_member("outsider", "Other Co.")
    client.force_login(outsider)
    assert client.post(f"{base}/meetings", {"date": "2025-03-01"}).status_code == 403  # before reading the body
    assert client.post("/api/v1/partnerships/boards", {}, content_type="application/json").status_code in (403, 422)


def test_the_board_page_reads_the_same_number_of_queries_however_big_the_board(client: Client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    secretary, board = _board()
    partner = secretary.memberships.get().organisation.partner
    client.force_login(secretary)

    def grow(n: int) -> None:
        for i in range(n):
            services.add_member(secretary, board, services.MemberInput("Member", partner.pk, f"Person {i}"))
            meeting = services.record_meeting(
                secretary, board, services.MeetingInput(date(2025, 1, 1 + i), minutes=Document("m.txt", b"x"))
            )
            pledge = commitments.register_commitment(secretary, partner, CommitmentInput(f"Pledge {i}", "policy"))
            adopted = services.RecommendationInput(f"R{i}", "T", meeting=meeting.pk, commitments=[pledge.pk])
            services.add_recommendation(secretary, board, adopted)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/en/partnerships/boards/{board.pk}/").status_code == 200
        return len(queries)

    grow(1)
    few = count()
    grow(5)
    assert count() == few
