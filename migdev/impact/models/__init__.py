"""Tables of the impact room: the projects and their versioned stage outputs, and the shipped library."""

from migdev.impact.models.library import Measure, MonitoringIndicator, ScreeningItem
from migdev.impact.models.projects import Evidence, Project, StageVersion

__all__ = ["Evidence", "Measure", "MonitoringIndicator", "Project", "ScreeningItem", "StageVersion"]
