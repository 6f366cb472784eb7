"""Rows of price quotes -> the engine's arrays (with the codes to read results back), and results -> plain rows.

The indicators use the USD 200 quote of each service and its PUBLISHED total cost, as the World Bank does (the
recomputed total is stored beside it and flagged where they differ). A service is "accessible" for SmaRT when its
receiving network covers the country (RPW's coverage "Nationwide"): MigDev's reading of the World Bank's
"accessible to a typical remitter", stated in the methodology page.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from migdev.engines.remittance_cost import Averages, Quotes
from migdev.remittances.models import WITHIN_FIVE_DAYS

INDICATOR_TIER = 200
EXCLUDED_SENDERS = ("RUS",)  # RPW Global Average: corridors sent from Russia excluded
QUOTE_FIELDS = ("period", "sending", "receiving", "published_total", "transparent", "speed", "coverage")


@dataclass(frozen=True)
class Coding:
    """What the engine's integer codes stand for."""

    periods: tuple[str, ...]
    countries: tuple[str, ...]

    def country_codes(self, iso3: Iterable[str]) -> np.ndarray:
        index = {c: i for i, c in enumerate(self.countries)}
        return np.array([index[c] for c in iso3 if c in index], dtype=np.int64)


@dataclass(frozen=True)
class QuoteArrays:
    quotes: Quotes
    coding: Coding
    extra: dict[str, np.ndarray]  # per quote, integer codes of categories (provider type, instrument)
    labels: dict[str, tuple[str, ...]]  # what each category code stands for


def is_accessible(coverage: str) -> bool:
    return "nationwide" in coverage.casefold()


def build_quotes(rows: Sequence[tuple], categories: Sequence[str] = ()) -> QuoteArrays:
    """Rows of QUOTE_FIELDS (+ one column per category) -> Quotes with factorised codes."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in range(len(QUOTE_FIELDS) + len(categories))]
    period_labels, period = _factorise(columns[0])
    country_labels, both = _factorise(tuple(columns[1]) + tuple(columns[2]))
    size = len(rows)
    fast_speeds = {str(s) for s in WITHIN_FIVE_DAYS}
    quotes = Quotes(
        period=period,
        sending=both[:size],
        receiving=both[size:],
        cost=np.array([np.nan if v is None else v for v in columns[3]], dtype=float),
        transparent=np.array(columns[4], dtype=bool),
        fast=np.array([s in fast_speeds for s in columns[5]], dtype=bool),
        accessible=np.array([is_accessible(c) for c in columns[6]], dtype=bool),
    )
    extra, labels = {}, {}
    for offset, name in enumerate(categories):
        labels[name], extra[name] = _factorise(columns[len(QUOTE_FIELDS) + offset])
    return QuoteArrays(quotes, Coding(period_labels, country_labels), extra, labels)


def _factorise(values: Sequence[str]) -> tuple[tuple[str, ...], np.ndarray]:
    labels, codes = np.unique(np.array(values, dtype=object).astype(str), return_inverse=True)
    return tuple(str(label) for label in labels), codes.astype(np.int64).reshape(-1)


@dataclass(frozen=True)
class Value:
    """One indicator value with what it rests on; `group` is the corridor, region or category it is for."""

    period: str
    value: float
    n_services: int
    n_corridors: int
    group: tuple[str, ...] = ()


def values(averages: Averages, labels: Sequence[Sequence[str]]) -> list[Value]:
    """Engine averages -> Values, keys read back through `labels` (one label list per key after the period)."""
    period_labels, *group_labels = labels
    rows = []
    for g in range(len(averages)):
        group = tuple(str(names[int(averages.keys[k + 1][g])]) for k, names in enumerate(group_labels))
        rows.append(
            Value(
                period_labels[int(averages.keys[0][g])],
                float(averages.value[g]),
                int(averages.n_services[g]),
                int(averages.n_corridors[g]),
                group,
            )
        )
    return rows
