"""The migration law API: catalogue, parties on a date with the completeness statement, actions, CSV, errors."""

import itertools

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_catalogue_lists_instruments_with_filters(client: Client) -> None:
    everything = client.get("/api/v1/law/instruments").json()
    ids = {i["id"] for i in everything}
    assert {"icrmw", "ilo_c097", "ilo_c143", "refugees_1951", "iccpr", "gcm_2018"} <= ids
    assert len(everything) == 23
    regional = client.get("/api/v1/law/instruments?kind=regional").json()
    assert {i["id"] for i in regional} == {"coe_ets093", "coe_cets197"}
    refugees = client.get("/api/v1/law/instruments?theme=refugees").json()
    assert {i["id"] for i in refugees} == {"refugees_1951", "refugees_1967"}


def test_instrument_detail_has_its_completeness_and_gcm_objectives(client: Client) -> None:
    gcm = client.get("/api/v1/law/instruments/gcm_2018").json()
    assert gcm["binding"] is False
    assert len(gcm["objectives"]) == 23
    assert gcm["objectives"][0]["number"] == 1
    icrmw = client.get("/api/v1/law/instruments/icrmw").json()
    assert icrmw["has_text"] is False
    assert icrmw["completeness"]["state"] == "complete_current"


def test_parties_on_a_date_with_count_list_and_statement(client: Client) -> None:
    """UN Geneva: 'As of 21 February 2025, 60 States were parties' to the ICRMW."""
    body = client.get("/api/v1/law/instruments/icrmw/parties?as_of=2025-02-21").json()
    assert (body["count"], body["uncertain_count"], body["as_of"]) == (60, 0, "2025-02-21")
    assert len(body["parties"]) == 60
    assert {p["iso3"] for p in body["parties"]} >= {"ALB", "ZWE"}
    assert body["completeness"]["data_as_of"] == "2025-02-21"
    assert "2025-02-21" in body["completeness"]["statement"]


def test_default_date_is_the_snapshot_date_never_today(client: Client) -> None:
    body = client.get("/api/v1/law/instruments/untoc_trafficking/parties").json()
    assert body["as_of"] == "2014-01-27"
    assert body["completeness"]["statement"] == "Data complete as of 2014-01-27: later parties are missing."


def test_asking_after_the_snapshot_warns_that_later_actions_are_missing(client: Client) -> None:
    body = client.get("/api/v1/law/instruments/untoc_trafficking/parties?as_of=2024-04-20").json()
    assert body["count"] == 159  # UNTC counted 182 on that date: the 23 later parties are not in the data
    assert "not the status on 2024-04-20" in body["completeness"]["warning"]


def test_bad_date_and_unknown_instrument_name_the_parameter(client: Client) -> None:
    response = client.get("/api/v1/law/instruments/icrmw/parties?as_of=2025-02-30")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "as_of"
    response = client.get("/api/v1/law/instruments/nothing/parties")
    assert response.status_code == 404
    assert response.json()["error"]["field"] == "instrument_id"


def test_non_binding_instrument_has_no_parties(client: Client) -> None:
    response = client.get("/api/v1/law/instruments/gcm_2018/parties")
    assert response.status_code == 400
    assert "not legally binding" in response.json()["error"]["message"]


def test_actions_keep_year_only_and_undated_precision(client: Client) -> None:
    actions = client.get("/api/v1/law/instruments/icrmw/actions").json()
    zimbabwe = next(a for a in actions if a["iso3"] == "ZWE")
    assert (zimbabwe["action"], zimbabwe["date"], zimbabwe["date_precision"]) == ("accession", "2024", "year")
    p029 = client.get("/api/v1/law/instruments/ilo_p029/actions").json()
    assert any(a["date"] == "" and a["date_precision"] == "unknown" for a in p029)


def test_parties_csv_starts_with_the_completeness_statement(client: Client) -> None:
    response = client.get("/api/v1/law/instruments/refugees_1951/parties.csv?as_of=2013-07-22")
    lines = response.content.decode().splitlines()
    assert lines[0].lstrip('"').startswith("# Data complete as of 2013-07-06")
    assert "not the status on 2013-07-22" in lines[0]
    assert lines[1].startswith("instrument,as_of,participant")
    assert sum(",party," in line for line in lines) == 145


def test_timeline_steps_up_to_the_current_count(client: Client) -> None:
    points = client.get("/api/v1/law/instruments/icrmw/timeline").json()
    assert points[-1] == {"date": "2024-12-31", "parties": 60, "uncertain": 0}
    assert all(a["date"] < b["date"] for a, b in itertools.pairwise(points))


def test_partial_data_defaults_to_the_latest_date_its_sources_speak_for(client: Client) -> None:
    """ILO C097: the newest dated row is Congo's ratification of 2023-10-26 (NORMLEX); the data is partial."""
    body = client.get("/api/v1/law/instruments/ilo_c097/parties").json()
    assert body["as_of"] == "2023-10-26"
    assert body["completeness"]["state"] == "partial"
    assert body["completeness"]["warning"] == "Counts from partial data are lower bounds."
