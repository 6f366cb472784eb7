"""The impact demo: a project at each stage (and one screened out), and running it again changes nothing."""

from typing import Any

from migdev.accounts.demo import load_demo_accounts
from migdev.core.progress import SilentProgress
from migdev.impact.demo import load_impact_demo
from migdev.impact.dimensions import STAGES
from migdev.impact.models import Project, StageVersion


def test_the_demo_shows_every_stage_and_is_idempotent(db: Any) -> None:
    load_demo_accounts(SilentProgress())
    load_impact_demo(SilentProgress())
    stages = set(Project.objects.filter(title__startswith="Demo:").values_list("stage", flat=True))
    assert stages == set(STAGES)
    assert Project.objects.filter(status=Project.Status.SCREENED_OUT).count() == 1
    counts = (Project.objects.count(), StageVersion.objects.count())
    load_impact_demo(SilentProgress())
    assert (Project.objects.count(), StageVersion.objects.count()) == counts
