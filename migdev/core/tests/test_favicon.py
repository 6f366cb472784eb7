"""The site's icon: linked from every page, and /favicon.ico (which browsers ask for anyway) leads to it."""

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db


def test_favicon_ico_leads_to_the_static_icon() -> None:
    response = Client().get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == "/static/core/favicon.ico"
    found = finders.find("core/favicon.ico")
    assert found is not None
    with open(found, "rb") as icon:
        assert icon.read(4) == b"\x00\x00\x01\x00"  # an ICO file


def test_every_page_links_the_icon() -> None:
    page = Client().get("/en/").content.decode()
    assert '<link rel="icon" href="/static/core/favicon.svg" type="image/svg+xml">' in page
    assert '<link rel="icon" href="/static/core/favicon.ico" sizes="32x32">' in page
