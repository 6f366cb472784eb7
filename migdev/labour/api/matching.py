"""Labour exchange API: matching. A vacancy's ranked candidates, a worker's recommended vacancies, and allocation runs
of a scheme's season (start, status and result, remove an assignment, confirm into offers)."""

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from migdev.accounts.api import AUTH
from migdev.accounts.views import signed_in
from migdev.core.errors import NotFound
from migdev.core.input_limits import column
from migdev.labour import adapters
from migdev.labour.models import MatchAssignment, MatchRun
from migdev.labour.selectors import matching as selectors
from migdev.labour.selectors import registry as registry_selectors
from migdev.labour.services import matching as services

router = Router(tags=["labour"])


class ContributionOut(Schema):
    component: str
    label: str
    value: float
    weight: float
    contribution: float


class ExplanationOut(Schema):
    score: float
    matched_essential: list[str]
    missing_essential: list[str]
    contributions: list[ContributionOut]


class ShortlistCandidateOut(Schema):
    rank: int
    pseudonym: str
    invitation: str
    explanation: ExplanationOut


class ShortlistOut(Schema):
    vacancy: int
    eligible_pairs: int
    workers_without_skills: int
    candidates: list[ShortlistCandidateOut]


class RecommendationOut(Schema):
    vacancy: int
    title: str
    destination: str
    start_date: str
    explanation: ExplanationOut


class RunIn(Schema):
    season: Annotated[int, column(MatchRun, "season")]
    parameters: dict[str, Any] = {}


class AssignmentOut(Schema):
    id: int
    worker: str | None  # None once the worker's data is erased
    vacancy: int
    score: float
    removed: bool
    placement: int | None
    refusal: str
    explanation: dict[str, Any]


class RunOut(Schema):
    id: int
    scheme: str
    season: int
    status: str
    progress: int
    stage: str
    error: str
    failure: str
    rerun_of: int | None
    parameters: dict[str, Any]
    started_at: datetime | None
    finished_at: datetime | None
    objective: float | None
    greedy_objective: float | None
    result: dict[str, Any]
    assignments: list[AssignmentOut]


def _assignment(a: MatchAssignment) -> dict[str, Any]:
    return {
        "id": a.pk,
        "worker": None if a.worker.erased_at else a.worker.pseudonym,
        "vacancy": a.vacancy_id,
        "score": a.score,
        "removed": a.removed,
        "placement": a.placement_id,
        "refusal": a.refusal,
        "explanation": a.explanation,
    }


def _run(run: MatchRun) -> dict[str, Any]:
    assignments = run.assignments.select_related("worker").order_by("vacancy_id", "-score", "worker_id")
    return {
        "id": run.pk,
        "scheme": run.scheme.code,
        "season": run.season,
        "status": run.status,
        "progress": run.progress,
        "stage": run.stage,
        "error": run.failure_message,
        "failure": run.failure,
        "rerun_of": run.rerun_of_id,
        "parameters": run.parameters,
        "started_at": run.started_at,
        "finished_at": run.finished_at,
        "objective": run.objective,
        "greedy_objective": run.greedy_objective,
        "result": run.result,
        "assignments": [_assignment(a) for a in assignments],
    }


def _explanation(e: adapters.PairExplanation) -> dict[str, Any]:
    return e.as_json()


@router.get(
    "/vacancies/{vacancy_id}/shortlist",
    response=ShortlistOut,
    auth=AUTH,
    summary="Ranked eligible candidates of a vacancy, with explanations",
)
def vacancy_shortlist(request: HttpRequest, vacancy_id: int, k: int = 20) -> dict[str, Any]:
    user = signed_in(request)
    shortlist = selectors.vacancy_shortlist(user, registry_selectors.vacancy_by_id(user, vacancy_id), k)
    return {
        "vacancy": shortlist.vacancy.pk,
        "eligible_pairs": shortlist.eligible_pairs,
        "workers_without_skills": shortlist.workers_without_skills,
        "candidates": [
            {
                "rank": c.rank,
                "pseudonym": c.pseudonym,
                "invitation": c.invitation,
                "explanation": _explanation(c.explanation),
            }
            for c in shortlist.candidates
        ],
    }


@router.get(
    "/workers/me/recommendations",
    response=list[RecommendationOut],
    auth=AUTH,
    summary="Vacancies recommended to me, with why",
)
def my_recommendations(request: HttpRequest, k: int = 10) -> list[dict[str, Any]]:
    user = signed_in(request)
    worker = registry_selectors.worker_profile_of(user)
    if worker is None:
        raise NotFound(_("You have no worker profile yet."), field="worker")
    return [
        {
            "vacancy": e.vacancy.pk,
            "title": e.vacancy.title,
            "destination": e.vacancy.destination_id,
            "start_date": e.vacancy.start_date.isoformat(),
            "explanation": _explanation(e),
        }
        for e in selectors.worker_recommendations(user, worker, k)
    ]


@router.post(
    "/schemes/{scheme_id}/runs",
    response={202: RunOut},
    auth=AUTH,
    summary="Start an allocation run of a scheme's season (a background job)",
)
def start_run(request: HttpRequest, scheme_id: int, payload: RunIn) -> Status[dict[str, Any]]:
    user = signed_in(request)
    scheme = selectors.scheme_for_matching(user, scheme_id)
    run = services.start_match_run(user, scheme, payload.season, payload.parameters)
    return Status(202, _run(run))


@router.get("/runs/{run_id}", response=RunOut, auth=AUTH, summary="An allocation run: status, progress and result")
def get_run(request: HttpRequest, run_id: int) -> dict[str, Any]:
    return _run(selectors.run_by_id(signed_in(request), run_id))


@router.post(
    "/runs/{run_id}/assignments/{assignment_id}/remove",
    response=RunOut,
    auth=AUTH,
    summary="Remove an assignment before confirming",
)
def remove_assignment(request: HttpRequest, run_id: int, assignment_id: int) -> dict[str, Any]:
    user = signed_in(request)
    run = selectors.run_by_id(user, run_id)
    services.remove_assignment(user, selectors.assignment_of(user, run, assignment_id))
    return _run(run)


@router.post(
    "/runs/{run_id}/rerun",
    response={202: RunOut},
    auth=AUTH,
    summary="Start a failed allocation run again (a new run with the same parameters)",
)
def rerun(request: HttpRequest, run_id: int) -> Status[dict[str, Any]]:
    user = signed_in(request)
    run = services.rerun_match_run(user, selectors.run_by_id(user, run_id))
    return Status(202, _run(run))


@router.post("/runs/{run_id}/confirm", response=RunOut, auth=AUTH, summary="Confirm a run into placement offers")
def confirm_run(request: HttpRequest, run_id: int) -> dict[str, Any]:
    user = signed_in(request)
    run = selectors.run_by_id(user, run_id)
    services.confirm_match_run(user, run)
    run.refresh_from_db()
    return _run(run)
