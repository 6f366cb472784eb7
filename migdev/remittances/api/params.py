"""Query parameters shared by the remittances endpoints: quarters and ISO3 country codes, checked by pattern."""

from typing import Annotated

from ninja import Query

from migdev.remittances import selectors

PERIOD_PATTERN = r"^\d{4}Q[1-4]$"
COUNTRY_PATTERN = r"^[A-Za-z]{3}$"

Period = Annotated[str, Query(pattern=PERIOD_PATTERN, description="a quarter, e.g. 2014Q1")]
OptionalPeriod = Annotated[
    str | None, Query(pattern=PERIOD_PATTERN, description="a quarter, e.g. 2014Q1 (default: all)")
]
Country = Annotated[str, Query(pattern=COUNTRY_PATTERN, description="ISO 3166-1 alpha-3 code, e.g. USA")]
OptionalCountry = Annotated[str | None, Query(pattern=COUNTRY_PATTERN, description="ISO 3166-1 alpha-3 code")]


def country(code: str, field: str) -> str:
    """An upper-case ISO3 code that names a country, or NotFound naming the parameter."""
    from migdev.core.errors import NotFound

    iso3 = code.upper()
    if iso3 not in selectors.country_names():
        raise NotFound(f"Unknown country {code!r} (give an ISO 3166-1 alpha-3 code)", field)
    return iso3
