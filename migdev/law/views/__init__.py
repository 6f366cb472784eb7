"""Migration law pages, one module per part."""

from migdev.law.views.documents import (
    document,
    documents,
    instrument_text,
)
from migdev.law.views.instruments import (
    compare,
    country,
    find_country,
    index,
    instrument,
)

__all__ = [
    "compare",
    "country",
    "document",
    "documents",
    "find_country",
    "index",
    "instrument",
    "instrument_text",
]
