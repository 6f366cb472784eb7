"""The party-status rule on plain facts: day, year-only and undated actions, denunciation (no database)."""

import datetime

import pytest

from migdev.law.status import ActionFact, PartialDate, Status, action_window, is_party_on, status_on

D = datetime.date


def fact(action: str, text: str, as_of: str = "") -> ActionFact:
    date, precision = (
        (None, "unknown") if not text else (PartialDate.parse(text).earliest, PartialDate.parse(text).precision)
    )
    return ActionFact(action, *action_window(date, precision, as_of))


def test_party_from_the_day_of_ratification() -> None:
    actions = [fact("signature", "2004-08-10"), fact("ratification", "2007-02-23")]
    assert status_on(actions, D(2007, 2, 22)) == Status.SIGNATORY
    assert is_party_on(actions, D(2007, 2, 23))


def test_year_only_accession_is_uncertain_within_its_year_and_certain_after() -> None:
    """Zimbabwe, ICRMW: accession known by year (2024) only (ratifications/PROVENANCE.md §5)."""
    actions = [fact("accession", "2024", as_of="2025-02-21")]
    assert status_on(actions, D(2023, 12, 31)) == Status.NONE
    assert status_on(actions, D(2024, 11, 30)) == Status.UNCERTAIN
    assert status_on(actions, D(2025, 1, 1)) == Status.PARTY


def test_undated_action_is_certain_from_its_source_as_of_date() -> None:
    actions = [fact("ratification", "", as_of="2016-11-09")]
    assert status_on(actions, D(2016, 11, 8)) == Status.UNCERTAIN
    assert is_party_on(actions, D(2016, 11, 9))


def test_undated_action_without_as_of_stays_uncertain() -> None:
    assert status_on([fact("ratification", "")], D(2030, 1, 1)) == Status.UNCERTAIN


def test_denunciation_ends_party_status() -> None:
    actions = [fact("accession", "1962-02-20"), fact("denunciation", "1965-04-02")]
    assert is_party_on(actions, D(1964, 1, 1))
    assert status_on(actions, D(1966, 1, 1)) == Status.DENOUNCED


def test_accession_after_denunciation_makes_a_party_again() -> None:
    actions = [fact("ratification", "1970-01-01"), fact("denunciation", "1980-01-01"), fact("accession", "1990-01-01")]
    assert status_on(actions, D(1985, 1, 1)) == Status.DENOUNCED
    assert is_party_on(actions, D(1990, 1, 1))


def test_undated_denunciation_makes_status_uncertain_until_its_source_date() -> None:
    """As for a denunciation whose source gives no notification date and is current to 2024."""
    actions = [fact("accession", "1962-02-20"), fact("denunciation", "", as_of="2024")]
    assert status_on(actions, D(2015, 3, 14)) == Status.UNCERTAIN
    assert status_on(actions, D(2024, 12, 31)) == Status.DENOUNCED


@pytest.mark.parametrize("text", ["2021-02-30", "2021-13", "21-01-01", "yesterday"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)
