"""Writes of the law room, one module per part: catalogue (instruments, treaty actions) and documents (AKN)."""

from migdev.law.services.catalogue import (
    LANGUAGES,
    THEMES,
    load_instruments,
    load_treaty_actions,
)
from migdev.law.services.documents import (
    import_akn,
    load_treaty_texts,
)

__all__ = [
    "LANGUAGES",
    "THEMES",
    "import_akn",
    "load_instruments",
    "load_treaty_actions",
    "load_treaty_texts",
]
