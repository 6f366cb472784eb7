"""What every block of a corridor page carries: where its facts come from, as of when, and whether there are any."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    source: str  # who publishes the facts (named in English, as the sources name themselves)
    as_of: str  # ISO date, year or quarter of the newest fact shown; "" when there is none
    has_data: bool
