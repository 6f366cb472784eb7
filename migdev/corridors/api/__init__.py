"""Migration corridors API (/api/v1/corridors/): one router made of the room's parts."""

from ninja import Router

from migdev.corridors.api import corridors

router = Router(tags=["corridors"])
router.add_router("", corridors.router)
