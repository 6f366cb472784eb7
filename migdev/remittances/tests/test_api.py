"""The remittances API: indicator values with their counts, 'no data' for empty selections, downloads."""

import csv
import io

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_global_average_2014q1(client: Client) -> None:
    """RPW Issue 9 (March 2014): 8.36 %."""
    body = client.get("/api/v1/remittances/global-average?period=2014Q1").json()
    assert set(body) == {"period", "value", "n_services", "n_corridors"}
    assert (body["period"], round(body["value"], 2)) == ("2014Q1", 8.36)
    assert body["n_services"] > 2000 and body["n_corridors"] > 150


def test_empty_selection_is_404_no_data(client: Client) -> None:
    response = client.get("/api/v1/remittances/global-average?period=2031Q1")
    assert response.status_code == 404
    assert response.json()["error"]["message"].startswith("No data")
    assert response.json()["error"]["field"] == "period"


def test_bad_period_names_the_parameter(client: Client) -> None:
    response = client.get("/api/v1/remittances/global-average?period=2014-1")
    assert response.status_code == 422 and response.json()["error"]["field"] == "period"


def test_corridor_series_beside_the_published_one(client: Client) -> None:
    rows = client.get("/api/v1/remittances/corridor?sending=usa&receiving=MEX").json()
    assert len(rows) == 10
    first = rows[0]
    assert (first["period"], first["sending"], first["receiving"]) == ("2011Q1", "USA", "MEX")
    assert first["value"] == pytest.approx(first["published_value"], abs=0.01)


def test_unknown_country_is_404(client: Client) -> None:
    response = client.get("/api/v1/remittances/corridor?sending=QQQ&receiving=MEX")
    assert response.status_code == 404 and response.json()["error"]["field"] == "sending"


def test_region_and_categories(client: Client) -> None:
    rows = client.get("/api/v1/remittances/region?region=202&period=2014Q1").json()
    assert rows[0]["name"] == "Sub-Saharan Africa" and rows[0]["n_services"] > 0
    types = {r["group"]: r for r in client.get("/api/v1/remittances/categories?period=2014Q1").json()}
    assert {"bank", "mto"} <= set(types) and types["bank"]["value"] > types["mto"]["value"]
    assert client.get("/api/v1/remittances/region?region=abc").status_code == 404


def test_smart_and_sdg(client: Client) -> None:
    smart = client.get("/api/v1/remittances/smart?period=2014Q1&sending=USA&receiving=MEX").json()
    assert len(smart) == 1 and smart[0]["value"] is not None
    sdg = client.get("/api/v1/remittances/sdg?period=2014Q1").json()
    above = client.get("/api/v1/remittances/smart?period=2014Q1&above_limit=true").json()
    assert sdg["corridors_above_limit"] == len(above) and sdg["target"] == 3.0
    assert round(sdg["global_average"], 2) == 8.36


def test_csv_download_carries_methodology_and_attribution(client: Client) -> None:
    response = client.get("/api/v1/remittances/downloads/global-average.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))  # type: ignore[arg-type]
    q1 = next(r for r in rows if r["period"] == "2014Q1")
    assert round(float(q1["value_percent"]), 2) == 8.36
    assert "CC BY 4.0" in q1["attribution"] and "Russia" in q1["methodology"]


def test_sdmx_csv_download_has_the_sdmx_columns(client: Client) -> None:
    response = client.get("/api/v1/remittances/downloads/regional-average.sdmx.csv")
    text = b"".join(response.streaming_content).decode()  # type: ignore[arg-type]
    header = text.splitlines()[0].split(",")
    assert header[:6] == ["STRUCTURE", "STRUCTURE_ID", "ACTION", "INDICATOR", "REGION", "TIME_PERIOD"]
    assert "OBS_VALUE" in header and "ATTRIBUTION" in header


def test_corridor_services_cheapest_first_with_both_amounts(client: Client) -> None:
    rows = client.get("/api/v1/remittances/corridor/services?sending=USA&receiving=MEX&period=2014Q1").json()
    totals = [r["usd_200"]["total_cost"] for r in rows if r["transparent"]]
    assert len(totals) > 10 and totals == sorted(totals)
    assert rows[0]["transparent"] and not rows[-1]["transparent"]  # undisclosed rates last
    first = rows[0]
    assert first["usd_200"]["tier"] == 200 and first["usd_500"]["tier"] == 500
    assert first["usd_200"]["amount_received_usd"] == pytest.approx(200 * (1 - totals[0] / 100))
    empty = client.get("/api/v1/remittances/corridor/services?sending=USA&receiving=FRA&period=2014Q1")
    assert empty.status_code == 404 and empty.json()["error"]["message"].startswith("No data")


def test_quotes_csv_of_a_corridor(client: Client) -> None:
    response = client.get("/api/v1/remittances/downloads/quotes.csv?sending=USA&receiving=MEX&period=2014Q1")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))  # type: ignore[arg-type]
    assert {(r["sending"], r["receiving"], r["period"]) for r in rows} == {("USA", "MEX", "2014Q1")}
    assert {r["tier"] for r in rows} == {"200", "500"}
    assert "CC BY-SA 4.0" in rows[0]["attribution"] and rows[0]["transparent"] in ("yes", "no")
