"""Partnerships API (/api/v1/partnerships/): one router made of the room's parts."""

from ninja import Router

from migdev.partnerships.api import boards, commitments, dashboard, imports

router = Router(tags=["partnerships"])
router.add_router("", imports.router)  # before commitments: /commitments/import is not a commitment
router.add_router("", commitments.router)
router.add_router("", boards.router)
router.add_router("", dashboard.router)
