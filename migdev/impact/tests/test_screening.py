"""The screening outcome rules, as stated on the page: high-risk items, the count of "yes", unknowns, process items."""

import pytest

from migdev.impact import screening

ITEMS = ["LM1", "LM2", "IN1", "IN2", "SS1", "GE1", "GE2", "CH1", "RM1", "BD1", "RT1", "DR1", "DR2", "DI1", "RI1",
         "HE1", "GV1", "DA1"]  # fmt: skip


def answers(yes: tuple[str, ...] = (), unknown: tuple[str, ...] = ()) -> dict[str, str]:
    return {c: "yes" if c in yes else "unknown" if c in unknown else "no" for c in ITEMS}


@pytest.mark.parametrize("item", screening.HIGH_RISK)
def test_one_high_risk_yes_means_a_full_assessment(item: str) -> None:
    assert screening.outcome(answers(yes=(item,))) == "full"


def test_five_ordinary_yes_mean_a_full_assessment_and_four_a_light_one() -> None:
    assert screening.outcome(answers(yes=("LM1", "LM2", "IN2", "SS1", "RM1"))) == "full"
    assert screening.outcome(answers(yes=("LM1", "LM2", "IN2", "SS1"))) == "light"


def test_an_unknown_means_at_least_a_light_assessment() -> None:
    assert screening.outcome(answers(unknown=("DR1",))) == "light"


def test_all_no_means_no_assessment_and_process_items_do_not_count() -> None:
    assert screening.outcome(answers()) == "none"
    assert screening.outcome(answers(yes=("GV1", "DA1"))) == "none"
