"""The corridors API: every block with source, as_of and has_data; the error shape; the ranking."""

import pytest
from django.test import Client

from migdev.corridors.selectors import BLOCKS
from migdev.corridors.tests.conftest import EMPTY

pytestmark = pytest.mark.django_db


def test_the_corridor_gives_every_block_with_its_source_and_date(demo: None, client: Client) -> None:
    body = client.get("/api/v1/corridors/PHL-CAN").json()
    assert body["origin"] == {"iso3": "PHL", "name": "Philippines"}
    for name in BLOCKS:
        assert body[name]["has_data"] is True, name
        assert body[name]["source"] and body[name]["as_of"], name
    assert {"year": "2020", "sex": "F", "value": 367616.0} in body["people"]["stock"]
    assert {s["id"] for s in body["work"]["schemes"]} == {"domestic-demo", "care-demo"}
    assert body["money"]["costs"][-1]["period"] == "2014Q2"
    assert "refugees_1951" in {i["id"] for i in body["rights"]["in_common"]}


def test_the_same_figures_as_the_page(demo: None, client: Client) -> None:
    body = client.get("/api/v1/corridors/PHL-CAN", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert body["people"]["total"] == 633547
    assert body["diaspora"]["organisations"][0]["name"].startswith("Demo Filipino Nurses")


def test_a_pair_without_data_says_so(demo: None, client: Client) -> None:
    body = client.get(f"/api/v1/corridors/{EMPTY[0]}-{EMPTY[1]}").json()
    for name in ("people", "work", "money", "diaspora", "cooperation"):
        assert body[name]["has_data"] is False, name
    assert body["people"]["stock"] == []


@pytest.mark.parametrize(
    ("path", "status", "field"),
    [
        ("/api/v1/corridors/XXX-CAN", 404, "origin"),
        ("/api/v1/corridors/PHL-XXX", 404, "destination"),
        ("/api/v1/corridors/PH1-CAN", 422, "origin"),
        ("/api/v1/corridors/PHL-PHL", 422, "destination"),
    ],
)
def test_unknown_or_malformed_codes_get_the_error_shape(client: Client, path: str, status: int, field: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["field"] == field and error["code"] in ("not_found", "invalid") and error["message"]


def test_the_ranking_is_sorted_filtered_and_paged(demo: None, client: Client) -> None:
    body = client.get("/api/v1/corridors/ranking?limit=3").json()
    assert body["count"] > 10_000
    first = body["items"][0]
    assert (first["origin"], first["destination"]) == ("MEX", "USA")
    by_schemes = client.get("/api/v1/corridors/ranking?sort=schemes&limit=50").json()["items"]
    assert by_schemes[0]["schemes"] >= 1
    assert ("PHL", "CAN") in {(i["origin"], i["destination"]) for i in by_schemes}
    asc = client.get("/api/v1/corridors/ranking?sort=stock&order=asc&limit=2").json()["items"]
    assert asc[0]["stock"] <= asc[1]["stock"]
    bad = client.get("/api/v1/corridors/ranking?sort=name")
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "sort"


def test_the_corridor_is_in_the_openapi_schema(client: Client) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v1/corridors/{origin}-{destination}" in paths and "/api/v1/corridors/ranking" in paths
