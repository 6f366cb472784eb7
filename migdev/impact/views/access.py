"""What a user may do on a project page: the parts `rules.py` defines, read once (the services check them again)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse

from migdev.accounts.rules import is_official_for_country, is_signed_in, is_steward
from migdev.impact.dimensions import DRAFT_STAGES, STAGES
from migdev.impact.models import Project, StageVersion
from migdev.impact.services.workflow import stage_missing


@dataclass(frozen=True)
class Actions:
    draft: bool  # the proponent may save the drafted stages up to the current one
    editable_stages: list[str]
    advance: bool
    missing: list[str]
    review: bool
    decide: bool
    monitor: bool
    evidence: bool
    edit: bool


def _roles(user: Any, project: Project) -> set[str]:
    """The user's parts in the project, as `rules.py` defines them, read in two queries."""
    if not is_signed_in(user):
        return set()
    found = {"steward"} if is_steward(user) or getattr(user, "is_superuser", False) else set()
    organisations = set(
        user.memberships.filter(organisation__status="approved").values_list("organisation_id", flat=True)
    )
    if project.proponent_id in organisations:
        found.add("proponent")
    if project.reviewer_id in organisations:
        found.add("reviewer")
    if is_official_for_country(user, project):
        found.add("official")
    return found


def actions_for(user: Any, project: Project, latest: dict[str, StageVersion]) -> Actions:
    roles = _roles(user, project)
    open_draft = not project.closed and project.stage in DRAFT_STAGES
    draft = open_draft and bool(roles & {"steward", "proponent"})
    current = STAGES.index(project.stage)
    return Actions(
        draft=draft,
        editable_stages=[s for s in DRAFT_STAGES if STAGES.index(s) <= current] if draft else [],
        advance=draft,
        missing=stage_missing(project, latest) if open_draft else [],
        review=project.stage == "review" and bool(roles & {"steward", "reviewer"}),
        decide=project.stage == "decision" and not project.closed and bool(roles & {"steward", "official"}),
        monitor=project.stage == "monitoring" and bool(roles & {"steward", "proponent", "official"}),
        evidence=not project.closed and bool(roles & {"steward", "proponent", "reviewer"}),
        edit=not project.closed and bool(roles & {"steward", "proponent"}),
    )


def sign_in_when_hidden(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of a project that is not public: a visitor who is not signed in is sent to sign in (the parties see it
    once signed in); a signed-in user who may not see it gets 404, as for a missing id."""

    @wraps(view)
    def run(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Http404:
            if request.user.is_authenticated:
                raise
            return redirect_to_login(request.get_full_path())

    return run
