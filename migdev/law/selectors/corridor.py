"""Reads for the corridors room (added for it): two countries' statuses side by side, every country's instruments.

Not re-exported by `law.selectors` (it reads `law.profiles`, which imports that package): import it by its name.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from migdev.law import profiles
from migdev.law.models import Definition
from migdev.law.selectors.catalogue import default_as_of, instruments_with_prefetched_actions, party_row
from migdev.law.status import Status


def pair_profiles(origin: str, destination: str) -> list[profiles.RightsProfile]:
    """The rights profiles of both countries, each instrument on its own data date (every instrument read once)."""
    return profiles.profiles([origin, destination])


@dataclass(frozen=True)
class DefinedTerm:
    """A glossary term an instrument defines, and the article that defines it."""

    term_id: str
    term: str
    instrument_id: str
    eid: str
    article_label: str


def terms_defined_in(instrument_ids: list[str]) -> dict[str, list[DefinedTerm]]:
    """{instrument id: the glossary terms it defines}, in one query."""
    found: dict[str, list[DefinedTerm]] = defaultdict(list)
    rows = (
        Definition.objects.filter(instrument_id__in=instrument_ids)
        .select_related("term")
        .order_by("instrument_id", "order", "term_id")
    )
    for row in rows:
        found[row.instrument_id].append(
            DefinedTerm(row.term_id, row.term.term, row.instrument_id, row.eid, row.article_label)
        )
    return dict(found)


def parties_by_country(on: datetime.date | None = None) -> dict[str, set[str]]:
    """{ISO3: ids of the binding instruments the country is party to}, each on its data date (two queries)."""
    found: dict[str, set[str]] = defaultdict(set)
    for item in instruments_with_prefetched_actions():
        day = on or default_as_of(item)
        grouped: dict[str, list] = defaultdict(list)
        for action in item.actions.all():
            grouped[action.participant].append(action)
        for code, group in grouped.items():
            group.sort(key=lambda a: (a.date or datetime.date.min, a.action))
            if party_row(code, group, day).status == Status.PARTY:
                found[code].add(item.id)
    return dict(found)
