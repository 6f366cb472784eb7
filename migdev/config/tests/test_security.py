"""Browser rules on every response, pages that obey them, and server errors answered without details."""

import logging
import re
from pathlib import Path

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from migdev.config.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parents[2]  # migdev/


def broken_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret detail /srv/migdev/settings.py")


urlpatterns = [path("broken/", broken_view), *site_urlpatterns]
handler500 = "migdev.core.views.server_error"


@pytest.mark.parametrize("url", ["/en/", "/en/law/", "/api/v1/core/countries", "/api/docs"])
def test_every_answer_carries_the_browser_rules(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_cookies_are_http_only(client: Client) -> None:
    response = client.get("/en/accounts/login/")
    assert response.cookies["csrftoken"]["httponly"]


def template_files() -> list[Path]:
    return sorted(PACKAGE.glob("**/templates/**/*.html"))


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:json|ld\+json)\")[^>]*>", re.I)
EVENT_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


@pytest.mark.parametrize("pattern", [INLINE_SCRIPT, EVENT_ATTRIBUTE, STYLE_ATTRIBUTE], ids=["script", "on", "style"])
def test_no_template_needs_what_the_policy_forbids(pattern: re.Pattern[str]) -> None:
    found = [
        f"{template.relative_to(PACKAGE)}: {match.group(0)[:80]}"
        for template in template_files()
        for match in pattern.finditer(template.read_text(encoding="utf-8"))
    ]
    assert len(template_files()) > 50
    assert found == []


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_an_unexpected_error_shows_a_reference_not_a_traceback(caplog: pytest.LogCaptureFixture) -> None:
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="migdev.errors"):
        response = client.get("/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "secret detail" not in body and "Traceback" not in body and "/srv/" not in body
    reference = re.search(r"<code>([0-9a-f]{12})</code>", body)
    assert reference, body
    logged = [record for record in caplog.records if reference.group(1) in record.getMessage()]
    assert logged and logged[0].exc_info and "secret detail" in str(logged[0].exc_info[1])
    assert "Content-Security-Policy" in response.headers


def test_an_unexpected_api_error_answers_json_with_a_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    from migdev.core import selectors

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(selectors, "countries", fail)
    response = Client(raise_request_exception=False).get("/api/v1/core/countries")
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "server_error" and re.fullmatch(r"[0-9a-f]{12}", error["reference"])
    assert "secret" not in response.content.decode()
