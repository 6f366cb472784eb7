"""Writes of the labour exchange: matching. Officials start an allocation run for a scheme's season (a durable
background job with progress), remove assignments they do not want, and confirm the run into placement offers.

A run is queued as a job (`labour/tasks.py`) in the same transaction that creates it, and computed by `migdev worker`;
or inline when `run_now` is given or the setting LABOUR_MATCHING_SYNC is true (tests, the CLI). A run whose worker
died is marked failed when another worker notices (`core.jobs.job_abandoned`), and its officials may re-run it.
"""

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.accounts.services import Actor
from migdev.core.errors import DomainError
from migdev.core.jobs import job_abandoned
from migdev.engines.executors import Executor
from migdev.labour import adapters
from migdev.labour.models import MatchAssignment, MatchRun, Scheme
from migdev.labour.services.protection import OfferDetails, offer_placement

logger = logging.getLogger(__name__)

SEASONS = (2000, 2100)
Progress = Callable[[int, str], None]


class RunNotReady(DomainError):
    """The run is not in a state that allows this (e.g. confirming a run that is still computing)."""

    code = "run_not_ready"


class RunFailed(DomainError):
    """The run failed: there is nothing to adjust or confirm; it may be re-run."""

    code = "run_failed"


def _check_season(season: int) -> None:
    if isinstance(season, bool) or not isinstance(season, int) or not SEASONS[0] <= season <= SEASONS[1]:
        raise DomainError(
            _("Give the season as a year from %(low)s to %(high)s.") % {"low": SEASONS[0], "high": SEASONS[1]},
            field="season",
        )


@checks_permission("labour.run_matching", obj="scheme")
def start_match_run(
    actor: Actor,
    scheme: Scheme,
    season: int,
    parameters: dict[str, Any] | None = None,
    *,
    run_now: bool = False,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> MatchRun:
    """Queue an allocation run of the scheme's season; it runs after the commit (or now, with `run_now`)."""
    _check_season(season)
    return _queue(actor, scheme, season, parameters, None, run_now=run_now, progress=progress, executor=executor)


@checks_permission("labour.run_matching", obj="run")
def rerun_match_run(
    actor: Actor,
    run: MatchRun,
    *,
    run_now: bool = False,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> MatchRun:
    """Start a failed run again, as a new run with the same scheme, season and parameters (linked to the old one)."""
    if run.status != MatchRun.Status.FAILED:
        raise RunNotReady(_("Only a failed run can be re-run."), field="status")
    return _queue(
        actor, run.scheme, run.season, run.parameters, run, run_now=run_now, progress=progress, executor=executor
    )


def _queue(
    actor: Actor,
    scheme: Scheme,
    season: int,
    parameters: dict[str, Any] | None,
    rerun_of: MatchRun | None,
    *,
    run_now: bool,
    progress: Progress | None,
    executor: Executor | None,
) -> MatchRun:
    adapters.MatchSettings.from_parameters(parameters)  # refuse bad parameters before queueing
    run = MatchRun.objects.create(
        scheme=scheme,
        season=season,
        parameters=dict(parameters or {}),
        created_by=actor if isinstance(actor, User) else None,
        rerun_of=rerun_of,
    )
    if run_now or getattr(settings, "LABOUR_MATCHING_SYNC", False):
        _execute(run, progress or _no_progress, executor)
        run.refresh_from_db()
    else:
        from migdev.labour.tasks import allocate_season

        with transaction.atomic():  # the job exists exactly when its run does
            run.job_id = str(allocate_season.enqueue(run.pk).id)
            run.save(update_fields=["job_id"])
    return run


UNFINISHED = (MatchRun.Status.QUEUED, MatchRun.Status.RUNNING)


ALLOCATION_JOB = "migdev.labour.tasks.allocate_season"


@receiver(job_abandoned, dispatch_uid="labour-run-abandoned")
def _fail_abandoned_run(sender: str, args: list[Any], **kwargs: Any) -> None:
    """The worker computing a run died: record why the run failed, so its officials can re-run it."""
    if sender != ALLOCATION_JOB:
        return
    MatchRun.objects.filter(pk__in=args[:1], status__in=UNFINISHED).update(
        status=MatchRun.Status.FAILED,
        failure=MatchRun.Failure.SERVER_STOPPED,
        stage="",
        finished_at=timezone.now(),
    )


def _no_progress(percent: int, stage: str) -> None:
    """Progress is stored on the run; callers that show it elsewhere pass their own callback."""


def _execute_queued_run(run_id: int) -> None:
    """Compute a queued run (the job's body); a run already finished or failed is left as it is."""
    run = MatchRun.objects.select_related("scheme").get(pk=run_id)
    if run.status in UNFINISHED:
        _execute(run, _no_progress, None)


def _step(run: MatchRun, progress: Progress, percent: int, stage: str, **fields: Any) -> None:
    values = {"progress": percent, "stage": stage, **fields}
    MatchRun.objects.filter(pk=run.pk).update(**values)
    for name, value in values.items():
        setattr(run, name, value)
    progress(percent, stage)


def _execute(run: MatchRun, progress: Progress, executor: Executor | None) -> None:
    """Compute the run: read the rows, score the admitted pairs, allocate, store assignments and the result."""
    _step(
        run,
        progress,
        5,
        str(_("Reading workers and vacancies")),
        status=MatchRun.Status.RUNNING,
        started_at=timezone.now(),
    )
    try:
        options = adapters.MatchSettings.from_parameters(run.parameters)
        scheme = run.scheme
        vacancies = list(adapters.season_vacancies(scheme, run.season))
        origins = [country.pk for country in scheme.eligible_origins.all()]
        workers = list(adapters.matchable_workers(origins))
        _step(run, progress, 20, str(_("Checking eligibility under the scheme's rules")))
        room = adapters.build_exchange(workers, vacancies, season=run.season, scheme=scheme)
        if room is None:
            reason = _nothing_reason(workers, vacancies)
            _finish(run, progress, {"nothing_to_allocate": True, "reason": reason, "assignments": []})
            return
        _step(run, progress, 45, str(_("Scoring eligible pairs")))
        own_executor = executor is None and options.executor != "local"
        runner = executor or options.make_executor()
        try:
            candidates = adapters.score_admitted(room, options, runner)
        finally:
            if own_executor and hasattr(runner, "close"):
                runner.close()
        if not len(candidates):
            _finish(
                run,
                progress,
                {
                    "nothing_to_allocate": True,
                    "reason": _("No eligible pair reaches the minimum score."),
                    "assignments": [],
                },
            )
            return
        _step(run, progress, 70, str(_("Allocating positions")))
        caps = adapters.season_caps(room, scheme, run.season, options.min_female_share)
        allocation = adapters.allocate_season(room, candidates, caps, options.weights)
        _step(run, progress, 90, str(_("Storing the result")))
        with transaction.atomic():
            _store(run, room, allocation, len(candidates))
            _finish(run, progress, run.result, allocation.objective, allocation.greedy_objective)
    except DomainError as error:
        _fail(run, progress, str(error.message))
    except Exception as error:
        logger.exception("labour matching run %s failed", run.pk)
        _fail(run, progress, _("The run failed: %(error)s") % {"error": error.__class__.__name__})


def _nothing_reason(workers: list[Any], vacancies: list[Any]) -> str:
    if not vacancies:
        return _("The scheme has no published vacancy starting in this season.")
    if not workers:
        return _("No worker from the scheme's origin countries is looking for work and agrees to be matched.")
    return _("No worker is eligible for any of the season's vacancies under the scheme's rules.")


def _store(run: MatchRun, room: adapters.RoomExchange, allocation: adapters.SeasonAllocation, pairs: int) -> None:
    MatchAssignment.objects.filter(run=run).delete()
    MatchAssignment.objects.bulk_create(
        [
            MatchAssignment(run=run, worker=a.worker, vacancy=a.vacancy, score=a.score, explanation=a.as_json())
            for a in allocation.assignments
        ]
    )
    run.result = {
        "nothing_to_allocate": False,
        "method": allocation.method,
        "workers": len(room.workers),
        "workers_without_skills": room.skipped_workers,
        "vacancies": len(room.vacancies),
        "eligible_pairs": room.pairs,
        "scored_pairs": pairs,
        "objective": round(allocation.objective, 6),
        "greedy_objective": round(allocation.greedy_objective, 6),
        "greedy_assigned": allocation.greedy_assigned,
        "unassigned_workers": allocation.unassigned_workers,
        "assignments": [
            {"worker": a.worker.pseudonym, "vacancy": a.vacancy.pk, "score": round(a.score, 6)}
            for a in allocation.assignments
        ],
        "vacancy_values": [
            {
                "vacancy": v.vacancy.pk,
                "title": v.vacancy.title,
                "positions": v.positions,
                "filled": v.filled,
                "one_more_position_adds": v.one_more_position_adds,
            }
            for v in allocation.vacancies
        ],
    }


def _finish(
    run: MatchRun,
    progress: Progress,
    result: dict[str, Any],
    objective: float | None = None,
    greedy: float | None = None,
) -> None:
    _step(
        run,
        progress,
        100,
        str(_("Done")),
        status=MatchRun.Status.DONE,
        result=result,
        objective=objective,
        greedy_objective=greedy,
        finished_at=timezone.now(),
    )


def _fail(run: MatchRun, progress: Progress, message: str) -> None:
    _step(
        run,
        progress,
        100,
        str(_("Failed")),
        status=MatchRun.Status.FAILED,
        error=message,
        finished_at=timezone.now(),
    )


def _refuse_failed(run: MatchRun) -> None:
    if run.status == MatchRun.Status.FAILED:
        raise RunFailed(
            _("This run failed: %(reason)s") % {"reason": run.failure_message or _("no reason was recorded.")},
            field="status",
        )


def _locked(run: MatchRun) -> MatchRun:
    """The run, locked for the change."""
    return MatchRun.objects.select_for_update().get(pk=run.pk)


def _check_adjustable(assignment: MatchAssignment) -> None:
    run = _locked(assignment.run)
    _refuse_failed(run)
    if run.status != MatchRun.Status.DONE:
        raise RunNotReady(_("Only a finished, unconfirmed run can be adjusted."), field="status")


@checks_permission("labour.change_matchrun", obj="assignment")
def remove_assignment(actor: Actor, assignment: MatchAssignment) -> MatchAssignment:
    """Take an assignment out of a run before it is confirmed (the worker is not offered this vacancy)."""
    _check_adjustable(assignment)
    assignment.removed = True
    assignment.save(update_fields=["removed"])
    return assignment


@checks_permission("labour.change_matchrun", obj="assignment")
def restore_assignment(actor: Actor, assignment: MatchAssignment) -> MatchAssignment:
    """Put a removed assignment back before the run is confirmed."""
    _check_adjustable(assignment)
    assignment.removed = False
    assignment.save(update_fields=["removed"])
    return assignment


@checks_permission("labour.confirm_matchrun", obj="run")
def confirm_match_run(actor: User, run: MatchRun, offered_on: date | None = None) -> list[MatchAssignment]:
    """Offer every kept assignment through the protection part's offer service, in one transaction.

    An offer the service refuses (a cap reached since the run, a worker no longer eligible...) is kept with its
    reason; the others stand. Returns the assignments offered or refused.
    """
    current = _locked(run)
    run.status, run.failure, run.error = current.status, current.failure, current.error
    _refuse_failed(run)
    if run.status != MatchRun.Status.DONE:
        raise RunNotReady(_("Only a finished, unconfirmed run can be confirmed."), field="status")
    on = offered_on or timezone.localdate()
    kept = list(
        run.assignments.filter(removed=False)
        .select_related("worker__user", "vacancy__scheme", "vacancy__employer", "vacancy__recruiter")
        .order_by("-score", "worker_id")
    )
    for assignment in kept:
        try:
            assignment.placement = offer_placement(
                actor, assignment.vacancy, assignment.worker, OfferDetails(season=run.season, offered_on=on)
            )
            assignment.refusal = ""
        except DomainError as error:
            assignment.placement = None
            assignment.refusal = str(error.message)
        assignment.save(update_fields=["placement", "refusal"])
    run.status = MatchRun.Status.CONFIRMED
    run.confirmed_at = timezone.now()
    run.confirmed_by = actor
    run.save(update_fields=["status", "confirmed_at", "confirmed_by"])
    return kept
