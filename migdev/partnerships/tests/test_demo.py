"""The partnerships demo: a business advisory board with members and two recommendations, commitments with progress,
every record marked as a demo example; loading it again changes nothing."""

import pytest

from migdev.accounts.demo import load_demo_accounts
from migdev.core.progress import SilentProgress
from migdev.partnerships.demo import load_partnerships_demo
from migdev.partnerships.models import AdvisoryBoard, Commitment, Partner, ProgressUpdate

pytestmark = pytest.mark.django_db


def test_the_demo_shows_every_feature_and_is_idempotent() -> None:
    load_demo_accounts(SilentProgress())
    load_partnerships_demo(SilentProgress())
    counts = (Partner.objects.count(), Commitment.objects.count(), ProgressUpdate.objects.count())
    load_partnerships_demo(SilentProgress())
    assert (Partner.objects.count(), Commitment.objects.count(), ProgressUpdate.objects.count()) == counts
    board = AdvisoryBoard.objects.get()
    assert board.is_demo and board.members.count() == 4 and board.recommendations.count() == 2
    assert board.members.filter(person_name__contains="(demo)", until__isnull=False).exists()
    assert board.meetings.exclude(minutes_name="").exists() and board.meetings.exclude(agenda="").count() == 2
    assert {r.follow_up for r in board.recommendations.all()} == {"in_progress", "implemented"}
    assert all(r.commitments.exists() for r in board.recommendations.all())
    assert not Commitment.objects.filter(is_demo=False).exists() and ProgressUpdate.objects.exists()
    assert all("(demo)" in c.title for c in Commitment.objects.all())
    maple = Partner.objects.get(kind="business")
    assert maple.organisation is not None and maple.organisation.memberships.filter(user__username="demo-employer")
    assert any(c.is_overdue for c in Commitment.objects.all())
    assert Commitment.objects.filter(status="fulfilled").exists()
