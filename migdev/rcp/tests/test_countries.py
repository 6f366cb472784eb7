"""The all-countries page, API and downloads: every country with the number of processes it takes part in."""

import pytest
from django.test import Client

from migdev.core.models import Country
from migdev.rcp.models import Member

pytestmark = pytest.mark.django_db


def expected(iso3: str) -> int:
    return Member.objects.filter(country_id=iso3).values("process").distinct().count()


def test_every_country_with_its_processes_by_role(client: Client) -> None:
    data = client.get("/api/v1/rcp/countries").json()
    assert data["count"] == Country.objects.count() == len(data["items"])
    sri_lanka = next(item for item in data["items"] if item["iso3"] == "LKA")
    assert sri_lanka["processes"] == expected("LKA") > 0 and sri_lanka["member"] >= 1
    australia = next(item for item in data["items"] if item["iso3"] == "AUS")
    assert australia["other"] >= 1  # the Bali Process's 2002 attendance is counted apart from membership
    assert all(i["processes"] <= i["member"] + i["observer"] + i["other"] for i in data["items"])


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_the_countries_page_links_each_country_and_draws_the_map(client: Client, lang: str) -> None:
    page = client.get(f"/{lang}/rcp/countries/").content.decode()
    assert f'href="/{lang}/rcp/countries/LKA/"' in page and 'id="map-data"' in page and '"values"' in page
    assert page.count("<tr data-iso3=") == Country.objects.count()
    assert f'href="/{lang}/rcp/countries/"' in client.get(f"/{lang}/rcp/").content.decode()


def test_the_countries_download(client: Client) -> None:
    csv = client.get("/en/rcp/download/countries.csv")
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode().split("\r\n")
    assert lines[0] == "iso3,name,member,observer,other,processes" and len(lines) == Country.objects.count() + 2
    data = client.get("/en/rcp/download/countries.json").json()
    assert data["count"] == Country.objects.count()
