"""A worker's data: exported whole (grievances and allocation runs included, from the labour API and from the
accounts export), and after erasure nothing of the person is readable (grievance text, run results, exports) while
the audit entries recorded before stay exactly as they were."""

import json
from typing import Any

import pytest
import rules
from django.db.models import ProtectedError
from django.test import Client

from migdev.accounts.models import AuditEvent, AuditLogIsAppendOnly, User
from migdev.accounts.rules import service_permissions
from migdev.accounts.services import create_api_token, erase_person
from migdev.labour.models import (
    Grievance,
    MatchAssignment,
    MatchRun,
    Placement,
    PlacementEvent,
    RiskFlag,
    WorkerProfile,
)
from migdev.labour.services import matching, personal_data, protection
from migdev.labour.tests.factories_matching import MatchingWorld

pytestmark = pytest.mark.django_db

TOLD = "The supervisor kept my passport in his office."
ANSWERED = "The employer gave the passport back to Ana Cruz."


@pytest.fixture
def world(settings: Any) -> MatchingWorld:
    settings.LABOUR_MATCHING_SYNC = True
    return MatchingWorld()


@pytest.fixture
def confirmed(world: MatchingWorld) -> MatchRun:
    """W-BEST was allocated and offered a place by a confirmed run, filed a grievance, and an official answered it."""
    run = matching.start_match_run(world.official, world.scheme, world.season, run_now=True)
    matching.confirm_match_run(world.official, run)
    placement = Placement.objects.get(worker=world.best)
    PlacementEvent.objects.create(placement=placement, state="offered", on=placement.offered_on, note="Ana called.")
    grievance = protection.file_grievance(
        world.best.user, world.best, world.employer, "retention_of_documents", TOLD, placement
    )
    flag = RiskFlag.objects.filter(placement=placement, resolved_at__isnull=True).first()
    assert flag is not None  # the grievance raised its forced-labour flag on the placement
    protection.resolve_flag(world.official, flag, "Spoke with Ana; passport returned.")
    protection.update_grievance(world.official, grievance, Grievance.Status.RESOLVED, ANSWERED)
    run.refresh_from_db()
    return run


def api(user: User) -> Client:
    _token, key = create_api_token(user, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def page(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def audit_rows() -> list[dict[str, Any]]:
    return list(AuditEvent.objects.order_by("pk").values())


def test_every_personal_data_service_declares_a_registered_permission() -> None:
    declared = service_permissions(personal_data)
    assert set(declared) == {"export_worker_data", "erase_worker"}
    for name, permission in declared.items():
        assert permission is not None and rules.perm_exists(permission), name


def test_both_exports_contain_the_workers_grievances_and_runs(world: MatchingWorld, confirmed: MatchRun) -> None:
    client = api(world.best.user)
    labour = client.get("/api/v1/labour/workers/me/export").json()
    whole = client.get("/api/v1/accounts/me/export").json()
    assert whole["user"]["username"] == world.best.user.username
    for data in (labour, whole["labour"]):
        assert data["profile"]["pseudonym"] == "W-BEST"
        [grievance] = data["grievances"]
        assert grievance["description"] == TOLD and grievance["resolution"] == ANSWERED
        assert grievance["indicator"] == "retention_of_documents" and grievance["status"] == "resolved"
        [assigned] = data["allocation_runs"]
        assert assigned["run"] == confirmed.pk and assigned["placement"] and assigned["explanation"]["contributions"]
        assert data["placements"][0]["events"][-1]["note"] == "Ana called."
        assert "Spoke with Ana; passport returned." in {f["note"] for f in data["placements"][0]["risk_flags"]}
    # Someone without a worker profile gets no labour section.
    assert "labour" not in api(world.official).get("/api/v1/accounts/me/export").json()


def test_after_erasure_nothing_of_the_person_is_readable(world: MatchingWorld, confirmed: MatchRun) -> None:
    worker, person = world.best, world.best.user
    grievance = Grievance.objects.get(worker=worker)
    assert "W-BEST" in json.dumps(confirmed.result)
    assert any("Ana" in f.details.get("note", "") for f in RiskFlag.objects.filter(placement__worker=worker))
    own = api(person)
    assert own.post("/api/v1/accounts/me/erase").json() == {"erased": True}

    worker.refresh_from_db()
    assert worker.pseudonym != "W-BEST" and not WorkerProfile.objects.filter(pseudonym="W-BEST").exists()
    grievance.refresh_from_db()
    assert (grievance.description, grievance.resolution) == ("", "")
    assert grievance.indicator == "retention_of_documents" and grievance.status == "resolved"  # counted
    assert not PlacementEvent.objects.filter(placement__worker=worker).exclude(note="").exists()
    flags = RiskFlag.objects.filter(placement__worker=worker)
    assert flags.exists() and all(f.details.get("note", "") == "" for f in flags)  # counted, without the note
    assert flags.filter(details__resolved_by=world.official.pk).exists()

    # The grievance as officials read it, on its page and in the API.
    official = page(world.official).get(f"/en/labour/grievances/{grievance.pk}/").content.decode()
    assert TOLD not in official and ANSWERED not in official and "erased at the worker" in official
    assert api(world.official).get(f"/api/v1/labour/grievances/{grievance.pk}").json()["description"] == ""

    # The allocation run keeps its counts and scores, not the person's pseudonym nor their explanation.
    confirmed.refresh_from_db()
    assert "W-BEST" not in json.dumps(confirmed.result)
    workers = [a["worker"] for a in confirmed.result["assignments"]]
    assert sorted(map(str, workers)) == ["None", "W-CLEAN", "W-GOOD", "W-SOME"]  # the entry stays, nameless
    assigned = MatchAssignment.objects.get(run=confirmed, worker=worker)
    assert assigned.explanation == {} and assigned.score > 0
    run_json = api(world.official).get(f"/api/v1/labour/runs/{confirmed.pk}").content.decode()
    run_page = page(world.official).get(f"/en/labour/official/runs/{confirmed.pk}/").content.decode()
    for shown in (run_json, run_page):
        assert "W-BEST" not in shown and worker.pseudonym not in shown
    assert "erased at the worker" in run_page

    # Exports: the account can no longer sign in; what the exchange still holds names nothing of the person.
    assert own.get("/api/v1/accounts/me/export").status_code == 401
    assert own.get("/api/v1/labour/workers/me/export").status_code == 401
    left = json.dumps(personal_data._worker_data(worker))
    for gone in ("W-BEST", TOLD, ANSWERED, "Ana called.", "Spoke with Ana", person.email or "@"):
        assert gone not in left
    assert json.loads(left)["skills"] == [] and json.loads(left)["profile"]["date_of_birth"] is None


def test_erasure_leaves_earlier_audit_entries_byte_for_byte(world: MatchingWorld, confirmed: MatchRun) -> None:
    person = world.best.user
    username = person.username
    before = audit_rows()
    assert any(row["actor_label"] == username for row in before)
    erase_person(person, person)
    after = audit_rows()
    assert after[: len(before)] == before  # unchanged, in the same order
    added = after[len(before) :]
    assert {(row["action"], row["object_type"]) for row in added} == {
        ("erase", "accounts.user"),
        ("erase", "labour.workerprofile"),
    }
    # The erasure entries are the person's own (they erased themself), under the label they have now.
    assert {row["actor_label"] for row in added} == {f"erased-{person.pk}"}


def test_the_audit_log_refuses_edits_and_deletions(world: MatchingWorld, confirmed: MatchRun) -> None:
    event = AuditEvent.objects.filter(actor=world.best.user).first()
    assert event is not None
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(actor_label="someone else")
    with pytest.raises(AuditLogIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).delete()
    event.actor_label = "someone else"
    with pytest.raises(AuditLogIsAppendOnly):
        event.save()
    with pytest.raises(AuditLogIsAppendOnly):
        event.delete()
    with pytest.raises(ProtectedError) as refused:  # deleting an account would null out who did what
        world.official.delete()
    assert {type(row) for row in refused.value.protected_objects} == {AuditEvent}
