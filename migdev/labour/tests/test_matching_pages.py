"""Matching pages: the employer's ranked candidates (and invitation), the worker's recommendations, the officials' runs
with the htmx-polled status, review, removal and confirmation."""

from typing import Any

import pytest
from django.test import Client

from migdev.accounts.models import User
from migdev.labour.models import Invitation, MatchAssignment, MatchRun, Placement
from migdev.labour.services import matching as services
from migdev.labour.tests.factories_matching import MatchingWorld

pytestmark = pytest.mark.django_db

ROOT = "/en/labour"


@pytest.fixture
def world(settings: Any) -> MatchingWorld:
    settings.LABOUR_MATCHING_SYNC = True
    return MatchingWorld()


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_employer_ranks_and_invites_from_the_shortlist(world: MatchingWorld) -> None:
    client = client_for(world.employer_member)
    page = client.get(f"{ROOT}/vacancies/{world.farm.pk}/candidates/ranked/")
    assert page.status_code == 200
    text = page.content.decode()
    assert text.index("W-BEST") < text.index("W-GOOD") < text.index("W-SOME")
    assert "W-GTM" not in text and "Essential skills missing" in text
    response = client.post(f"{ROOT}/vacancies/{world.farm.pk}/candidates/ranked/", {"worker": "W-GOOD"})
    assert response.status_code == 302
    assert Invitation.objects.filter(vacancy=world.farm, worker=world.good).exists()
    candidates = client.get(f"{ROOT}/vacancies/{world.farm.pk}/candidates/").content.decode()
    assert f"/vacancies/{world.farm.pk}/candidates/ranked/" in candidates


def test_shortlist_page_is_refused_to_another_employer(world: MatchingWorld) -> None:
    assert client_for(world.other_member).get(f"{ROOT}/vacancies/{world.farm.pk}/candidates/ranked/").status_code == 403


def test_worker_sees_recommended_vacancies(world: MatchingWorld) -> None:
    page = client_for(world.best.user).get(f"{ROOT}/worker/recommendations/")
    assert page.status_code == 200
    assert "Farm worker" in page.content.decode() and "Orchard" in page.content.decode()
    assert client_for(world.employer_member).get(f"{ROOT}/worker/recommendations/").status_code == 302


def test_official_starts_reviews_and_confirms_a_run(world: MatchingWorld) -> None:
    client = client_for(world.official)
    home = client.get(f"{ROOT}/official/matching/").content.decode()
    assert world.scheme.name in home
    response = client.post(f"{ROOT}/official/schemes/{world.scheme.pk}/runs/", {"season": world.season, "min_score": 0})
    run = MatchRun.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/official/runs/{run.pk}/")
    review = client.get(f"{ROOT}/official/runs/{run.pk}/").content.decode()
    assert "Greedy baseline" in review and "One more position here would add" in review and "W-BEST" in review
    cleaner = MatchAssignment.objects.get(run=run, worker=world.cleaner)
    client.post(f"{ROOT}/official/runs/{run.pk}/assignments/{cleaner.pk}/remove/")
    cleaner.refresh_from_db()
    assert cleaner.removed
    client.post(f"{ROOT}/official/runs/{run.pk}/confirm/")
    assert Placement.objects.filter(season=world.season).count() == 3
    assert "Offered" in client.get(f"{ROOT}/official/runs/{run.pk}/").content.decode()


def test_status_fragment_polls_while_queued_then_refreshes(world: MatchingWorld, settings: Any) -> None:
    settings.LABOUR_MATCHING_SYNC = False
    run = services.start_match_run(world.official, world.scheme, world.season)
    client = client_for(world.official)
    fragment = client.get(f"{ROOT}/official/runs/{run.pk}/status/")
    assert 'hx-trigger="load delay:1s"' in fragment.content.decode() and "HX-Refresh" not in fragment
    MatchRun.objects.filter(pk=run.pk).update(status=MatchRun.Status.DONE, progress=100)
    done = client.get(f"{ROOT}/official/runs/{run.pk}/status/")
    assert done["HX-Refresh"] == "true" and "hx-get" not in done.content.decode()


def test_run_pages_are_for_officials_of_the_destination(world: MatchingWorld) -> None:
    run = services.start_match_run(world.official, world.scheme, world.season, run_now=True)
    other = client_for(world.other_official)
    assert other.get(f"{ROOT}/official/schemes/{world.scheme.pk}/runs/").status_code == 403
    assert (
        other.get(f"{ROOT}/official/runs/{run.pk}/").status_code == 404
    )  # another country's run is "not found", as a missing one
    assert other.post(f"{ROOT}/official/runs/{run.pk}/confirm/").status_code == 404
    assert client_for(world.official).get(f"{ROOT}/official/schemes/999999/runs/").status_code == 404


def test_bad_season_in_the_form_is_shown(world: MatchingWorld) -> None:
    page = client_for(world.official).post(f"{ROOT}/official/schemes/{world.scheme.pk}/runs/", {"season": 1700})
    assert page.status_code == 200 and not MatchRun.objects.exists()
    assert "errorlist" in page.content.decode()
