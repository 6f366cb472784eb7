"""The remittance cost engine against a plain-Python reading of the RPW definitions, on random quotes."""

import doctest
from collections import defaultdict
from statistics import mean

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from migdev.engines import remittance_cost as engine
from migdev.engines.remittance_cost import indicators, prices

quote = st.tuples(
    st.integers(0, 2),  # period
    st.integers(0, 3),  # sending
    st.integers(0, 3),  # receiving
    st.floats(0, 30, allow_nan=False),  # cost
    st.booleans(),  # transparent
    st.booleans(),  # fast
    st.booleans(),  # accessible
)


def as_quotes(rows: list[tuple]) -> engine.Quotes:
    columns = list(zip(*rows, strict=True)) if rows else [()] * 7
    return engine.Quotes(
        np.array(columns[0], dtype=np.int64),
        np.array(columns[1], dtype=np.int64),
        np.array(columns[2], dtype=np.int64),
        np.array(columns[3], dtype=float),
        np.array(columns[4], dtype=bool),
        np.array(columns[5], dtype=bool),
        np.array(columns[6], dtype=bool),
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(quote, max_size=60))
def test_corridor_and_global_averages_match_the_definition(rows: list[tuple]) -> None:
    quotes = as_quotes(rows)
    by_corridor: dict[tuple, list[float]] = defaultdict(list)
    by_period: dict[int, list[tuple]] = defaultdict(list)
    for p, s, r, cost, transparent, _, _ in rows:
        if transparent:
            by_corridor[(p, s, r)].append(cost)
            if s != 0:  # sender 0 plays Russia
                by_period[p].append((s, r, cost))
    result = engine.corridor_averages(quotes)
    got = {tuple(int(k[g]) for k in result.keys): (result.value[g], result.n_services[g]) for g in range(len(result))}
    assert got.keys() == by_corridor.keys()
    for key, costs in by_corridor.items():
        assert got[key][0] == pytest.approx(mean(costs)) and got[key][1] == len(costs)
    average = engine.global_averages(quotes, np.array([0]))
    got_global = {int(average.keys[0][g]): g for g in range(len(average))}
    assert got_global.keys() == by_period.keys()
    for period, items in by_period.items():
        g = got_global[period]
        assert average.value[g] == pytest.approx(mean(c for _, _, c in items))
        assert average.n_corridors[g] == len({(s, r) for s, r, _ in items})


@settings(max_examples=200, deadline=None)
@given(st.lists(quote, max_size=60))
def test_smart_is_the_mean_of_the_three_cheapest_qualifying(rows: list[tuple]) -> None:
    qualifying: dict[tuple, list[float]] = defaultdict(list)
    for p, s, r, cost, transparent, fast, accessible in rows:
        if transparent and fast and accessible:
            qualifying[(p, s, r)].append(cost)
    smart = engine.smart_values(as_quotes(rows))
    for i in range(smart.period.size):
        key = (int(smart.period[i]), int(smart.sending[i]), int(smart.receiving[i]))
        costs = sorted(qualifying.get(key, []))
        assert smart.n_qualifying[i] == len(costs)
        if len(costs) >= 3:
            assert smart.value[i] == pytest.approx(mean(costs[:3]))
        else:
            assert np.isnan(smart.value[i])


def test_empty_input_gives_empty_results_not_zeros() -> None:
    quotes = as_quotes([])
    assert len(engine.global_averages(quotes)) == 0
    assert len(engine.corridor_averages(quotes)) == 0
    assert engine.smart_values(quotes).value.size == 0
    assert engine.sdg_progress(quotes).period.size == 0


def test_weighted_average_leaves_out_corridors_without_weight() -> None:
    quotes = as_quotes([(0, 1, 2, 4.0, True, True, True), (0, 1, 3, 10.0, True, True, True)])
    corridors = engine.corridor_averages(quotes)
    result = engine.weighted_averages(corridors, np.array([3.0, np.nan]))
    assert result.value.tolist() == [4.0] and result.n_corridors.tolist() == [1]


def test_price_components_flag_negative_margins_and_mismatches() -> None:
    parts = engine.price_components(
        np.array([200.0, 200.0]),
        np.array([10.0, 10.0]),
        np.array([18.6, 18.0]),
        np.array([18.5, 18.5]),
        np.array([4.46, 9.0]),
        np.array([True, True]),
    )
    assert parts.negative_margin.tolist() == [True, False]
    assert parts.total_mismatch.tolist() == [False, True]


@pytest.mark.parametrize("module", [indicators, prices])
def test_docstring_examples_run(module: object) -> None:
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0  # type: ignore[arg-type]
