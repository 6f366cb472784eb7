"""Object-level permissions of the rcp room: stewards, and members of a process's secretariat for its meetings and
good practices. Everyone reads."""

from typing import Any

import rules

from migdev.accounts.rules import is_signed_in, is_steward


def _process_of(obj: Any) -> Any:
    from migdev.rcp.models import Process

    if isinstance(obj, Process):
        return obj
    return getattr(obj, "process", None) or getattr(getattr(obj, "meeting", None), "process", None)


@rules.predicate
def is_secretariat_of(user: Any, obj: Any) -> bool:
    """A member of an approved organisation that is the secretariat of the process `obj` is or belongs to."""
    process = _process_of(obj)
    if process is None or not is_signed_in(user):
        return False
    return bool(
        user.memberships.filter(
            organisation__status="approved", organisation__rcp_secretariats__process=process
        ).exists()
    )


@rules.predicate
def is_any_secretariat(user: Any) -> bool:
    """A member of an approved organisation that is the secretariat of some process."""
    if not is_signed_in(user):
        return False
    return bool(
        user.memberships.filter(organisation__status="approved", organisation__rcp_secretariats__isnull=False).exists()
    )


rules.add_perm("rcp.change_process", is_steward)
# Correcting a fact of a process (with its source and date) from the page or the API.
rules.add_perm("rcp.correct_fact", is_steward | is_secretariat_of)
rules.add_perm("rcp.add_meeting", is_steward | is_secretariat_of)
rules.add_perm("rcp.change_meeting", is_steward | is_secretariat_of)
rules.add_perm("rcp.delete_meeting", is_steward | is_secretariat_of)
rules.add_perm("rcp.add_document", is_steward | is_secretariat_of)
rules.add_perm("rcp.add_goodpractice", is_steward | is_secretariat_of)
rules.add_perm("rcp.change_goodpractice", is_steward | is_secretariat_of)
rules.add_perm("rcp.contribute", is_steward | is_any_secretariat)

# The Django admin: stewards maintain the room.
rules.add_perm("rcp", is_steward)
for _model in ("process", "member", "source", "secretariat", "factchange", "meeting", "document", "goodpractice"):
    for _action in ("view", "add", "change", "delete"):
        if not rules.perm_exists(f"rcp.{_action}_{_model}"):
            rules.add_perm(f"rcp.{_action}_{_model}", is_steward)
