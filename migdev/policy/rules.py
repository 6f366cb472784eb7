"""Object-level permissions of the policy room (django-rules): a country's officials (and stewards) keep its profile,
working groups, plans, self-assessments and requests; members of an international organisation offer and run
capacity-building initiatives; a self-assessment is seen by its country's officials until it is published."""

from typing import Any

import rules

from migdev.accounts.rules import is_member_of_org, is_official_for_country, is_signed_in, is_steward


@rules.predicate
def is_published(user: Any, obj: Any) -> bool:
    return bool(getattr(obj, "is_published", False))


@rules.predicate
def is_member_of_international_organisation(user: Any, obj: Any = None) -> bool:
    """A member of an approved intergovernmental organisation (the organisation `obj`, if one is given)."""
    if not is_signed_in(user):
        return False
    memberships = user.memberships.filter(organisation__status="approved", organisation__kind="igo")
    org_id = getattr(obj, "pk", None)
    if obj is not None and org_id is not None:
        memberships = memberships.filter(organisation_id=org_id)
    return bool(memberships.exists())


# Checked against a Country (or an object with `country_id`).
rules.add_perm("policy.change_country_policy", is_official_for_country | is_steward)
rules.add_perm("policy.add_selfassessment", is_official_for_country | is_steward)
rules.add_perm("policy.change_selfassessment", is_official_for_country | is_steward)
rules.add_perm("policy.view_selfassessment", is_published | is_official_for_country | is_steward)
rules.add_perm("policy.add_developmentplan", is_official_for_country | is_steward)
rules.add_perm("policy.change_developmentplan", is_official_for_country | is_steward)
rules.add_perm("policy.add_capacityrequest", is_official_for_country | is_steward)
# Checked against the offering Organisation (add) or the initiative (change, `organisation_id`).
rules.add_perm("policy.add_capacityinitiative", is_member_of_international_organisation | is_steward)
rules.add_perm("policy.change_capacityinitiative", is_member_of_org | is_steward)

# The Django admin: stewards see and manage the room.
rules.add_perm("policy", is_steward)
for _model in (
    "developmentplan",
    "planitemassessment",
    "policyprofile",
    "policyinstrument",
    "workinggroup",
    "workinggroupmember",
    "workinggroupmeeting",
    "workinggroupdecision",
    "selfassessment",
    "selfassessmentanswer",
    "capacityrequest",
    "capacityinitiative",
):
    for _action in ("view", "add", "change", "delete"):
        if not rules.perm_exists(f"policy.{_action}_{_model}"):
            rules.add_perm(f"policy.{_action}_{_model}", is_steward)
