"""Reads of the labour exchange: matching. Ranked candidates of a vacancy, a worker's recommended vacancies, and the
allocation runs of a scheme with their assignments, greedy baseline and dual prices.

Every list is computed by the matching engine through `labour.adapters` on the pairs the room's eligibility rules
admit; employers see workers by pseudonym only. Reading runs first fails those whose process is gone (the one write
here, through the service), so no page shows a run as running that can no longer finish.
"""

from collections import Counter
from dataclasses import dataclass, field

import rules
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from migdev.accounts.services import Actor
from migdev.core.errors import NotFound, PermissionDenied
from migdev.core.jobs import any_worker_alive
from migdev.labour import adapters, eligibility
from migdev.labour.models import MatchAssignment, MatchRun, Scheme, Vacancy, WorkerProfile

SHORTLIST_MAX = 100


def _allowed(permission: str, viewer: Actor, obj: object) -> bool:
    return bool(rules.has_perm(permission, viewer, obj) or getattr(viewer, "is_superuser", False))


def _limit(limit: int) -> int:
    return max(1, min(int(limit), SHORTLIST_MAX))


@dataclass(frozen=True)
class RankedCandidate:
    """A worker (by pseudonym) ranked for a vacancy, why, and where their invitation stands."""

    rank: int
    pseudonym: str
    explanation: adapters.PairExplanation
    invitation: str = ""


@dataclass(frozen=True)
class Shortlist:
    vacancy: Vacancy
    candidates: list[RankedCandidate] = field(default_factory=list)
    eligible_pairs: int = 0
    workers_without_skills: int = 0


def vacancy_shortlist(viewer: Actor, vacancy: Vacancy, limit: int = 20) -> Shortlist:
    """The vacancy's best eligible candidates (who agreed to be matched), with explanations; employers' own only."""
    if not _allowed("labour.view_vacancy_shortlist", viewer, vacancy):
        raise PermissionDenied(_("You may not see this vacancy's candidates."), field="id")
    room = adapters.build_exchange(adapters.matchable_workers(), [vacancy])
    if room is None:
        return Shortlist(vacancy)
    options = adapters.MatchSettings()
    candidates = adapters.score_admitted(room, options)
    top = adapters.ranked(candidates, room, vacancy=0, limit=_limit(limit))
    invited = dict(vacancy.invitations.values_list("worker_id", "status"))
    return Shortlist(
        vacancy=vacancy,
        candidates=[
            RankedCandidate(rank, e.worker.pseudonym, e, invited.get(e.worker.pk, ""))
            for rank, e in enumerate(adapters.explain_rows(room, options.weights, top), start=1)
        ],
        eligible_pairs=room.pairs,
        workers_without_skills=room.skipped_workers,
    )


def worker_recommendations(viewer: Actor, worker: WorkerProfile, limit: int = 10) -> list[adapters.PairExplanation]:
    """Published vacancies the worker is eligible for, best match first, with why; for the worker only."""
    if not _allowed("labour.view_recommendations", viewer, worker):
        raise PermissionDenied(_("You may only see your own recommendations."), field="worker")
    room = adapters.build_exchange([worker], adapters.published_vacancies())
    if room is None:
        return []
    options = adapters.MatchSettings()
    candidates = adapters.score_admitted(room, options)
    return adapters.explain_rows(
        room, options.weights, adapters.ranked(candidates, room, worker=0, limit=_limit(limit))
    )


@dataclass(frozen=True)
class RuleCount:
    """A rule that closes some of the published vacancies to the worker, and how many."""

    message: str
    vacancies: int


@dataclass(frozen=True)
class NoRecommendationCause:
    """One reason a worker's recommendations are empty, and the page (URL name) where it is fixed or explained."""

    code: str
    message: str
    fix_url_name: str
    fix_label: str
    rules: list[RuleCount] = field(default_factory=list)


# Reasons the worker's own profile answers: they are reported once, as a cause of their own.
_PROFILE_CAUSES = {"not_available", "worker_erased"}
RULES_SHOWN = 8


def why_no_recommendation(viewer: Actor, worker: WorkerProfile) -> list[NoRecommendationCause]:
    """Every cause, among those that hold, of an empty list of recommendations: the worker is not looking for work,
    lists no skills, no vacancy is published, or none is open to them (with the rules that close them, most
    frequent first), or those open to them ask for no skill to compare."""
    if not _allowed("labour.view_recommendations", viewer, worker):
        raise PermissionDenied(_("You may only see your own recommendations."), field="worker")
    profile = _("Open my profile")
    causes = []
    if worker.erased_at is not None:
        causes.append(
            NoRecommendationCause("worker_erased", _("Your worker profile was erased."), "labour:my_profile", profile)
        )
    if not worker.is_available:
        causes.append(
            NoRecommendationCause(
                "not_available",
                _("You are not marked as looking for work: tick “I am looking for work” in your profile."),
                "labour:my_profile",
                profile,
            )
        )
    if not worker.skills.exists():
        causes.append(
            NoRecommendationCause(
                "no_skills",
                _("Your profile lists no skills, so no vacancy can be compared with it: add your skills."),
                "labour:my_profile",
                profile,
            )
        )
    vacancies = list(adapters.published_vacancies())
    if not vacancies:
        causes.append(
            NoRecommendationCause(
                "no_vacancy",
                _("No vacancy is published at the moment."),
                "labour:vacancy_list",
                _("Published vacancies"),
            )
        )
        return causes
    results = eligibility.check_many([worker], vacancies)
    closed_by: Counter[str] = Counter()
    open_to_worker = 0
    for vacancy in vacancies:
        reasons = [r for r in results[(worker.pk, vacancy.pk)].reasons if r.code not in _PROFILE_CAUSES]
        open_to_worker += not reasons
        closed_by.update({r.message for r in reasons})
    if not open_to_worker:
        causes.append(
            NoRecommendationCause(
                "no_eligible_vacancy",
                ngettext(
                    "The published vacancy is not open to you:",
                    "None of the %(count)s published vacancies is open to you:",
                    len(vacancies),
                )
                % {"count": len(vacancies)},
                "labour:my_vacancies",
                _("Every vacancy with its reasons"),
                [RuleCount(message, count) for message, count in closed_by.most_common(RULES_SHOWN)],
            )
        )
    elif not causes:
        causes.append(
            NoRecommendationCause(
                "nothing_to_compare",
                ngettext(
                    "%(count)s vacancy is open to you, but it asks for no skill to compare with yours.",
                    "%(count)s vacancies are open to you, but they ask for no skill to compare with yours.",
                    open_to_worker,
                )
                % {"count": open_to_worker},
                "labour:my_vacancies",
                _("Vacancies I am eligible for"),
            )
        )
    return causes


# --- runs ----------------------------------------------------------------------------------------------------------


def scheme_for_matching(viewer: Actor, scheme_id: int) -> Scheme:
    """A scheme whose allocation runs the viewer may see (officials of its destination, stewards)."""
    found = Scheme.objects.select_related("destination").filter(pk=scheme_id).first()
    if found is None:
        raise NotFound(_("No such scheme."), field="scheme")
    if not _allowed("labour.view_matchrun", viewer, found):
        raise PermissionDenied(
            _("Only officials of the scheme's destination may allocate its seasons."), field="scheme"
        )
    return found


def scheme_by_code(code: str) -> Scheme:
    found = Scheme.objects.select_related("destination").filter(code=code).first()
    if found is None:
        raise NotFound(_("No scheme with the code %(code)s.") % {"code": code}, field="scheme")
    return found


def runs_of_scheme(viewer: Actor, scheme: Scheme) -> QuerySet[MatchRun]:
    if not _allowed("labour.view_matchrun", viewer, scheme):
        raise PermissionDenied(
            _("Only officials of the scheme's destination may allocate its seasons."), field="scheme"
        )
    return MatchRun.objects.filter(scheme=scheme).select_related("scheme__destination", "created_by")


def run_by_id(viewer: Actor, run_id: int) -> MatchRun:
    """A run, to the destination's officials and stewards; to anyone else it is "not found", as a missing id, so a
    country's runs cannot be probed from another."""
    found = MatchRun.objects.select_related("scheme__destination", "created_by").filter(pk=run_id).first()
    if found is None or not _allowed("labour.view_matchrun", viewer, found):
        raise NotFound(_("No such allocation run."), field="id")
    return found


def waiting_for_a_worker(run: MatchRun) -> bool:
    """Whether a queued or running run cannot progress because no job worker runs (it will when one starts)."""
    unfinished = run.status in (MatchRun.Status.QUEUED, MatchRun.Status.RUNNING)
    return unfinished and bool(run.job_id) and not any_worker_alive()


def assignment_of(viewer: Actor, run: MatchRun, assignment_id: int) -> MatchAssignment:
    found = MatchAssignment.objects.select_related("run__scheme").filter(run=run, pk=assignment_id).first()
    if found is None:
        raise NotFound(_("No such assignment in this run."), field="assignment")
    return found


@dataclass(frozen=True)
class RunReview:
    """A run with its assignments (kept and removed) and, per vacancy, what one more position would add."""

    run: MatchRun
    assignments: list[MatchAssignment]
    vacancy_values: list[dict[str, object]]
    reruns: list[int] = field(default_factory=list)

    @property
    def kept(self) -> int:
        return sum(1 for a in self.assignments if not a.removed)

    @property
    def greedy_ratio(self) -> float | None:
        run = self.run
        if not run.objective or run.greedy_objective is None:
            return None
        return run.greedy_objective / run.objective


def run_review(viewer: Actor, run: MatchRun) -> RunReview:
    if not _allowed("labour.view_matchrun", viewer, run):
        raise PermissionDenied(_("Only officials of the scheme's destination may see its runs."), field="id")
    assignments = list(
        run.assignments.select_related("worker__nationality", "vacancy__employer", "placement").order_by(
            "vacancy_id", "-score", "worker_id"
        )
    )
    values = sorted(
        run.result.get("vacancy_values", []),
        key=lambda v: -(v.get("one_more_position_adds") or 0.0),
    )
    reruns = list(run.reruns.order_by("pk").values_list("pk", flat=True))
    return RunReview(run=run, assignments=assignments, vacancy_values=values, reruns=reruns)
