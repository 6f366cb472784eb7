"""Typed job titles read as occupation names: noise stripped, abbreviations expanded, compounds split, explained."""

import doctest

import numpy as np
import pytest

from migdev.engines.matching import job_titles
from migdev.engines.matching.errors import InvalidInput
from migdev.engines.matching.job_titles import (
    best_reading_scores,
    group_smoothed,
    looks_like_a_title,
    read_title,
    words_that_led,
)


def texts(title: str) -> list[str]:
    return [r.text for r in read_title(title).readings]


@pytest.mark.parametrize(
    ("title", "reading", "dropped"),
    [
        ("TOOLMAKER TRAINEE", "toolmaker", {"TRAINEE"}),
        ("Senior Accountant", "accountant", {"Senior"}),
        ("Junior/Graduate Developer", "developer", {"Junior", "Graduate"}),
        ("Intern - Graphic Designer", "graphic designer", {"Intern"}),
        ("KITCHEN ASSISTANT (Bangi)", "kitchen assistant", {"Bangi"}),
        ("Cook - Full Time, Urgent!", "cook", {"Full", "Time", "Urgent"}),
        ("Lead Welder", "welder", {"Lead"}),
    ],
)
def test_seniority_contract_and_place_words_are_dropped(title: str, reading: str, dropped: set[str]) -> None:
    found = read_title(title)
    assert found.readings[0].text == reading
    assert dropped <= set(found.dropped)


def test_a_noise_word_alone_is_kept_as_typed() -> None:
    assert texts("Lead") == ["lead"]
    assert texts("Internship") == ["internship"]  # nothing else to read


@pytest.mark.parametrize(
    ("title", "reading"),
    [
        ("Sales Exec", "sales executive"),
        ("Admin Mgr", "administrative manager"),
        ("Software Eng", "software engineer"),
        ("Web Dev", "web developer"),
        ("IT Support Technician", "ICT support technician"),
        ("HR Assistant", "human resources assistant"),
        ("QA Tester", "quality assurance tester"),
    ],
)
def test_common_abbreviations_are_spelled_out(title: str, reading: str) -> None:
    assert texts(title)[0] == reading


def test_head_of_and_assistant_to_read_as_the_job_they_name() -> None:
    assert texts("Head of Marketing") == ["marketing manager"]
    assert texts("Assistant to the General Manager") == ["personal assistant"]


def test_compound_titles_are_split_into_their_parts_after_the_whole() -> None:
    assert texts("VAN DRIVER cum INSTALLER") == ["van driver installer", "van driver", "installer"]
    assert "sales executive" in texts("Sales/Marketing Executive")  # the parts share the head word
    assert "marketing executive" in texts("Sales/Marketing Executive")
    assert texts("Waiter & Bartender")[1:] == ["waiter", "bartender"]


def test_platforms_are_skills_not_titles() -> None:
    found = read_title("Mobile Software Engineer - IOS")
    assert texts("Mobile Software Engineer - IOS") == ["mobile software engineer"]
    assert found.skills == ("IOS",)
    assert read_title("Android Developer").skills == ("Android",)


def test_each_reading_is_listed_once_and_at_most_max_readings() -> None:
    many = read_title("Cook / Chef / Baker / Waiter / Cashier / Cleaner / Driver", max_readings=3)
    assert len(many.readings) == 3
    assert len({r.text for r in many.readings}) == 3
    with pytest.raises(InvalidInput):
        read_title("Cook", max_readings=0)


def test_the_words_that_led_are_those_the_labels_share_else_all_by_meaning() -> None:
    reading = read_title("SALES EXEC (Urgent)").readings[0]
    assert words_that_led(reading, ["sales executive", "salesperson"]) == ("SALES", "EXEC")
    assert words_that_led(reading, ["sales manager"]) == ("SALES",)
    assert words_that_led(reading, ["vendeur"]) == ("SALES", "EXEC")  # by meaning: every word
    assert words_that_led(reading, ["vendeur"], by_meaning=False) == ()  # a longer text's line: shared words only


@pytest.mark.parametrize(
    ("text", "is_title"),
    [
        ("SALES EXECUTIVE MANAGER", True),
        ("Van driver cum installer", True),
        ("I have driven vans for five years. I also install doors.", False),
        ("Welder\nForklift operator", False),
        ("one two three four five six seven eight nine ten eleven", False),
    ],
)
def test_a_bare_title_is_told_from_a_text(text: str, is_title: bool) -> None:
    assert looks_like_a_title(text) is is_title


def test_the_best_reading_wins_per_concept() -> None:
    best, at = best_reading_scores(np.array([[0.5, 0.2], [0.6, 0.9]]), [1.0, 0.5])
    assert best.tolist() == [0.5, 0.45] and at.tolist() == [0, 1]
    with pytest.raises(InvalidInput):
        best_reading_scores(np.zeros((0, 2)))
    with pytest.raises(InvalidInput):
        best_reading_scores(np.zeros((2, 2)), [1.0])


def test_a_near_miss_lifts_its_group_above_other_groups() -> None:
    # Concept 0 (group 7) is best; concept 1 (group 7) scores a little below concept 2 (group 3), lifted above it.
    lifted = group_smoothed(np.array([0.9, 0.40, 0.42]), np.array([7, 7, 3]), 0.1)
    assert np.argsort(-lifted).tolist() == [0, 1, 2]
    assert group_smoothed(np.array([0.3, 0.2]), np.array([1, 2]), 0.0).tolist() == [0.3, 0.2]
    with pytest.raises(InvalidInput):
        group_smoothed(np.array([0.3]), np.array([1]), 1.5)


def test_docstring_examples_run() -> None:
    assert doctest.testmod(job_titles, optionflags=doctest.ELLIPSIS).failed == 0
