"""Country rights profiles and comparison: party to, only signed, not joined, unknown; API and pages."""

import datetime

import pytest
from django.test import Client

from migdev.law import profiles

pytestmark = pytest.mark.django_db


def ids(items: list[profiles.InstrumentStatus]) -> set[str]:
    return {i.instrument.id for i in items}


def test_argentina_signed_then_ratified_icrmw() -> None:
    """UNTC IV-13: Argentina signed on 2004-08-10 and ratified on 2007-02-23 (treaty_actions.csv)."""
    profile = profiles.profile("ARG")
    icrmw = next(s for s in profile.party if s.instrument.id == "icrmw")
    assert icrmw.row.signature is not None and icrmw.row.signature.date_label == "2004-08-10"
    assert icrmw.row.consent is not None
    assert (icrmw.row.consent.action, icrmw.row.consent.date_label) == ("ratification", "2007-02-23")


def test_on_an_earlier_date_argentina_had_only_signed() -> None:
    profile = profiles.profile("ARG", datetime.date(2005, 1, 1))
    assert "icrmw" in ids(profile.signed_only)


def test_absence_counts_as_not_joined_only_in_complete_data() -> None:
    """France has no ICRMW action and the ICRMW data is complete: not joined. The C181 data is not compiled: unknown."""
    profile = profiles.profile("FRA")
    assert "icrmw" in ids(profile.not_joined)
    assert "ilo_c181" in ids(profile.unknown)
    assert "ilo_c181" not in ids(profile.not_joined)


def test_asking_after_a_snapshot_makes_absence_unknown() -> None:
    profile = profiles.profile("FRA", datetime.date(2026, 1, 1))
    assert "icrmw" not in ids(profile.not_joined)
    assert "icrmw" in ids(profile.unknown)


def test_european_union_is_a_participant() -> None:
    profile = profiles.profile("EU")
    assert "untoc_trafficking" in ids(profile.party)


def test_api_profile_and_errors(client: Client) -> None:
    body = client.get("/api/v1/law/countries/arg").json()
    assert body["iso3"] == "ARG"
    assert "icrmw" in {i["instrument"] for i in body["party"]}
    assert all(i["completeness"]["statement"] for i in body["party"])
    response = client.get("/api/v1/law/countries/XXX")
    assert (response.status_code, response.json()["error"]["field"]) == (404, "code")


def test_api_compare_side_by_side(client: Client) -> None:
    body = client.get("/api/v1/law/compare?countries=ARG,FRA&as_of=2014-01-01").json()
    assert [p["iso3"] for p in body["profiles"]] == ["ARG", "FRA"]
    assert "icrmw" in {i["instrument"] for i in body["profiles"][0]["party"]}
    assert "icrmw" in {i["instrument"] for i in body["profiles"][1]["not_joined"]}
    response = client.get("/api/v1/law/compare?countries=ARG")
    assert (response.status_code, response.json()["error"]["field"]) == (400, "countries")


def test_country_page_and_search(client: Client) -> None:
    response = client.get("/en/law/countries/?q=Argentina")
    assert response["Location"] == "/en/law/countries/ARG/"
    html = client.get("/en/law/countries/ARG/").content.decode()
    assert "International Convention on the Protection of the Rights of All Migrant Workers" in html
    assert "Party to" in html
    assert client.get("/en/law/countries/XXX/").status_code == 404


def test_compare_page(client: Client) -> None:
    html = client.get("/en/law/compare/?countries=ARG&countries=FRA").content.decode()
    assert 'href="/en/law/countries/ARG/"' in html and 'href="/en/law/countries/FRA/"' in html
    assert "Give between 2 and 6" in client.get("/en/law/compare/?countries=ARG").content.decode()


def test_default_dates_from_one_query_equal_those_read_action_by_action() -> None:
    """The aggregate the corridor pages use gives every binding instrument the date `default_as_of` gives it."""
    from migdev.law import selectors

    by_instrument = selectors.default_as_of_by_instrument()
    items = list(selectors.instruments_with_prefetched_actions())
    assert items and set(by_instrument) == {item.id for item in items}
    assert {item.id: selectors.default_as_of(item) for item in items} == by_instrument
