"""Labour exchange API: protection. Placements through their seasons, contracts, the cost ledger, grievances and risk
flags (each scoped to who may see it), and the public aggregates: SDG 10.7.1, circular KPIs, protection counts by sex.
One module per part; the schemas are declared once in schemas.py.

Codes: countries ISO 3166-1 alpha-3, currencies ISO 4217, languages ISO 639-3, occupations ESCO URIs (contracts) and
ISCO-08 codes at any level (indicator filters). Public aggregates suppress groups of fewer than 3 workers.
"""

from ninja import Router

from migdev.labour.api.protection import aggregates, grievances, placements

router = Router(tags=["labour"])
router.add_router("", placements.router)
router.add_router("", grievances.router)
router.add_router("", aggregates.router)
