"""Diaspora API (/api/v1/diaspora/): one router made of the room's parts."""

from ninja import Router

from migdev.diaspora.api import experts, mapping, registry, survey

router = Router(tags=["diaspora"])
router.add_router("", mapping.router)
router.add_router("", registry.router)
router.add_router("", experts.router)
router.add_router("", survey.router)
