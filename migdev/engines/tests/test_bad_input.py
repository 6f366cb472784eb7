"""Bad input gives a typed error naming the field or row, or an explicit unassigned result."""

import numpy as np
import pytest
import scipy.sparse as sp

from migdev.engines.matching import (
    Candidates,
    Caps,
    EmptySkillSet,
    InfeasibleCaps,
    InvalidInput,
    InvalidParameter,
    ShortlistParams,
    UnknownSkill,
    allocate,
    allocate_greedy,
    shortlists,
    skill_matrix,
)

from .factories import N_SKILLS, tiny_exchange


def test_worker_without_skills_is_an_empty_skill_set_error_naming_the_row() -> None:
    with pytest.raises(EmptySkillSet) as caught:
        tiny_exchange(workers={"skills": skill_matrix([[0], []], N_SKILLS)})
    assert (caught.value.field, caught.value.row) == ("workers.skills", 1)


def test_vacancy_without_any_skill_is_an_empty_skill_set_error() -> None:
    with pytest.raises(EmptySkillSet, match=r"vacancies.essential\[0\]"):
        tiny_exchange(
            vacancies={"essential": skill_matrix([[], [4]], N_SKILLS), "optional": skill_matrix([[], []], N_SKILLS)}
        )


def test_unknown_skill_index_names_row_and_index() -> None:
    with pytest.raises(UnknownSkill) as caught:
        skill_matrix([[0], [1, 99]], N_SKILLS, field="workers.skills")
    assert (caught.value.row, caught.value.index) == (1, 99)


def test_skill_matrix_with_too_few_columns_is_rejected() -> None:
    with pytest.raises(InvalidInput, match="skill columns"):
        tiny_exchange(workers={"skills": sp.csr_matrix(np.ones((2, 3)))})


def test_negative_positions_are_rejected() -> None:
    with pytest.raises(InvalidInput, match=r"vacancies.positions"):
        tiny_exchange(vacancies={"positions": np.array([1, -1])})


def test_cefr_level_above_c2_is_rejected() -> None:
    with pytest.raises(InvalidInput, match="CEFR"):
        tiny_exchange(workers={"languages": np.array([[7], [2]])})


def test_vacancy_with_zero_positions_is_left_unfilled() -> None:
    exchange = tiny_exchange(vacancies={"positions": np.array([0, 2])})
    lists = shortlists(exchange)
    result = allocate(exchange, lists.candidates)
    assert 0 not in result.vacancy.tolist()
    assert result.unfilled_positions[0] == 0
    assert 0 in lists.candidates.vacancy.tolist()  # still shortlisted: it is a match, just full


def test_negative_cap_is_an_infeasible_caps_error() -> None:
    with pytest.raises(InfeasibleCaps) as caught:
        Caps(origin=np.array([3, -2]))
    assert (caught.value.cap, caught.value.row) == ("origin", 1)


def test_caps_shaped_unlike_the_exchange_are_rejected() -> None:
    exchange = tiny_exchange()
    with pytest.raises(InfeasibleCaps, match="expected 2"):
        allocate(exchange, shortlists(exchange).candidates, Caps(origin=np.array([1, 1, 1])))


def test_zero_caps_leave_everyone_explicitly_unassigned() -> None:
    exchange = tiny_exchange()
    candidates = shortlists(exchange).candidates
    result = allocate(exchange, candidates, Caps(scheme=np.array([0])))
    assert len(result) == 0 and result.objective == 0
    assert sorted(result.unassigned_workers.tolist()) == sorted(set(candidates.worker.tolist()))


def test_ineligible_candidate_pair_is_refused_not_assigned() -> None:
    exchange = tiny_exchange(workers={"languages": np.array([[1], [2]])})
    forged = Candidates(np.array([0]), np.array([0]), np.array([0.9], dtype=np.float32))
    with pytest.raises(InvalidInput, match="ineligible"):
        allocate(exchange, forged)
    with pytest.raises(InvalidInput, match="ineligible"):
        allocate_greedy(exchange, forged)


def test_shortlist_and_allocation_parameters_out_of_range_raise() -> None:
    with pytest.raises(InvalidParameter, match="per_vacancy"):
        ShortlistParams(per_vacancy=0)
    with pytest.raises(InvalidParameter, match="block_level"):
        ShortlistParams(block_level="major")  # type: ignore[arg-type]
    with pytest.raises(InvalidParameter, match="min_female_share"):
        Caps(min_female_share=1.2)
    exchange = tiny_exchange()
    with pytest.raises(InvalidParameter, match="method"):
        allocate(exchange, shortlists(exchange).candidates, method="simplex")
    with pytest.raises(InvalidParameter, match="method"):
        allocate(exchange, shortlists(exchange).candidates, Caps(min_female_share=0.5), method="flow")


def test_availability_ending_before_it_starts_is_rejected() -> None:
    with pytest.raises(InvalidInput, match=r"workers.available_until\[1\]"):
        tiny_exchange(workers={"available_from": np.array([0, 50]), "available_until": np.array([10, 40])})


def test_caps_given_as_plain_lists_work() -> None:
    exchange = tiny_exchange()
    result = allocate(exchange, shortlists(exchange).candidates, Caps(origin=[1, 0], scheme=[5]))  # type: ignore[arg-type]
    assert set(exchange.workers.origin[result.worker].tolist()) <= {0}
