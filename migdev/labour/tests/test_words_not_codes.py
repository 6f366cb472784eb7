"""Pages say what things are in words, not codes: the audit log's records, the SDG 10.7.1 tables and filter, the
allocation run's status and each assignment's reasons, the worker's ESCO skills as ESCO writes them."""

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
from migdev.labour.models import Placement
from migdev.labour.services import protection as services
from migdev.labour.services.protection import OfferDetails
from migdev.labour.tests.factories_protection import PlacementFactory, WorkerProfileFactory, World

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
