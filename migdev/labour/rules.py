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


@rules.predicate
def is_invited_employer(user: Any, obj: Any) -> bool:
    """A member of an employer whose invitation the worker accepted: it may see the worker's full profile."""
    worker = getattr(obj, "worker", obj)
    if not is_signed_in(user) or not hasattr(worker, "invitations"):
        return False
    return bool(
        worker.invitations.filter(
            status="accepted",
            vacancy__employer__memberships__user=user,
            vacancy__employer__status="approved",
        ).exists()
    )


_employer = is_member_of_org  # a Vacancy or Invitation names its employer through `organisation_id`

rules.add_perm("labour.add_workerprofile", is_self | is_steward)
rules.add_perm("labour.change_workerprofile", is_the_worker | is_sending_agency_with_consent | is_steward)
rules.add_perm(
    "labour.view_workerprofile", is_the_worker | is_sending_agency_with_consent | is_steward | is_invited_employer
)
rules.add_perm("labour.change_consent", is_the_worker)
rules.add_perm("labour.export_workerprofile", is_the_worker)
rules.add_perm("labour.erase_workerprofile", is_the_worker | is_steward)
rules.add_perm("labour.view_agency_pool", is_member_of_org | is_steward)
rules.add_perm("labour.add_vacancy", _employer | is_steward)
rules.add_perm("labour.change_vacancy", _employer | is_steward)
rules.add_perm("labour.publish_vacancy", is_official_for_country | is_steward)
rules.add_perm("labour.close_vacancy", _employer | is_official_for_country | is_steward)
rules.add_perm("labour.view_vacancy_candidates", _employer | is_official_for_country | is_steward)
rules.add_perm("labour.add_invitation", _employer | is_steward)
rules.add_perm("labour.answer_invitation", is_the_worker)
rules.add_perm("labour.add_scheme", is_official_for_country | is_steward)
rules.add_perm("labour.change_scheme", is_official_for_country | is_steward)
rules.add_perm("labour.delete_scheme", is_official_for_country | is_steward)
rules.add_perm("labour.change_labourstandard", is_steward)
rules.add_perm("labour.change_recruiterlicence", is_official_for_country | is_steward)
rules.add_perm("labour.view_country_registry", is_official_for_country | is_steward)

# --- protection: placements, contracts, costs, grievances, flags ------------------------------------------------------

# --- measurement ------------------------------------------------------------------------------------------------------
