"""Statistics API."""

from ninja import Router

router = Router(tags=["statistics"])
