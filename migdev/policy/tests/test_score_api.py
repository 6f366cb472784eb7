"""The stateless scoring API: POST /api/v1/policy/sdg-10-7-2/score answers the official score and band, and a
missing id or a code outside the allowed ones is a 422 naming the sub-category (UN SDG metadata 10.7.2, DATA_COMP)."""

from typing import Any

import pytest
from django.test import Client

from migdev.engines.sdg_10_7_2 import SUB_IDS

URL = "/api/v1/policy/sdg-10-7-2/score"


def post(client: Client, answers: dict[str, Any]) -> Any:
    return client.post(URL, {"answers": answers}, content_type="application/json")


def answers(**changes: float) -> dict[str, float]:
    found: dict[str, float] = dict.fromkeys(SUB_IDS, 0)
    found.update(changes)
    return found


@pytest.mark.django_db
def test_the_example_of_the_issue_scores_exactly(client: Client) -> None:
    # Domain 1: 1 + 0.5 + 0 + 0.5 + 1 = 3 -> 60; 15 yes elsewhere -> (3 + 15) / 30 x 100 = 60 -> partially meets.
    given = answers(**{"1a": 1, "1b": 0.5, "1d": 0.5, "1e": 1}) | dict.fromkeys(SUB_IDS[5:20], 1)
    response = post(client, given)
    assert response.status_code == 200
    assert response.json() == {
        "domains": {"1": 60.0, "2": 100.0, "3": 100.0, "4": 100.0, "5": 0.0, "6": 0.0},
        "overall": 60.0,
        "band": "partially_meets",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("yes", "overall", "band"),
    [
        (0, 0.0, "requires_further_progress"),
        (12, 40.0, "partially_meets"),
        (24, 80.0, "meets"),
        (30, 100.0, "fully_meets"),
    ],
)
def test_band_edges_through_the_api(client: Client, yes: int, overall: float, band: str) -> None:
    given = answers(**dict.fromkeys(SUB_IDS[:yes], 1))
    body = post(client, given).json()
    assert (body["overall"], body["band"]) == (overall, band)


@pytest.mark.django_db
def test_just_below_40_and_80(client: Client) -> None:
    # 11.5 / 30 = 38.33; 23.5 / 30 = 78.33
    low = answers(**dict.fromkeys(SUB_IDS[5:16], 1), **{"1a": 0.5})
    high = answers(**dict.fromkeys(SUB_IDS[5:28], 1), **{"1a": 0.5})
    assert post(client, low).json()["band"] == "requires_further_progress"
    assert post(client, high).json() | {"domains": None} == {
        "domains": None,
        "overall": 78.33,
        "band": "partially_meets",
    }


@pytest.mark.django_db
def test_a_missing_id_is_a_422_naming_it(client: Client) -> None:
    given = answers()
    del given["3c"]
    response = post(client, given)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == "3c" and "3c" in error["message"]


@pytest.mark.django_db
@pytest.mark.parametrize(("sub_id", "code"), [("2b", 0.5), ("1a", 0.25), ("6e", 2), ("4a", -1)])
def test_a_code_outside_the_allowed_ones_is_a_422_naming_it(client: Client, sub_id: str, code: float) -> None:
    response = post(client, answers(**{sub_id: code}))
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["field"] == sub_id and sub_id in error["message"]


@pytest.mark.django_db
def test_an_unknown_id_is_a_422_naming_it(client: Client) -> None:
    response = post(client, answers() | {"7a": 1})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "7a"


@pytest.mark.django_db
def test_a_code_that_is_not_a_number_is_a_422(client: Client) -> None:
    response = post(client, answers() | {"2a": "yes"})
    assert response.status_code == 422
    assert "2a" in (response.json()["error"]["field"] or "")


@pytest.mark.django_db
def test_the_scoring_is_in_the_openapi_schema_and_public(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"][URL]["post"]
    assert "Sdg1072ScoreIn" in str(operation["requestBody"])
    assert client.get("/api/v1/policy/sdg-10-7-2/subcategories").json()[0]["codes"] == [1.0, 0.5, 0.0]
