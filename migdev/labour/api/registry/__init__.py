"""Labour exchange API: registry (worker profiles, vacancies and their compliance, candidates, invitations, schemes).

Codes everywhere: countries ISO 3166-1 alpha-3, currencies ISO 4217, languages ISO 639-3 with CEFR levels "A1"-"C2",
occupations and skills as ESCO URIs, scheme occupations as ISCO-08 codes at any level.
"""

from ninja import Router

from migdev.labour.api.registry import schemes, vacancies, workers

router = Router(tags=["labour"])
router.add_router("", workers.router)
router.add_router("", vacancies.router)
router.add_router("", schemes.router)
