"""The remittance cost benchmark: 250,000 quotes drawn from the shipped RPW file, every indicator computed by the
engine, timed against a straightforward pandas groupby implementation of the same indicators in the same process.

Quotes are resampled whole rows of the real file (so corridors, costs, transparency, speed, coverage, provider types
and products keep their joint distribution), spread over 40 quarters as in the 2011-2025 workbook.
"""

import csv
import gzip
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pycountry

from migdev.engines import remittance_cost as engine
from migdev.remittances.adapters import EXCLUDED_SENDERS, is_accessible
from migdev.remittances.apps import DATA_DIR
from migdev.remittances.importers.quotes import SPEEDS, provider_type
from migdev.remittances.importers.series import read_flow_matrix
from migdev.remittances.models import WITHIN_FIVE_DAYS

QUOTES_FILE = DATA_DIR / "rpw_quotes_2011q1_2014q2.csv.gz"
FLOWS_FILE = DATA_DIR / "wb_knomad_bilateral_remittance_matrix_2017.csv"
QUARTERS = 40


@dataclass(frozen=True)
class Sample:
    quotes: engine.Quotes
    provider_type: np.ndarray
    instrument: np.ndarray
    region: np.ndarray  # per quote: the receiving country's M49 sub-region code (pycountry has none: by first letter)
    weight_of: dict[tuple[int, int], float]  # (sending, receiving) code -> 2017 flow
    countries: tuple[str, ...]
    excluded: np.ndarray


def sample(size: int, seed: int = 0, path: Path = QUOTES_FILE) -> Sample:
    """`size` quotes resampled from the shipped file's USD 200 quotes, over QUARTERS quarters."""
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        rows = [
            (
                r["source"],
                r["destination"],
                float(r["cc1 total cost %"]),
                r["transparent"] == "yes",
                SPEEDS.get(r["speed actual"].casefold(), "") in {str(s) for s in WITHIN_FIVE_DAYS},
                is_accessible(r["coverage"]),
                provider_type(r["firm_type"]),
                r["product"],
            )
            for r in csv.DictReader(handle)
        ]
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(rows), size)
    columns = list(zip(*rows, strict=True))
    countries, codes = np.unique(np.array(columns[0] + columns[1]), return_inverse=True)
    sending, receiving = codes[: len(rows)], codes[len(rows) :]
    _, types = np.unique(np.array(columns[6]), return_inverse=True)
    _, products = np.unique(np.array(columns[7]), return_inverse=True)
    quotes = engine.Quotes(
        period=rng.integers(0, QUARTERS, size).astype(np.int64),
        sending=sending[pick].astype(np.int64),
        receiving=receiving[pick].astype(np.int64),
        cost=np.array(columns[2])[pick],
        transparent=np.array(columns[3])[pick],
        fast=np.array(columns[4])[pick],
        accessible=np.array(columns[5])[pick],
    )
    names = tuple(str(c) for c in countries)
    region = np.array([ord(c[0]) - ord("A") for c in names], dtype=np.int64)[quotes.receiving]
    return Sample(
        quotes,
        types[pick].astype(np.int64),
        products[pick].astype(np.int64),
        region,
        _weights(names),
        names,
        np.flatnonzero(np.isin(np.array(names), EXCLUDED_SENDERS)).astype(np.int64),
    )


def _weights(countries: tuple[str, ...]) -> dict[tuple[int, int], float]:
    """The 2017 matrix as {(sending code, receiving code): US$ m}, names read with pycountry (no database)."""
    by_name = {getattr(c, "common_name", None) or c.name: c.alpha_3 for c in pycountry.countries}
    flows, _unknown = read_flow_matrix(FLOWS_FILE, by_name)
    index = {c: i for i, c in enumerate(countries)}
    return {
        (index[f.sending], index[f.receiving]): f.value for f in flows if f.sending in index and f.receiving in index
    }


def engine_indicators(data: Sample) -> dict[str, Any]:
    """Every indicator with the engine."""
    q = data.quotes
    corridors = engine.corridor_averages(q)
    weight = np.array(
        [
            data.weight_of.get((int(s), int(r)), np.nan)
            for s, r in zip(corridors.keys[1], corridors.keys[2], strict=True)
        ]
    )
    weight[np.isin(corridors.keys[1], data.excluded)] = np.nan
    global_average = engine.global_averages(q, data.excluded)
    smart = engine.smart_values(q)
    return {
        "corridor": corridors,
        "global": global_average,
        "region": engine.grouped_averages(q, data.region, data.excluded),
        "sending": engine.grouped_averages(q, q.sending),
        "provider_type": engine.grouped_averages(q, data.provider_type, data.excluded),
        "instrument": engine.grouped_averages(q, data.instrument, data.excluded),
        "weighted": engine.weighted_averages(corridors, weight),
        "smart": smart,
        "sdg": engine.sdg_progress(q, data.excluded, global_average, smart),
    }


def pandas_indicators(data: Sample) -> dict[str, Any]:
    """The same indicators as a straightforward pandas groupby would compute them."""
    import pandas as pd

    q = data.quotes
    frame = pd.DataFrame(
        {
            "period": q.period,
            "sending": q.sending,
            "receiving": q.receiving,
            "cost": q.cost,
            "transparent": q.transparent,
            "fast": q.fast,
            "accessible": q.accessible,
            "provider_type": data.provider_type,
            "instrument": data.instrument,
            "region": data.region,
            "corridor": q.sending * 1_000 + q.receiving,
        }
    )
    transparent = frame[frame["transparent"]]
    counted = transparent[~transparent["sending"].isin(data.excluded)]

    def grouped(source: Any, keys: list[str]) -> Any:
        return source.groupby(keys).agg(
            value=("cost", "mean"),
            n_services=("cost", "size"),
            n_corridors=("corridor", "nunique"),
        )

    corridor = transparent.groupby(["period", "sending", "receiving"])["cost"].agg(["mean", "size"]).reset_index()
    weights = pd.Series(data.weight_of, name="weight")
    weights.index.names = ["sending", "receiving"]
    joined = corridor.join(weights, on=["sending", "receiving"])
    joined = joined[~joined["sending"].isin(data.excluded) & (joined["weight"] > 0)]
    weighted = joined.groupby("period").apply(
        lambda g: (g["mean"] * g["weight"]).sum() / g["weight"].sum(), include_groups=False
    )
    qualifying = frame[frame["transparent"] & frame["fast"] & frame["accessible"]].sort_values("cost")
    keys = ["period", "sending", "receiving"]
    cheapest = qualifying.groupby(keys).head(3).groupby(keys)["cost"].mean()
    counts = qualifying.groupby(keys)["cost"].size()
    smart = cheapest.where(counts >= 3)
    global_average = grouped(counted, ["period"])
    above = (smart > engine.SMART_LIMIT).groupby(level="period").sum()
    with_smart = smart.notna().groupby(level="period").sum()
    return {
        "corridor": corridor,
        "global": global_average,
        "region": grouped(counted, ["period", "region"]),
        "sending": grouped(transparent, ["period", "sending"]),
        "provider_type": grouped(counted, ["period", "provider_type"]),
        "instrument": grouped(counted, ["period", "instrument"]),
        "weighted": weighted,
        "smart": smart,
        "sdg": (global_average, above, with_smart),
    }


def _median_seconds(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2], result


def run(size: int = 250_000, seed: int = 0, repeat: int = 3, baseline: bool = True) -> dict[str, Any]:
    """Figures: sample size, engine seconds (median), pandas seconds, ratio, and that both agree."""
    start = time.perf_counter()
    data = sample(size, seed)
    prepared = time.perf_counter() - start
    engine_seconds, ours = _median_seconds(lambda: engine_indicators(data), repeat)
    figures: dict[str, Any] = {
        "quotes": size,
        "quarters": QUARTERS,
        "sample_seconds": round(prepared, 3),
        "engine_seconds": round(engine_seconds, 4),
        "goal_seconds": 5.0,
    }
    if baseline:
        pandas_seconds, theirs = _median_seconds(lambda: pandas_indicators(data), repeat)
        assert isinstance(ours, dict) and isinstance(theirs, dict)
        figures |= {
            "pandas_seconds": round(pandas_seconds, 4),
            "ratio": round(pandas_seconds / engine_seconds, 1),
            "agree": _agree(ours, theirs),
        }
    return figures


def _agree(ours: dict[str, Any], theirs: dict[str, Any]) -> bool:
    """The engine's Global Average, SmaRT counts and weighted average equal pandas' to 1e-9."""
    global_ours, global_theirs = ours["global"], theirs["global"]
    same_global = np.allclose(global_ours.value, global_theirs["value"].to_numpy(), atol=1e-9)
    same_corridors = np.array_equal(global_ours.n_corridors, global_theirs["n_corridors"].to_numpy())
    _, above, with_smart = theirs["sdg"]
    sdg = ours["sdg"]
    same_smart = np.array_equal(sdg.corridors_above_limit, above.reindex(sdg.period, fill_value=0).to_numpy())
    same_smart &= np.array_equal(sdg.corridors_with_smart, with_smart.reindex(sdg.period, fill_value=0).to_numpy())
    same_weighted = np.allclose(ours["weighted"].value, theirs["weighted"].to_numpy(), atol=1e-9)
    return bool(same_global and same_corridors and same_smart and same_weighted)
