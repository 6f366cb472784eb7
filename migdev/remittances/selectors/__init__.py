"""Reads of the remittances room: indicators (computed by the engine) and price quotes (rows for the pages)."""

from migdev.remittances.selectors.indicators import *  # noqa: F403
from migdev.remittances.selectors.prices import *  # noqa: F403
