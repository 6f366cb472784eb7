"""The statistics API: JSON shapes and published figures, the error format, filters and pagination."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_profile_shape_and_figures(client: Client) -> None:
    """UN DESA IMS 2020: USA 50,632,836 immigrants (26,153,840 women); Mexico -> USA 10,853,105."""
    response = client.get("/api/v1/stats/profiles/USA")
    assert response.status_code == 200
    body = response.json()
    assert (body["iso3"], body["m49"], body["name"]) == ("USA", 840, "United States of America")
    stock = {(p["year"], p["sex"]): p["value"] for p in body["immigrant_stock"]}
    assert stock[("2020", "_T")] == 50_632_836
    assert stock[("2020", "F")] == 26_153_840
    assert {p["sex"] for p in body["immigrant_stock"]} == {"F", "M", "_T"}
    assert round(body["female_share"][-1]["value"], 2) == 51.65
    share = {(p["year"], p["sex"]): p["value"] for p in body["share_of_population"]}
    assert round(share[("2020", "_T")], 2) == 15.30
    assert body["top_origins"][0] == {
        "iso3": "MEX",
        "m49": 484,
        "name": "Mexico",
        "value": 10_853_105,
        "year": "2020",
        "source": "undesa-ims2020-origin-destination",
    }
    assert len(body["top_destinations"]) == 10
    assert {s["licence"] for s in body["sources"]} == {"CC BY 3.0 IGO"}


def test_profile_names_in_the_request_language() -> None:
    body = Client(HTTP_ACCEPT_LANGUAGE="es").get("/api/v1/stats/profiles/usa").json()
    assert body["name"] == "Estados Unidos"
    assert body["top_origins"][0]["name"] == "México"


def test_world_profile_by_m49(client: Client) -> None:
    body = client.get("/api/v1/stats/profiles/900").json()
    assert body["iso3"] == "" and body["kind"] == "aggregate"
    stock = {(p["year"], p["sex"]): p["value"] for p in body["immigrant_stock"]}
    assert stock[("2020", "M")] == 145_655_844


def test_unknown_profile_is_a_404_in_the_api_format(client: Client) -> None:
    response = client.get("/api/v1/stats/profiles/XYZ")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found" and error["field"] == "iso3"
    assert "XYZ" in error["message"]


def test_indicators(client: Client) -> None:
    body = client.get("/api/v1/stats/indicators", HTTP_ACCEPT_LANGUAGE="fr").json()
    codes = {i["code"]: i for i in body}
    assert set(codes) == {
        "migrant-stock",
        "population",
        "migrant-stock-share",
        "migrant-female-share",
        "migrant-stock-bilateral",
        "remittance-flow-2017",  # loaded by the remittances room (World Bank/KNOMAD 2017 matrix)
    }
    assert codes["migrant-stock"]["name"] == "Stock de migrants internationaux"
    assert codes["migrant-stock-bilateral"]["bilateral"] is True


def test_map_values_for_a_year_and_sex(client: Client) -> None:
    body = client.get("/api/v1/stats/map?indicator=migrant-stock&year=2020&sex=F").json()
    assert body["values"]["840"] == 26_153_840
    assert body["values"]["484"] > 0 and "900" not in body["values"]
    assert body["years"][0] == "1990" and body["year"] == "2020"


def test_map_defaults_to_the_latest_year(client: Client) -> None:
    body = client.get("/api/v1/stats/map").json()
    assert (body["indicator"], body["year"], body["sex"]) == ("migrant-stock", "2020", "_T")
    assert body["values"]["004"] > 0  # zero-padded M49, as the world map's feature ids


def test_map_bad_year_and_bad_sex(client: Client) -> None:
    response = client.get("/api/v1/stats/map?year=1989")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "year"
    response = client.get("/api/v1/stats/map?sex=X")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "sex"


def test_observations_filters(client: Client) -> None:
    url = "/api/v1/stats/observations?indicator=migrant-stock-bilateral&area=USA&counterpart=MEX&period=2020&sex=F"
    body = client.get(url).json()
    assert body["count"] == 1
    assert body["items"][0] == {
        "indicator": "migrant-stock-bilateral",
        "ref_area": 840,
        "ref_area_iso3": "USA",
        "counterpart_area": 484,
        "counterpart_area_iso3": "MEX",
        "period": "2020",
        "sex": "F",
        "value": 5_056_331,
        "status": "",
        "source": "undesa-ims2020-origin-destination",
    }


def test_observations_pagination(client: Client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    url = "/api/v1/stats/observations?indicator=migrant-stock-bilateral&area=USA&sex=_T"
    with django_assert_max_num_queries(6):
        first = client.get(url).json()
    second = client.get(url + "&page=2").json()
    assert first["count"] > 100
    assert len(first["items"]) == 100
    assert first["items"][0] != second["items"][0]
    assert {i["ref_area"] for i in first["items"] + second["items"]} == {840}


def test_observations_unknown_area(client: Client) -> None:
    response = client.get("/api/v1/stats/observations?area=Atlantis")
    assert response.status_code == 404
    assert response.json()["error"]["field"] == "iso3"
