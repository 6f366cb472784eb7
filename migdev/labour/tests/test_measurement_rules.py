"""Measurement rules on a small hand-built market: supply by sex, open and new positions, fill, tightness, classes,
suppression, the corridor opportunity matrix, and bad filters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from migdev.core.errors import DomainError, NotFound
from migdev.core.models import Country, IscoGroup
from migdev.labour.models import Scheme, Vacancy
from migdev.labour.selectors import measurement
from migdev.labour.tests.factories_measurement import YEAR_2025, available_worker, build_small_market

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_market() -> dict[str, Vacancy]:
    return build_small_market()


def cell(market: measurement.Market, iso3: str, month: str, code: str = "9211") -> measurement.MarketCell:
    (found,) = [c for c in market.cells if (c.country.iso3, c.month, c.occupation.code) == (iso3, month, code)]
    return found


def test_supply_counts_available_workers_by_nationality_and_sex(small_market: dict[str, Vacancy]) -> None:
    market = measurement.measure(level=4, start="2025-01", end="2025-03")
    assert cell(market, "PHL", "2025-01").supply == measurement.ByPerson(F=4, M=3, T=7)
    assert cell(market, "PHL", "2025-03").supply == measurement.ByPerson(F=5, M=3, T=8)  # the UAE resident joins
    assert cell(market, "PHL", "2025-01").occupation.title == IscoGroup.objects.get(pk="9211").title


def test_supply_by_residence_counts_where_the_worker_lives(small_market: dict[str, Vacancy]) -> None:
    market = measurement.measure(level=4, start="2025-03", end="2025-03", basis="residence")
    assert cell(market, "PHL", "2025-03").supply == measurement.ByPerson(F=4, M=3, T=7)
    assert cell(market, "ARE", "2025-03").supply == measurement.ByPerson(F=None, M=None, T=None)  # one person


def test_small_counts_are_hidden_with_the_other_sex(small_market: dict[str, Vacancy]) -> None:
    """MEX has 2 women and 1 man: the total of 3 shows, neither sex does."""
    mexico = cell(measurement.measure(level=4, start="2025-01", end="2025-01"), "MEX", "2025-01")
    assert mexico.supply == measurement.ByPerson(F=None, M=None, T=3)
    assert mexico.tightness == 0.0 and mexico.classification == "surplus"


def test_open_new_and_filled_positions_at_the_destination(small_market: dict[str, Vacancy]) -> None:
    market = measurement.measure(level=4, start="2025-01", end="2025-03")
    january, february, march = (cell(market, "CAN", m) for m in ("2025-01", "2025-02", "2025-03"))
    assert (january.open_positions, february.open_positions, march.open_positions) == (4, 3, 3)
    assert (january.new_positions, february.new_positions, march.new_positions) == (6, 2, 0)
    assert january.filled == measurement.ByPerson(F=None, M=None, T=None)  # one woman, one man
    assert february.filled == measurement.ByPerson(F=3, M=0, T=3)
    assert january.supply == measurement.ByPerson(F=0, M=0, T=0)


def test_fill_rate_and_median_days_to_fill_follow_the_month_of_publication(small_market: dict[str, Vacancy]) -> None:
    market = measurement.measure(level=4, start="2025-01", end="2025-02")
    january, february = cell(market, "CAN", "2025-01"), cell(market, "CAN", "2025-02")
    assert january.fill_rate == 0.5  # 3 of 6 positions
    assert january.median_days_to_fill is None  # not filled yet
    assert february.fill_rate == 1.0
    assert february.median_days_to_fill == 20  # 5 Feb to 25 Feb, the last of its 2 positions


def test_tightness_and_classification(small_market: dict[str, Vacancy]) -> None:
    market = measurement.measure(level=4, start="2025-01", end="2025-01")
    canada = cell(market, "CAN", "2025-01")
    assert canada.tightness is None and canada.no_supply and canada.classification == "shortage"
    philippines = cell(market, "PHL", "2025-01")
    assert philippines.tightness == 0.0 and philippines.classification == "surplus"
    assert measurement.THRESHOLDS.shortage == 1.5 and measurement.THRESHOLDS.surplus == pytest.approx(0.667, abs=1e-3)


def test_any_isco_level_and_a_chosen_group(small_market: dict[str, Vacancy]) -> None:
    available_worker("M", "PHL", isco=("9211", "9212"), **YEAR_2025)
    unit = measurement.measure(level=4, start="2025-01", end="2025-01", country="PHL")
    assert {c.occupation.code: c.supply.T for c in unit.cells} == {"9211": 8, "9212": None}
    major = measurement.measure(level=1, start="2025-01", end="2025-01", country="PHL")
    assert [(c.occupation.code, c.supply.T) for c in major.cells] == [("9", 8)]  # counted once in group 9
    minor = measurement.measure(group="921", start="2025-01", end="2025-01")
    assert minor.level == 3 and {c.country.iso3 for c in minor.cells} == {"PHL", "MEX", "CAN"}


def test_opportunity_matrix_pairs_surplus_origins_with_the_shortage_destination(
    small_market: dict[str, Vacancy],
) -> None:
    scheme = Scheme.objects.create(
        code="test-seasonal", name="Test seasonal scheme", kind=Scheme.Kind.SEASONAL, destination_id="CAN"
    )
    scheme.eligible_origins.add(Country.objects.get(pk="MEX"))
    scheme.eligible_occupations.add(IscoGroup.objects.get(pk="92"))
    found = measurement.opportunity_matrix(month="2025-01", level=4)
    assert [(o.origin.iso3, o.destination.iso3, o.occupation.code, o.gap, o.excess, o.size) for o in found] == [
        ("PHL", "CAN", "9211", 4, 7, 4),
        ("MEX", "CAN", "9211", 4, 3, 3),
    ]
    assert found[0].origin_supply == measurement.ByPerson(F=4, M=3, T=7)
    assert found[0].schemes == [] and found[1].schemes == ["test-seasonal"]


def test_the_measurement_reads_in_a_few_queries(small_market: dict[str, Vacancy]) -> None:
    with CaptureQueriesContext(connection) as queries:
        measurement.measure(level=4, start="2025-01", end="2025-12")
    assert len(queries) <= 6


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"start": "2025-13"}, DomainError, "from"),
        ({"start": "January"}, DomainError, "from"),
        ({"start": "2025-05", "end": "2025-01"}, DomainError, "to"),
        ({"start": "2000-01", "end": "2025-01"}, DomainError, "from"),
        ({"level": 5}, DomainError, "level"),
        ({"level": 2, "group": "9211"}, DomainError, "level"),
        ({"group": "9999"}, NotFound, "group"),
        ({"country": "XYZ"}, NotFound, "country"),
        ({"basis": "birthplace"}, DomainError, "basis"),
    ],
)
def test_bad_filters_name_the_field(kwargs: dict[str, object], error: type[DomainError], field: str) -> None:
    with pytest.raises(error) as caught:
        measurement.measure(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
