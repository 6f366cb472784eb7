"""The remittances pages: dashboard, corridor comparison, country pages, methodology, and who may upload."""

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from migdev.accounts.models import User
from migdev.core.jobs import job_abandoned
from migdev.core.tests.slow_jobs import run_waiting_jobs
from migdev.remittances.models import PriceImport, PriceQuote, PriceUpload
from migdev.remittances.services import PRICE_UPLOAD_JOB
from migdev.remittances.tests.files import legacy_rows, workbook_row, write_legacy, write_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.VAR_DIR = tmp_path / "var"


def test_dashboard_shows_the_sdg_tracker(client: Client) -> None:
    response = client.get("/en/remittances/?period=2014Q1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "8.36 %" in page
    assert 'id="corridors-above"' in page and "CC BY 4.0" in page


def test_corridor_page_lists_providers_cheapest_first(client: Client) -> None:
    response = client.get("/en/remittances/corridor/?sending=USA&receiving=MEX&period=2014Q1")
    assert response.status_code == 200
    services = response.context["services"]
    transparent = [row.small.published_total for row in services if row.transparent]
    assert len(transparent) > 10 and transparent == sorted(transparent)
    # a service that hides its rate shows a 0 margin: it comes last, not first
    assert [row.transparent for row in services] == sorted((row.transparent for row in services), reverse=True)
    assert all(row.large is not None for row in services[:5])
    assert "4.48 %" in response.content.decode()  # the corridor average, DataBank 4.481


def test_corridor_page_without_a_choice_shows_the_picker(client: Client) -> None:
    response = client.get("/en/remittances/corridor/")
    assert response.status_code == 200 and "sending" in response.context["form"].fields


def test_country_page_sending_and_receiving(client: Client) -> None:
    response = client.get("/en/remittances/countries/mex/")
    assert response.status_code == 200
    assert response.context["to_rows"] and not response.context["from_rows"]
    assert client.get("/en/remittances/countries/QQQ/").status_code == 404


def test_methodology_page(client: Client) -> None:
    page = client.get("/en/remittances/methodology/").content.decode()
    assert "Russia" in page and "rpw_quotes_2011q1_2014q2.csv.gz" in page


def steward() -> User:
    return User.objects.create_user("remittances-steward", password="x", is_steward=True)


def test_only_stewards_upload(client: Client) -> None:
    assert client.get("/en/remittances/upload/").status_code == 302  # to log in
    client.force_login(User.objects.create_user("remittances-person", password="x"))
    assert client.get("/en/remittances/upload/").status_code == 403


def test_steward_uploads_a_new_quarter(client: Client, tmp_path: Path) -> None:
    """The upload is queued as a job; the worker checks and loads it; the page shows the outcome."""
    client.force_login(steward())
    path = write_workbook(tmp_path / "remittances-2016q2.xlsx", [workbook_row(id=i) for i in range(1, 4)])
    upload = SimpleUploadedFile("rpw-2016q2.xlsx", path.read_bytes())
    response = client.post("/en/remittances/upload/", {"file": upload}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "rpw-2016q2.xlsx is being checked" in page and 'http-equiv="refresh"' in page
    queued = PriceUpload.objects.get(file_name="rpw-2016q2.xlsx")
    assert queued.status == PriceUpload.Status.QUEUED and Path(queued.stored_as).is_file()
    assert not PriceImport.objects.filter(file_name="rpw-2016q2.xlsx").exists()

    run_waiting_jobs()
    done = PriceUpload.objects.get(pk=queued.pk)
    assert done.status == PriceUpload.Status.DONE and "6 quotes" in done.message
    assert not Path(done.stored_as).exists(), "the uploaded copy is deleted once read"
    assert PriceImport.objects.get(file_name="rpw-2016q2.xlsx").imported_by.username == "remittances-steward"
    page = client.get("/en/remittances/upload/").content.decode()
    assert "6 quotes stored (2016Q2)." in page and 'http-equiv="refresh"' not in page


def test_a_bad_upload_names_the_row_and_column_and_stores_nothing(client: Client, tmp_path: Path) -> None:
    client.force_login(steward())
    header, rows = legacy_rows("2014_2Q", 5)
    rows[2]["cc1 lcu code"] = "ZZZ"
    path = write_legacy(tmp_path / "remittances-bad.csv", header, rows)
    before = PriceQuote.objects.count()
    client.post("/en/remittances/upload/", {"file": SimpleUploadedFile("bad.csv", path.read_bytes())})
    run_waiting_jobs()
    refused = PriceUpload.objects.get(file_name="bad.csv")
    assert refused.status == PriceUpload.Status.FAILED
    assert "bad.csv, row 4, column cc1 lcu code" in refused.message and "uploads" not in refused.message
    assert "bad.csv, row 4, column cc1 lcu code" in client.get("/en/remittances/upload/").content.decode()
    assert PriceQuote.objects.count() == before


def test_an_upload_whose_worker_died_is_refused_with_a_reason(client: Client, tmp_path: Path) -> None:
    client.force_login(steward())
    path = write_workbook(tmp_path / "remittances-2016q2.xlsx", [workbook_row(id=1)])
    client.post("/en/remittances/upload/", {"file": SimpleUploadedFile("q.xlsx", path.read_bytes())})
    upload = PriceUpload.objects.get(file_name="q.xlsx")
    job_abandoned.send(sender=PRICE_UPLOAD_JOB, job_id=upload.job_id, args=[upload.pk], kwargs={}, reason="gone")
    upload.refresh_from_db()
    assert upload.status == PriceUpload.Status.FAILED and "Upload it again" in upload.message


def test_an_upload_that_breaks_unexpectedly_is_refused_not_left_being_checked(client: Client, tmp_path: Path) -> None:
    from unittest import mock

    from migdev.remittances import services

    client.force_login(steward())
    path = write_workbook(tmp_path / "remittances-2016q2.xlsx", [workbook_row(id=1)])
    client.post("/en/remittances/upload/", {"file": SimpleUploadedFile("q.xlsx", path.read_bytes())})
    upload = PriceUpload.objects.get(file_name="q.xlsx")
    with mock.patch.object(services, "_load_prices", side_effect=OSError("disk full")), pytest.raises(OSError):
        services.load_price_upload(upload.pk)
    upload.refresh_from_db()
    assert upload.status == PriceUpload.Status.FAILED and "unexpected error" in upload.message
    assert upload.finished_at is not None and not Path(upload.stored_as).exists()


def test_upload_refuses_other_file_kinds(client: Client) -> None:
    client.force_login(steward())
    response = client.post("/en/remittances/upload/", {"file": SimpleUploadedFile("prices.txt", b"x")})
    assert "Upload a .csv or .xlsx file." in response.content.decode()
