"""API input bounded by what the database can hold: limits read from model fields, bounded pages and filters.

A schema field says which column it fills (`Annotated[str, column(Vacancy, "title")]`) and gets that column's
max_length, integer range or decimal digits, so the numbers live only on the model and an over-long or
out-of-range value is refused as invalid input (422 naming the field) instead of failing in the database.
"""

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from ninja import Field, Query, Schema
from ninja.pagination import PageNumberPagination

# The highest page any list can be asked for; far beyond any real list, far below what overflows an offset.
MAX_PAGE = 1_000_000
# The largest id any table can hold (a bigint); a larger number in a URL or filter names no row.
MAX_ID = BaseDatabaseOperations.integer_field_ranges["BigAutoField"][1]
# The longest text filter (?q=, ?isco=, ...) a list accepts: longer searches cannot match a label.
MAX_FILTER_LENGTH = 200


def column(model: type[models.Model], name: str) -> Any:
    """The pydantic constraints of `model`'s field `name` (of its target's key for a foreign key).

    Codes (text columns with choices, or text keys such as ISO codes) get no length limit: the services refuse an
    unknown code with a message that says what they expected, which helps more than "too long".
    """
    field = model._meta.get_field(name)
    if isinstance(field, models.ForeignKey):
        return column(field.target_field.model, field.target_field.name)
    if isinstance(field, models.DecimalField):
        lower, upper = _bounds(field, None, None)
        return Field(max_digits=field.max_digits, decimal_places=field.decimal_places, ge=lower, le=upper)
    if isinstance(field, models.IntegerField):
        lower, upper = BaseDatabaseOperations.integer_field_ranges[field.get_internal_type()]
        lower, upper = _bounds(field, lower, upper)
        return Field(ge=lower, le=upper)
    if isinstance(field, models.CharField) and (field.choices or field.primary_key):
        return Field()  # a code: the service refuses an unknown one and names what it expected
    if isinstance(field, models.CharField | models.TextField) and field.max_length:
        return Field(max_length=field.max_length)
    return Field()


def _bounds(field: "models.Field[Any, Any]", lower: Any, upper: Any) -> tuple[Any, Any]:
    """The field's range, tightened by its Min/MaxValueValidators."""
    for validator in field.validators:
        if isinstance(validator, MinValueValidator):
            limit = validator.limit_value
            lower = limit if lower is None else max(lower, limit)
        elif isinstance(validator, MaxValueValidator):
            limit = validator.limit_value
            upper = limit if upper is None else min(upper, limit)
    return lower, upper


def text_filter(default: Any = "") -> Any:
    """A text query parameter of bounded length."""
    return Query(default, max_length=MAX_FILTER_LENGTH)


class BoundedPageNumberPagination(PageNumberPagination):
    """Page-number pagination that refuses page numbers no list can reach (they would overflow the offset)."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int | None = Field(None, ge=1, le=MAX_PAGE)
