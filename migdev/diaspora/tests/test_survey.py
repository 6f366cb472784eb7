"""The engagement survey: answered in any language, anonymous, aggregated with no group under 5 respondents."""

import csv
import io

import pytest
from django.test import Client

from migdev.diaspora import survey
from migdev.diaspora.models import SurveyResponse
from migdev.diaspora.selectors import survey as selectors

pytestmark = pytest.mark.django_db

ANSWER = {
    "origin": "SEN",
    "residence": "FRA",
    "sex": "F",
    "attachment": "4",
    "contribute_time": "yes",
    "contribute_money": "maybe",
    "channels": ["skills", "association"],
    "barriers": ["trust"],
    "motives": ["emotional"],
}


def _answers(n: int, **changes: str) -> None:
    for _i in range(n):
        body = {**ANSWER, **changes}
        assert (
            Client()
            .post(
                "/api/v1/diaspora/survey/answers",
                {**body, "attachment": int(body["attachment"])},
                content_type="application/json",
            )
            .status_code
            == 201
        )


def test_the_survey_is_answered_in_french_and_stored_without_an_account() -> None:
    page = Client().get("/fr/diaspora/survey/")
    assert "Quel attachement ressentez-vous envers votre pays d" in page.content.decode()
    response = Client().post("/fr/diaspora/survey/", {**ANSWER})
    assert response.status_code == 302
    stored = SurveyResponse.objects.get()
    assert stored.language == "fr" and stored.channels == ["skills", "association"]
    assert not [f.name for f in SurveyResponse._meta.get_fields() if f.name in ("user", "respondent", "ip")]


def test_groups_under_the_minimum_cell_are_withheld() -> None:
    _answers(survey.MIN_CELL, origin="SEN")
    _answers(survey.MIN_CELL - 1, origin="MLI", contribute_time="no")
    found = selectors.results("origin")
    assert [g.code for g in found.groups] == ["SEN"]
    assert found.withheld_groups == 1 and found.withheld_respondents == survey.MIN_CELL - 1
    senegal = found.groups[0]
    assert senegal.respondents == 5 and senegal.contribute_time["yes"] == 100.0 and senegal.channels["skills"] == 100.0
    by_sex = selectors.results("sex")
    assert [g.code for g in by_sex.groups] == ["F"] and by_sex.groups[0].respondents == 9
    api = Client().get("/api/v1/diaspora/survey/results?breakdown=origin").json()
    assert [g["code"] for g in api["groups"]] == ["SEN"] and api["min_cell"] == 5
    text = Client().get("/api/v1/diaspora/survey/results.csv?breakdown=origin").content.decode()
    assert "MLI" not in text and "Mali" not in text
    rows = [r for r in csv.reader(io.StringIO(text)) if r and not r[0].startswith("#")]
    assert rows[0] == ["breakdown", "group", "group_name", "respondents", "question", "answer", "value"]
    assert all(int(r[3]) >= 5 for r in rows[1:])
    page = Client().get("/en/diaspora/survey/results/?breakdown=origin").content.decode()
    assert "Senegal" in page and "Mali" not in page and 'id="survey-chart"' in page


def test_bad_answers_name_the_field_and_store_nothing() -> None:
    for changes, field in (
        ({"origin": "XXX"}, "origin"),
        ({"sex": "_T"}, "sex"),
        ({"contribute_time": "often"}, "contribute_time"),
        ({"channels": ["carrier pigeon"]}, "channels"),
    ):
        body = {**ANSWER, **changes, "attachment": 4}
        response = Client().post("/api/v1/diaspora/survey/answers", body, content_type="application/json")
        assert response.status_code == 400 and response.json()["error"]["field"] == field, changes
    response = Client().post(
        "/api/v1/diaspora/survey/answers", {**ANSWER, "attachment": 9}, content_type="application/json"
    )
    assert response.status_code == 422
    assert not SurveyResponse.objects.exists()
