"""RCP API (/api/v1/rcp/): one router made of the room's parts."""

from ninja import Router

from migdev.rcp.api import activity, facts, processes

router = Router(tags=["rcp"])
router.add_router("", processes.router)
router.add_router("", activity.router)
router.add_router("", facts.router)
