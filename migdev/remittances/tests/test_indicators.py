"""The RPW indicators of the shipped quotes, against the World Bank's published figures."""

import pytest

from migdev.core.errors import NotFound
from migdev.remittances import selectors
from migdev.remittances.models import PublishedCorridorAverage

pytestmark = pytest.mark.django_db


def test_global_average_2014q1_is_the_published_8_36() -> None:
    """RPW Issue 9 (March 2014): Global Average 8.36 % (transparent services, Russia-sent corridors excluded)."""
    value = selectors.global_average("2014Q1")
    assert round(value.value, 2) == 8.36
    assert value.n_services > 2000
    assert value.n_corridors > 150


def test_every_corridor_quarter_agrees_with_the_published_series() -> None:
    """DataBank series ATCR.CORR (World Bank, last updated 12/07/2020): every corridor-quarter present in both the
    quotes and the published series agrees to 0.01 percentage points."""
    ours = {(v.group[0], v.group[1], v.period): v.value for v in selectors.corridor_averages()}
    published = {(p.sending, p.receiving, p.period): p.value for p in PublishedCorridorAverage.objects.all()}
    common = ours.keys() & published.keys()
    assert len(common) == 2167
    differing = {key: (ours[key], published[key]) for key in common if abs(ours[key] - published[key]) > 0.01}
    assert differing == {}


def test_usa_mexico_corridor_average() -> None:
    """PROVENANCE.md example: USA -> MEX 2011Q1 5.006, 2014Q1 4.481 (DataBank ATCR.CORR)."""
    assert selectors.corridor_average("USA", "MEX", "2011Q1").value == pytest.approx(5.006, abs=0.001)
    assert selectors.corridor_average("USA", "MEX", "2014Q1").value == pytest.approx(4.481, abs=0.001)


def test_empty_selection_is_no_data_not_zero() -> None:
    with pytest.raises(NotFound, match="No data"):
        selectors.global_average("2030Q1")
    with pytest.raises(NotFound, match="No data"):
        selectors.corridor_average("USA", "FRA", "2014Q1")
    with pytest.raises(NotFound, match="No data"):
        selectors.regional_average("999", "2014Q1")


def test_smart_takes_the_three_cheapest_qualifying_services() -> None:
    rows = selectors.smart_values("2014Q1", "USA", "MEX")
    assert len(rows) == 1 and rows[0].value is not None and rows[0].n_services >= 3
    assert rows[0].value <= selectors.corridor_average("USA", "MEX", "2014Q1").value


def test_sdg_status_counts_corridors_above_five_percent() -> None:
    status = selectors.sdg_status("2014Q1")
    assert round(status.global_average, 2) == 8.36
    above = [s for s in selectors.smart_values("2014Q1") if s.above_limit]
    assert status.corridors_above_limit == len(above) > 0
    assert 0 < status.share_above_limit < 1


def test_weighted_average_uses_the_2017_flows() -> None:
    rows = {v.period: v for v in selectors.weighted_averages()}
    assert set(rows) == set(selectors.periods())
    # USA -> MEX carries the largest flow and is cheap: the weighted average is below the simple one.
    assert rows["2014Q1"].value < selectors.global_average("2014Q1").value


def test_country_averages_keep_the_corridors_from_russia() -> None:
    """Tajikistan's quotes come from Russia: its receiving-country average has them; the Global Average does not."""
    tajikistan = selectors.receiving_country_averages("2014Q1", "TJK")
    assert tajikistan and tajikistan[0].n_services > 0
    assert selectors.regional_averages("2014Q1", "143") == []  # Central Asia: only Russia-sent corridors
