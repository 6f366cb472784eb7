"""Object-level permissions of the labour exchange (django-rules), built on the accounts predicates.

Each part of the room registers its permissions in its own section below.
"""

from typing import Any

import rules

from migdev.accounts.rules import is_member_of_org, is_official_for_country, is_self, is_signed_in, is_steward


@rules.predicate
def is_the_worker(user: Any, obj: Any) -> bool:
    """The worker the object is about (a WorkerProfile, or anything with `.worker`)."""
    worker = getattr(obj, "worker", obj)
    return bool(is_signed_in(user) and getattr(worker, "user_id", None) == user.pk)


@rules.predicate
def is_sending_agency_with_consent(user: Any, obj: Any) -> bool:
    """A member of the worker's sending agency, while the worker's consent to let it edit the profile stands."""
    worker = getattr(obj, "worker", obj)
    agency = getattr(worker, "sending_agency", None)
    if agency is None or not is_member_of_org(user, agency):
        return False
    return bool(worker.consents.filter(purpose="agency_edit", organisation=agency, withdrawn_at__isnull=True).exists())


__all__ = [
    "is_member_of_org",
    "is_official_for_country",
    "is_self",
    "is_sending_agency_with_consent",
    "is_signed_in",
    "is_steward",
    "is_the_worker",
]

# --- registry: workers, vacancies, schemes, recruiters ----------------------------------------------------------------

# --- protection: placements, contracts, costs, grievances, flags ------------------------------------------------------

# --- measurement ------------------------------------------------------------------------------------------------------
