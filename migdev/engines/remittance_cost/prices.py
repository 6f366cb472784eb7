"""A price quote's cost recomputed from its fee and rates, as RPW defines it, and compared with the published total."""

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

# RPW publishes totals to two decimals; a recomputed total further than this from the published one is flagged.
MISMATCH_TOLERANCE = 0.05  # percentage points


@dataclass(frozen=True)
class PriceComponents:
    """Per quote: fee and FX margin as % of the amount sent, their sum, and the flags of doubtful quotes."""

    fee_pct: NDArray[np.float64]
    fx_margin: NDArray[np.float64]
    total_cost: NDArray[np.float64]
    total_mismatch: NDArray[np.bool_]
    negative_margin: NDArray[np.bool_]


def price_components(
    amount: NDArray[np.float64],
    fee: NDArray[np.float64],
    fx_rate: NDArray[np.float64],
    interbank_rate: NDArray[np.float64],
    published_total: NDArray[np.float64],
    transparent: NDArray[np.bool_],
) -> PriceComponents:
    """Fee % = fee / amount × 100; FX margin = (1 − applied rate / interbank rate) × 100; total = their sum.

    NaN in (missing fee or rate) gives NaN out. A non-transparent quote did not disclose its rate: RPW writes its
    margin as 0, so its margin is 0 here too. A total further than MISMATCH_TOLERANCE from the published one is
    flagged, as is a negative margin (a promotion, kept and not dropped).

    >>> c = price_components(np.array([735.0]), np.array([15.0]), np.array([1.57]), np.array([1.58]),
    ...                      np.array([2.67]), np.array([True]))
    >>> round(float(c.total_cost[0]), 2), bool(c.total_mismatch[0])
    (2.67, False)
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        fee_pct = fee / amount * 100.0
        margin = np.where(transparent, (1.0 - fx_rate / interbank_rate) * 100.0, 0.0)
    total = fee_pct + margin
    mismatch = np.abs(total - published_total) > MISMATCH_TOLERANCE
    mismatch &= np.isfinite(total) & np.isfinite(published_total)
    negative = np.isfinite(margin) & (margin < 0)
    return PriceComponents(fee_pct, margin, total, mismatch, negative)
