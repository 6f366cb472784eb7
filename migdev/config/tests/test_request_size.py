"""Over-large bodies are refused with 413 from their declared length, signed in or not, before anything reads them."""

import json
from typing import Any
from unittest import mock

import pytest
from django.test import Client

from migdev.accounts.models import User
from migdev.labour.selectors import registry_reference

pytestmark = pytest.mark.django_db

SUGGEST = "/api/v1/labour/text-suggestions"
TEN_MB = "x" * (10 * 1024 * 1024)


@pytest.fixture
def signed_in() -> Client:
    client = Client()
    user = User.objects.create_user("reader", password="pw-long-enough-1")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("who", ["anonymous", "signed_in"])
def test_a_ten_megabyte_text_is_refused_unread(who: str, signed_in: Client) -> None:
    client = signed_in if who == "signed_in" else Client()
    with mock.patch.object(registry_reference, "text_suggestions") as suggest:
        response = client.post(SUGGEST, data=json.dumps({"text": TEN_MB}), content_type="application/json")
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "too_large" and "256" in error["message"]
    suggest.assert_not_called()


def test_the_declared_length_decides_before_reading(signed_in: Client) -> None:
    response = signed_in.generic("POST", SUGGEST, b"{}", content_type="application/json", CONTENT_LENGTH="999999999")
    assert response.status_code == 413


def test_json_bodies_to_the_api_are_bounded_and_pages_get_the_upload_limit(signed_in: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024
    big_json = json.dumps({"name": "y" * (2 * 1024 * 1024)})
    assert signed_in.post("/api/v1/labour/workers", data=big_json, content_type="application/json").status_code == 413
    form = signed_in.post("/en/accounts/login/", data={"username": "x" * (2 * 1024 * 1024), "password": "p"})
    assert form.status_code == 200  # under the form limit: the page answers as usual (no 500 from throttling)
    page = signed_in.post("/en/accounts/login/", data={"username": "x" * (4 * 1024 * 1024)})
    assert page.status_code == 413 and b"too large" in page.content


def test_an_ordinary_text_still_gets_suggestions(signed_in: Client) -> None:
    response = signed_in.post(SUGGEST, data=json.dumps({"text": "Nurse"}), content_type="application/json")
    assert response.status_code == 200


NUL_QUERIES = ["/api/v1/labour/vacancies?q=a%00b", "/en/law/glossary/?q=%00", "/api/v1/core/countries?%00=1"]


@pytest.mark.parametrize("url", NUL_QUERIES)
def test_a_nul_character_in_a_query_is_refused_naming_the_parameter(url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 400
    if url.startswith("/api/"):
        assert response.json()["error"]["code"] == "invalid"
