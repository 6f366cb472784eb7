"""Reads of reference data."""

from django.db.models import QuerySet

from migdev.core.models import Country


def countries() -> QuerySet[Country]:
    """All countries and territories with their sub-region, by name."""
    return Country.objects.select_related("subregion").order_by("name")
