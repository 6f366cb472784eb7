"""The labour room's demo: schemes modelled on real ones, fictional employers and agencies, a few hundred workers,
vacancies coded with real ESCO occupations and skills, and placements over the 2024, 2025 and 2026 seasons.

Everything goes through the room's services (schemes, standards, licences, profiles, vacancies, placements,
contracts, costs, grievances), acting as the demo steward or as the worker. The services stamp today's date on
registration, submission, publication and closing; the demo then moves those stamps back to the seasons' dates, so
that the history is three seasons long. Organisations and the workers' accounts are made with the ORM, as the
accounts demo makes its own. Sources of the schemes' rules and of the minimum wages: migdev/labour/data/demo/
PROVENANCE.md. Runs once: loading it again changes nothing.
"""

from migdev.labour.demo.build import load_labour_demo

__all__ = ["load_labour_demo"]
