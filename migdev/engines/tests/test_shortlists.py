"""Shortlists equal a brute-force top-k over every eligible pair in the same blocks."""

import numpy as np

from migdev.engines.matching import MatchWeights, ShortlistParams, score_pairs, shortlists

from .factories import random_exchange


def _brute_force(exchange, params: ShortlistParams):  # type: ignore[no-untyped-def]
    """All pairs scored one by one with the blocking rule applied in plain Python."""
    isco = exchange.occupations.isco_unit
    nw, nv = exchange.workers.count, exchange.vacancies.count
    ww, vv = np.meshgrid(np.arange(nw), np.arange(nv), indexing="ij")
    ww, vv = ww.ravel(), vv.ravel()
    scores = score_pairs(exchange, MatchWeights(), ww, vv)
    same_group = isco[exchange.workers.occupation[ww]] // 10 == isco[exchange.vacancies.occupation[vv]] // 10
    dest = exchange.workers.destinations
    stated = np.diff(dest.indptr)[ww] > 0
    accepts = np.asarray(dest[ww, exchange.vacancies.destination[vv]]).ravel() > 0
    keep = ~np.isnan(scores) & same_group & (~stated | accepts)
    keep |= (exchange.vacancies.returning_worker[vv] == ww) & ~np.isnan(scores)
    return ww[keep], vv[keep], scores[keep]


def test_shortlist_per_vacancy_is_the_brute_force_top_k() -> None:
    exchange = random_exchange(seed=11, n_workers=400, n_vacancies=50)
    params = ShortlistParams(per_vacancy=5, per_worker=2)
    lists = shortlists(exchange, MatchWeights(), params)
    _w, v, s = _brute_force(exchange, params)
    for vacancy in range(exchange.vacancies.count):
        mine = s[v == vacancy]
        expected = np.sort(mine)[::-1][:5]
        got = np.array([score for _, score in lists.for_vacancy(vacancy)])
        assert np.allclose(got, expected, atol=1e-6), vacancy


def test_shortlist_per_worker_is_the_brute_force_top_k() -> None:
    exchange = random_exchange(seed=12, n_workers=300, n_vacancies=60)
    lists = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=3, per_worker=4))
    w, _v, s = _brute_force(exchange, ShortlistParams())
    for worker in range(exchange.workers.count):
        expected = np.sort(s[w == worker])[::-1][:4]
        got = np.array([score for _, score in lists.for_worker(worker)])
        assert np.allclose(got, expected, atol=1e-6), worker


def test_keeping_every_pair_gives_all_eligible_blocked_pairs() -> None:
    exchange = random_exchange(seed=13)
    lists = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=None, per_worker=None))
    w, v, _ = _brute_force(exchange, ShortlistParams())
    assert set(zip(lists.candidates.worker.tolist(), lists.candidates.vacancy.tolist(), strict=True)) == set(
        zip(w.tolist(), v.tolist(), strict=True)
    )


def test_named_returning_worker_is_a_candidate_even_outside_the_block() -> None:
    exchange = random_exchange(seed=14)
    named = np.flatnonzero(exchange.vacancies.returning_worker >= 0)
    lists = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=1, per_worker=1))
    pairs = set(zip(lists.candidates.worker.tolist(), lists.candidates.vacancy.tolist(), strict=True))
    for vacancy in named:
        worker = int(exchange.vacancies.returning_worker[vacancy])
        if not np.isnan(score_pairs(exchange, MatchWeights(), np.array([worker]), np.array([vacancy]))[0]):
            assert (worker, int(vacancy)) in pairs


def test_small_chunks_give_the_same_shortlists() -> None:
    exchange = random_exchange(seed=15, n_workers=500, n_vacancies=40)
    big = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=4, per_worker=2))
    small = shortlists(exchange, MatchWeights(), ShortlistParams(per_vacancy=4, per_worker=2, max_cells=1000))
    assert np.array_equal(big.candidates.worker, small.candidates.worker)
    assert np.array_equal(big.candidates.vacancy, small.candidates.vacancy)


def test_shortlisted_pairs_come_with_their_explanations() -> None:
    from migdev.engines.matching.shortlists import (
        contribution_table,
        explain_vacancy_shortlist,
        explain_worker_shortlist,
    )

    exchange = random_exchange(seed=16)
    weights = MatchWeights()
    lists = shortlists(exchange, weights, ShortlistParams(per_vacancy=3, per_worker=2))
    vacancy = int(lists.by_vacancy.vacancy[0])
    explanations = explain_vacancy_shortlist(exchange, weights, lists, vacancy)
    assert [e.worker for e in explanations] == [w for w, _ in lists.for_vacancy(vacancy)]
    for explanation, (_, score) in zip(explanations, lists.for_vacancy(vacancy), strict=True):
        assert explanation.eligible and abs(explanation.score - score) < 1e-5
        essential = set(exchange.vacancies.essential[vacancy].indices.tolist())
        assert set(explanation.matched_essential) | set(explanation.missing_essential) == essential
    worker = int(lists.by_worker.worker[0])
    assert [e.vacancy for e in explain_worker_shortlist(exchange, weights, lists, worker)] == [
        v for v, _ in lists.for_worker(worker)
    ]
    table = contribution_table(exchange, weights, lists.candidates)
    total = sum(table.values())
    assert np.allclose(total, lists.candidates.score, atol=1e-5)
