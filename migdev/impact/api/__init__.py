"""Migration impact assessment API (/api/v1/impact/): one router made of the room's parts."""

from ninja import Router

from migdev.impact.api import projects, workflow

router = Router(tags=["impact"])
router.add_router("", projects.router)
router.add_router("", workflow.router)
