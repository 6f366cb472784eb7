"""Reads for the impact room (added for it): the rights profiles of the countries a project concerns.

Not re-exported by `law.selectors` (it reads `law.profiles`, which imports that package): import it by its name.
"""

import datetime

from migdev.law import profiles


def country_profiles(codes: list[str], on: datetime.date | None = None) -> list[profiles.RightsProfile]:
    """The rights profiles of the countries `codes` (ISO3), every instrument read once, each on its data date."""
    return profiles.profiles(codes, on)
