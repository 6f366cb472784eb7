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
Dual prices (value of one more position per vacancy): without caps, the exact marginal value from the optimal
flow's residual graph (longest augmenting path); with caps, the LP duals from HiGHS (via scipy.optimize), which
for a network are valid shadow prices (not unique where the LP is degenerate) and with side constraints are the
LP relaxation's.
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
    keys = w.astype(np.int64) * exchange.vacancies.count + v
    if len(np.unique(keys)) != len(keys):
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


def _solve_flow(exchange: Exchange, candidates: Candidates, caps: Caps) -> np.ndarray:
    """Max-weight b-matching with origin and scheme caps as an integer min-cost flow (OR-Tools)."""
    from ortools.graph.python import min_cost_flow

    w_nodes, w_local = np.unique(candidates.worker, return_inverse=True)
    v_nodes, v_local = np.unique(candidates.vacancy, return_inverse=True)
    origins, o_local = np.unique(exchange.workers.origin[w_nodes], return_inverse=True)
    schemes, s_local = np.unique(exchange.vacancies.scheme[v_nodes], return_inverse=True)
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


def _marginal_values(exchange: Exchange, candidates: Candidates, chosen: np.ndarray) -> np.ndarray:
    """Exact value of one more position at each vacancy, from an optimal allocation without caps.

    It is the best augmenting path in the residual graph: vacancy j takes worker i (gain s_ij); if i was placed at
    j', i leaves it (loss s_ij') and j' has a free position worth g(j'), or stays one short (0). So
    g(j) = 0 if j has a free position, else max(0, max_i s_ij + h(i)), h(i) = 0 if i is free, else g(a(i)) - s_i,a(i).
    Optimality rules out positive cycles, so this Bellman-Ford iteration from g = 0 converges; it runs on integer
    millionths, so it stops exactly.
    """
    n_v = exchange.vacancies.count
    scaled = np.rint(candidates.score.astype(np.float64) * SCALE).astype(np.int64)
    assigned_to = np.full(exchange.workers.count, -1, dtype=np.int64)
    assigned_score = np.zeros(exchange.workers.count, dtype=np.int64)
    assigned_to[candidates.worker[chosen]] = candidates.vacancy[chosen]
    assigned_score[candidates.worker[chosen]] = scaled[chosen]
    filled = np.bincount(candidates.vacancy[chosen], minlength=n_v)
    saturated = filled >= np.asarray(exchange.vacancies.positions)
    free = np.ones(len(candidates), dtype=bool)
    free[chosen] = False
    worker, vacancy, score = candidates.worker[free], candidates.vacancy[free], scaled[free]
    into_saturated = saturated[vacancy]
    worker, vacancy, score = worker[into_saturated], vacancy[into_saturated], score[into_saturated]
    placed = assigned_to[worker] >= 0
    home = np.where(placed, assigned_to[worker], 0)
    gain = np.zeros(n_v, dtype=np.int64)
    for _ in range(n_v + 1):
        offer = score + np.where(placed, gain[home] - assigned_score[worker], 0)
        new = np.zeros(n_v, dtype=np.int64)
        np.maximum.at(new, vacancy, offer)
        if np.array_equal(new, gain):
            break
        gain = new
    return gain / SCALE


def _lp_duals(exchange: Exchange, candidates: Candidates, caps: Caps, batch_edges: int = 50_000) -> np.ndarray:
    """Vacancy duals from the LP; without caps the LP splits by connected component, solved in batches."""
    if not _uncoupled(caps) or len(candidates) <= batch_edges:
        return _solve_highs(exchange, candidates, caps, integer=False)[1]
    duals = np.zeros(exchange.vacancies.count)
    for edges in _component_batches(exchange, candidates, batch_edges):
        duals += _solve_highs(exchange, _subset(candidates, edges), caps, integer=False)[1]
    return duals


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
        chosen = _flow_by_component(exchange, candidates, caps)
        if duals and _uncoupled(caps):
            vacancy_duals = _marginal_values(exchange, candidates, chosen)
        elif duals:
            vacancy_duals = _lp_duals(exchange, candidates, caps)
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
