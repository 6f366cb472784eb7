"""Remittance cost API (/api/v1/remittances/): indicators, corridors, SmaRT, SDG 10.c.1, downloads."""

from ninja import Router

from migdev.remittances.api import downloads, indicators

router = Router(tags=["remittances"])
router.add_router("", indicators.router)
router.add_router("", downloads.router)
