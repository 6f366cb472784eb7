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
rules.add_perm("labour.embed_esco_labels", is_steward)
rules.add_perm("labour.change_scheme", is_official_for_country | is_steward)
rules.add_perm("labour.delete_scheme", is_official_for_country | is_steward)
rules.add_perm("labour.change_labourstandard", is_steward)
rules.add_perm("labour.change_recruiterlicence", is_official_for_country | is_steward)
rules.add_perm("labour.view_country_registry", is_official_for_country | is_steward)

# --- protection: placements, contracts, costs, grievances, flags ------------------------------------------------------


def _placement_of(obj: Any) -> Any:
    """The placement an object is or belongs to (a Placement, a Contract, a CostPayment, a RiskFlag...)."""
    if obj is None:
        return None
    return obj if hasattr(obj, "vacancy_id") and hasattr(obj, "season") else getattr(obj, "placement", None)


@rules.predicate
def is_placement_worker(user: Any, obj: Any) -> bool:
    """The worker placed."""
    placement = _placement_of(obj)
    return bool(placement is not None and is_signed_in(user) and placement.worker.user_id == user.pk)


@rules.predicate
def is_placement_employer(user: Any, obj: Any) -> bool:
    """A member of the employer of the placement's vacancy."""
    placement = _placement_of(obj)
    return bool(placement is not None and is_member_of_org(user, placement.vacancy.employer))


@rules.predicate
def is_placement_recruiter(user: Any, obj: Any) -> bool:
    """A member of the recruitment agency of the placement."""
    placement = _placement_of(obj)
    return bool(placement is not None and placement.recruiter_id and is_member_of_org(user, placement.recruiter))


@rules.predicate
def is_placement_sending_agency(user: Any, obj: Any) -> bool:
    """A member of the placed worker's sending agency."""
    placement = _placement_of(obj)
    agency = placement.worker.sending_agency if placement is not None else None
    return bool(agency is not None and is_member_of_org(user, agency))


@rules.predicate
def is_origin_official(user: Any, obj: Any) -> bool:
    """A country official of the worker's nationality (for a placement, or a grievance)."""
    worker = getattr(obj, "worker", None)
    if worker is None:
        placement = _placement_of(obj)
        worker = placement.worker if placement is not None else None
    return bool(worker is not None and is_official_for_country(user, worker.nationality))


@rules.predicate
def is_destination_official(user: Any, obj: Any) -> bool:
    """A country official of the destination: the vacancy's country, else the country of the organisation concerned."""
    placement = _placement_of(obj)
    if placement is not None:
        return bool(is_official_for_country(user, placement.vacancy.destination))
    organisation = getattr(obj, "against", None) or getattr(obj, "organisation", None)
    return bool(organisation is not None and is_official_for_country(user, organisation.country))


@rules.predicate
def is_vacancy_employer(user: Any, vacancy: Any) -> bool:
    return bool(vacancy is not None and is_member_of_org(user, vacancy.employer))


@rules.predicate
def is_any_official(user: Any) -> bool:
    return bool(is_signed_in(user) and user.official_countries.exists())


_officials = is_origin_official | is_destination_official
_operators = is_placement_employer | is_placement_recruiter

rules.add_perm("labour.offer_placement", is_steward | is_vacancy_employer | is_official_for_country)
# Only the worker answers an offer made to them (a steward may, to correct a record).
rules.add_perm("labour.answer_offer", is_steward | is_placement_worker)
rules.add_perm("labour.record_placement_progress", is_steward | _operators | _officials)
rules.add_perm("labour.record_contract", is_steward | _operators | _officials)
rules.add_perm(
    "labour.view_placement",
    is_steward | is_placement_worker | _operators | is_placement_sending_agency | _officials,
)
rules.add_perm("labour.add_costpayment", is_steward | is_placement_worker | _operators | _officials)
rules.add_perm("labour.add_grievance", is_steward | is_the_worker)
rules.add_perm("labour.view_grievance", is_steward | is_the_worker | _officials)
rules.add_perm("labour.change_grievance", is_steward | _officials)
rules.add_perm("labour.recompute_flags", is_steward | _officials)
rules.add_perm("labour.resolve_riskflag", is_steward | _officials)
rules.add_perm("labour.view_protection_dashboard", is_steward | is_any_official)

# --- measurement ------------------------------------------------------------------------------------------------------
# Supply and demand are public aggregates (no person appears; small counts are hidden): anyone may read them.
rules.add_perm("labour.view_market", rules.always_allow)

# --- matching ---------------------------------------------------------------------------------------------------------
# Employers see ranked candidates of their own vacancies (officials of the destination and stewards too); a worker sees
# their own recommendations; officials of a scheme's destination run, review, adjust and confirm its allocations.
rules.add_perm("labour.view_vacancy_shortlist", is_member_of_org | is_official_for_country | is_steward)
rules.add_perm("labour.view_recommendations", is_the_worker | is_steward)
rules.add_perm("labour.run_matching", is_official_for_country | is_steward)
rules.add_perm("labour.view_matchrun", is_official_for_country | is_steward)
rules.add_perm("labour.change_matchrun", is_official_for_country | is_steward)
rules.add_perm("labour.confirm_matchrun", is_official_for_country | is_steward)
