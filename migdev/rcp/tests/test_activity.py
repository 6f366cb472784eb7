"""Meetings, outcome documents and good practices: who may write them, what is refused, the feeds."""

import re
from datetime import date

import pytest
from django.test import Client

from migdev.accounts.models import Organisation, User
from migdev.core.errors import DomainError, PermissionDenied
from migdev.rcp.models import Document, GoodPractice, Meeting, Process
from migdev.rcp.services import activity as services
from migdev.rcp.services.documents import Upload

pytestmark = pytest.mark.django_db
MEETING = {
    "title": "Senior officials, Kathmandu; day 1, \\ test",
    "start_date": "2031-05-04",
    "level": "senior_officials",
}


def api(client: Client, user: User | None, method: str, path: str, body: dict | None = None) -> object:
    if user is not None:
        client.force_login(user)
    return getattr(client, method)(path, body, content_type="application/json")


def test_the_secretariat_and_stewards_add_meetings_others_may_not(
    client: Client, secretariat_user: User, steward: User, other_user: User
) -> None:
    assert api(client, None, "post", "/api/v1/rcp/processes/colombo/meetings", MEETING).status_code == 401
    assert api(client, other_user, "post", "/api/v1/rcp/processes/colombo/meetings", MEETING).status_code == 403
    made = api(client, secretariat_user, "post", "/api/v1/rcp/processes/colombo/meetings", MEETING)
    assert made.status_code == 201, made.content
    meeting_id = made.json()["id"]
    assert (
        api(client, steward, "put", f"/api/v1/rcp/meetings/{meeting_id}", {**MEETING, "place": "Kathmandu"}).json()[
            "place"
        ]
        == "Kathmandu"
    )
    assert api(client, other_user, "delete", f"/api/v1/rcp/meetings/{meeting_id}").status_code == 403
    bad = api(
        client, secretariat_user, "post", "/api/v1/rcp/processes/colombo/meetings", {**MEETING, "level": "summit"}
    )
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "level"
    backwards = {**MEETING, "end_date": "2031-05-01"}
    assert (
        api(client, secretariat_user, "post", "/api/v1/rcp/processes/colombo/meetings", backwards).json()["error"][
            "field"
        ]
        == "end_date"
    )


def test_a_secretariat_member_of_a_pending_organisation_has_no_rights(colombo: Process, secretariat_user: User) -> None:
    Organisation.objects.filter(name="Colombo secretariat (test)").update(status="pending")
    with pytest.raises(PermissionDenied):
        services.create_meeting(secretariat_user, colombo, services.MeetingInput("x", date(2031, 1, 1), "expert"))


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("outcome.pdf", b"MZ\x90\x00 not a pdf", "not of the type"),
        ("outcome.exe", b"MZ\x90\x00", "Only PDF"),
        ("outcome.txt", b"\xff\xfe bad", "UTF-8"),
        ("outcome.pdf", b"", "empty"),
        ("outcome.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "5 MB"),
    ],
)
def test_outcome_documents_are_checked_for_size_and_type(
    colombo: Process, secretariat_user: User, name: str, content: bytes, problem: str
) -> None:
    meeting = services.create_meeting(secretariat_user, colombo, services.MeetingInput("x", date(2031, 1, 1), "expert"))
    with pytest.raises(DomainError, match=problem):
        services.add_document(secretariat_user, meeting, "Outcome", Upload(name, content))
    assert not Document.objects.filter(meeting=meeting).exists()


def test_a_document_is_attached_and_served_as_an_attachment(
    client: Client, colombo: Process, secretariat_user: User
) -> None:
    meeting = services.create_meeting(secretariat_user, colombo, services.MeetingInput("x", date(2031, 1, 1), "expert"))
    document = services.add_document(
        secretariat_user, meeting, "Outcome", Upload("../../etc/out come.pdf", b"%PDF-1.4 x")
    )
    assert document.filename == "out_come.pdf" and document.size == 10
    response = client.get(f"/en/rcp/documents/{document.pk}/")
    assert response["Content-Type"] == "application/pdf" and response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")


def test_the_icalendar_feed_is_valid_and_escaped(client: Client, colombo: Process, secretariat_user: User) -> None:
    services.create_meeting(
        secretariat_user,
        colombo,
        services.MeetingInput(
            MEETING["title"] + " " + "é" * 60,
            date(2031, 5, 4),
            "ministerial",
            date(2031, 5, 5),
            "Kathmandu, Nepal",
            "Line 1\nLine 2",
        ),
    )
    for path in ("/en/rcp/processes/colombo/meetings.ics", "/en/rcp/meetings.ics"):
        response = client.get(path)
        assert response["Content-Type"].startswith("text/calendar")
        body = response.content.decode()
        assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") and body.endswith("END:VCALENDAR\r\n")
        assert "\n" not in body.replace("\r\n", "")
        assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
        unfolded = body.replace("\r\n ", "")
        assert "SUMMARY:Senior officials\\, Kathmandu\\; day 1\\, \\\\ test" in unfolded
        assert "DTSTART;VALUE=DATE:20310504\r\nDTEND;VALUE=DATE:20310506" in unfolded
        assert "LOCATION:Kathmandu\\, Nepal" in unfolded and "Line 1\\nLine 2" in unfolded
        assert (
            re.search(r"DTSTAMP:\d{8}T\d{6}Z", unfolded) and body.count("BEGIN:VEVENT") == body.count("END:VEVENT") >= 1
        )


def test_atom_and_rss_list_new_meetings_and_documents(client: Client, colombo: Process, secretariat_user: User) -> None:
    meeting = services.create_meeting(
        secretariat_user, colombo, services.MeetingInput("Expert <b>day</b>", date(2031, 1, 1), "expert")
    )
    services.add_document(secretariat_user, meeting, "Final report", Upload("r.txt", b"report"))
    atom = client.get("/en/rcp/feeds/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    body = atom.content.decode()
    assert "Expert &lt;b&gt;day&lt;/b&gt;" in body and "Final report" in body and "<b>" not in body
    rss = client.get("/en/rcp/feeds/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml") and "Final report" in rss.content.decode()


def test_good_practices_by_api_with_facets(client: Client, secretariat_user: User, other_user: User) -> None:
    body = {
        "title": "Shared curriculum",
        "summary": "One curriculum.",
        "themes": ["skills"],
        "countries": ["LKA", "npl"],
        "year": 2024,
    }
    assert api(client, other_user, "post", "/api/v1/rcp/processes/colombo/good-practices", body).status_code == 403
    made = api(client, secretariat_user, "post", "/api/v1/rcp/processes/colombo/good-practices", body)
    assert made.status_code == 201 and made.json()["countries"] == ["LKA", "NPL"]
    bad = api(
        client, secretariat_user, "post", "/api/v1/rcp/processes/colombo/good-practices", {**body, "countries": ["QQQ"]}
    )
    assert bad.json()["error"]["field"] == "countries"
    found = client.get("/api/v1/rcp/good-practices?theme=skills&country=NPL").json()
    assert found["count"] == 1 and found["facets"]["country"] == {"LKA": 1, "NPL": 1}
    assert client.get("/api/v1/rcp/good-practices?theme=trade").json()["count"] == 0
    practice = GoodPractice.objects.get()
    page = client.get("/en/rcp/processes/colombo/").content.decode()
    assert f"/en/rcp/good-practices/{practice.pk}/" in page
    assert f"/en/rcp/good-practices/{practice.pk}/" in client.get("/en/rcp/countries/NPL/").content.decode()
    assert "Shared curriculum" in client.get("/en/rcp/good-practices/?country=NPL").content.decode()


def test_the_secretariat_adds_a_meeting_and_a_document_through_the_pages(
    client: Client, secretariat_user: User
) -> None:
    client.force_login(secretariat_user)
    form = {"title": "Expert meeting", "level": "expert", "start_date": "2031-02-03", "place": "Colombo"}
    response = client.post("/en/rcp/processes/colombo/meetings/new/", form)
    meeting = Meeting.objects.get(title="Expert meeting")
    assert response.status_code == 302 and response["Location"].endswith(f"/meetings/{meeting.pk}/edit/")
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("outcome.pdf", b"%PDF-1.7 outcome", content_type="application/pdf")
    response = client.post(f"/en/rcp/meetings/{meeting.pk}/edit/", {"title": "Outcome", "file": upload})
    assert response.status_code == 302 and meeting.documents.count() == 1
    upload = SimpleUploadedFile("virus.pdf", b"MZ\x90", content_type="application/pdf")
    response = client.post(f"/en/rcp/meetings/{meeting.pk}/edit/", {"title": "Bad", "file": upload})
    assert response.status_code == 200 and "not of the type" in response.content.decode()
    assert client.get("/en/rcp/processes/rabat/meetings/new/").status_code == 403
