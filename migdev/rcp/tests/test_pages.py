"""The rcp pages in three languages: sourced, dated facts, uncertain ones marked, dated lists never shown as today's."""

import csv as csv_module
import io

import pytest
from django.test import Client

from migdev.rcp.models import Process

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_every_process_page_opens_in_three_languages(client: Client, lang: str) -> None:
    for process in Process.objects.all():
        response = client.get(f"/{lang}/rcp/processes/{process.rcp_id}/")
        assert response.status_code == 200, process.rcp_id
    assert client.get(f"/{lang}/rcp/").status_code == 200


def test_a_process_page_shows_dates_sources_and_doubts(client: Client) -> None:
    page = client.get("/en/rcp/processes/colombo/").content.decode()
    assert "as of 2024" in page
    assert 'id="source-S20"' in page
    assert "Uncertain or disputed:" in page and "chair rotation" in page
    assert 'href="http://www.colomboprocess.org" rel="nofollow noopener"' in page
    assert "Similar processes" in page and "History of the facts" in page


def test_the_bali_page_says_its_list_is_the_2002_attendance(client: Client) -> None:
    page = client.get("/en/rcp/processes/bali/").content.decode()
    assert 'id="past-only"' in page and "not today" in page


def test_free_text_is_escaped(client: Client) -> None:
    Process.objects.filter(rcp_id="colombo").update(secretariat="<script>alert(1)</script>")
    page = client.get("/en/rcp/processes/colombo/").content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_the_list_filters_and_groups(client: Client) -> None:
    page = client.get("/en/rcp/?type=irf").content.decode()
    assert "Abu Dhabi Dialogue" in page and "Colombo Process" not in page
    page = client.get("/en/rcp/?theme=trafficking&country=AUS").content.decode()
    assert "Bali Process" in page
    assert client.get("/en/rcp/?country=KEN&go=country").status_code == 302


def test_a_country_page_lists_its_processes_on_a_map(client: Client) -> None:
    page = client.get("/fr/rcp/countries/KEN/").content.decode()
    assert "igad_rcp" in page or "IGAD" in page
    assert 'id="map-data"' in page
    assert client.get("/en/rcp/countries/KEN/?process=igad_rcp").status_code == 200
    assert client.get("/en/rcp/countries/ZZZ/").status_code == 404
    assert client.get("/en/rcp/processes/nothing/").status_code == 404


def test_overlaps_page_has_table_and_network(client: Client) -> None:
    page = client.get("/es/rcp/overlaps/").content.decode()
    assert 'id="network-data"' in page and 'id="overlaps"' in page


def test_downloads(client: Client) -> None:
    csv = client.get("/en/rcp/download/memberships.csv")
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode().count("\r\n") == 590
    data = client.get("/en/rcp/download/processes.json").json()
    assert data["count"] == 29 and {"member_count_as_of", "sources", "uncertain"} <= set(data["items"][0])
    assert client.get("/en/rcp/download/secrets.csv").status_code == 404


@pytest.mark.parametrize("kind", ["processes", "memberships", "countries", "meetings", "good-practices", "history"])
def test_everything_downloads_as_csv_and_json(client: Client, kind: str) -> None:
    from datetime import date

    from migdev.accounts.models import User
    from migdev.rcp.services import activity
    from migdev.rcp.services.facts import Correction, correct_fact

    steward = User.objects.create_user("rcp-download-steward", password="x", is_steward=True)
    colombo = Process.objects.get(rcp_id="colombo")
    activity.create_meeting(steward, colombo, activity.MeetingInput("=HYPERLINK(1)", date(2031, 1, 1), "expert"))
    activity.create_practice(steward, colombo, activity.PracticeInput("Practice", "Summary", ["skills"], ["LKA"]))
    correct_fact(steward, colombo, "status", Correction("Active", "Communiqué", date(2025, 1, 1)))
    data = client.get(f"/en/rcp/download/{kind}.json").json()
    assert data["count"] == len(data["items"]) > 0
    text = client.get(f"/en/rcp/download/{kind}.csv").content.decode()
    assert len(list(csv_module.reader(io.StringIO(text)))) == data["count"] + 1
    assert "=HYPERLINK" not in text.replace("'=HYPERLINK", "")
    if kind == "processes":
        assert {"secretariat", "chair_history", "official_site", "objectives"} <= set(data["items"][0])
    if kind == "history":
        assert any(i["source"] == "Communiqué" and i["as_of"] == "2025-01-01" for i in data["items"])
