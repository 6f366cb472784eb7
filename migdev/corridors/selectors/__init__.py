"""Reads of the corridors room: one corridor with its six blocks, and the ranking of every corridor.

Each block reads one domain room through that room's selectors, in a fixed number of queries (none per row)."""

from dataclasses import dataclass

from migdev.core.caching import cached
from migdev.corridors.pairs import Pair, pair
from migdev.corridors.selectors.cooperation import Cooperation, cooperation
from migdev.corridors.selectors.diaspora import Diaspora, diaspora
from migdev.corridors.selectors.money import Money, money
from migdev.corridors.selectors.people import People, people
from migdev.corridors.selectors.rights import Rights, rights
from migdev.corridors.selectors.work import Work, work

__all__ = ["BLOCKS", "Corridor", "Pair", "corridor", "pair"]

BLOCKS = ("people", "rights", "work", "money", "diaspora", "cooperation")


@dataclass(frozen=True)
class Corridor:
    pair: Pair
    people: People
    rights: Rights
    work: Work
    money: Money
    diaspora: Diaspora
    cooperation: Cooperation


def corridor(origin: str, destination: str) -> Corridor:
    """The corridor from `origin` to `destination` (ISO3 codes) seen through every room."""
    found = pair(origin, destination)
    # Statistics, treaty actions and prices change only by import or the stewards' admin (which bump the data
    # version), so their blocks are cached; the exchange, the registries and the processes are read live.
    # One cache entry for the three: one read of the data version instead of three.
    stock, treaties, prices = cached(
        f"corridors:{found.slug}:people-rights-money", lambda: (people(found), rights(found), money(found))
    )
    return Corridor(found, stock, treaties, work(found), prices, diaspora(found), cooperation(found))
