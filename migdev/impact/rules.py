"""Object-level permissions of the impact room: the proponent's members draft, the reviewing organisation's members
review, officials of the project's country decide; stewards administer. A project is seen by those parties until
it is decided; a decided (or screened-out) project's statement is public, like an environmental impact statement."""

from typing import Any

import rules

from migdev.accounts.rules import is_member_of_org, is_official_for_country, is_signed_in, is_steward


def _project_of(obj: Any) -> Any:
    from migdev.impact.models import Project

    return obj if isinstance(obj, Project) else getattr(obj, "project", None)


def _member_of(user: Any, organisation_id: int | None) -> bool:
    if organisation_id is None or not is_signed_in(user):
        return False
    return bool(user.memberships.filter(organisation_id=organisation_id, organisation__status="approved").exists())


@rules.predicate
def is_proponent(user: Any, obj: Any) -> bool:
    """A member of the approved organisation that proposes the project."""
    project = _project_of(obj)
    return project is not None and _member_of(user, project.proponent_id)


@rules.predicate
def is_reviewer(user: Any, obj: Any) -> bool:
    """A member of the approved organisation named to review the project."""
    project = _project_of(obj)
    return project is not None and _member_of(user, project.reviewer_id)


@rules.predicate
def is_project_official(user: Any, obj: Any) -> bool:
    """An official of the country where the project is."""
    return is_official_for_country(user, _project_of(obj))


@rules.predicate
def is_public(user: Any, obj: Any) -> bool:
    """A project whose assessment has ended (decided or screened out) is public."""
    project = _project_of(obj)
    return project is not None and project.status in ("approved", "conditional", "refused", "screened_out")


is_party = is_proponent | is_reviewer | is_project_official | is_steward

rules.add_perm("impact.view_project", is_party | is_public)
rules.add_perm("impact.add_project", is_steward | is_member_of_org)  # checked against the proponent organisation
rules.add_perm("impact.change_project", is_steward | is_proponent)
rules.add_perm("impact.draft_stage", is_steward | is_proponent)
rules.add_perm("impact.add_evidence", is_steward | is_proponent | is_reviewer)
rules.add_perm("impact.review_project", is_steward | is_reviewer)
rules.add_perm("impact.decide_project", is_steward | is_project_official)
rules.add_perm("impact.add_monitoring", is_steward | is_proponent | is_project_official)
rules.add_perm("impact.assign_reviewer", is_steward | is_project_official)

# The Django admin: stewards maintain the room.
rules.add_perm("impact", is_steward)
for _model in ("project", "stageversion", "evidence", "screeningitem", "measure", "monitoringindicator"):
    for _action in ("view", "add", "change", "delete"):
        if not rules.perm_exists(f"impact.{_action}_{_model}"):
            rules.add_perm(f"impact.{_action}_{_model}", is_steward)
