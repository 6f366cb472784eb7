"""Allocation runs: queued -> done with the result stored, adjust, confirm into offers, caps, bad input, the CLI."""

from io import StringIO

import pytest
import rules
from django.core.management import CommandError, call_command

from migdev.accounts.rules import service_permissions
from migdev.core.errors import DomainError, PermissionDenied
from migdev.labour.models import MatchAssignment, MatchRun, Placement, SchemeOriginCap
from migdev.labour.services import matching as services
from migdev.labour.tests.factories_matching import MatchingWorld

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> MatchingWorld:
    return MatchingWorld()


def run_for(world: MatchingWorld, **parameters: object) -> MatchRun:
    return services.start_match_run(world.official, world.scheme, world.season, parameters, run_now=True)


def test_every_matching_service_declares_a_registered_permission() -> None:
    declared = service_permissions(services)
    assert set(declared) >= {"start_match_run", "remove_assignment", "restore_assignment", "confirm_match_run"}
    for name, permission in declared.items():
        assert permission is not None, f"{name} declares no permission"
        assert rules.perm_exists(permission), f"{name}: {permission} is not registered"


def test_a_run_goes_from_queued_to_done_and_stores_its_result(world: MatchingWorld) -> None:
    stages: list[int] = []
    run = services.start_match_run(
        world.official,
        world.scheme,
        world.season,
        {"min_score": 0.0},
        run_now=True,
        progress=lambda percent, stage: stages.append(percent),
    )
    assert stages == sorted(stages) and stages[-1] == 100
    assert run.status == MatchRun.Status.DONE and run.progress == 100
    assert run.started_at and run.finished_at and run.created_by == world.official
    assert run.parameters == {"min_score": 0.0}
    assert run.objective and run.objective >= run.greedy_objective
    result = run.result
    assert result["nothing_to_allocate"] is False
    assert {v["vacancy"] for v in result["vacancy_values"]} == {world.farm.pk, world.orchard.pk}
    assigned = MatchAssignment.objects.filter(run=run)
    assert assigned.count() == len(result["assignments"]) == 4  # 3 + 1 positions, 4 eligible workers
    assert not assigned.filter(worker__in=[*world.ineligible, world.no_consent]).exists()
    best = assigned.get(worker=world.best)
    assert best.explanation["missing_essential"] == [] and best.explanation["contributions"]


def test_runs_respect_the_season_cap_and_origin_caps_left(world: MatchingWorld) -> None:
    world.scheme.cap_per_season = 3
    world.scheme.save()
    SchemeOriginCap.objects.create(scheme=world.scheme, origin_id="MEX", cap=0)
    Placement.objects.create(
        worker=world.cleaner, vacancy=world.orchard, season=world.season, offered_on=world.farm.start_date
    )
    run = run_for(world)
    assigned = MatchAssignment.objects.filter(run=run)
    assert assigned.count() == 2  # 3 places in the season, one already taken
    assert not assigned.filter(worker__nationality_id="MEX").exists()
    assert not assigned.filter(vacancy=world.orchard).exists()  # its one position is taken


def test_confirm_offers_the_kept_assignments_and_reports_refusals(world: MatchingWorld) -> None:
    run = run_for(world)
    removed = MatchAssignment.objects.get(run=run, worker=world.cleaner)
    services.remove_assignment(world.official, removed)
    # Since the run, the GOOD worker stopped looking for work: the offer service refuses, with its reason.
    world.good.is_available = False
    world.good.save()
    done = services.confirm_match_run(world.official, run)
    run.refresh_from_db()
    assert run.status == MatchRun.Status.CONFIRMED and run.confirmed_by == world.official
    offered = {a.worker_id for a in done if a.placement_id}
    assert offered == {world.best.pk, world.some.pk}
    refused = next(a for a in done if a.worker_id == world.good.pk)
    assert refused.placement_id is None and "not looking for work" in refused.refusal
    assert Placement.objects.filter(season=world.season, state="offered").count() == 2
    assert not Placement.objects.filter(worker=world.cleaner).exists()
    with pytest.raises(DomainError):
        services.confirm_match_run(world.official, run)
    with pytest.raises(DomainError):
        services.restore_assignment(world.official, removed)


def test_empty_exchange_is_an_explicit_nothing_to_allocate(world: MatchingWorld) -> None:
    run = services.start_match_run(world.official, world.scheme, world.season + 3, run_now=True)
    assert run.status == MatchRun.Status.DONE
    assert run.result["nothing_to_allocate"] is True and "no published vacancy" in run.result["reason"]
    assert run.objective is None and not MatchAssignment.objects.filter(run=run).exists()


def test_too_high_a_minimum_score_is_nothing_to_allocate(world: MatchingWorld) -> None:
    run = run_for(world, min_score=2.0)
    assert run.status == MatchRun.Status.DONE and run.result["nothing_to_allocate"] is True


@pytest.mark.parametrize("season", [1999, 2101])
def test_season_out_of_range_is_refused(world: MatchingWorld, season: int) -> None:
    with pytest.raises(DomainError) as caught:
        services.start_match_run(world.official, world.scheme, season, run_now=True)
    assert caught.value.field == "season"
    assert not MatchRun.objects.exists()


def test_bad_parameters_are_refused_before_queueing(world: MatchingWorld) -> None:
    with pytest.raises(DomainError) as caught:
        services.start_match_run(world.official, world.scheme, world.season, {"min_score": -1})
    assert caught.value.field == "min_score"
    assert not MatchRun.objects.exists()


def test_only_officials_of_the_destination_and_stewards_run_and_confirm(world: MatchingWorld) -> None:
    for outsider in (world.other_official, world.employer_member, world.best.user):
        with pytest.raises(PermissionDenied):
            services.start_match_run(outsider, world.scheme, world.season, run_now=True)
    run = services.start_match_run(world.steward, world.scheme, world.season, run_now=True)
    assert run.status == MatchRun.Status.DONE
    with pytest.raises(PermissionDenied):
        services.confirm_match_run(world.other_official, run)
    with pytest.raises(PermissionDenied):
        services.remove_assignment(world.employer_member, run.assignments.first())


def test_cli_match_prints_a_summary_and_stores_the_run(world: MatchingWorld) -> None:
    out = StringIO()
    call_command(
        "labour",
        "match",
        "--scheme",
        world.scheme.code,
        "--season",
        str(world.season),
        "--as",
        world.official.username,
        stdout=out,
    )
    text = out.getvalue()
    run = MatchRun.objects.get()
    assert f"Run #{run.pk}" in text and "done" in text and "greedy" in text
    assert run.status == MatchRun.Status.DONE and run.parameters == {"min_score": 0.0}


def test_cli_unknown_scheme_and_empty_season(world: MatchingWorld) -> None:
    with pytest.raises(CommandError, match="No scheme"):
        call_command("labour", "match", "--scheme", "nope", "--season", "2030", "--as", world.official.username)
    out = StringIO()
    call_command(
        "labour",
        "match",
        "--scheme",
        world.scheme.code,
        "--season",
        str(world.season + 3),
        "--as",
        world.steward.username,
        stdout=out,
    )
    assert "Nothing to allocate" in out.getvalue()
    with pytest.raises(CommandError, match="permission"):
        call_command(
            "labour",
            "match",
            "--scheme",
            world.scheme.code,
            "--season",
            str(world.season),
            "--as",
            world.other_official.username,
        )


def test_a_run_on_a_dask_local_cluster_matches_the_local_run(world: MatchingWorld) -> None:
    """Conformance in the product: the same season allocated on the local executor and on Dask."""
    local = run_for(world)
    dask = run_for(world, executor="dask")
    assert dask.status == MatchRun.Status.DONE, dask.error
    assert dask.objective == local.objective
    assert dask.result["assignments"] == local.result["assignments"]


def test_a_share_of_women_goes_to_the_exact_solver(world: MatchingWorld) -> None:
    run = run_for(world, min_female_share=0.5)
    assert run.status == MatchRun.Status.DONE, run.error
    assert run.result["method"] == "mip" and len(run.result["assignments"]) == 4
