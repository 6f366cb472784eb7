"""Optimal allocation of workers to vacancy positions, and the greedy baseline.

Formulation. Variables x_e in {0, 1} for each candidate edge e = (worker, vacancy), maximise the sum of scores,
subject to: each worker placed at most once; each vacancy filled at most `positions` times; placements of workers
from origin c at most `origin[c]`; placements into scheme s at most `scheme[s]`; optionally placements of
origin c into scheme s at most `scheme_origin[(s, c)]` (bilateral quotas); optionally women at least
`min_female_share` of placements.

Origin caps group workers (one origin each) and scheme caps group vacancies (one scheme each): both are laminar on
their own side, so source -> origin -> worker -> vacancy -> scheme -> sink is a flow network, its constraint matrix
is totally unimodular, and integer min-cost flow (OR-Tools) is exact. Bilateral quotas and the sex share cut across
both sides, which is no longer a network: the LP can be fractional, so those go to a HiGHS MIP (gap 0).
Dual prices (value of one more position per vacancy): for the network (with or without origin and scheme caps),
the exact marginal value from the optimal flow's residual graph (a shortest path, see `_marginal_values`); with
bilateral quotas or the female share, the LP relaxation's duals from HiGHS (via scipy.optimize).

Scale: without caps the flow splits by connected component of the candidate graph. Origin and scheme caps couple
the components, so the capped flow is one network; it is solved first on the edges of the workers most likely to
be placed (the best 2 × cap of each capped origin), then certified on every candidate edge by the residual-graph
distances, re-solving with any worker that could improve it (`_solve_capped`). The result is the exact optimum
over all the candidate pairs either way.
"""

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from migdev.engines.matching.errors import InfeasibleCaps, InvalidInput, InvalidParameter, MatchingError
from migdev.engines.matching.model import Exchange
from migdev.engines.matching.scoring import eligibility
from migdev.engines.matching.shortlists import Candidates

SCALE = 1_000_000  # scores are integers in millionths for the flow solver


@dataclass(frozen=True)
class Caps:
    """Upper bounds on placements: per origin country, per scheme, per (scheme, origin), and a female share.

    Arrays use -1 for "no cap".

    >>> Caps(origin=np.array([5, -1]), min_female_share=0.4).is_network
    False
    """

    origin: np.ndarray | None = None
    scheme: np.ndarray | None = None
    scheme_origin: dict[tuple[int, int], int] = field(default_factory=dict)
    min_female_share: float | None = None

    def __post_init__(self) -> None:
        share = self.min_female_share
        if share is not None and (isinstance(share, bool) or not 0.0 <= share <= 1.0):
            raise InvalidParameter("min_female_share", share, "must be between 0 and 1")
        for name in ("origin", "scheme"):
            values = getattr(self, name)
            if values is not None:
                values = np.asarray(values, dtype=np.int64)
                object.__setattr__(self, name, values)
                if values.ndim != 1 or (len(values) and values.min() < -1):
                    row = int(np.argmin(values)) if values.ndim == 1 else None
                    raise InfeasibleCaps(name, "caps must be >= 0 (or -1 for no cap)", row)
        for key, cap in self.scheme_origin.items():
            if cap < 0:
                raise InfeasibleCaps("scheme_origin", f"cap {cap} for (scheme, origin) {key} is negative")

    @property
    def is_network(self) -> bool:
        return not self.scheme_origin and self.min_female_share is None


@dataclass(frozen=True, eq=False)
class Allocation:
    """Assigned pairs, the objective (sum of their scores), and per-vacancy dual prices where computed."""

    worker: np.ndarray
    vacancy: np.ndarray
    score: np.ndarray
    objective: float
    method: str
    vacancy_dual: np.ndarray | None
    unassigned_workers: np.ndarray
    unfilled_positions: np.ndarray

    def __len__(self) -> int:
        return len(self.worker)


def _check_caps(exchange: Exchange, caps: Caps) -> None:
    for name, expected in (("origin", exchange.n_countries), ("scheme", exchange.n_schemes)):
        values = getattr(caps, name)
        if values is not None and len(values) != expected:
            raise InfeasibleCaps(name, f"has {len(values)} entries, expected {expected}")
    for scheme, origin in caps.scheme_origin:
        if not (0 <= scheme < exchange.n_schemes and 0 <= origin < exchange.n_countries):
            raise InfeasibleCaps("scheme_origin", f"(scheme, origin) ({scheme}, {origin}) is not in the exchange")


def _check_candidates(exchange: Exchange, candidates: Candidates) -> None:
    w, v, s = candidates.worker, candidates.vacancy, candidates.score
    if not (len(w) == len(v) == len(s)):
        raise InvalidInput("candidates", "worker, vacancy and score arrays differ in length")
    if not len(w):
        return
    if w.min() < 0 or w.max() >= exchange.workers.count or v.min() < 0 or v.max() >= exchange.vacancies.count:
        raise InvalidInput("candidates", "a worker or vacancy row is outside the exchange")
    bad = np.flatnonzero(~np.isfinite(s) | (s < 0))
    if len(bad):
        raise InvalidInput("candidates.score", "scores must be finite and >= 0", int(bad[0]))
    ineligible = np.flatnonzero(~eligibility(exchange, w, v))
    if len(ineligible):
        raise InvalidInput("candidates", "pair is ineligible and may not be assigned", int(ineligible[0]))
    keys = np.sort(w.astype(np.int64) * exchange.vacancies.count + v)
    if np.any(keys[1:] == keys[:-1]):
        raise InvalidInput("candidates", "a (worker, vacancy) pair is listed twice")


def _result(
    exchange: Exchange, candidates: Candidates, chosen: np.ndarray, method: str, duals: np.ndarray | None
) -> Allocation:
    w, v, s = candidates.worker[chosen], candidates.vacancy[chosen], candidates.score[chosen]
    order = np.lexsort((w, v))
    w, v, s = w[order], v[order], s[order]
    filled = np.bincount(v, minlength=exchange.vacancies.count)
    waiting = np.zeros(exchange.workers.count, dtype=bool)
    waiting[candidates.worker] = True
    waiting[w] = False
    return Allocation(
        worker=w,
        vacancy=v,
        score=s,
        objective=float(np.sum(s, dtype=np.float64)),
        method=method,
        vacancy_dual=duals,
        unassigned_workers=np.flatnonzero(waiting),
        unfilled_positions=np.asarray(exchange.vacancies.positions) - filled,
    )


def _cap_or(values: np.ndarray | None, index: np.ndarray, default: int) -> np.ndarray:
    if values is None:
        return np.full(len(index), default, dtype=np.int64)
    picked = np.asarray(values, dtype=np.int64)[index]
    return np.where(picked < 0, default, picked)


def _compact(ids: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ids (sorted) and each id's index among them, in linear time (ids in [0, size))."""
    present = np.zeros(size, dtype=bool)
    present[ids] = True
    distinct = np.flatnonzero(present)
    index = np.cumsum(present) - 1
    return distinct, index[ids]


def _solve_flow(exchange: Exchange, candidates: Candidates, caps: Caps) -> np.ndarray:
    """Max-weight b-matching with origin and scheme caps as an integer min-cost flow (OR-Tools)."""
    from ortools.graph.python import min_cost_flow

    w_nodes, w_local = _compact(candidates.worker, exchange.workers.count)
    v_nodes, v_local = _compact(candidates.vacancy, exchange.vacancies.count)
    origins, o_local = _compact(exchange.workers.origin[w_nodes], exchange.n_countries)
    schemes, s_local = _compact(exchange.vacancies.scheme[v_nodes], exchange.n_schemes)
    n_w, n_v, n_o, n_s = len(w_nodes), len(v_nodes), len(origins), len(schemes)
    source, sink = 0, 1
    o_base = 2
    w_base = o_base + n_o
    v_base = w_base + n_w
    s_base = v_base + n_v
    tails = [
        np.full(n_o, source),
        o_base + o_local,
        w_base + w_local,
        v_base + np.arange(n_v),
        s_base + np.arange(n_s),
        np.array([source]),
    ]
    heads = [
        o_base + np.arange(n_o),
        w_base + np.arange(n_w),
        v_base + v_local,
        s_base + s_local,
        np.full(n_s, sink),
        np.array([sink]),
    ]
    capacities = [
        _cap_or(caps.origin, origins, n_w),
        np.ones(n_w, dtype=np.int64),
        np.ones(len(candidates), dtype=np.int64),
        np.asarray(exchange.vacancies.positions, dtype=np.int64)[v_nodes],
        _cap_or(caps.scheme, schemes, n_w),
        np.array([n_w]),
    ]
    costs = [
        np.zeros(n_o, dtype=np.int64),
        np.zeros(n_w, dtype=np.int64),
        -np.rint(candidates.score.astype(np.float64) * SCALE).astype(np.int64),
        np.zeros(n_v, dtype=np.int64),
        np.zeros(n_s, dtype=np.int64),
        np.zeros(1, dtype=np.int64),
    ]
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails).astype(np.int32),
        np.concatenate(heads).astype(np.int32),
        np.concatenate(capacities),
        np.concatenate(costs),
    )
    flow.set_nodes_supplies(np.array([source, sink], dtype=np.int32), np.array([n_w, -n_w], dtype=np.int64))
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise MatchingError(f"min-cost flow did not reach an optimum (status {status})")
    edge_arcs = arcs[n_o + n_w : n_o + n_w + len(candidates)]
    return np.flatnonzero(flow.flows(edge_arcs) > 0)


def _solve_highs(
    exchange: Exchange, candidates: Candidates, caps: Caps, integer: bool
) -> tuple[np.ndarray, np.ndarray]:
    """The allocation as a HiGHS LP (or MIP, gap 0); returns the chosen edges and the vacancy duals.

    HiGHS is called through scipy.optimize (which bundles it): the highspy wheel and OR-Tools both ship a
    libhighs.so.1 of different versions and cannot be loaded into one process.
    """
    from scipy.optimize import Bounds, LinearConstraint, linprog, milp

    n_e = len(candidates)
    w_nodes, w_local = np.unique(candidates.worker, return_inverse=True)
    edges = np.arange(n_e)
    blocks: list[sp.csr_matrix] = []
    uppers: list[np.ndarray] = []

    def add(rows: np.ndarray, n_rows: int, upper: np.ndarray, coef: np.ndarray | None = None) -> None:
        data = np.ones(n_e) if coef is None else coef
        blocks.append(sp.csr_matrix((data, (rows, edges)), shape=(n_rows, n_e)))
        uppers.append(np.asarray(upper, dtype=np.float64))

    add(w_local, len(w_nodes), np.ones(len(w_nodes)))
    n_vac = exchange.vacancies.count
    vacancy_row0 = len(w_nodes)
    add(candidates.vacancy, n_vac, np.asarray(exchange.vacancies.positions, dtype=np.float64))
    origin = exchange.workers.origin[candidates.worker]
    scheme = exchange.vacancies.scheme[candidates.vacancy]
    unbounded = float(n_e)
    if caps.origin is not None:
        add(origin, exchange.n_countries, np.where(caps.origin < 0, unbounded, caps.origin))
    if caps.scheme is not None:
        add(scheme, exchange.n_schemes, np.where(caps.scheme < 0, unbounded, caps.scheme))
    for (s, c), cap in sorted(caps.scheme_origin.items()):
        mask = (scheme == s) & (origin == c)
        blocks.append(sp.csr_matrix(mask.astype(np.float64).reshape(1, -1)))
        uppers.append(np.array([float(cap)]))
    if caps.min_female_share is not None:
        # women >= share × placements  <=>  sum (share - female_e) x_e <= 0
        female = (exchange.workers.sex[candidates.worker] == 1).astype(np.float64)
        blocks.append(sp.csr_matrix((caps.min_female_share - female).reshape(1, -1)))
        uppers.append(np.array([0.0]))
    matrix = sp.vstack(blocks).tocsr()
    upper = np.concatenate(uppers)
    cost = -np.rint(candidates.score.astype(np.float64) * SCALE)
    duals = np.zeros(n_vac)
    if integer:
        result = milp(
            cost,
            constraints=LinearConstraint(matrix, -np.inf, upper),
            integrality=np.ones(n_e),
            bounds=Bounds(0, 1),
            options={"mip_rel_gap": 0.0},
        )
        if result.status != 0:
            raise MatchingError(f"HiGHS MIP did not reach an optimum: {result.message}")
    else:
        result = linprog(cost, A_ub=matrix, b_ub=upper, bounds=(0, 1), method="highs")
        if result.status != 0:
            raise MatchingError(f"HiGHS LP did not reach an optimum: {result.message}")
        duals = -np.asarray(result.ineqlin.marginals)[vacancy_row0 : vacancy_row0 + n_vac] / SCALE
    chosen = np.flatnonzero(np.asarray(result.x) > 0.5)
    return chosen, np.maximum(duals, 0.0)


def _uncoupled(caps: Caps) -> bool:
    return caps.is_network and caps.origin is None and caps.scheme is None


def _component_batches(exchange: Exchange, candidates: Candidates, batch_edges: int) -> list[np.ndarray]:
    """Edge indices grouped into batches of whole connected components (about batch_edges edges each).

    Without caps, no constraint links two components, so solving batches separately is exact.
    """
    from scipy.sparse.csgraph import connected_components

    n_w, n_v = exchange.workers.count, exchange.vacancies.count
    graph = sp.csr_matrix(
        (np.ones(len(candidates)), (candidates.worker, n_w + candidates.vacancy)), shape=(n_w + n_v, n_w + n_v)
    )
    _, label = connected_components(graph, directed=False)
    edge_component = label[candidates.worker]
    order = np.argsort(edge_component, kind="stable")
    sizes = np.bincount(edge_component[order])
    batch_of_component = np.cumsum(sizes) // batch_edges
    batch_of_edge = batch_of_component[edge_component[order]]
    return np.split(order, np.flatnonzero(np.diff(batch_of_edge)) + 1)


def _subset(candidates: Candidates, edges: np.ndarray) -> Candidates:
    return Candidates(candidates.worker[edges], candidates.vacancy[edges], candidates.score[edges])


def _flow_by_component(
    exchange: Exchange, candidates: Candidates, caps: Caps, batch_edges: int = 200_000
) -> np.ndarray:
    if not _uncoupled(caps) or len(candidates) <= batch_edges:
        return _solve_flow(exchange, candidates, caps)
    chosen = [
        edges[_solve_flow(exchange, _subset(candidates, edges), caps)]
        for edges in _component_batches(exchange, candidates, batch_edges)
    ]
    return np.sort(np.concatenate(chosen))


# Workers per unit of origin cap solved in the first round of a capped flow. A speed setting only: the result is
# certified on every candidate edge, and the workers of any edge that could improve it are added back.
POOL_PER_CAP = 2


def _likely_workers(exchange: Exchange, candidates: Candidates, caps: Caps, pool: float) -> np.ndarray:
    """Edge mask: every edge of the `pool` × cap workers with the best edge scores in each capped origin.

    A binding origin cap places only its best few workers, so the rest rarely matter (at 1M × 100k with a cap of
    600 per origin, every placed worker ranked within the first 991 of its origin).
    """
    if caps.origin is None:
        return np.ones(len(candidates), dtype=bool)
    best = np.zeros(exchange.workers.count)
    np.maximum.at(best, candidates.worker, candidates.score.astype(np.float64))
    workers = _compact(candidates.worker, exchange.workers.count)[0]
    origin = exchange.workers.origin[workers]
    order = np.lexsort((workers, -best[workers], origin))
    workers, origin = workers[order], origin[order]
    rank = np.arange(len(workers)) - np.searchsorted(origin, origin)
    cap = np.asarray(caps.origin)[origin]
    kept = np.zeros(exchange.workers.count, dtype=bool)
    kept[workers[(cap < 0) | (rank < pool * cap)]] = True
    return kept[candidates.worker]


def _solve_capped(
    exchange: Exchange, candidates: Candidates, caps: Caps, duals: bool, pool: float = POOL_PER_CAP, rounds: int = 4
) -> tuple[np.ndarray, np.ndarray | None]:
    """The capped flow (one network: caps couple the components), first on the likeliest workers' edges.

    Exact on all the candidates: the residual-graph distances of `_marginal_values` certify that no left-out edge
    can improve the flow; the workers of those that could are added and the flow re-solved (after `rounds`, on
    every edge). Returns the chosen edges and, if asked, the vacancies' dual prices.
    """
    solved = _likely_workers(exchange, candidates, caps, pool)
    for _ in range(rounds):
        if solved.all():
            break
        edges = np.flatnonzero(solved)
        chosen = edges[_solve_flow(exchange, _subset(candidates, edges), caps)]
        priced = _marginal_values(exchange, candidates, caps, chosen, solved)
        if not priced.improving.any():
            return chosen, priced.vacancy_dual if duals else None
        add = np.zeros(exchange.workers.count, dtype=bool)
        add[candidates.worker[priced.improving]] = True
        solved |= add[candidates.worker]
    chosen = _solve_flow(exchange, candidates, caps)
    return chosen, _marginal_values(exchange, candidates, caps, chosen).vacancy_dual if duals else None


def _min_by_group(values: np.ndarray, group: np.ndarray, starts: np.ndarray, n_groups: int) -> np.ndarray:
    """Minimum of `values` per group (inf for a group without values): `values` sorted by group, `group` the
    distinct groups present, `starts` where each one's run begins."""
    out = np.full(n_groups, np.inf)
    if len(values):
        out[group] = np.minimum.reduceat(values, starts)
    return out


def _grouped(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A stable order sorting `keys`, the distinct keys, and where each one's run begins in that order."""
    order = np.argsort(keys, kind="stable")
    group, starts = np.unique(keys[order], return_index=True)
    return order, group, starts


@dataclass(frozen=True)
class _PricedFlow:
    """Dual prices of an allocation and the unused edges outside the solved set that could still improve it."""

    vacancy_dual: np.ndarray
    improving: np.ndarray


def _marginal_values(
    exchange: Exchange, candidates: Candidates, caps: Caps, chosen: np.ndarray, solved: np.ndarray | None = None
) -> _PricedFlow:
    """Exact value of one more position at each vacancy, from an optimal flow with (or without) origin/scheme caps.

    One more position at vacancy j is one more unit of capacity on the arc j -> scheme(j). The flow that is optimal
    with it differs from the current one by a circulation in the residual graph; cycles not using the new unit cost
    >= 0 (the current flow is optimal), so the gain is exactly max(0, -d(scheme(j), j)), d the shortest-path
    distance in the residual graph (costs: minus scores in integer millionths). The residual graph comes from the
    chosen edges alone (who is placed where, fills of vacancies, origins and schemes), so any exact solver will do.

    Shortest paths by a vectorised Bellman-Ford, worker nodes folded in: a free worker is reached from its origin,
    a placed one from its vacancy (+ its score). Starts: the sink for vacancies in a scheme linked to the sink both
    ways (it then has the sink's distances, and from the sink a non-saturated vacancy of such a scheme is at
    distance 0, so its unused edges are not needed), else the scheme node. Exact on integers (floats hold them
    exactly below 2**53); a vacancy with a free position gains 0.

    `solved` (a mask over candidates, default all): the edges the flow was optimised on. Distances from the sink
    are computed on those, then checked against every other unused edge. If one would shorten a path, they are
    recomputed on every edge; if they settle and no edge beats a vacancy left out of the relaxation, they are a
    fixpoint of the whole residual graph, so no negative cycle goes through a node reachable from the sink, and
    none avoids them all (an unreachable origin has no placement and no free capacity, so no arc enters it, nor
    its free workers, nor vacancies and schemes reached only from them): the flow is optimal on all candidates.
    Otherwise the left-out edges that shortened a path come back in `improving` (and no prices): the caller adds
    them and solves again. Not settling within twice the rounds of the first pass (+20) is taken as a negative
    cycle; at worst that costs one more solve, never a wrong answer.
    """
    n_v, n_c, n_s = exchange.vacancies.count, exchange.n_countries, exchange.n_schemes
    worker, vacancy = candidates.worker, candidates.vacancy
    solved = np.ones(len(candidates), dtype=bool) if solved is None else solved
    scaled = np.rint(candidates.score.astype(np.float64) * SCALE)
    origin_of = np.asarray(exchange.workers.origin, dtype=np.int64)
    scheme_of = np.asarray(exchange.vacancies.scheme, dtype=np.int64)
    positions = np.asarray(exchange.vacancies.positions, dtype=np.int64)
    unbounded = len(candidates) + 1
    assigned_to = np.full(exchange.workers.count, -1, dtype=np.int64)
    assigned_score = np.zeros(exchange.workers.count)
    assigned_to[worker[chosen]] = vacancy[chosen]
    assigned_score[worker[chosen]] = scaled[chosen]
    fill = np.bincount(vacancy[chosen], minlength=n_v)
    saturated = fill >= positions
    origin_fill = np.bincount(origin_of[worker[chosen]], minlength=n_c)
    scheme_fill = np.bincount(scheme_of[vacancy[chosen]], minlength=n_s)
    origin_open = origin_fill < _cap_or(caps.origin, np.arange(n_c), unbounded)
    scheme_open = scheme_fill < _cap_or(caps.scheme, np.arange(n_s), unbounded)
    anyone_placed = len(chosen) > 0
    anyone_free = len(_compact(worker, exchange.workers.count)[0]) > len(chosen)
    # Residual arcs between the hubs (all cost 0): sink <-> scheme, sink <-> source, source <-> origin.
    sink_to_scheme = scheme_fill > 0
    scheme_to_sink = scheme_open
    origin_to_source = origin_fill > 0
    # Placed workers, reached from their vacancy, lead back to their origin (the origin gets a free slot).
    placed = np.flatnonzero(assigned_to >= 0)
    p_order, p_origin, p_starts = _grouped(origin_of[placed])
    placed = placed[p_order]
    # Vacancies with a free position lead to their scheme.
    open_vacancy = np.flatnonzero(~saturated)
    ov_order, ov_scheme, ov_starts = _grouped(scheme_of[open_vacancy])
    open_vacancy = open_vacancy[ov_order]
    free_edge = np.ones(len(candidates), dtype=bool)
    free_edge[chosen] = False
    linked = sink_to_scheme & scheme_to_sink
    # A worker is reached through its vacancy (placed) or its origin (free): one array, vacancies then origins.
    home = np.where(assigned_to[worker] >= 0, assigned_to[worker], n_v + origin_of[worker])
    offset = np.where(assigned_to[worker] >= 0, assigned_score[worker], 0.0) - scaled

    by_vacancy = np.argsort(vacancy, kind="stable")

    def distances(start: int, relaxed: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray, int] | None:
        """Distances from the sink (start -1) or a scheme to vacancies and origins, to schemes, and the number of
        rounds; None if they have not settled after `limit` rounds (always the case with a negative cycle).

        Each round relaxes only the edges whose worker is reached through a vacancy or origin that got closer
        since the previous round (the others cannot offer anything new)."""
        edges = by_vacancy[relaxed[by_vacancy]]
        e_vacancy, e_home, e_offset = vacancy[edges], home[edges], offset[edges]
        dist = np.full(n_v + n_c, np.inf)
        offered = dist.copy()  # the distances the last relaxed edges were offered from
        d_scheme = np.full(n_s, np.inf)
        d_sink, d_source = (0.0, np.inf) if start < 0 else (np.inf, np.inf)
        if start >= 0:
            d_scheme[start] = 0.0
        for rounds in range(1, limit + 1):
            previous = dist.copy()
            d_vacancy, d_origin = dist[:n_v], dist[n_v:]
            for _ in range(4):  # the hubs' own zero-cost arcs: a shortest path uses at most four in a row
                via_vacancy = _min_by_group(d_vacancy[open_vacancy], ov_scheme, ov_starts, n_s)
                d_scheme = np.minimum(d_scheme, np.minimum(np.where(sink_to_scheme, d_sink, np.inf), via_vacancy))
                d_sink = min(d_sink, float(np.min(d_scheme[scheme_to_sink], initial=np.inf)))
                d_sink = min(d_sink, d_source) if anyone_placed else d_sink
                d_source = min(d_source, d_sink) if anyone_free else d_source
                d_source = min(d_source, float(np.min(d_origin[origin_to_source], initial=np.inf)))
                via_worker = d_vacancy[assigned_to[placed]] + assigned_score[placed]
                via_source = np.where(origin_open, d_source, np.inf)
                d_origin = np.minimum(
                    d_origin, np.minimum(via_source, _min_by_group(via_worker, p_origin, p_starts, n_c))
                )
            dist[n_v:] = d_origin
            active = np.flatnonzero((dist < offered)[e_home])
            offered = dist.copy()
            head = e_vacancy[active]
            offer = np.full(n_v, np.inf)
            if len(active):
                runs = np.flatnonzero(np.r_[True, head[1:] != head[:-1]])
                offer[head[runs]] = np.minimum.reduceat(dist[e_home[active]] + e_offset[active], runs)
            via_scheme = np.where(fill > 0, d_scheme[scheme_of], np.inf)
            dist[:n_v] = np.minimum(d_vacancy, np.minimum(offer, via_scheme))
            if np.array_equal(dist, previous):
                return dist, d_scheme, rounds
        return None

    def settled(start: int, relaxed: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
        """Distances that must settle: a simple path visits each vacancy, origin, scheme and hub at most once."""
        found = distances(start, relaxed, n_v + n_c + n_s + 3)
        if found is None:
            raise MatchingError("the residual graph has a negative cycle: the allocation was not optimal")
        return found

    def shortening(dist: np.ndarray, d_scheme: np.ndarray, needed: np.ndarray, edges: np.ndarray) -> np.ndarray:
        """Which of these unused edges would shorten a distance; a vacancy left out of the relaxation (`needed`
        false) is at its scheme's distance, so an edge into it must not beat that."""
        head = vacancy[edges]
        bound = np.where(needed[head], dist[head], d_scheme[scheme_of[head]])
        return np.asarray(dist[home[edges]] + offset[edges] < bound)

    gains = np.zeros(n_v)
    improving = np.zeros(len(candidates), dtype=bool)
    targets = np.flatnonzero(saturated)
    start_of = np.where(linked[scheme_of[targets]], -1, scheme_of[targets])
    starts = np.union1d(start_of, [-1]) if not solved.all() else np.unique(start_of)
    for start in starts:
        needed = saturated | ~linked[scheme_of] if start < 0 else np.ones(n_v, dtype=bool)
        usable = free_edge & needed[vacancy]
        if start >= 0:  # the flow is optimal on every edge (the sink said so): settle on every edge at once
            dist = settled(start, usable)[0]
        else:
            dist, d_scheme, rounds = settled(start, usable & solved)
            outside = np.flatnonzero(free_edge & ~solved)
            shorter = shortening(dist, d_scheme, needed, outside)
            if shorter.any():
                # Shorter paths through left-out edges: settle on every edge. If they do not settle soon (as with
                # a negative cycle) or now beat a vacancy left out of the relaxation (through any edge, solved or
                # not: the solved edges' workers may be closer now), the flow may not be optimal on every edge.
                found = distances(start, usable, 2 * rounds + 20)
                unrelaxed = np.flatnonzero(free_edge & ~needed[vacancy])
                if found is None or shortening(found[0], found[1], needed, unrelaxed).any():
                    improving[outside[shorter]] = True
                    return _PricedFlow(gains, improving)
                dist = found[0]
        mine = targets[start_of == start]
        reached = np.isfinite(dist[mine])
        gains[mine[reached]] = np.maximum(0.0, -dist[mine[reached]])
    return _PricedFlow(gains / SCALE, improving)


def allocate(
    exchange: Exchange, candidates: Candidates, caps: Caps | None = None, method: str = "auto", duals: bool = True
) -> Allocation:
    """Assign workers to positions maximising the total score under every capacity and cap.

    `method`: "auto" (flow when the caps are a network, else MIP), "flow", "lp" or "mip".

    >>> allocate(exchange, lists.candidates, Caps(origin=caps_by_country)).objective  # doctest: +SKIP
    1834.52
    """
    caps = caps or Caps()
    if method not in {"auto", "flow", "lp", "mip"}:
        raise InvalidParameter("method", method, "must be auto, flow, lp or mip")
    _check_caps(exchange, caps)
    _check_candidates(exchange, candidates)
    if method == "auto":
        method = "flow" if caps.is_network else "mip"
    if method in {"flow", "lp"} and not caps.is_network:
        raise InvalidParameter("method", method, "bilateral quotas and the female share need the MIP")
    if not len(candidates):
        return _result(exchange, candidates, np.empty(0, dtype=np.int64), method, np.zeros(exchange.vacancies.count))
    vacancy_duals = None
    if method == "flow":
        if _uncoupled(caps):
            chosen = _flow_by_component(exchange, candidates, caps)
            if duals:
                vacancy_duals = _marginal_values(exchange, candidates, caps, chosen).vacancy_dual
        else:
            chosen, vacancy_duals = _solve_capped(exchange, candidates, caps, duals)
    elif method == "lp":
        chosen, vacancy_duals = _solve_highs(exchange, candidates, caps, integer=False)
    else:
        chosen, _ = _solve_highs(exchange, candidates, caps, integer=True)
        if duals:
            _, vacancy_duals = _solve_highs(exchange, candidates, caps, integer=False)
    return _result(exchange, candidates, chosen, method, vacancy_duals)


def allocate_greedy(exchange: Exchange, candidates: Candidates, caps: Caps | None = None) -> Allocation:
    """Baseline: take pairs from the highest score down while worker, vacancy and caps allow (no sex share).

    >>> allocate_greedy(exchange, lists.candidates).objective  # doctest: +SKIP
    1790.1
    """
    caps = caps or Caps()
    _check_caps(exchange, caps)
    _check_candidates(exchange, candidates)
    order = np.lexsort((candidates.vacancy, candidates.worker, -candidates.score.astype(np.float64)))
    workers = candidates.worker[order].tolist()
    vacancies = candidates.vacancy[order].tolist()
    left = np.asarray(exchange.vacancies.positions, dtype=np.int64).tolist()
    big = len(candidates) + 1
    origin_left = _cap_or(caps.origin, np.arange(exchange.n_countries), big).tolist()
    scheme_left = _cap_or(caps.scheme, np.arange(exchange.n_schemes), big).tolist()
    pair_left = dict(caps.scheme_origin)
    origin_of = exchange.workers.origin
    scheme_of = exchange.vacancies.scheme
    placed: set[int] = set()
    chosen = []
    for position, (w, v) in enumerate(zip(workers, vacancies, strict=True)):
        if w in placed or left[v] <= 0:
            continue
        o, s = int(origin_of[w]), int(scheme_of[v])
        if origin_left[o] <= 0 or scheme_left[s] <= 0 or pair_left.get((s, o), 1) <= 0:
            continue
        placed.add(w)
        left[v] -= 1
        origin_left[o] -= 1
        scheme_left[s] -= 1
        if (s, o) in pair_left:
            pair_left[(s, o)] -= 1
        chosen.append(order[position])
    return _result(exchange, candidates, np.asarray(chosen, dtype=np.int64), "greedy", None)
