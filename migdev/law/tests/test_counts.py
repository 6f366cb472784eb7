"""Party counts computed from the shipped treaty actions, against published totals (ratifications/counts.csv)."""

import datetime

import pytest

from migdev.law import selectors

pytestmark = pytest.mark.django_db


def count(instrument: str, on: str) -> tuple[int, int]:
    answer = selectors.parties(selectors.instrument(instrument), datetime.date.fromisoformat(on))
    return len(answer.parties), len(answer.uncertain)


def test_icrmw_60_parties_on_21_february_2025() -> None:
    """UN Geneva, CMW meeting summary: 'As of 21 February 2025, 60 States were parties' (counts.csv)."""
    assert count("icrmw", "2025-02-21") == (60, 0)


def test_icrmw_in_november_2024_zimbabwe_is_uncertain() -> None:
    """UNTC IV-13 via Wikipedia: 60 parties in November 2024; Zimbabwe's accession is dated by year only, so on
    2024-11-30 the rows give 59 certain parties and 1 uncertain (counts.csv: 59 + 1 ambiguous)."""
    assert count("icrmw", "2024-11-30") == (59, 1)


def test_icrmw_57_parties_on_29_may_2022() -> None:
    """world-politics-datalab hr_status_icmw.csv (2022-05-29): 57 UN member States parties."""
    assert count("icrmw", "2022-05-29") == (57, 0)


def test_trafficking_protocol_counts() -> None:
    """UNODC copy of UNTC status at 2008-09-26: 124 parties; humanrights.ch: 159 at 2014-05-21 (both include the EU)."""
    assert count("untoc_trafficking", "2008-09-26") == (124, 0)
    assert count("untoc_trafficking", "2014-05-21") == (159, 0)


def test_refugee_convention_and_protocol_in_july_2013() -> None:
    """UNTC Chapter V retrieved 22 July 2013 (Wikipedia infobox): 145 parties to the 1951 Convention, 146 to the 1967
    Protocol."""
    assert count("refugees_1951", "2013-07-22") == (145, 0)
    assert count("refugees_1967", "2013-07-22") == (146, 0)


def test_1961_convention_55_parties_on_19_april_2014() -> None:
    """UNTC V-4, 'STATUS AS AT 19-04-2014': 55 parties."""
    assert count("statelessness_1961", "2014-04-19") == (55, 0)


def test_c189_29_ratifications_on_11_june_2019() -> None:
    """migrationnewsbd.com: Madagascar became the 29th State to ratify C189 on 11 June 2019."""
    assert count("ilo_c189", "2019-06-11") == (29, 0)


def test_p029_nine_ratifications_when_argentina_ratified() -> None:
    """ILO news WCMS_534549: Argentina was the 9th ratification (2016-11-09); 8 earlier ones are undated but the
    source, current to that day, says they came before."""
    assert count("ilo_p029", "2016-11-09") == (9, 0)


def test_1954_convention_counts_madagascar_as_denounced_by_2024() -> None:
    """Wikipedia (2024): Madagascar denounced the 1954 Convention; the rows give 85 parties at the end of 2024."""
    assert count("stateless_1954", "2024-12-31") == (85, 0)
