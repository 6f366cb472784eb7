"""The pure indicators (engines.labour.indicators): SDG 10.7.1 and circular KPIs, by example and by property."""

import doctest
import statistics
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migdev.engines.labour import indicators
from migdev.engines.labour.indicators import (
    IndicatorInputError,
    RecruitmentCostRow,
    SeasonRecord,
    circular_kpis,
    monthly_earnings,
    percentile,
    recruitment_cost,
    summarise,
)


def test_the_docstring_examples_hold() -> None:
    failures, tried = doctest.testmod(indicators)
    assert tried > 0 and failures == 0


@pytest.mark.parametrize(
    ("amount", "period", "hours", "month"),
    [(15, "hour", 40, 2600), (600, "week", 40, 2600), (2600, "month", 40, 2600), (31200, "year", 40, 2600)],
)
def test_every_wage_period_converts_to_the_same_month(amount: float, period: str, hours: int, month: float) -> None:
    assert monthly_earnings(amount, period, hours) == pytest.approx(month)


@pytest.mark.parametrize(
    ("args", "parameter"),
    [((0, "month", 40), "wage_amount"), ((10, "hour", 0), "weekly_hours"), ((10, "fortnight", 40), "wage_period")],
)
def test_bad_wages_name_the_parameter(args: tuple[float, str, float], parameter: str) -> None:
    with pytest.raises(IndicatorInputError) as caught:
        monthly_earnings(*args)
    assert caught.value.parameter == parameter


def test_a_negative_cost_is_refused() -> None:
    row = RecruitmentCostRow("F", "PHL", "CAN", "9111", 2024, -1.0, 2000.0, "month", 40)
    with pytest.raises(IndicatorInputError) as caught:
        recruitment_cost([row])
    assert caught.value.parameter == "cost_paid"


shares = st.lists(st.floats(min_value=0, max_value=50, allow_nan=False), min_size=1, max_size=60)


@given(shares, st.floats(min_value=0, max_value=1))
def test_percentile_matches_numpy_linear(values: list[float], p: float) -> None:
    assert percentile(values, p) == pytest.approx(float(np.percentile(values, p * 100)), abs=1e-9)


@given(shares)
def test_the_median_is_the_median_and_the_figures_are_ordered(values: list[float]) -> None:
    summary = summarise(values, min_group_size=1)
    assert summary.median == pytest.approx(statistics.median(values))
    assert summary.mean == pytest.approx(statistics.fmean(values))
    assert min(values) - 1e-9 <= summary.median <= summary.q4 + 1e-9 <= max(values) + 2e-9  # type: ignore[operator]


@given(shares, st.integers(min_value=1, max_value=10))
def test_small_groups_are_suppressed_and_large_ones_are_not(values: list[float], min_size: int) -> None:
    summary = summarise(values, min_group_size=min_size)
    assert summary.n == len(values)
    assert (summary.mean is None) == (len(values) < min_size)


rows = st.lists(
    st.builds(
        RecruitmentCostRow,
        sex=st.sampled_from(["F", "M", "_U"]),
        origin=st.sampled_from(["PHL", "MEX"]),
        destination=st.sampled_from(["CAN", "AUS"]),
        occupation=st.sampled_from(["9111", "9211"]),
        season=st.just(2024),
        cost_paid=st.floats(min_value=0, max_value=10_000, allow_nan=False),
        wage_amount=st.floats(min_value=1, max_value=5_000, allow_nan=False),
        wage_period=st.sampled_from(["hour", "week", "month", "year"]),
        weekly_hours=st.floats(min_value=1, max_value=80, allow_nan=False),
    ),
    max_size=40,
)


@given(rows)
def test_groups_partition_the_workers(data: list[RecruitmentCostRow]) -> None:
    report = recruitment_cost(data)
    assert report.total.n == len(data)
    assert sum(s.n for s in report.by_corridor.values()) == len(data)
    assert sum(s.n for s in report.by_occupation.values()) == len(data)
    assert sum(s.n for s in report.by_sex.values()) == sum(r.sex in ("F", "M") for r in data)
    assert set(report.by_sex) == {"F", "M"}


@given(rows, st.floats(min_value=0.1, max_value=10))
def test_the_shares_do_not_depend_on_the_currency_unit(data: list[RecruitmentCostRow], rate: float) -> None:
    """Converting costs and wages with the same rate leaves C/E unchanged."""
    converted = [
        RecruitmentCostRow(
            r.sex,
            r.origin,
            r.destination,
            r.occupation,
            r.season,
            r.cost_paid * rate,
            r.wage_amount * rate,
            r.wage_period,
            r.weekly_hours,
        )
        for r in data
    ]
    before, after = recruitment_cost(data).total, recruitment_cost(converted).total
    assert (before.mean is None) == (after.mean is None)
    if before.mean is not None:
        assert after.mean == pytest.approx(before.mean, rel=1e-9, abs=1e-12)


# --- circular KPIs ----------------------------------------------------------------------------------------------------


def season(worker: str, year: int, state: str = "returned", employer: str = "e1", **dates: object) -> SeasonRecord:
    values: dict[str, object] = {
        "departed_on": date(year, 4, 1),
        "completed_on": date(year, 10, 1),
        "due_return_on": date(year, 10, 15),
        "returned_on": date(year, 10, 10) if state == "returned" else None,
    }
    values.update(dates)
    return SeasonRecord(worker, employer, "sawp", "MEX", "CAN", "M", year, state, **values)  # type: ignore[arg-type]


def test_circular_kpis_by_example() -> None:
    records = [
        season("a", 2022),
        season("a", 2023, employer="e2"),
        season("a", 2024, named_request=True),
        season("b", 2023, returned_on=date(2023, 11, 1)),  # late
        season("c", 2024, state="absconded", returned_on=None),
        season("d", 2024, state="declined", departed_on=None),
    ]
    kpis = circular_kpis(records, as_of=date(2025, 1, 1))
    assert (kpis.placements, kpis.workers) == (5, 3)  # the declined offer never left
    assert kpis.return_rate == pytest.approx(3 / 4)
    assert kpis.rehire_rate == pytest.approx(1 / 3)
    assert kpis.same_employer_rehire_share == pytest.approx(0 / 2)  # e1 → e2 → e1
    assert kpis.named_request_share == pytest.approx(1 / 5)
    # a: 10 Oct 2022 → 1 Apr 2023 (173 days) and 10 Oct 2023 → 1 Apr 2024 (174 days, a leap year).
    assert kpis.mean_months_between_seasons == pytest.approx(173.5 / (365.25 / 12))
    assert kpis.overstay_rate == pytest.approx(2 / 5)  # b returned late, c never returned


def test_due_dates_in_the_future_are_not_overstays() -> None:
    kpis = circular_kpis([season("a", 2024, state="arrived", returned_on=None)], as_of=date(2024, 6, 1))
    assert kpis.overstay_rate is None and kpis.return_rate is None


records = st.lists(
    st.builds(
        season,
        worker=st.sampled_from(["a", "b", "c", "d"]),
        year=st.integers(min_value=2020, max_value=2025),
        state=st.sampled_from(["returned", "completed", "absconded", "terminated", "arrived", "declined"]),
        employer=st.sampled_from(["e1", "e2"]),
        returned_on=st.one_of(st.none(), st.dates(date(2020, 1, 1), date(2026, 1, 1))),
        named_request=st.booleans(),
    ),
    max_size=30,
)


@settings(max_examples=200)
@given(records, st.dates(date(2020, 1, 1), date(2027, 1, 1)))
def test_every_rate_is_a_share(data: list[SeasonRecord], as_of: date) -> None:
    kpis = circular_kpis(data, as_of)
    for rate in (
        kpis.return_rate,
        kpis.rehire_rate,
        kpis.same_employer_rehire_share,
        kpis.named_request_share,
        kpis.overstay_rate,
    ):
        assert rate is None or 0 <= rate <= 1
    assert kpis.workers <= kpis.placements
    assert kpis.mean_months_between_seasons is None or kpis.mean_months_between_seasons >= 0


@given(records)
def test_later_judgement_never_lowers_the_number_of_due_placements(data: list[SeasonRecord]) -> None:
    early = circular_kpis(data, date(2022, 1, 1))
    late = circular_kpis(data, date(2022, 1, 1) + timedelta(days=2000))
    assert (early.overstay_rate is None) or (late.overstay_rate is not None)
