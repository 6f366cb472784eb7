"""The remittances pages: dashboard, corridor comparison, country pages, methodology, and who may upload."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from migdev.accounts.models import User
from migdev.remittances.models import PriceImport, PriceQuote
from migdev.remittances.tests.files import legacy_rows, workbook_row, write_legacy, write_workbook

pytestmark = pytest.mark.django_db


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
    client.force_login(steward())
    path = write_workbook(tmp_path / "remittances-2016q2.xlsx", [workbook_row(id=i) for i in range(1, 4)])
    upload = SimpleUploadedFile("rpw-2016q2.xlsx", path.read_bytes())
    response = client.post("/en/remittances/upload/", {"file": upload}, follow=True)
    assert response.status_code == 200
    assert "6 quotes stored (2016Q2)" in response.content.decode()
    assert PriceImport.objects.get(file_name="rpw-2016q2.xlsx").imported_by.username == "remittances-steward"


def test_a_bad_upload_names_the_row_and_column_and_stores_nothing(client: Client, tmp_path: Path) -> None:
    client.force_login(steward())
    header, rows = legacy_rows("2014_2Q", 5)
    rows[2]["cc1 lcu code"] = "ZZZ"
    path = write_legacy(tmp_path / "remittances-bad.csv", header, rows)
    before = PriceQuote.objects.count()
    response = client.post("/en/remittances/upload/", {"file": SimpleUploadedFile("bad.csv", path.read_bytes())})
    assert response.status_code == 200
    assert "bad.csv, row 4, column cc1 lcu code" in response.content.decode()
    assert PriceQuote.objects.count() == before


def test_upload_refuses_other_file_kinds(client: Client) -> None:
    client.force_login(steward())
    response = client.post("/en/remittances/upload/", {"file": SimpleUploadedFile("prices.txt", b"x")})
    assert "Upload a .csv or .xlsx file." in response.content.decode()
