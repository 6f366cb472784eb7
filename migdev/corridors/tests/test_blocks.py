"""Every block of a corridor, with the demo (PHL→CAN) and for a pair the rooms hold nothing about (ISL→TUV)."""

import pytest
from django.core.cache import cache

from migdev.core.errors import NotFound
from migdev.corridors import selectors
from migdev.corridors.pairs import MalformedCorridor
from migdev.corridors.tests.conftest import EMPTY

pytestmark = pytest.mark.django_db


def test_people_gives_the_un_desa_stock_by_sex_and_its_shares(demo: None) -> None:
    """UN DESA International Migrant Stock 2020: 633,547 people born in the Philippines lived in Canada in 2020
    (367,616 women)."""
    people = selectors.corridor("PHL", "CAN").people
    assert people.has_data and people.as_of == "2020" and "International Migrant Stock 2020" in people.source
    assert {(p.year, p.sex): p.value for p in people.stock}[("2020", "F")] == 367616
    assert people.total == 633547
    assert people.female_share == pytest.approx(100 * 367616 / 633547)
    assert len({p.year for p in people.stock}) == 7  # 1990-2020, every five years
    assert 0 < people.share_of_emigrants < 100 and 0 < people.share_of_immigrants < 100


def test_rights_separates_instruments_in_common_from_those_of_one_side(demo: None) -> None:
    rights = selectors.corridor("PHL", "CAN").rights
    assert rights.has_data and rights.as_of and rights.source
    common = {r.instrument_id for r in rights.in_common}
    only_origin = {r.instrument_id for r in rights.only_origin}
    assert "refugees_1951" in common
    assert "icrmw" in only_origin  # the Philippines is party to the ICRMW, Canada is not
    for row in rights.only_origin:
        assert row.origin.status == "party" and row.destination.status != "party"
        assert row.origin.consent_date is not None


def test_work_shows_schemes_vacancies_costs_and_counts_only(demo: None) -> None:
    work = selectors.corridor("PHL", "CAN").work
    assert work.has_data and work.as_of
    assert {s.code for s in work.schemes} == {"domestic-demo", "care-demo"}
    assert work.vacancies and all(v.state == "published" and v.destination_id == "CAN" for v in work.vacancies)
    assert work.cost_total is not None and work.cost_total.n > 0
    assert set(work.cost_by_sex) == {"F", "M"}
    protection = work.protection
    assert protection is not None
    assert isinstance(protection.open_flags, int | None) and isinstance(protection.grievances, int | None)


def test_money_gives_costs_for_both_amounts_the_cheapest_services_and_the_share(demo: None) -> None:
    money = selectors.corridor("PHL", "CAN").money
    assert money.has_data and money.as_of == money.latest_period == "2014Q2"
    last = money.costs[-1]
    assert last.usd200 is not None and last.usd500 is not None and last.services > 0
    prices = [s.usd200 for s in money.cheapest]
    assert prices == sorted(prices) and len(prices) <= 5
    assert money.flow_year == "2017" and 0 < money.share_of_receipts < 100


def test_diaspora_lists_the_organisation_and_the_needs_with_matching_experts(demo: None) -> None:
    diaspora = selectors.corridor("PHL", "CAN").diaspora
    assert diaspora.has_data
    assert [o.origin_id for o in diaspora.organisations] == ["PHL"]
    assert diaspora.experts >= 1
    assert any(n.experts_in_occupation >= 1 for n in diaspora.needs)


def test_cooperation_names_shared_processes_and_commitments(demo: None) -> None:
    cooperation = selectors.corridor("PHL", "CAN").cooperation
    assert cooperation.has_data
    assert "bali" in {s.process.rcp_id for s in cooperation.processes}
    assert not next(s for s in cooperation.processes if s.process.rcp_id == "bali").current  # 2002 attendance
    assert [c.title for c in cooperation.commitments] == ["Zero recruitment fees for care workers we hire (demo)"]


def test_a_pair_without_data_says_so_in_every_block(demo: None) -> None:
    found = selectors.corridor(*EMPTY)
    for name in ("people", "work", "money", "diaspora", "cooperation"):
        block = getattr(found, name)
        assert not block.has_data, name
        assert block.source, name
    assert found.people.stock == [] and found.people.as_of == ""
    assert found.money.costs == [] and found.money.as_of == ""


def test_unknown_and_malformed_codes_are_refused(db: None) -> None:
    with pytest.raises(NotFound) as unknown:
        selectors.corridor("XXX", "CAN")
    assert unknown.value.field == "origin"
    for origin, destination, field in (
        ("PH", "CAN", "origin"),
        ("PHL", "C4N", "destination"),
        ("PHL", "phl", "destination"),
    ):
        with pytest.raises(MalformedCorridor) as bad:
            selectors.corridor(origin, destination)
        assert bad.value.field == field and bad.value.status == 422


def test_the_corridor_reads_a_fixed_number_of_queries(demo: None, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    """One query per block or so, none per row: the largest demo corridor and an empty one cost the same."""
    cache.clear()
    with django_assert_max_num_queries(60):
        selectors.corridor("PHL", "CAN")
    with django_assert_max_num_queries(35):  # cached blocks: only the live ones are read again
        selectors.corridor("PHL", "CAN")
