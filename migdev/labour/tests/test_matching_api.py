"""Matching API: shortlists for the vacancy's employer only, recommendations for the worker only, runs for officials
of the scheme's destination; bad input gives a precise error."""

from typing import Any

import pytest
from django.test import Client

from migdev.accounts.models import User
from migdev.accounts.services import create_api_token
from migdev.labour.models import MatchRun, Placement
from migdev.labour.tests.factories_matching import MatchingWorld

pytestmark = pytest.mark.django_db

API = "/api/v1/labour"


@pytest.fixture
def world(settings: Any) -> MatchingWorld:
    settings.LABOUR_MATCHING_SYNC = True
    return MatchingWorld()


def client(user: User | None) -> Client:
    if user is None:
        return Client()
    _token, key = create_api_token(user, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def get(user: User | None, path: str) -> Any:
    return client(user).get(f"{API}{path}")


def post(user: User | None, path: str, body: Any = None) -> Any:
    return client(user).post(f"{API}{path}", body or {}, content_type="application/json")


def test_employer_sees_its_vacancy_shortlist_with_explanations(world: MatchingWorld) -> None:
    response = get(world.employer_member, f"/vacancies/{world.farm.pk}/shortlist?k=3")
    assert response.status_code == 200, response.content
    body = response.json()
    assert [c["pseudonym"] for c in body["candidates"]] == ["W-BEST", "W-GOOD", "W-SOME"]
    first = body["candidates"][0]["explanation"]
    assert first["missing_essential"] == [] and first["matched_essential"]
    assert {c["component"] for c in first["contributions"]} >= {"essential", "occupation", "returning"}
    pseudonyms = {
        c["pseudonym"] for c in get(world.employer_member, f"/vacancies/{world.farm.pk}/shortlist").json()["candidates"]
    }
    assert pseudonyms.isdisjoint({"W-GTM", "W-NOENG", "W-NOCONS"})


def test_shortlist_is_refused_to_other_employers_and_workers(world: MatchingWorld) -> None:
    assert get(world.other_member, f"/vacancies/{world.farm.pk}/shortlist").status_code == 403
    assert get(world.best.user, f"/vacancies/{world.farm.pk}/shortlist").status_code == 403
    assert get(None, f"/vacancies/{world.farm.pk}/shortlist").status_code == 401
    assert get(world.official, f"/vacancies/{world.farm.pk}/shortlist").status_code == 200
    assert get(world.steward, f"/vacancies/{world.farm.pk}/shortlist").status_code == 200
    assert get(world.employer_member, "/vacancies/999999/shortlist").status_code == 404


def test_worker_sees_their_own_recommendations(world: MatchingWorld) -> None:
    response = get(world.best.user, "/workers/me/recommendations")
    assert response.status_code == 200, response.content
    body = response.json()
    assert {r["vacancy"] for r in body} == {world.farm.pk, world.orchard.pk}
    assert body[0]["explanation"]["score"] > 0
    assert get(world.foreign.user, "/workers/me/recommendations").json() == []
    assert get(world.employer_member, "/workers/me/recommendations").status_code == 404
    assert get(None, "/workers/me/recommendations").status_code == 401


def test_official_runs_reviews_adjusts_and_confirms(world: MatchingWorld) -> None:
    response = post(world.official, f"/schemes/{world.scheme.pk}/runs", {"season": world.season})
    assert response.status_code == 202, response.content
    run = response.json()
    assert run["status"] == "done" and run["progress"] == 100 and len(run["assignments"]) == 4
    assert run["result"]["vacancy_values"] and run["greedy_objective"] <= run["objective"]
    cleaner = next(a for a in run["assignments"] if a["worker"] == "W-CLEAN")
    removed = post(world.official, f"/runs/{run['id']}/assignments/{cleaner['id']}/remove")
    assert removed.status_code == 200
    assert next(a for a in removed.json()["assignments"] if a["worker"] == "W-CLEAN")["removed"] is True
    confirmed = post(world.official, f"/runs/{run['id']}/confirm")
    assert confirmed.status_code == 200, confirmed.content
    assert confirmed.json()["status"] == "confirmed"
    assert Placement.objects.filter(season=world.season).count() == 3
    assert post(world.official, f"/runs/{run['id']}/confirm").json()["error"]["code"] == "run_not_ready"


def test_runs_are_for_officials_of_the_schemes_destination(world: MatchingWorld) -> None:
    for outsider in (world.other_official, world.employer_member, world.best.user):
        assert post(outsider, f"/schemes/{world.scheme.pk}/runs", {"season": world.season}).status_code == 403
    run = post(world.steward, f"/schemes/{world.scheme.pk}/runs", {"season": world.season}).json()
    assert get(world.official, f"/runs/{run['id']}").status_code == 200
    assert (
        get(world.other_official, f"/runs/{run['id']}").status_code == 404
    )  # another country's run is "not found", as a missing one
    assert post(world.other_official, f"/runs/{run['id']}/confirm").status_code == 404
    assert get(world.official, "/runs/999999").status_code == 404


def test_bad_run_input(world: MatchingWorld) -> None:
    assert post(world.official, "/schemes/999999/runs", {"season": world.season}).status_code == 404
    bad_season = post(world.official, f"/schemes/{world.scheme.pk}/runs", {"season": 1800})
    assert bad_season.status_code == 400 and bad_season.json()["error"]["field"] == "season"
    bad_parameter = post(
        world.official, f"/schemes/{world.scheme.pk}/runs", {"season": world.season, "parameters": {"min_score": 9}}
    )
    assert bad_parameter.status_code == 400 and bad_parameter.json()["error"]["field"] == "min_score"
    empty = post(world.official, f"/schemes/{world.scheme.pk}/runs", {"season": world.season + 3}).json()
    assert empty["status"] == "done" and empty["result"]["nothing_to_allocate"] is True
    assert MatchRun.objects.count() == 1


def test_another_countrys_run_answers_as_a_missing_id(world: MatchingWorld, settings: Any) -> None:
    """Run ids cannot be probed from another country: a forbidden run and a missing one answer the same."""
    settings.LABOUR_MATCHING_SYNC = True
    run = post(world.official, f"/schemes/{world.scheme.pk}/runs", {"season": world.season}).json()
    for path in ["/runs/{}", "/runs/{}/confirm", "/runs/{}/rerun"]:
        call = get if path == "/runs/{}" else post
        forbidden, missing = (
            call(world.other_official, path.format(run["id"])),
            call(world.other_official, path.format(987654321)),
        )
        assert forbidden.status_code == missing.status_code == 404, path
        assert forbidden.json() == missing.json(), path
