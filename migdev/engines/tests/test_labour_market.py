"""Labour market measurement: hand-built cases, typed errors, and properties against a plain-Python reference."""

import datetime as dt
import math
from collections import defaultdict

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migdev.engines.labour.market import (
    BALANCED,
    NO_END,
    SHORTAGE,
    SURPLUS,
    Hires,
    InvalidInput,
    InvalidParameter,
    MarketTable,
    Thresholds,
    Vacancies,
    Workers,
    group_code,
    market_table,
    month_ends,
    month_of,
    opportunities,
    suppressed,
)

EPOCH = dt.date(1970, 1, 1)


def day(text: str) -> int:
    return (dt.date.fromisoformat(text) - EPOCH).days


def month(text: str) -> int:
    year, number = (int(part) for part in text.split("-"))
    return (year - 1970) * 12 + number - 1


def row(table: MarketTable, country: int, group: int, month_number: int) -> int:
    found = np.flatnonzero((table.country == country) & (table.group == group) & (table.month == month_number))
    assert len(found) == 1, (country, group, month_number)
    return int(found[0])


NO_HIRES = Hires.build([], [], [], n_vacancies=0)
NO_VACANCIES = Vacancies.build([], [], [], [], [], [])


# --- hand-built cases ------------------------------------------------------------------------------------------------


def test_supply_counts_workers_available_on_the_last_day_of_the_month_by_sex() -> None:
    """Ana (F) from 15 March, Ben (M) until 15 March, Chris (other sex) all year: March counts Ana and Chris."""
    workers = Workers.build(
        origin=[0, 0, 0],
        sex=[0, 1, 2],
        available_from=[day("2025-03-15"), day("2025-01-01"), day("2025-01-01")],
        available_to=[NO_END, day("2025-03-15"), day("2025-12-31")],
        occupation_worker=[0, 1, 2],
        occupation_isco=[9211, 9211, 9211],
    )
    table = market_table(workers, NO_VACANCIES, NO_HIRES, months=[month("2025-02"), month("2025-03")])
    february = row(table, 0, 9211, month("2025-02"))
    march = row(table, 0, 9211, month("2025-03"))
    assert table.supply[february].tolist() == [0, 1, 2]
    assert table.supply[march].tolist() == [1, 0, 2]  # _T counts the worker of another sex too


def test_a_worker_counts_once_per_group_however_many_occupations_fall_in_it() -> None:
    workers = Workers.build([0], [0], [0], [NO_END], occupation_worker=[0, 0], occupation_isco=[9211, 9212])
    unit = market_table(workers, NO_VACANCIES, NO_HIRES, months=[0], level=4)
    major = market_table(workers, NO_VACANCIES, NO_HIRES, months=[0], level=1)
    assert unit.supply[:, 2].tolist() == [1, 1]
    assert unit.group.tolist() == [9211, 9212]
    assert major.supply.tolist() == [[1, 0, 1]]
    assert major.group.tolist() == [9]


def test_open_positions_are_positions_minus_accepted_placements_while_published() -> None:
    """5 positions published 10 Jan; 2 accepted in January, 1 in February; closed unfilled 10 April."""
    vacancies = Vacancies.build(
        destination=[1],
        isco=[6111],
        positions=[5],
        published=[day("2025-01-10")],
        closed=[day("2025-04-10")],
        closed_as_filled=[False],
    )
    hires = Hires.build(
        [0, 0, 0], sex=[0, 1, 0], accepted=[day("2025-01-20"), day("2025-01-31"), day("2025-02-02")], n_vacancies=1
    )
    months = [month(m) for m in ("2024-12", "2025-01", "2025-02", "2025-03", "2025-04")]
    table = market_table(Workers.build([], [], [], [], [], []), vacancies, hires, months)
    open_by_month = {int(m): int(v) for m, v in zip(table.month, table.open_positions, strict=True)}
    assert open_by_month == {month("2025-01"): 3, month("2025-02"): 2, month("2025-03"): 2}
    january = row(table, 1, 6111, month("2025-01"))
    assert table.new_positions[january] == 5
    assert table.filled[january].tolist() == [1, 1, 2]
    assert table.filled[row(table, 1, 6111, month("2025-02"))].tolist() == [1, 0, 1]
    assert table.fill_rate[january] == pytest.approx(3 / 5)
    assert math.isnan(table.median_days_to_fill[january])  # not filled: no days to fill


def test_days_to_fill_run_to_the_last_position_or_the_closing_as_filled() -> None:
    """Three vacancies published in March: filled after 10 and 30 days by placements, one closed as filled on day 20."""
    published = day("2025-03-01")
    vacancies = Vacancies.build(
        destination=[0, 0, 0],
        isco=[5322, 5322, 5322],
        positions=[1, 2, 3],
        published=[published] * 3,
        closed=[NO_END, NO_END, published + 20],
        closed_as_filled=[False, False, True],
    )
    hires = Hires.build([0, 1, 1], [0, 0, 1], [published + 10, published + 5, published + 30], n_vacancies=3)
    table = market_table(Workers.build([], [], [], [], [], []), vacancies, hires, [month("2025-03")])
    assert table.median_days_to_fill.tolist() == [20.0]  # median of 10, 30 and 20
    assert table.fill_rate.tolist() == [pytest.approx(3 / 6)]


def test_tightness_and_classification_with_the_default_thresholds() -> None:
    """Country 0: 3 positions, 2 workers (1.5: shortage). Country 1: 2 positions, 3 workers (0.67: surplus).
    Country 2: 1 position, 1 worker (balanced). Country 3: 2 positions, nobody (inf: shortage)."""
    workers = Workers.build(
        origin=[0, 0, 1, 1, 1, 2],
        sex=[0, 1, 0, 0, 1, 1],
        available_from=[0] * 6,
        available_to=[NO_END] * 6,
        occupation_worker=list(range(6)),
        occupation_isco=[2221] * 6,
    )
    vacancies = Vacancies.build([0, 1, 2, 3], [2221] * 4, [3, 2, 1, 2], [0] * 4, [NO_END] * 4, [False] * 4)
    table = market_table(workers, vacancies, Hires.build([], [], [], 4), months=[0])
    assert table.tightness.tolist() == [1.5, pytest.approx(2 / 3), 1.0, math.inf]
    assert table.classification.tolist() == [SHORTAGE, SURPLUS, BALANCED, SHORTAGE]


def test_corridor_opportunities_pair_a_surplus_origin_with_a_shortage_destination() -> None:
    """PHL-like origin 0 has 6 nursing assistants and 1 open position; destination 1 has 4 positions and nobody."""
    workers = Workers.build([0] * 6, [0, 0, 0, 0, 1, 1], [0] * 6, [NO_END] * 6, list(range(6)), [5321] * 6)
    vacancies = Vacancies.build([1, 0, 1], [5321, 5321, 6111], [4, 1, 2], [0, 0, 0], [NO_END] * 3, [False] * 3)
    table = market_table(workers, vacancies, Hires.build([], [], [], 3), months=[0])
    found = opportunities(table, month=0)
    assert len(found) == 1
    assert (int(found.origin[0]), int(found.destination[0]), int(found.group[0])) == (0, 1, 5321)
    assert (int(found.gap[0]), int(found.excess[0]), int(found.size[0])) == (4, 5, 4)
    assert found.origin_supply[0].tolist() == [4, 2, 6]
    assert found.destination_supply[0].tolist() == [0, 0, 0]


def test_suppression_hides_small_counts_and_the_other_sex() -> None:
    hidden = suppressed(np.array([[2, 7, 9], [3, 3, 6], [0, 0, 0], [1, 1, 2]]))
    assert hidden.tolist() == [[True, True, False], [False, False, False], [False, False, False], [True, True, True]]


def test_month_helpers_and_group_codes() -> None:
    assert month_ends([month("2024-02")]).tolist() == [day("2024-02-29")]
    assert month_of(np.array([day("2025-12-31"), day("2026-01-01")])).tolist() == [month("2025-12"), month("2026-01")]
    assert group_code(110, 4) == "0110"
    assert group_code(0, 1) == "0"


# --- bad input -------------------------------------------------------------------------------------------------------


def test_bad_inputs_raise_typed_errors_naming_the_field() -> None:
    with pytest.raises(InvalidInput) as caught:
        Workers.build([0], [5], [0], [1], [0], [9211])
    assert caught.value.field == "sex" and caught.value.row == 0
    with pytest.raises(InvalidInput, match="available_to"):
        Workers.build([0], [0], [10], [5], [0], [9211])
    with pytest.raises(InvalidInput, match="occupation_worker"):
        Workers.build([0], [0], [0], [5], [1], [9211])
    with pytest.raises(InvalidInput, match="occupation_isco"):
        Workers.build([0], [0], [0], [5], [0], [12345])
    with pytest.raises(InvalidInput, match="positions"):
        Vacancies.build([0], [9211], [-1], [0], [NO_END], [False])
    with pytest.raises(InvalidInput, match="closed"):
        Vacancies.build([0], [9211], [1], [10], [5], [False])
    with pytest.raises(InvalidInput, match="same length"):
        Vacancies.build([0, 1], [9211], [1], [10], [50], [False])
    with pytest.raises(InvalidInput, match="vacancy"):
        Hires.build([3], [0], [0], n_vacancies=1)
    with pytest.raises(InvalidInput, match="integers"):
        Workers.build([0.5], [0], [0], [1], [0], [9211])


def test_bad_parameters_raise_typed_errors_naming_the_parameter() -> None:
    with pytest.raises(InvalidParameter) as caught:
        Thresholds(shortage=0.9)
    assert caught.value.parameter == "surplus"
    with pytest.raises(InvalidParameter, match="shortage"):
        Thresholds(shortage=float("inf"))
    with pytest.raises(InvalidParameter, match="level"):
        market_table(Workers.build([], [], [], [], [], []), NO_VACANCIES, NO_HIRES, [0], level=5)
    with pytest.raises(InvalidParameter, match="minimum"):
        suppressed(np.zeros((1, 3), dtype=int), minimum=0)


# --- properties against a plain reference ----------------------------------------------------------------------------

ISCO_UNITS = [110, 2221, 2222, 5321, 5322, 6111, 9211, 9212, 9311]
MONTHS = list(range(12))
ENDS = month_ends(MONTHS).tolist()
LAST_DAY = ENDS[-1] + 40


@st.composite
def markets(draw: st.DrawFn) -> tuple[Workers, Vacancies, Hires]:
    n_workers = draw(st.integers(0, 12))
    origin, sex, start, end, occ_worker, occ_isco = [], [], [], [], [], []
    for worker in range(n_workers):
        origin.append(draw(st.integers(0, 2)))
        sex.append(draw(st.integers(0, 2)))
        begin = draw(st.integers(0, LAST_DAY))
        start.append(begin)
        end.append(draw(st.one_of(st.just(NO_END), st.integers(begin, LAST_DAY))))
        for unit in draw(st.lists(st.sampled_from(ISCO_UNITS), min_size=1, max_size=3)):
            occ_worker.append(worker)
            occ_isco.append(unit)
    n_vacancies = draw(st.integers(0, 6))
    dest, isco, positions, published, closed, as_filled = [], [], [], [], [], []
    for _ in range(n_vacancies):
        dest.append(draw(st.integers(0, 2)))
        isco.append(draw(st.sampled_from(ISCO_UNITS)))
        positions.append(draw(st.integers(0, 4)))
        begin = draw(st.integers(0, LAST_DAY))
        published.append(begin)
        closed.append(draw(st.one_of(st.just(NO_END), st.integers(begin, LAST_DAY))))
        as_filled.append(draw(st.booleans()))
    hire_vacancy, hire_sex, hire_day = [], [], []
    for vacancy in range(n_vacancies):
        for _ in range(draw(st.integers(0, 5))):
            hire_vacancy.append(vacancy)
            hire_sex.append(draw(st.integers(0, 2)))
            hire_day.append(draw(st.integers(published[vacancy], LAST_DAY)))
    return (
        Workers.build(origin, sex, start, end, occ_worker, occ_isco),
        Vacancies.build(dest, isco, positions, published, closed, as_filled),
        Hires.build(hire_vacancy, hire_sex, hire_day, n_vacancies),
    )


def reference(workers: Workers, vacancies: Vacancies, hires: Hires, level: int) -> dict[tuple[int, int, int], dict]:
    """The definitions of the module docstring, written plainly, cell by cell."""
    cells: dict[tuple[int, int, int], dict] = defaultdict(lambda: {"supply": [0, 0, 0], "open": 0, "new": 0})
    divisor = 10 ** (4 - level)
    for m, end in zip(MONTHS, ENDS, strict=True):
        for w in range(len(workers.origin)):
            if not workers.available_from[w] <= end <= workers.available_to[w]:
                continue
            groups = {
                int(u) // divisor
                for wi, u in zip(workers.occupation_worker, workers.occupation_isco, strict=True)
                if wi == w
            }
            for group in groups:
                counts = cells[(int(workers.origin[w]), group, m)]["supply"]
                counts[2] += 1
                if workers.sex[w] < 2:
                    counts[int(workers.sex[w])] += 1
        for v in range(len(vacancies.positions)):
            if not vacancies.published[v] <= end <= vacancies.closed[v]:
                continue
            taken = sum(1 for hv, d in zip(hires.vacancy, hires.accepted, strict=True) if hv == v and d <= end)
            left = max(int(vacancies.positions[v]) - taken, 0)
            if left:
                cells[(int(vacancies.destination[v]), int(vacancies.isco[v]) // divisor, m)]["open"] += left
    for v in range(len(vacancies.positions)):
        published_month = int(month_of(np.array([vacancies.published[v]]))[0])
        if published_month in MONTHS:
            cells[(int(vacancies.destination[v]), int(vacancies.isco[v]) // divisor, published_month)]["new"] += int(
                vacancies.positions[v]
            )
    return cells


@settings(max_examples=60, deadline=None)
@given(market=markets(), level=st.sampled_from([1, 2, 3, 4]))
def test_supply_and_open_positions_agree_with_the_plain_definitions(
    market: tuple[Workers, Vacancies, Hires], level: int
) -> None:
    workers, vacancies, hires = market
    table = market_table(workers, vacancies, hires, MONTHS, level=level)
    expected = reference(workers, vacancies, hires, level)
    for i in range(len(table)):
        cell = expected.get((int(table.country[i]), int(table.group[i]), int(table.month[i])))
        want = cell or {"supply": [0, 0, 0], "open": 0, "new": 0}
        assert table.supply[i].tolist() == want["supply"]
        assert table.open_positions[i] == want["open"]
        assert table.new_positions[i] == want["new"]
    listed = {(int(c), int(g), int(m)) for c, g, m in zip(table.country, table.group, table.month, strict=True)}
    for key, cell in expected.items():
        if cell["supply"][2] or cell["open"] or cell["new"]:
            assert key in listed


@settings(max_examples=60, deadline=None)
@given(market=markets())
def test_positions_add_up_across_levels_and_supply_never_exceeds_the_finer_sum(
    market: tuple[Workers, Vacancies, Hires],
) -> None:
    workers, vacancies, hires = market
    unit = market_table(workers, vacancies, hires, MONTHS, level=4)
    major = market_table(workers, vacancies, hires, MONTHS, level=1)
    assert unit.open_positions.sum() == major.open_positions.sum()
    assert unit.new_positions.sum() == major.new_positions.sum()
    assert (unit.filled.sum(axis=0) == major.filled.sum(axis=0)).all()
    assert unit.supply[:, 2].sum() >= major.supply[:, 2].sum()
    assert (major.supply[:, 0] + major.supply[:, 1] <= major.supply[:, 2]).all()
    rates = major.fill_rate[~np.isnan(major.fill_rate)]
    assert ((rates >= 0) & (rates <= 1)).all()
    assert (major.median_days_to_fill[~np.isnan(major.median_days_to_fill)] >= 0).all()


@settings(max_examples=100, deadline=None)
@given(
    tightness=st.lists(st.floats(min_value=0, max_value=1e6) | st.just(math.inf), min_size=1, max_size=30),
    shortage=st.floats(min_value=1.01, max_value=10),
    surplus=st.floats(min_value=0.01, max_value=0.99),
)
def test_classification_is_monotone_in_tightness(tightness: list[float], shortage: float, surplus: float) -> None:
    values = np.sort(np.array(tightness))
    classes = Thresholds(shortage=shortage, surplus=surplus).classify(values)
    assert (np.diff(classes) >= 0).all()
    assert ((values >= shortage) == (classes == SHORTAGE)).all()
    assert ((values <= surplus) == (classes == SURPLUS)).all()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20), st.integers(0, 5)), min_size=1, max_size=20))
def test_no_count_from_one_to_two_shows_nor_can_be_recomputed(rows: list[tuple[int, int, int]]) -> None:
    counts = np.array([[f, m, f + m + other] for f, m, other in rows])
    hidden = suppressed(counts)
    shown = np.where(hidden, 0, counts)
    assert not ((shown > 0) & (shown < 3)).any()
    # Where the total shows, either both sexes show or neither does: no sex is the total minus the other.
    assert (hidden[:, 0] == hidden[:, 1]).all()


@settings(max_examples=60, deadline=None)
@given(market=markets(), month_number=st.sampled_from(MONTHS))
def test_opportunities_join_surplus_origins_to_shortage_destinations(
    market: tuple[Workers, Vacancies, Hires], month_number: int
) -> None:
    table = market_table(*market, MONTHS, level=2)
    found = opportunities(table, month_number)
    for i in range(len(found)):
        destination = row(table, int(found.destination[i]), int(found.group[i]), month_number)
        origin = row(table, int(found.origin[i]), int(found.group[i]), month_number)
        assert table.classification[destination] == SHORTAGE
        assert table.classification[origin] == SURPLUS
        assert found.size[i] == min(found.gap[i], found.excess[i]) > 0
    assert (np.diff(found.size) <= 0).all()
