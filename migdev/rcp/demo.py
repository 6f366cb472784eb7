"""The rcp demo (filled in below)."""

from migdev.core.progress import ProgressReporter


def load_rcp_demo(progress: ProgressReporter) -> str:
    return "rcp demo"
