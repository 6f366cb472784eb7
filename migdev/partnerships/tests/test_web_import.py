"""A steward's commitments CSV from the page and the API: queued as a durable job, checked whole and loaded whole or
not at all; a bad file is refused naming its row and column and leaves nothing; too big, empty or other kinds of file
are refused at once; others may not import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from migdev.core.jobs import job_abandoned
from migdev.core.tests.slow_jobs import run_waiting_jobs
from migdev.partnerships.models import Commitment, CommitmentImport, Partner
from migdev.partnerships.services.imports import IMPORT_JOB, MAX_IMPORT_BYTES
from migdev.partnerships.tests.helpers import business_member, steward
from migdev.partnerships.tests.test_import import BAD_ROWS, GOOD

pytestmark = pytest.mark.django_db


def _upload(client: Client, text: str, name: str = "pledges.csv") -> CommitmentImport:
    client.post("/en/partnerships/commitments/import/", {"file": SimpleUploadedFile(name, text.encode())})
    return CommitmentImport.objects.get(file_name=name)


def test_a_steward_imports_a_good_file_from_the_page(client: Client) -> None:
    client.force_login(steward())
    assert "/en/partnerships/commitments/import/" in client.get("/en/partnerships/").content.decode()
    response = client.post(
        "/en/partnerships/commitments/import/", {"file": SimpleUploadedFile("pledges.csv", GOOD.encode())}, follow=True
    )
    page = response.content.decode()
    assert "pledges.csv is being checked" in page and 'http-equiv="refresh"' in page
    queued = CommitmentImport.objects.get()
    assert queued.status == CommitmentImport.Status.QUEUED and queued.job_id
    assert not Commitment.objects.exists()
    run_waiting_jobs()
    queued.refresh_from_db()
    assert queued.status == CommitmentImport.Status.DONE and queued.message == "2 commitments added, 0 updated"
    fair = Commitment.objects.get(title="Fair recruitment pledge")
    assert fair.created_by is not None and fair.created_by.username == "steward"
    assert sorted(o.number for o in fair.gcm_objectives.all()) == [6, 10]
    page = client.get("/en/partnerships/commitments/import/").content.decode()
    assert "2 commitments added, 0 updated" in page and 'http-equiv="refresh"' not in page


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_a_bad_row_is_refused_naming_row_and_column_and_nothing_is_kept(client: Client, case: str) -> None:
    row, column, shown = BAD_ROWS[case]
    client.force_login(steward())
    before = Partner.objects.count()
    lines = GOOD.splitlines(keepends=True)
    refused = _upload(client, lines[0] + lines[1] + row + "\n")
    run_waiting_jobs()
    refused.refresh_from_db()
    assert refused.status == CommitmentImport.Status.FAILED
    assert refused.message.startswith(f"pledges.csv, row 3, column {column}:"), refused.message
    assert shown in refused.message and "migdev-commitments" not in refused.message  # no server path
    assert Commitment.objects.count() == 0 and Partner.objects.count() == before
    assert f"pledges.csv, row 3, column {column}" in client.get("/en/partnerships/commitments/import/").content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pledges.xlsx", b"title", "Upload a .csv file."),
        ("pledges.csv", b"", "The submitted file is empty."),
        ("pledges.csv", b"x" * (MAX_IMPORT_BYTES + 1), "at most 2.0"),
    ],
)
def test_other_files_are_refused_at_once(client: Client, name: str, content: bytes, message: str) -> None:
    client.force_login(steward())
    response = client.post("/en/partnerships/commitments/import/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200 and message in response.content.decode()
    assert not CommitmentImport.objects.exists()


def test_a_file_that_is_not_utf8_or_cut_short_is_refused_by_the_job(client: Client) -> None:
    client.force_login(steward())
    client.post(
        "/en/partnerships/commitments/import/",
        {"file": SimpleUploadedFile("latin.csv", GOOD.replace("Acme", "Acmé").encode("latin-1"))},
    )
    cut = _upload(client, GOOD.rstrip("\n")[:-5], "cut.csv")
    run_waiting_jobs()
    latin = CommitmentImport.objects.get(file_name="latin.csv")
    cut.refresh_from_db()
    assert latin.status == cut.status == CommitmentImport.Status.FAILED
    assert latin.message.startswith("latin.csv, row 2") and cut.message.startswith("cut.csv, row 3")
    assert not Commitment.objects.exists()


def test_an_import_whose_worker_died_is_refused_with_a_reason(client: Client) -> None:
    client.force_login(steward())
    queued = _upload(client, GOOD)
    job_abandoned.send(sender=IMPORT_JOB, job_id=queued.job_id, args=[queued.pk], kwargs={}, reason="gone")
    queued.refresh_from_db()
    assert queued.status == CommitmentImport.Status.FAILED and "Upload it again" in queued.message


def test_an_import_that_breaks_unexpectedly_is_refused_not_left_being_checked(client: Client) -> None:
    from unittest import mock

    from migdev.partnerships.services import imports

    client.force_login(steward())
    queued = _upload(client, GOOD)
    with mock.patch.object(imports, "load_commitments", side_effect=OSError("disk full")), pytest.raises(OSError):
        imports.load_import(queued.pk)
    queued.refresh_from_db()
    assert queued.status == CommitmentImport.Status.FAILED and "unexpected error" in queued.message
    assert queued.finished_at is not None and not Commitment.objects.exists()


def test_only_stewards_import(client: Client) -> None:
    assert client.get("/en/partnerships/commitments/import/").status_code == 302
    member, _partner = business_member()
    client.force_login(member)
    assert client.get("/en/partnerships/commitments/import/").status_code == 403
    api = client.post("/api/v1/partnerships/commitments/import", {"file": SimpleUploadedFile("p.csv", b"x")})
    assert api.status_code == 403 and not CommitmentImport.objects.exists()


def test_the_api_imports_a_file_as_multipart_or_json(client: Client) -> None:
    client.force_login(steward())
    multipart = client.post(
        "/api/v1/partnerships/commitments/import", {"file": SimpleUploadedFile("pledges.csv", GOOD.encode())}
    )
    assert multipart.status_code == 202, multipart.content
    assert multipart.json()["status"] == "queued" and multipart.json()["file_name"] == "pledges.csv"
    run_waiting_jobs()
    outcome = client.get(f"/api/v1/partnerships/commitments/imports/{multipart.json()['id']}").json()
    assert outcome["status"] == "done" and outcome["message"] == "2 commitments added, 0 updated"
    bad = GOOD + BAD_ROWS["unknown ISO3"][0] + "\n"
    as_json = client.post(
        "/api/v1/partnerships/commitments/import",
        {"file_name": "bad.csv", "content": bad},
        content_type="application/json",
    )
    assert as_json.status_code == 202
    run_waiting_jobs()
    refused = client.get(f"/api/v1/partnerships/commitments/imports/{as_json.json()['id']}").json()
    assert refused["status"] == "failed" and refused["message"].startswith("bad.csv, row 4, column countries")
    assert Commitment.objects.count() == 2  # the first file's, updated by nothing of the second
    empty = client.post("/api/v1/partnerships/commitments/import", {}, content_type="application/json")
    assert empty.status_code == 400 and empty.json()["error"]["field"] == "file"
    other = client.post("/api/v1/partnerships/commitments/import", {"file": SimpleUploadedFile("p.pdf", b"%PDF")})
    assert other.status_code == 400 and other.json()["error"]["message"] == "Upload a .csv file."


def test_a_multipart_body_that_cannot_be_read_is_refused_as_malformed(client: Client) -> None:
    """Found by the boundary cases: multipart/form-data without its boundary answered 500."""
    client.force_login(steward())
    response = client.generic(
        "POST", "/api/v1/partnerships/commitments/import", b'{"content": ""}', content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_body"
    assert "multipart/form-data" in response.json()["error"]["message"]
    assert not CommitmentImport.objects.exists()
