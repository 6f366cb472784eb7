"""Outcome documents through the API: attached by the process's secretariat and stewards, checked for size and type
as the web upload is, listed in the meeting's output with their download address."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from migdev.accounts.models import User
from migdev.rcp.models import Document, Meeting, Process
from migdev.rcp.services import activity as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(colombo: Process, secretariat_user: User) -> Meeting:
    return services.create_meeting(secretariat_user, colombo, services.MeetingInput("x", date(2031, 1, 1), "expert"))


def upload(client: Client, meeting: Meeting, name: str, content: bytes) -> object:
    file = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(f"/api/v1/rcp/meetings/{meeting.pk}/documents", {"file": file, "title": "Outcome <b>1</b>"})


def upload_titled(client: Client, meeting: Meeting, title: str) -> object:
    file = SimpleUploadedFile("o.pdf", b"%PDF-1", content_type="application/pdf")
    return client.post(f"/api/v1/rcp/meetings/{meeting.pk}/documents", {"file": file, "title": title})


def test_the_secretariat_attaches_a_document_listed_with_its_download_address(
    client: Client, meeting: Meeting, secretariat_user: User
) -> None:
    client.force_login(secretariat_user)
    response = upload(client, meeting, "outcome.pdf", b"%PDF-1.7 outcome")
    assert response.status_code == 201, response.content
    made = response.json()
    assert made["content_type"] == "application/pdf" and made["size"] == 16 and made["title"] == "Outcome <b>1</b>"
    listed = client.get(f"/api/v1/rcp/meetings/{meeting.pk}").json()["documents"]
    assert [d["url"] for d in listed] == [made["url"]]
    assert made["url"] in [
        d["url"] for m in client.get("/api/v1/rcp/meetings?process=colombo").json() for d in m["documents"]
    ]
    download = client.get(made["url"])
    assert download.status_code == 200 and download.content == b"%PDF-1.7 outcome"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("outcome.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "larger than 5 MB"),
        ("outcome.exe", b"MZ\x90\x00", "Only PDF"),
        ("outcome.pdf", b"MZ\x90\x00 not a pdf", "not of the type"),
        ("outcome.docx", b"%PDF-1.7", "not of the type"),
        ("outcome.txt", b"\xff\xfe bad", "UTF-8"),
    ],
)
def test_too_large_and_wrong_type_files_are_refused(
    client: Client, meeting: Meeting, secretariat_user: User, name: str, content: bytes, problem: str
) -> None:
    client.force_login(secretariat_user)
    response = upload(client, meeting, name, content)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "file" and problem in response.json()["error"]["message"]
    assert not Document.objects.filter(meeting=meeting).exists()


def test_only_the_secretariat_and_stewards_attach(
    client: Client, meeting: Meeting, other_user: User, steward: User
) -> None:
    assert upload(Client(), meeting, "o.pdf", b"%PDF-1").status_code == 401
    client.force_login(other_user)
    assert upload(client, meeting, "o.pdf", b"%PDF-1").status_code == 403
    client.force_login(steward)
    assert upload(client, meeting, "o.pdf", b"%PDF-1").status_code == 201
    long_title = upload_titled(client, meeting, "t" * 301)
    assert long_title.status_code == 400 and long_title.json()["error"]["field"] == "title"
    missing = client.post(f"/api/v1/rcp/meetings/{meeting.pk}/documents", {"title": "no file"})
    assert missing.status_code == 400 and missing.json()["error"]["field"] == "file"
    assert client.get("/api/v1/rcp/meetings/999999").status_code == 404


def test_the_evidence_of_a_good_practice_is_attached_by_api(
    client: Client, colombo: Process, secretariat_user: User, other_user: User
) -> None:
    practice = services.create_practice(secretariat_user, colombo, services.PracticeInput("Practice", "Summary"))
    path = f"/api/v1/rcp/good-practices/{practice.pk}/evidence"
    client.force_login(other_user)
    assert client.post(path, {"file": SimpleUploadedFile("e.txt", b"evidence")}).status_code == 403
    client.force_login(secretariat_user)
    refused = client.post(path, {"file": SimpleUploadedFile("e.html", b"<script>")})
    assert refused.status_code == 400 and refused.json()["error"]["field"] == "file"
    made = client.post(path, {"file": SimpleUploadedFile("e.txt", b"evidence")})
    assert made.status_code == 201
    shown = client.get(f"/api/v1/rcp/good-practices/{practice.pk}").json()["evidence_document"]
    assert shown["url"] == made.json()["url"] and client.get(shown["url"]).content == b"evidence"
