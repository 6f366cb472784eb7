"""The workflow: who may do each step, stages cannot be skipped, no decision without a review, versions kept."""

from typing import Any

import pytest

from migdev.core.errors import DomainError, PermissionDenied
from migdev.impact import services
from migdev.impact.models import Project, StageVersion
from migdev.impact.services import StageNotReached
from migdev.impact.tests.conftest import Parties, items, take_to


def test_the_proponent_drafts_and_others_may_not(project: Project, parties: Parties) -> None:
    answers = {"answers": {"LM1": {"answer": "yes", "evidence": "workforce plan"}}}
    services.save_stage(parties.proponent, project, "screening", answers)
    for who in (parties.reviewer, parties.official, parties.outsider, parties.other_official):
        with pytest.raises(PermissionDenied):
            services.save_stage(who, project, "screening", answers)
    services.save_stage(parties.steward, project, "screening", answers)  # stewards administer
    assert StageVersion.objects.filter(project=project, stage="screening").count() == 2


def test_every_save_is_a_new_version_with_its_author(project: Project, parties: Parties) -> None:
    first = services.save_stage(parties.proponent, project, "screening", {"answers": {}})
    second = services.save_stage(parties.steward, project, "screening", {"answers": {}})
    assert (first.number, first.author, second.number, second.author) == (1, parties.proponent, 2, parties.steward)


@pytest.mark.parametrize("stage", ["scoping", "prediction", "mitigation", "statement"])
def test_stages_cannot_be_skipped(project: Project, parties: Parties, stage: str) -> None:
    with pytest.raises(StageNotReached, match="cannot be skipped"):
        services.save_stage(parties.proponent, project, stage, {})


def test_the_project_moves_on_only_when_the_stage_is_complete(project: Project, parties: Parties) -> None:
    with pytest.raises(DomainError, match="Answer every item"):
        services.advance(parties.proponent, project)
    take_to(project, "scoping", parties)
    assert (project.stage, project.screening_outcome) == ("scoping", "full")


def test_a_statement_cannot_be_decided_without_a_review(project: Project, parties: Parties) -> None:
    take_to(project, "review", parties)
    assert project.status == Project.Status.IN_REVIEW
    with pytest.raises(StageNotReached, match="without a review"):
        services.record_decision(parties.official, project, "approved", "Fine.", [])


def test_only_the_reviewer_reviews_and_only_the_countrys_official_decides(project: Project, parties: Parties) -> None:
    take_to(project, "review", parties)
    for who in (parties.proponent, parties.official, parties.outsider):
        with pytest.raises(PermissionDenied):
            services.record_review(who, project, "adequate", "")
    services.record_review(parties.reviewer, project, "adequate", "Good.")
    for who in (parties.proponent, parties.reviewer, parties.other_official, parties.outsider):
        with pytest.raises(PermissionDenied):
            services.record_decision(who, project, "approved", "Fine.", [])
    services.record_decision(parties.official, project, "conditional", "Fine.", ["Report yearly."])
    project.refresh_from_db()
    assert (project.stage, project.status) == ("monitoring", Project.Status.CONDITIONAL)


def test_a_revision_request_sends_the_statement_back(project: Project, parties: Parties) -> None:
    take_to(project, "review", parties)
    with pytest.raises(DomainError, match="required"):
        services.record_review(parties.reviewer, project, "revise", "")
    services.record_review(parties.reviewer, project, "revise", "Add the consultation with recruits.")
    project.refresh_from_db()
    assert (project.stage, project.status) == ("statement", Project.Status.REVISION)
    services.save_stage(parties.proponent, project, "prediction", {"impacts": []})  # earlier stages open again
    services.advance(parties.proponent, project)
    project.refresh_from_db()
    with pytest.raises(StageNotReached):  # the old adequate review does not cover a new statement
        services.record_decision(parties.official, project, "approved", "Fine.", [])


def test_conditions_are_required_for_a_conditional_approval(project: Project, parties: Parties) -> None:
    take_to(project, "decision", parties)
    with pytest.raises(DomainError, match="at least one condition") as caught:
        services.record_decision(parties.official, project, "conditional", "Fine.", ["  "])
    assert caught.value.field == "conditions"


def test_monitoring_takes_indicators_of_the_plan_over_time(project: Project, parties: Parties) -> None:
    take_to(project, "monitoring", parties)
    with pytest.raises(DomainError) as caught:
        services.add_monitoring_update(parties.official, project, "MI-HAZARD", project.start_date, "1")
    assert caught.value.field == "indicator"
    import datetime

    services.add_monitoring_update(parties.official, project, "MI-REMIT", datetime.date(2026, 1, 1), "4.1 %")
    assert project.versions.filter(stage="monitoring").count() == 2


def test_a_screened_out_project_is_closed_and_public(project: Project, parties: Parties, client: Any) -> None:
    answers = {c: {"answer": "no", "evidence": "design note"} for c in items()}
    services.save_stage(parties.proponent, project, "screening", {"answers": answers})
    services.advance(parties.proponent, project)
    assert project.status == Project.Status.SCREENED_OUT
    with pytest.raises(StageNotReached):
        services.save_stage(parties.proponent, project, "screening", {"answers": answers})
    assert client.get(f"/en/impact/projects/{project.pk}/").status_code == 200


def test_bad_ratings_name_the_row_and_field(project: Project, parties: Parties) -> None:
    take_to(project, "prediction", parties)
    impact = {"dimension": "skills", "direction": "negative", "description": "x", "magnitude": 5}
    with pytest.raises(DomainError) as caught:
        services.save_stage(parties.proponent, project, "prediction", {"impacts": [impact]})
    assert caught.value.field == "impacts[0].magnitude"
    impact = {**impact, "magnitude": 2, "likelihood": 2, "sensitivity": 2, "dimension": "climate"}
    with pytest.raises(DomainError) as caught:
        services.save_stage(parties.proponent, project, "prediction", {"impacts": [impact]})
    assert caught.value.field == "impacts[0].dimension"  # not in scope


def test_an_answer_outside_the_allowed_codes_is_refused(project: Project, parties: Parties) -> None:
    with pytest.raises(DomainError) as caught:
        services.save_stage(parties.proponent, project, "screening", {"answers": {"LM1": {"answer": "maybe"}}})
    assert caught.value.field == "answers.LM1.answer"
    with pytest.raises(DomainError) as caught:
        services.save_stage(parties.proponent, project, "screening", {"answers": {"ZZ9": {"answer": "yes"}}})
    assert caught.value.field == "answers.ZZ9"
