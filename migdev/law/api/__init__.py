"""Migration law API (/api/v1/law/): one router made of the room's parts."""

from ninja import Router

from migdev.law.api import documents, glossary, instruments, learning, national, search

router = Router(tags=["migration law"])
router.add_router("", instruments.router)
router.add_router("", documents.router)
router.add_router("", glossary.router)
router.add_router("", learning.router)
router.add_router("", national.router)
router.add_router("", search.router)
