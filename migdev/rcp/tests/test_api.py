"""The rcp API: every process with names in the request language, one process in full, a country's processes."""

import pytest
from django.test import Client

from migdev.rcp.models import Process

pytestmark = pytest.mark.django_db


def test_every_process_with_its_count_date_and_sources(client: Client) -> None:
    data = client.get("/api/v1/rcp/processes").json()
    assert data["count"] == 29 == len(data["items"])
    colombo = next(item for item in data["items"] if item["id"] == "colombo")
    assert colombo["type"] == "rcp" and colombo["established_year"] == 2003
    assert colombo["member_count"] == {
        "reported": "12",
        "as_of": "2024",
        "sources": ["S20", "S21", "S22", "S23", "S24"],
    }


def test_names_come_in_the_request_language(client: Client) -> None:
    Process.objects.filter(rcp_id="colombo").update(name_fr="Processus de Colombo (test)")
    data = client.get("/api/v1/rcp/processes", headers={"accept-language": "fr"}).json()
    assert next(i for i in data["items"] if i["id"] == "colombo")["name"] == "Processus de Colombo (test)"
    data = client.get("/api/v1/rcp/processes", headers={"accept-language": "es"}).json()
    assert next(i for i in data["items"] if i["id"] == "colombo")["name"].startswith("Regional Consultative")


def test_one_process_with_members_meetings_and_practices(client: Client) -> None:
    data = client.get("/api/v1/rcp/processes/bali").json()
    assert {"members", "meetings", "good_practices", "uncertain_facts"} <= set(data)
    australia = next(m for m in data["members"] if m["iso3"] == "AUS")
    assert australia["role"] == "participant_2002" and australia["as_of"] == "2002"
    assert "members" in data["uncertain_facts"]
    assert client.get("/api/v1/rcp/processes/nothing").status_code == 404


def test_a_countrys_processes(client: Client) -> None:
    data = client.get("/api/v1/rcp/countries/phl").json()
    assert data["iso3"] == "PHL" and data["count"] == len(data["items"]) > 0
    assert {"process", "role", "as_of", "sources"} <= set(data["items"][0])
    assert client.get("/api/v1/rcp/countries/XXX").status_code == 404


def test_overlaps_and_similar(client: Client) -> None:
    overlaps = client.get("/api/v1/rcp/overlaps").json()
    assert overlaps and 0 < overlaps[0]["jaccard"] <= 1
    similar = client.get("/api/v1/rcp/processes/colombo/similar").json()
    assert similar and "add" in [s["id"] for s in similar]
