"""Migration policy and coherence API (/api/v1/policy/): one router made of the room's parts."""

from ninja import Router

from migdev.policy.api import assessments, capacity, coherence, plans

router = Router(tags=["policy"])
router.add_router("", assessments.router)
router.add_router("", coherence.router)
router.add_router("", plans.router)
router.add_router("", capacity.router)
