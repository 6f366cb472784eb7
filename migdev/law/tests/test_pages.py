"""Migration law pages: catalogue with filters, instrument page with completeness banner, map and timeline data."""

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_navigation_links_to_migration_law(client: Client) -> None:
    html = client.get("/en/").content.decode()
    assert 'href="/en/law/"' in html
    assert "Migration law" in html


def test_catalogue_filters_by_theme_and_kind(client: Client) -> None:
    html = client.get("/en/law/?theme=trafficking&kind=regional").content.decode()
    assert "Council of Europe Convention on Action against Trafficking in Human Beings" in html
    assert "Protocol to Prevent, Suppress and Punish Trafficking" not in html


def test_instrument_page_shows_the_snapshot_date_not_today(client: Client) -> None:
    response = client.get("/en/law/instruments/untoc_trafficking/")
    html = response.content.decode()
    assert "Data complete as of 2014-01-27: later parties are missing." in html
    assert 'data-testid="party-count">159<' in html
    assert "Parties on 2014-01-27" in html
    data = json.loads(response.context["chart_data"] and json.dumps(response.context["chart_data"]))
    assert data["statuses"]["250"] == "party"  # France, by its M49 code as the world map's ids
    assert data["timeline"][-1]["parties"] == 159


def test_instrument_page_on_an_earlier_date(client: Client) -> None:
    html = client.get("/en/law/instruments/icrmw/?as_of=2003-07-01").content.decode()
    assert "Parties on 2003-07-01" in html


def test_bad_date_is_reported_on_the_page(client: Client) -> None:
    html = client.get("/en/law/instruments/icrmw/?as_of=yesterday").content.decode()
    assert "is not a date (YYYY-MM-DD)" in html


def test_instrument_without_text_says_so_and_gcm_lists_objectives(client: Client) -> None:
    assert "Text not yet available in MigDev." in client.get("/en/law/instruments/ilo_c143/").content.decode()
    html = client.get("/en/law/instruments/gcm_2018/").content.decode()
    assert "not legally binding" in html
    assert "Collect and utilize accurate and disaggregated data" in html


def test_unknown_instrument_is_404(client: Client) -> None:
    assert client.get("/en/law/instruments/nothing/").status_code == 404


def test_pages_in_french_and_spanish(client: Client) -> None:
    assert client.get("/fr/law/").status_code == 200
    assert client.get("/es/law/instruments/ilo_c097/").status_code == 200


def test_theme_names_and_statements_are_translated(client: Client) -> None:
    html = client.get("/fr/law/?theme=refugees").content.decode()
    assert "Réfugiés" in html
    assert "Données complètes au 2013-07-06 : les parties ultérieures manquent." in html
