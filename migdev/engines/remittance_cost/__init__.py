"""Remittance cost indicators as the World Bank's Remittance Prices Worldwide computes them (pure numpy).

`prices` recomputes a quote's fee, FX margin and total cost; `indicators` groups quotes into corridor, Global,
regional and category averages, the flow-weighted average, SmaRT and SDG 10.c.1 progress.
"""

from migdev.engines.remittance_cost.indicators import (
    SDG_TARGET,
    SMART_LIMIT,
    Averages,
    Quotes,
    SdgProgress,
    SmartValues,
    corridor_averages,
    global_averages,
    grouped_averages,
    sdg_progress,
    smart_values,
    weighted_averages,
)
from migdev.engines.remittance_cost.prices import MISMATCH_TOLERANCE, PriceComponents, price_components

__all__ = [
    "MISMATCH_TOLERANCE",
    "SDG_TARGET",
    "SMART_LIMIT",
    "Averages",
    "PriceComponents",
    "Quotes",
    "SdgProgress",
    "SmartValues",
    "corridor_averages",
    "global_averages",
    "grouped_averages",
    "price_components",
    "sdg_progress",
    "smart_values",
    "weighted_averages",
]
