"""Labour exchange API: protection."""

from ninja import Router

router = Router(tags=["labour"])
