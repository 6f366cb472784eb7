"""Allocation: never over a capacity or a cap, never an ineligible pair, never worse than greedy, exact."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migdev.engines.matching import (
    Allocation,
    Candidates,
    Caps,
    Exchange,
    MatchWeights,
    ShortlistParams,
    allocate,
    allocate_greedy,
    shortlists,
)
from migdev.engines.matching.allocation import SCALE
from migdev.engines.matching.scoring import eligibility

from .factories import random_exchange


def _assert_within_limits(exchange: Exchange, result: Allocation, caps: Caps) -> None:
    assert len(set(result.worker.tolist())) == len(result.worker), "a worker placed twice"
    filled = np.bincount(result.vacancy, minlength=exchange.vacancies.count)
    assert np.all(filled <= exchange.vacancies.positions)
    assert eligibility(exchange, result.worker, result.vacancy).all()
    origin = exchange.workers.origin[result.worker]
    scheme = exchange.vacancies.scheme[result.vacancy]
    if caps.origin is not None:
        counts = np.bincount(origin, minlength=exchange.n_countries)
        assert np.all((caps.origin < 0) | (counts <= caps.origin))
    if caps.scheme is not None:
        counts = np.bincount(scheme, minlength=exchange.n_schemes)
        assert np.all((caps.scheme < 0) | (counts <= caps.scheme))
    for (s, c), cap in caps.scheme_origin.items():
        assert int(((scheme == s) & (origin == c)).sum()) <= cap


def _scaled(result: Allocation) -> int:
    return int(np.rint(result.score.astype(np.float64) * SCALE).sum())


caps_strategy = st.fixed_dictionaries(
    {
        "origin": st.one_of(st.none(), st.lists(st.integers(-1, 6), min_size=8, max_size=8)),
        "scheme": st.one_of(st.none(), st.lists(st.integers(-1, 15), min_size=3, max_size=3)),
    }
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), raw_caps=caps_strategy, per_vacancy=st.integers(1, 6))
def test_flow_allocation_respects_every_limit_and_beats_greedy(seed: int, raw_caps: dict, per_vacancy: int) -> None:
    exchange = random_exchange(seed, n_workers=150, n_vacancies=25)
    caps = Caps(**{k: None if v is None else np.array(v) for k, v in raw_caps.items()})
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=per_vacancy, per_worker=2)).candidates
    result = allocate(exchange, candidates, caps)
    greedy = allocate_greedy(exchange, candidates, caps)
    _assert_within_limits(exchange, result, caps)
    _assert_within_limits(exchange, greedy, caps)
    assert _scaled(result) >= _scaled(greedy)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), origin_cap=st.integers(0, 4))
def test_flow_objective_equals_the_exact_mip(seed: int, origin_cap: int) -> None:
    exchange = random_exchange(seed, n_workers=80, n_vacancies=15)
    caps = Caps(origin=np.full(exchange.n_countries, origin_cap), scheme=np.array([10, -1, 5]))
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=None, per_worker=None)).candidates
    flow = allocate(exchange, candidates, caps, method="flow", duals=False)
    mip = allocate(exchange, candidates, caps, method="mip", duals=False)
    assert _scaled(flow) == _scaled(mip)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), quota=st.integers(0, 3), share=st.sampled_from([None, 0.3, 0.6]))
def test_mip_respects_bilateral_quotas_and_the_female_share(seed: int, quota: int, share: float | None) -> None:
    exchange = random_exchange(seed, n_workers=120, n_vacancies=20)
    quotas = {(s, c): quota for s in range(exchange.n_schemes) for c in range(0, exchange.n_countries, 2)}
    caps = Caps(scheme_origin=quotas, min_female_share=share)
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=4, per_worker=2)).candidates
    result = allocate(exchange, candidates, caps, duals=False)
    _assert_within_limits(exchange, result, caps)
    if share is not None and len(result):
        assert (exchange.workers.sex[result.worker] == 1).mean() >= share - 1e-9
    if share is None:
        assert _scaled(result) >= _scaled(allocate_greedy(exchange, candidates, caps))


def test_vacancy_with_unfilled_positions_has_zero_dual_price() -> None:
    exchange = random_exchange(5, n_workers=200, n_vacancies=30)
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=5, per_worker=2)).candidates
    result = allocate(exchange, candidates)
    assert result.vacancy_dual is not None
    assert np.all(result.vacancy_dual >= 0)
    unfilled = result.unfilled_positions > 0
    assert np.allclose(result.vacancy_dual[unfilled], 0.0, atol=1e-6)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), pick=st.integers(0, 29))
def test_dual_price_is_exactly_the_value_of_one_more_position(seed: int, pick: int) -> None:
    from dataclasses import replace

    exchange = random_exchange(seed, n_workers=200, n_vacancies=30)
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=6, per_worker=3)).candidates
    base = allocate(exchange, candidates)
    assert base.vacancy_dual is not None
    positions = exchange.vacancies.positions.copy()
    positions[pick] += 1
    grown = Exchange(
        exchange.workers,
        replace(exchange.vacancies, positions=positions),
        exchange.idf,
        exchange.occupations,
        exchange.scheme_admits_origin,
    )
    gain = _scaled(allocate(grown, candidates, duals=False)) - _scaled(base)
    assert gain == round(base.vacancy_dual[pick] * SCALE)


def test_one_more_position_is_worth_at_most_its_lp_dual_price() -> None:
    exchange = random_exchange(6, n_workers=200, n_vacancies=30)
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=None, per_worker=None)).candidates
    base = allocate(exchange, candidates, method="lp")
    assert base.vacancy_dual is not None
    target = int(np.argmax(base.vacancy_dual))
    positions = exchange.vacancies.positions.copy()
    positions[target] += 1
    from dataclasses import replace

    grown = Exchange(
        exchange.workers,
        replace(exchange.vacancies, positions=positions),
        exchange.idf,
        exchange.occupations,
        exchange.scheme_admits_origin,
    )
    gain = allocate(grown, candidates, duals=False).objective - base.objective
    assert gain <= base.vacancy_dual[target] + 1e-5


def test_solving_by_connected_component_gives_the_same_objective() -> None:
    from migdev.engines.matching.allocation import _flow_by_component, _solve_flow

    exchange = random_exchange(8, n_workers=400, n_vacancies=60)
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=3, per_worker=1)).candidates
    whole = _solve_flow(exchange, candidates, Caps())
    split = _flow_by_component(exchange, candidates, Caps(), batch_edges=20)
    scaled = np.rint(candidates.score.astype(np.float64) * SCALE)
    assert scaled[whole].sum() == scaled[split].sum()


def _with_one_more_position(exchange: Exchange, vacancy: int) -> Exchange:
    from dataclasses import replace

    positions = exchange.vacancies.positions.copy()
    positions[vacancy] += 1
    return Exchange(
        exchange.workers,
        replace(exchange.vacancies, positions=positions),
        exchange.idf,
        exchange.occupations,
        exchange.scheme_admits_origin,
    )


def _caps_bind(exchange: Exchange, result: Allocation, caps: Caps) -> tuple[bool, bool]:
    origin = np.bincount(exchange.workers.origin[result.worker], minlength=exchange.n_countries)
    scheme = np.bincount(exchange.vacancies.scheme[result.vacancy], minlength=exchange.n_schemes)
    assert caps.origin is not None and caps.scheme is not None
    return bool(np.any((caps.origin >= 0) & (origin >= caps.origin))), bool(
        np.any((caps.scheme >= 0) & (scheme >= caps.scheme))
    )


def _assert_duals_are_the_value_of_one_more_position(exchange: Exchange, candidates: Candidates, caps: Caps) -> None:
    base = allocate(exchange, candidates, caps)
    assert base.vacancy_dual is not None
    for vacancy in range(exchange.vacancies.count):
        grown = allocate(_with_one_more_position(exchange, vacancy), candidates, caps, duals=False)
        assert _scaled(grown) - _scaled(base) == round(base.vacancy_dual[vacancy] * SCALE)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    origin=st.lists(st.integers(-1, 5), min_size=8, max_size=8),
    scheme=st.lists(st.integers(-1, 10), min_size=3, max_size=3),
)
def test_dual_price_with_caps_is_exactly_the_value_of_one_more_position(
    seed: int, origin: list[int], scheme: list[int]
) -> None:
    exchange = random_exchange(seed, n_workers=150, n_vacancies=25)
    caps = Caps(origin=np.array(origin), scheme=np.array(scheme))
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=5, per_worker=3)).candidates
    _assert_duals_are_the_value_of_one_more_position(exchange, candidates, caps)


def test_dual_price_is_exact_when_origin_and_scheme_caps_both_bind() -> None:
    exchange = random_exchange(204, n_workers=150, n_vacancies=25)
    caps = Caps(origin=np.array([4, 2, 5, 4, 0, 3, 3, 0]), scheme=np.array([4, -1, 4]))
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=6, per_worker=3)).candidates
    assert _caps_bind(exchange, allocate(exchange, candidates, caps, duals=False), caps) == (True, True)
    _assert_duals_are_the_value_of_one_more_position(exchange, candidates, caps)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), raw_caps=caps_strategy, pool=st.sampled_from([0.0, 0.3, 0.5, 1.0, 2.0]))
def test_capped_flow_on_the_likeliest_workers_is_exact_on_every_edge(seed: int, raw_caps: dict, pool: float) -> None:
    from migdev.engines.matching.allocation import _solve_capped, _solve_flow

    exchange = random_exchange(seed, n_workers=150, n_vacancies=25)
    caps = Caps(**{k: None if v is None else np.array(v) for k, v in raw_caps.items()})
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=5, per_worker=3)).candidates
    chosen, duals = _solve_capped(exchange, candidates, caps, duals=True, pool=pool)
    whole = _solve_flow(exchange, candidates, caps)
    scaled = np.rint(candidates.score.astype(np.float64) * SCALE)
    assert scaled[chosen].sum() == scaled[whole].sum()
    reference = allocate(exchange, candidates, caps, duals=True).vacancy_dual
    assert duals is not None and reference is not None
    assert np.array_equal(np.rint(duals * SCALE), np.rint(reference * SCALE))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), raw_caps=caps_strategy, keep=st.floats(0.1, 0.9), with_optimum=st.booleans())
def test_a_flow_certified_on_every_edge_is_optimal(seed: int, raw_caps: dict, keep: float, with_optimum: bool) -> None:
    """Solve on a random part of the workers (with or without those of an optimum): if no left-out edge is
    reported as improving, the flow is the optimum on every edge."""
    from migdev.engines.matching.allocation import _marginal_values, _solve_flow, _subset

    exchange = random_exchange(seed, n_workers=150, n_vacancies=25)
    caps = Caps(**{k: None if v is None else np.array(v) for k, v in raw_caps.items()})
    candidates = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=5, per_worker=3)).candidates
    whole = _solve_flow(exchange, candidates, caps)
    kept_workers = np.random.default_rng(seed).random(exchange.workers.count) < keep
    if with_optimum:
        kept_workers[candidates.worker[whole]] = True
    solved = kept_workers[candidates.worker]
    edges = np.flatnonzero(solved)
    chosen = edges[_solve_flow(exchange, _subset(candidates, edges), caps)]
    scaled = np.rint(candidates.score.astype(np.float64) * SCALE)
    optimum = scaled[whole].sum()
    priced = _marginal_values(exchange, candidates, caps, chosen, solved)
    if not priced.improving.any():
        assert scaled[chosen].sum() == optimum
    assert not np.any(priced.improving & solved), "only left-out edges are reported"
