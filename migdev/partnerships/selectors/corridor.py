"""Reads for the corridors room (added for it): the commitments that name every one of a set of countries."""

from django.db.models import QuerySet

from migdev.partnerships.models import Commitment
from migdev.partnerships.selectors.registry import commitments_base


def commitments_naming(*iso3: str) -> QuerySet[Commitment]:
    """Commitments whose countries include all of `iso3`, newest first."""
    found = commitments_base()
    for code in iso3:
        found = found.filter(countries__iso3=code.upper()[:3])
    return found.distinct().order_by("-created_at", "pk")
