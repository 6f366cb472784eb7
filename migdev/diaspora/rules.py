"""Object-level permissions of the diaspora room (django-rules), built on the accounts predicates."""

from typing import Any

import rules

from migdev.accounts.rules import is_member_of_org, is_signed_in, is_steward


@rules.predicate
def is_the_expert(user: Any, obj: Any) -> bool:
    """The expert the object is about (an ExpertProfile, or anything with `.expert`)."""
    expert = getattr(obj, "expert", obj)
    return bool(is_signed_in(user) and getattr(expert, "user_id", None) == user.pk)


@rules.predicate
def is_institution_with_accepted_invitation(user: Any, obj: Any) -> bool:
    """A member of an institution whose invitation the expert accepted: it may see the expert's full profile."""
    expert = getattr(obj, "expert", obj)
    if not is_signed_in(user) or not hasattr(expert, "invitations"):
        return False
    return bool(
        expert.invitations.filter(
            status="accepted", need__organisation__memberships__user=user, need__organisation__status="approved"
        ).exists()
    )


# --- organisations and initiatives: members of the organisation and stewards ---------------------------------------
rules.add_perm("diaspora.add_diasporaorganisation", is_member_of_org | is_steward)
rules.add_perm("diaspora.change_diasporaorganisation", is_member_of_org | is_steward)
rules.add_perm("diaspora.delete_diasporaorganisation", is_member_of_org | is_steward)
rules.add_perm("diaspora.add_initiative", is_member_of_org | is_steward)
rules.add_perm("diaspora.change_initiative", is_member_of_org | is_steward)
rules.add_perm("diaspora.delete_initiative", is_member_of_org | is_steward)

# --- experts, needs, invitations, assignments -------------------------------------------------------------------------
rules.add_perm("diaspora.add_expertprofile", is_signed_in)
rules.add_perm("diaspora.change_expertprofile", is_the_expert | is_steward)
rules.add_perm("diaspora.view_expertprofile", is_the_expert | is_steward | is_institution_with_accepted_invitation)
rules.add_perm("diaspora.export_expertprofile", is_the_expert)
rules.add_perm("diaspora.erase_expertprofile", is_the_expert | is_steward)
rules.add_perm("diaspora.add_need", is_member_of_org | is_steward)
rules.add_perm("diaspora.change_need", is_member_of_org | is_steward)
rules.add_perm("diaspora.view_need_shortlist", is_member_of_org | is_steward)
rules.add_perm("diaspora.add_expertinvitation", is_member_of_org | is_steward)
rules.add_perm("diaspora.answer_expertinvitation", is_the_expert)
rules.add_perm("diaspora.change_assignment", is_member_of_org | is_the_expert | is_steward)

# --- survey: anyone may answer (answers are anonymous); stewards manage the raw answers in the admin ----------------
rules.add_perm("diaspora.add_surveyresponse", rules.always_allow)

# The Django admin: stewards see and manage the room.
rules.add_perm("diaspora", is_steward)
for _model in (
    "gcmobjective",
    "diasporaorganisation",
    "initiative",
    "expertprofile",
    "need",
    "expertinvitation",
    "assignment",
    "surveyresponse",
):
    for _action in ("view", "add", "change", "delete"):
        if not rules.perm_exists(f"diaspora.{_action}_{_model}"):
            rules.add_perm(f"diaspora.{_action}_{_model}", is_steward)
