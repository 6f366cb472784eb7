"""Pages say what things are in words, not codes: the audit log's records, the SDG 10.7.1 tables and filter, the
allocation run's status and each assignment's reasons, the worker's ESCO skills as ESCO writes them."""

import json
import re
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from migdev.accounts.models import AuditEvent, User
from migdev.accounts.services import record_audit
from migdev.core.models import EscoSkill
from migdev.labour import explanations
from migdev.labour.models import MatchAssignment, MatchRun, Placement, Vacancy, WorkerSkill
from migdev.labour.services import protection as services
from migdev.labour.services.protection import OfferDetails
from migdev.labour.tests.factories_matching import MatchingWorld
from migdev.labour.tests.factories_protection import (
    PlacementFactory,
    WorkerProfileFactory,
    World,
    season_abroad,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return World()


def client_for(user: Any) -> Client:
    client = Client()
    if isinstance(user, User):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def text_of(html: str) -> str:
    """The page's visible text, tags removed and spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def row_headers(html: str) -> list[str]:
    return [text_of(cell).strip() for cell in re.findall(r'<th scope="row">(.*?)</th>', html, re.S)]


def audit_page(world: World) -> str:
    response = client_for(world.steward).get(reverse("accounts:audit_log"))
    assert response.status_code == 200
    return text_of(response.content.decode())


def test_audit_log_names_the_placement_in_words(world: World) -> None:
    details = OfferDetails(2025, date(2025, 2, 1), recruiter=world.recruiter)
    placement = services.offer_placement(world.employer_member, world.vacancy, world.worker, details)
    page = audit_page(world)
    expected = f"Placement of {world.worker.pseudonym} with Maple Orchards (test), 2025 season"
    assert expected in page
    assert f"labour.placement #{placement.pk}" not in page


def test_a_persons_record_names_the_records_of_its_audit_events(world: World) -> None:
    placement = PlacementFactory(worker=world.worker, vacancy=world.vacancy, season=2025)
    record_audit(world.steward, AuditEvent.Action.READ, world.worker.user, placement, [])
    page = client_for(world.steward).get(reverse("accounts:person_record", args=[world.worker.user.pk]))
    assert f"Placement of {world.worker.pseudonym} with Maple Orchards (test), 2025 season" in text_of(
        page.content.decode()
    )


def test_audit_log_names_a_record_that_is_gone(world: World) -> None:
    placement = PlacementFactory(worker=world.worker, vacancy=world.vacancy)
    record_audit(world.steward, AuditEvent.Action.READ, world.worker.user, placement, [])
    gone = placement.pk
    Placement.objects.filter(pk=gone).delete()
    page = audit_page(world)
    assert f"Placement #{gone} (no longer exists)" in page


def test_audit_log_names_records_in_a_few_queries_not_one_per_row(world: World) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            audit_page(world)
        return len(captured)

    for worker in (world.worker, world.other_worker):
        record_audit(world.steward, AuditEvent.Action.READ, worker.user, worker, [])
        record_audit(world.steward, AuditEvent.Action.READ, worker.user, PlacementFactory(worker=worker), [])
    few = queries()
    for _ in range(5):
        worker = WorkerProfileFactory()
        record_audit(world.steward, AuditEvent.Action.READ, worker.user, worker, [])
        record_audit(world.steward, AuditEvent.Action.READ, worker.user, PlacementFactory(worker=worker), [])
    assert queries() == few
    assert "Worker profile W-" in audit_page(world)


# --- SDG 10.7.1 ---------------------------------------------------------------------------------------------------


def test_sdg_10_7_1_tables_name_countries_and_occupations_with_the_codes_beside(world: World) -> None:
    placements = [season_abroad(sex, cost="500") for sex in ("F", "F", "M")]
    page = client_for(None).get("/en/labour/indicators/recruitment-cost/").content.decode()
    rows = row_headers(page)
    assert "Philippines → Canada PHL→CAN" in rows
    groups = {p.vacancy.isco_group for p in placements}
    for group in groups:
        assert f"{group.title} {group.code}" in rows
        assert group.code not in rows  # never the code alone
    assert "PHL→CAN" not in rows


def test_sdg_10_7_1_origin_is_a_country_select_preselected_for_an_official(world: World) -> None:
    for sex in ("F", "F", "F"):
        season_abroad(sex, cost="500")
    page = client_for(world.official_origin).get("/en/labour/indicators/recruitment-cost/").content.decode()
    assert re.search(r'<select name="origin"[^>]*>', page)
    assert '<option value="PHL" selected>Philippines</option>' in page
    assert '<option value="CAN">Canada</option>' in page  # destination: any country, none chosen
    destination = client_for(world.official_destination).get("/en/labour/indicators/recruitment-cost/")
    assert '<option value="CAN" selected>Canada</option>' in destination.content.decode()
    # Anyone else starts from every country; a chosen country filters by its code.
    assert (
        "selected>Philippines" not in client_for(None).get("/en/labour/indicators/recruitment-cost/").content.decode()
    )
    chosen = client_for(None).get("/en/labour/indicators/recruitment-cost/?origin=PHL").content.decode()
    assert '<option value="PHL" selected>Philippines</option>' in chosen


def test_sdg_10_7_1_page_has_a_chart_with_translated_labels(world: World) -> None:
    for sex in ("F", "F", "F"):
        season_abroad(sex, cost="500")
    page = client_for(None).get("/fr/labour/indicators/recruitment-cost/").content.decode()
    data = json.loads(re.search(r'<script id="cost-chart-data" type="application/json">(.*?)</script>', page)[1])
    [corridor] = data["corridors"]
    assert (corridor["code"], corridor["label"], corridor["n"]) == ("PHL→CAN", "Philippines → Canada", 3)
    assert corridor["mean"] == pytest.approx(0.25)
    assert data["labels"]["mean"] == "Moyenne"
    assert 'src="/static/labour/cost-chart.js"' in page and 'id="cost-chart"' in page


# --- allocation run: status and reasons ------------------------------------------------------------------------------


def test_a_finished_run_says_done_once(settings: Any) -> None:
    settings.LABOUR_MATCHING_SYNC = True
    world = MatchingWorld()
    client = client_for(world.official)
    client.post(f"/en/labour/official/schemes/{world.scheme.pk}/runs/", {"season": world.season, "min_score": 0})
    run = MatchRun.objects.get()
    assert (run.status, run.stage) == ("done", "Done")
    page = text_of(client.get(f"/en/labour/official/runs/{run.pk}/").content.decode())
    assert "Done — Done" not in page and "Done" in page


def test_each_assignment_says_why_in_words(settings: Any) -> None:
    settings.LABOUR_MATCHING_SYNC = True
    world = MatchingWorld()
    client = client_for(world.official)
    client.post(f"/en/labour/official/schemes/{world.scheme.pk}/runs/", {"season": world.season, "min_score": 0})
    run = MatchRun.objects.get()
    best = MatchAssignment.objects.get(run=run, worker=world.best)
    held = len(best.explanation["matched_essential"])
    assert held and not best.explanation["missing_essential"]
    page = text_of(client.get(f"/en/labour/official/runs/{run.pk}/").content.decode())
    assert f"Holds all {held} essential skills asked; works in the same occupation" in page
    assert "Why: score" not in page


def test_reasons_follow_the_score_components() -> None:
    explanation = {
        "score": 0.6,
        "matched_essential": ["harvest crops", "operate tractor"],
        "missing_essential": ["prune trees"],
        "contributions": [
            {"component": "essential", "value": 0.6},
            {"component": "occupation", "value": 0.6},
            {"component": "language", "value": 2 / 3},
            {"component": "experience", "value": 0.5},
            {"component": "education", "value": 0.75},
            {"component": "preference", "value": 1.0},
            {"component": "returning", "value": 1.0},
        ],
    }
    assert explanations.reasons(explanation) == [
        "holds 2 of the 3 essential skills asked",
        "works in a closely related occupation",
        "speaks the contract languages at the level asked",
        "has 50% of the experience asked",
        "has less education than asked",
        "prefers this destination and scheme",
        "returns to this employer",
    ]


# --- ESCO skills as ESCO writes them ---------------------------------------------------------------------------------


def test_worker_profile_lists_skills_as_esco_writes_them(world: World) -> None:
    skill = EscoSkill.objects.get(preferred_label="vacuum surfaces")
    WorkerSkill.objects.create(worker=world.worker, skill=skill)
    page = client_for(world.worker.user).get("/en/labour/worker/profile/").content.decode()
    editor = page[page.index('id="skills-editor"') :]
    assert re.search(r'<th scope="row">vacuum surfaces<input type="hidden" name="skill_key"', editor)
    # "Remove vacuum surfaces" is only the hidden label of the box beside it, never what the list shows.
    assert '<span class="visually-hidden">Remove vacuum surfaces</span>' in editor
    assert "> Remove vacuum surfaces</label>" not in editor


# --- links from officials' pages to vacancies ------------------------------------------------------------------------


def test_an_official_reaches_the_closed_vacancy_of_a_placement_they_see(world: World) -> None:
    placement = season_abroad("F", worker=world.worker, vacancy=world.vacancy)
    Vacancy.objects.filter(pk=world.vacancy.pk).update(state=Vacancy.State.CLOSED)
    page = client_for(world.official_origin).get(f"/en/labour/placements/{placement.pk}/").content.decode()
    link = f"/en/labour/vacancies/{world.vacancy.pk}/"
    assert link in page
    assert client_for(world.official_origin).get(link).status_code == 200
    assert client_for(world.official_other).get(link).status_code == 404  # an official of an unrelated country
    assert client_for(None).get(link).status_code == 404
