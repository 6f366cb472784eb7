"""The impact pages: the list, CSV and library for everyone; each stage's form for the proponent, with errors shown
next to what is wrong; the project page offers each party its own step."""

from typing import Any

import pytest

from migdev.impact.dimensions import DRAFT_STAGES
from migdev.impact.models import Project
from migdev.impact.tests.conftest import Parties, take_to


def test_the_public_pages_read_for_everyone(client: Any, db: Any) -> None:
    assert client.get("/en/impact/").status_code == 200
    library = client.get("/en/impact/library/").content.decode()
    assert (
        "not an official instrument" in library and "LM1" in library and "Fair recruitment of every worker" in library
    )
    assert client.get("/fr/impact/library/").status_code == 200


@pytest.mark.parametrize("stage", DRAFT_STAGES)
def test_every_drafted_stage_has_its_form(project: Project, parties: Parties, client: Any, stage: str) -> None:
    take_to(project, "statement", parties)
    client.force_login(parties.proponent)
    assert client.get(f"/en/impact/projects/{project.pk}/stages/{stage}/").status_code == 200


def test_a_bad_rating_is_shown_with_its_field_and_nothing_is_saved(
    project: Project, parties: Parties, client: Any
) -> None:
    take_to(project, "prediction", parties)
    client.force_login(parties.proponent)
    before = project.versions.filter(stage="prediction").count()
    form = {
        "impact-0-dimension": "skills",
        "impact-0-direction": "negative",
        "impact-0-description": "Nurses leave.",
        "impact-0-magnitude": "9",
        "impact-0-likelihood": "2",
        "impact-0-sensitivity": "2",
    }
    response = client.post(f"/en/impact/projects/{project.pk}/stages/prediction/", form)
    assert response.status_code == 400
    assert "impacts[0].magnitude" in response.content.decode()
    assert project.versions.filter(stage="prediction").count() == before
    form["impact-0-magnitude"] = "3"
    assert client.post(f"/en/impact/projects/{project.pk}/stages/prediction/", form).status_code == 302
    assert project.versions.filter(stage="prediction").count() == before + 1


def test_a_later_stage_form_is_refused(project: Project, parties: Parties, client: Any) -> None:
    client.force_login(parties.proponent)
    response = client.post(f"/en/impact/projects/{project.pk}/stages/mitigation/", {})
    assert response.status_code == 400 and "cannot be skipped" in response.content.decode()


def test_each_party_sees_its_own_step(project: Project, parties: Parties, client: Any) -> None:
    take_to(project, "review", parties)
    url = f"/en/impact/projects/{project.pk}/"
    client.force_login(parties.reviewer)
    assert 'id="review-link"' in client.get(url).content.decode()
    client.force_login(parties.official)
    page = client.get(url).content.decode()
    assert 'id="review-link"' not in page and 'id="advance-form"' not in page
    client.force_login(parties.outsider)
    assert client.get(url).status_code == 404


def test_the_csv_lists_the_projects_each_may_see(project: Project, parties: Parties, client: Any) -> None:
    client.force_login(parties.proponent)
    assert "Port (test)" in client.get("/en/impact/projects.csv").content.decode()
    client.force_login(parties.outsider)
    assert "Port (test)" not in client.get("/en/impact/projects.csv").content.decode()
