"""The assessment's workflow: saving each stage's output as a new version, moving on, review, decision, monitoring.

Stages cannot be skipped: an output is saved only for the current stage or an earlier one, and the project moves on
only when the current stage is complete (`requirements.missing`). A statement cannot be decided without a review
that found the latest statement adequate.
"""

import datetime
from typing import Any

from django.db.models import Max
from django.utils.translation import gettext as _

from migdev.accounts.models import User
from migdev.accounts.rules import checks_permission
from migdev.core.errors import DomainError
from migdev.core.models import Country
from migdev.impact import outputs, requirements
from migdev.impact.dimensions import DRAFT_STAGES, STAGE_LABELS, STAGES
from migdev.impact.models import Evidence, Measure, MonitoringIndicator, Project, ScreeningItem, StageVersion
from migdev.impact.selectors import baseline
from migdev.impact.selectors.projects import latest_versions

VERDICTS = ("adequate", "revise")
OUTCOMES = ("approved", "conditional", "refused")


class StageNotReached(DomainError):
    """The project is not at the stage this step belongs to (stages cannot be skipped)."""

    code = "stage_not_reached"
    status = 409


def _new_version(actor: User, project: Project, stage: str, data: dict[str, Any]) -> StageVersion:
    number = (project.versions.filter(stage=stage).aggregate(n=Max("number"))["n"] or 0) + 1
    version = StageVersion.objects.create(project=project, stage=stage, number=number, data=data, author=actor)
    project.save(update_fields=["updated_at"])
    return version


def _check_draftable(project: Project, stage: str) -> None:
    if stage not in DRAFT_STAGES:
        raise DomainError(_("Choose a stage the proponent drafts."), field="stage")
    if project.closed or project.stage not in DRAFT_STAGES:
        raise StageNotReached(_("The statement has been submitted: the proponent's stages are closed."), "stage")
    if STAGES.index(stage) > STAGES.index(project.stage):
        raise StageNotReached(
            _("Stages cannot be skipped: the project is at %(current)s, not yet at %(stage)s.")
            % {"current": STAGE_LABELS[project.stage], "stage": STAGE_LABELS[stage]},
            "stage",
        )


def _items() -> list[str]:
    return list(ScreeningItem.objects.order_by("order").values_list("code", flat=True))


@checks_permission("impact.draft_stage", obj="project")
def save_stage(actor: User, project: Project, stage: str, data: dict[str, Any]) -> StageVersion:
    """Save a new version of a drafted stage's output (screening, scoping, prediction, significance, mitigation,
    statement; the baseline is drawn by `draw_baseline`)."""
    _check_draftable(project, stage)
    latest = latest_versions(project)
    if stage == "screening":
        cleaned = outputs.clean_screening(data, _items())
    elif stage == "scoping":
        cleaned = outputs.clean_scoping(data, set(Country.objects.values_list("pk", flat=True)))
    elif stage == "baseline":
        return _draw(actor, project, latest, str(data.get("notes") or ""))
    elif stage == "prediction":
        scope = latest["scoping"].data.get("dimensions", []) if "scoping" in latest else []
        cleaned = outputs.clean_prediction(data, scope)
    elif stage == "significance":
        if "prediction" not in latest:
            raise StageNotReached(_("Enter the impact matrix first."), "stage")
        cleaned = outputs.rate(latest["prediction"].data, latest["prediction"].number, data.get("notes"))
    elif stage == "mitigation":
        rated = latest["significance"].data.get("impacts", []) if "significance" in latest else []
        cleaned = outputs.clean_mitigation(
            data,
            len(rated),
            set(Measure.objects.values_list("pk", flat=True)),
            set(MonitoringIndicator.objects.values_list("pk", flat=True)),
        )
    else:
        summary = outputs.clean_text(data.get("summary"), "summary", limit=10000)
        cleaned = {"summary": summary, "rests_on": {s: v.number for s, v in latest.items() if s in DRAFT_STAGES}}
    version = _new_version(actor, project, stage, cleaned)
    if stage == "screening" and cleaned.get("outcome"):
        project.screening_outcome = cleaned["outcome"]
        project.save(update_fields=["screening_outcome", "updated_at"])
    return version


def _draw(actor: User, project: Project, latest: dict[str, StageVersion], notes: str) -> StageVersion:
    scoping = latest["scoping"].data if "scoping" in latest else {}
    drawn = baseline.draw(project.country_id, scoping.get("origins", []), scoping.get("destinations", []))
    drawn["notes"] = outputs.clean_text(notes, "notes")
    return _new_version(actor, project, "baseline", drawn)


@checks_permission("impact.draft_stage", obj="project")
def draw_baseline(actor: User, project: Project, notes: str = "") -> StageVersion:
    """Draw the baseline again from the platform's data for the project's country and area of influence."""
    _check_draftable(project, "baseline")
    return _draw(actor, project, latest_versions(project), notes)


def stage_missing(project: Project, latest: dict[str, StageVersion] | None = None) -> list[str]:
    """What the project's current stage still needs before it may move on."""
    latest = latest if latest is not None else latest_versions(project)
    items = _items() if project.stage == "screening" else []
    with_document = (
        set(Evidence.objects.filter(project=project, stage="screening").values_list("item", flat=True))
        if project.stage == "screening"
        else set()
    )
    return requirements.missing(project.stage, project.screening_outcome, latest, items, with_document)


@checks_permission("impact.draft_stage", obj="project")
def advance(actor: User, project: Project) -> Project:
    """Move the project to the next stage once the current one is complete; from the statement, submit it."""
    if project.closed or project.stage not in DRAFT_STAGES:
        raise StageNotReached(_("The proponent cannot move the project on from this stage."), "stage")
    reasons = stage_missing(project)
    if reasons:
        raise DomainError(" ".join(reasons), field="stage")
    if project.stage == "screening" and project.screening_outcome == Project.Outcome.NONE:
        project.status = Project.Status.SCREENED_OUT
    else:
        project.stage = requirements.next_stage(project.stage) or project.stage
        project.status = Project.Status.IN_REVIEW if project.stage == "review" else Project.Status.DRAFTING
    project.save(update_fields=["stage", "status", "updated_at"])
    return project


@checks_permission("impact.review_project", obj="project")
def record_review(actor: User, project: Project, verdict: str, comments: str) -> StageVersion:
    """The reviewer's assessment of the submitted statement: adequate (on to the decision) or revise (back)."""
    if project.stage != "review":
        raise StageNotReached(_("Only a submitted statement can be reviewed."), "stage")
    outputs.one_of(verdict, VERDICTS, "verdict")
    statement = latest_versions(project).get("statement")
    data = {
        "verdict": verdict,
        "comments": outputs.clean_text(comments, "comments", required=verdict == "revise", limit=10000),
        "statement_version": statement.number if statement else None,
    }
    version = _new_version(actor, project, "review", data)
    if verdict == "adequate":
        project.stage, project.status = "decision", Project.Status.AWAITING_DECISION
    else:
        project.stage, project.status = "statement", Project.Status.REVISION
    project.save(update_fields=["stage", "status", "updated_at"])
    return version


@checks_permission("impact.decide_project", obj="project")
def record_decision(actor: User, project: Project, outcome: str, reasons: str, conditions: list[str]) -> StageVersion:
    """The country's decision on the statement, with its conditions; only after a review found it adequate."""
    latest = latest_versions(project)
    review, statement = latest.get("review"), latest.get("statement")
    reviewed = (
        review is not None
        and review.data.get("verdict") == "adequate"
        and statement is not None
        and review.data.get("statement_version") == statement.number
    )
    if project.stage != "decision" or not reviewed:
        raise StageNotReached(_("A statement cannot be decided without a review that found it adequate."), "stage")
    outputs.one_of(outcome, OUTCOMES, "outcome")
    kept = [outputs.clean_text(c, f"conditions[{i}]", limit=1000) for i, c in enumerate(conditions[:30])]
    kept = [c for c in kept if c]
    if outcome == "conditional" and not kept:
        raise DomainError(_("An approval with conditions states at least one condition."), field="conditions")
    data = {
        "outcome": outcome,
        "reasons": outputs.clean_text(reasons, "reasons", required=True, limit=10000),
        "conditions": kept if outcome == "conditional" else [],
        "review_version": review.number if review else None,
        "statement_version": statement.number if statement else None,
    }
    version = _new_version(actor, project, "decision", data)
    project.status = {"approved": Project.Status.APPROVED, "conditional": Project.Status.CONDITIONAL}.get(
        outcome, Project.Status.REFUSED
    )
    if outcome != "refused":
        project.stage = "monitoring"
    project.save(update_fields=["stage", "status", "updated_at"])
    return version


@checks_permission("impact.add_monitoring", obj="project")
def add_monitoring_update(
    actor: User, project: Project, indicator: str, date: datetime.date, value: str, note: str = ""
) -> StageVersion:
    """A dated monitoring observation of one indicator of the plan (each update is kept: the history over time)."""
    if project.stage != "monitoring":
        raise StageNotReached(_("Monitoring starts once the statement is approved."), "stage")
    plan = latest_versions(project).get("mitigation")
    planned = {row["indicator"] for row in plan.data.get("indicators", [])} if plan else set()
    if indicator not in planned:
        raise DomainError(_("Choose an indicator of the monitoring plan."), field="indicator")
    if date > datetime.date.today():
        raise DomainError(_("The date is in the future."), field="date")
    data = {
        "indicator": indicator,
        "date": date.isoformat(),
        "value": outputs.clean_text(value, "value", required=True, limit=200),
        "note": outputs.clean_text(note, "note", limit=2000),
    }
    return _new_version(actor, project, "monitoring", data)
