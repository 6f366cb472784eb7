"""Labour exchange API (/api/v1/labour/): one router made of the room's parts."""

from ninja import Router

from migdev.labour.api import esco, matching, measurement, protection, registry, text

router = Router(tags=["labour"])
router.add_router("", registry.router)
router.add_router("", protection.router)
router.add_router("", measurement.router)
router.add_router("", matching.router)
router.add_router("", text.router)
router.add_router("", esco.router)
