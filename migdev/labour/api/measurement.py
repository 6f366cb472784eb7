"""Labour exchange API: measurement."""

from ninja import Router

router = Router(tags=["labour"])
