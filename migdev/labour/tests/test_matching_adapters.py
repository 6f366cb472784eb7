"""The adapters: engine inputs consistent with the rows; the room's eligibility decides which pairs are scored."""

import numpy as np
import pytest

from migdev.engines.executors import LocalExecutor
from migdev.labour import adapters
from migdev.labour.models import Placement, SchemeOriginCap, WorkerSkill
from migdev.labour.tests.factories_matching import MatchingWorld, essential_skills, skilled_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> MatchingWorld:
    return MatchingWorld()


def room_of(world: MatchingWorld) -> adapters.RoomExchange:
    room = adapters.build_exchange(
        adapters.matchable_workers(), [world.farm, world.orchard], season=world.season, scheme=world.scheme
    )
    assert room is not None
    return room


def test_engine_inputs_hold_the_rows_skills_origins_and_languages(world: MatchingWorld) -> None:
    room = room_of(world)
    exchange = room.exchange
    assert world.no_consent not in room.workers
    for row, worker in enumerate(room.workers):
        skills = {room.skill_ids[i] for i in exchange.workers.skills[row].indices}
        assert skills == set(WorkerSkill.objects.filter(worker=worker).values_list("skill_id", flat=True))
        assert room.countries[exchange.workers.origin[row]] == worker.nationality_id
    # The farm vacancy has no skills of its own: it asks for the ESCO crop worker's essential skills.
    farm = room.vacancy_row(world.farm)
    essential = {room.skill_ids[i] for i in exchange.vacancies.essential[farm].indices}
    assert essential == set(essential_skills())
    assert exchange.vacancies.positions.tolist() == [3, 1]
    assert int(exchange.vacancies.start[farm]) == world.farm.start_date.toordinal()


def test_only_pairs_the_rooms_rules_admit_are_scored(world: MatchingWorld) -> None:
    room = room_of(world)
    admitted = {
        (room.workers[w].pk, room.vacancies[v].pk) for w, v in zip(room.pair_worker, room.pair_vacancy, strict=True)
    }
    for worker in world.eligible:
        assert (worker.pk, world.farm.pk) in admitted
    for worker in world.ineligible:
        assert not any(pair[0] == worker.pk for pair in admitted)
    scored = adapters.score_admitted(room, adapters.MatchSettings())
    scored_workers = {room.workers[w].pk for w in scored.worker}
    assert scored_workers == {w.pk for w in world.eligible}


def test_more_essential_skills_rank_higher_with_explanations(world: MatchingWorld) -> None:
    room = room_of(world)
    options = adapters.MatchSettings()
    scored = adapters.score_admitted(room, options)
    top = adapters.ranked(scored, room, vacancy=room.vacancy_row(world.farm), limit=10)
    order = [room.workers[w].pseudonym for w, _v, _s in top]
    assert order[:3] == ["W-BEST", "W-GOOD", "W-SOME"]
    explained = adapters.explain_rows(room, options.weights, top)
    assert explained[0].missing_essential == []
    assert len(explained[1].missing_essential) > 0
    assert explained[1].matched_essential and all(isinstance(label, str) for label in explained[1].matched_essential)
    assert sum(c.contribution for c in explained[0].contributions) == pytest.approx(explained[0].score, abs=1e-5)
    assert {c.component for c in explained[0].contributions} >= {"essential", "occupation", "language"}


def test_caps_are_the_schemes_minus_places_taken(world: MatchingWorld) -> None:
    world.scheme.cap_per_season = 3
    world.scheme.save()
    SchemeOriginCap.objects.create(scheme=world.scheme, origin_id="PHL", cap=2)
    placed = skilled_worker(1.0, pseudonym="W-PLACED")
    Placement.objects.create(worker=placed, vacancy=world.farm, season=world.season, offered_on=world.farm.start_date)
    room = room_of(world)
    caps = adapters.season_caps(room, world.scheme, world.season)
    assert caps.scheme is not None and caps.origin is not None
    assert caps.scheme[room.schemes.index(world.scheme.pk)] == 2
    assert caps.origin[room.countries.index("PHL")] == 1
    assert room.exchange.vacancies.positions[room.vacancy_row(world.farm)] == 2


def test_allocation_respects_caps_and_never_assigns_an_ineligible_pair(world: MatchingWorld) -> None:
    SchemeOriginCap.objects.create(scheme=world.scheme, origin_id="PHL", cap=1)
    room = room_of(world)
    options = adapters.MatchSettings()
    scored = adapters.score_admitted(room, options)
    result = adapters.allocate_season(
        room, scored, adapters.season_caps(room, world.scheme, world.season), options.weights
    )
    nationalities = [a.worker.nationality_id for a in result.assignments]
    assert nationalities.count("PHL") <= 1
    assert not {a.worker.pk for a in result.assignments} & {w.pk for w in world.ineligible}
    assert result.objective >= result.greedy_objective - 1e-9
    assert len(result.vacancies) == 2


def test_local_executor_with_threads_gives_the_same_scores(world: MatchingWorld) -> None:
    room = room_of(world)
    one = adapters.score_admitted(room, adapters.MatchSettings(), LocalExecutor())
    two = adapters.score_admitted(room, adapters.MatchSettings(), LocalExecutor(threads=2))
    assert np.array_equal(one.worker, two.worker) and np.array_equal(one.score, two.score)


def test_nothing_to_match_gives_none(world: MatchingWorld) -> None:
    assert adapters.build_exchange([], [world.farm]) is None
    assert adapters.build_exchange([world.foreign], [world.farm]) is None


@pytest.mark.parametrize(
    ("parameters", "field"),
    [
        ({"min_score": -1}, "min_score"),
        ({"min_score": "high"}, "min_score"),
        ({"weights": {"essential": 3}}, "weights.essential"),
        ({"weights": {"nope": 1}}, "weights"),
        ({"min_female_share": 1.5}, "min_female_share"),
        ({"executor": "gpu"}, "executor"),
        ({"speed": 1}, "speed"),
    ],
)
def test_bad_parameters_name_the_field(parameters: dict, field: str) -> None:
    with pytest.raises(adapters.MatchingInputError) as caught:
        adapters.MatchSettings.from_parameters(parameters)
    assert caught.value.field == field
