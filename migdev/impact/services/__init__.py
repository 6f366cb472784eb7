"""Writes of the impact room, by part: projects (facts, evidence) and workflow (stage outputs, review, decision,
monitoring). Each checks its permission first and runs in one transaction."""

from migdev.impact.services.projects import (
    ProjectInput,
    add_evidence,
    create_project,
    update_project,
)
from migdev.impact.services.workflow import (
    StageNotReached,
    add_monitoring_update,
    advance,
    draw_baseline,
    record_decision,
    record_review,
    save_stage,
)

__all__ = [
    "ProjectInput",
    "StageNotReached",
    "add_evidence",
    "add_monitoring_update",
    "advance",
    "create_project",
    "draw_baseline",
    "record_decision",
    "record_review",
    "save_stage",
    "update_project",
]
