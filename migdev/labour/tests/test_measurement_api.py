"""The measurement API (/api/v1/labour/market/...): JSON cells, opportunities, map values, and bad filters."""

import pytest
from django.test import Client

from migdev.labour.models import Vacancy
from migdev.labour.tests.factories_measurement import build_small_market

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_market() -> dict[str, Vacancy]:
    return build_small_market()


def test_cells_give_supply_by_sex_demand_tightness_and_class(client: Client, small_market: dict[str, Vacancy]) -> None:
    response = client.get("/api/v1/labour/market/cells?level=4&start=2025-01&end=2025-02")
    assert response.status_code == 200
    body = response.json()
    assert body["level"] == 4 and body["basis"] == "nationality" and body["months"] == ["2025-01", "2025-02"]
    assert body["thresholds"] == {"shortage": 1.5, "surplus": pytest.approx(2 / 3), "minimum_count": 3}
    cells = {(c["country"]["iso3"], c["month"]): c for c in body["cells"]}
    philippines = cells[("PHL", "2025-01")]
    assert philippines["supply"] == {"F": 4, "M": 3, "_T": 7}
    assert philippines["country"]["m49"] == "608"
    assert philippines["occupation"]["code"] == "9211" and philippines["occupation"]["level"] == 4
    assert philippines["classification"] == "surplus" and philippines["tightness"] == 0.0
    canada = cells[("CAN", "2025-02")]
    assert (canada["open_positions"], canada["new_positions"]) == (3, 2)
    assert canada["filled"] == {"F": 3, "M": 0, "_T": 3}
    assert canada["tightness"] is None and canada["no_supply"] and canada["classification"] == "shortage"
    assert canada["fill_rate"] == 1.0 and canada["median_days_to_fill"] == 20.0
    assert cells[("MEX", "2025-01")]["supply"] == {"F": None, "M": None, "_T": 3}


def test_a_single_month_a_group_and_a_country(client: Client, small_market: dict[str, Vacancy]) -> None:
    body = client.get("/api/v1/labour/market/cells?group=92&month=2025-03&country=PHL").json()
    assert body["level"] == 2 and body["months"] == ["2025-03"]
    assert [(c["occupation"]["code"], c["supply"]) for c in body["cells"]] == [("92", {"F": 5, "M": 3, "_T": 8})]


def test_supply_by_country_of_residence(client: Client, small_market: dict[str, Vacancy]) -> None:
    body = client.get("/api/v1/labour/market/cells?level=1&month=2025-03&basis=residence").json()
    supply = {c["country"]["iso3"]: c["supply"]["_T"] for c in body["cells"]}
    assert supply == {"ARE": None, "CAN": 0, "MEX": 3, "PHL": 7}


def test_opportunities(client: Client, small_market: dict[str, Vacancy]) -> None:
    body = client.get("/api/v1/labour/market/opportunities?month=2025-01&level=4").json()
    assert [(o["origin"]["iso3"], o["destination"]["iso3"], o["size"]) for o in body] == [
        ("PHL", "CAN", 4),
        ("MEX", "CAN", 3),
    ]
    assert body[0]["origin_supply"] == {"F": 4, "M": 3, "_T": 7}
    assert body[0]["gap"] == 4 and body[0]["excess"] == 7


def test_map_values_by_m49(client: Client, small_market: dict[str, Vacancy]) -> None:
    body = client.get("/api/v1/labour/market/map?month=2025-01&level=4").json()
    assert body["group"] == "9211"  # the group with the most open positions
    assert body["classification"] == {"124": "shortage", "484": "surplus", "608": "surplus"}
    assert body["tightness"]["608"] == 0.0 and body["tightness"]["124"] is None


def test_no_person_is_listed_anywhere(client: Client, small_market: dict[str, Vacancy]) -> None:
    text = client.get("/api/v1/labour/market/cells?level=4").content.decode()
    assert "MEAS0" not in text and "measure-user" not in text


@pytest.mark.parametrize(
    ("query", "status", "field"),
    [
        ("month=2025-13", 400, "month"),
        ("start=2025-13", 400, "from"),
        ("start=2025-06&end=2025-01", 400, "to"),
        ("level=9", 422, "level"),
        ("group=9999", 404, "group"),
        ("country=ZZZ", 404, "country"),
        ("basis=birthplace", 400, "basis"),
        ("level=two", 422, "level"),
    ],
)
def test_bad_filters_are_errors_naming_the_field(client: Client, query: str, status: int, field: str) -> None:
    for path in ("cells", "cells.csv", "cells.sdmx.csv"):
        response = client.get(f"/api/v1/labour/market/{path}?{query}")
        assert response.status_code == status, (path, response.content)
        assert response.json()["error"]["field"] == field


def test_opportunities_reject_a_bad_month(client: Client) -> None:
    response = client.get("/api/v1/labour/market/opportunities?month=May")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "month"
