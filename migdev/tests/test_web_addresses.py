"""Stored web addresses (organisation websites, sources of schemes and standards) are http(s) only, whatever the
entry point, and a page links an address only when it is http(s)."""

from datetime import date
from typing import Any

import pytest
from django.template import Context, Template
from django.test import Client

from migdev.accounts import services as account_services
from migdev.accounts.models import Organisation
from migdev.accounts.tests.factories import OrganisationFactory, StewardFactory, UserFactory
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.core.weblinks import is_web_url
from migdev.labour.models import LabourStandard, Scheme
from migdev.labour.services import registry as labour_services
from migdev.labour.tests.factories_registry import SchemeFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>",
    "ftp://x.org",
]


def signed_in_client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("website", HOSTILE)
def test_the_api_refuses_an_organisation_website_that_is_not_http(website: str) -> None:
    response = signed_in_client(UserFactory()).post(
        "/api/v1/accounts/organisations",
        {"name": "Script orchards", "kind": "employer", "country": "CAN", "website": website},
        content_type="application/json",
    )
    assert response.status_code == 400, response.content
    assert response.json()["error"]["field"] == "website"
    assert not Organisation.objects.filter(name="Script orchards").exists()


def test_the_service_refuses_a_non_http_website_for_every_caller() -> None:
    with pytest.raises(DomainError) as raised:
        account_services.register_organisation(
            UserFactory(),
            name="Script orchards",
            kind="employer",
            country=Country.objects.get(pk="CAN"),
            website="javascript:alert(1)",
        )
    assert raised.value.field == "website"
    created = account_services.register_organisation(
        UserFactory(), name="Fine orchards", kind="employer", country=Country.objects.get(pk="CAN"), website=""
    )
    assert created.website == ""


def test_scheme_and_standard_sources_are_http_only() -> None:
    official = UserFactory()
    official.official_countries.add(Country.objects.get(pk="CAN"))
    data = labour_services.SchemeInput(
        code="xss-scheme", name="XSS", kind="seasonal", eligible_origins=["PHL"], source_url="javascript:alert(1)"
    )
    with pytest.raises(DomainError) as raised:
        labour_services.create_scheme(official, Country.objects.get(pk="CAN"), data)
    assert raised.value.field == "source_url"
    assert not Scheme.objects.filter(code="xss-scheme").exists()
    with pytest.raises(DomainError) as raised:
        labour_services.record_labour_standard(
            StewardFactory(), "CAN", valid_from=date(2031, 1, 1), source="Act", source_url="data:x"
        )
    assert raised.value.field == "source_url"
    assert not LabourStandard.objects.filter(valid_from="2031-01-01").exists()


def test_the_api_refuses_a_scheme_whose_source_is_a_script() -> None:
    scheme = SchemeFactory()
    official = UserFactory()
    official.official_countries.add(scheme.destination)
    body = {
        "code": scheme.code,
        "name": scheme.name,
        "kind": scheme.kind,
        "destination": scheme.destination_id,
        "eligible_origins": ["PHL"],
        "source_url": "javascript:alert(1)",
    }
    response = signed_in_client(official).put(
        f"/api/v1/labour/schemes/{scheme.pk}", body, content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert response.json()["error"]["field"] == "source_url"
    scheme.refresh_from_db()
    assert scheme.source_url != "javascript:alert(1)"


def test_a_stored_script_address_is_shown_as_text_never_as_a_link() -> None:
    organisation = OrganisationFactory(website="javascript:alert(1)")  # as if stored before the rule
    page = signed_in_client(UserFactory()).get(f"/en/accounts/organisations/{organisation.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "javascript:alert(1)" in html
    assert 'href="javascript' not in html.lower()


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html,x", False),
        ("//example.org", False),
        ("", False),
        (None, False),
    ],
)
def test_the_web_link_filter_links_only_http_addresses(url: Any, linked: bool) -> None:
    rendered = Template("{% load weblinks %}{{ url|web_link:'Source' }}").render(Context({"url": url}))
    assert ("<a href=" in rendered) is linked
    assert is_web_url(url) is linked
