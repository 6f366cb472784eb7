"""Erasing a person in the accounts room erases their worker profile too (the accounts room does not know labour)."""

import pytest

from migdev.accounts.models import AuditEvent
from migdev.accounts.services import erase_person
from migdev.labour.tests.factories_registry import WorkerProfileFactory

pytestmark = pytest.mark.django_db


def test_erasing_the_account_erases_the_worker_profile() -> None:
    worker = WorkerProfileFactory()
    person = worker.user
    erase_person(person, person)
    worker.refresh_from_db()
    assert worker.erased_at is not None
    assert worker.date_of_birth is None
    assert not worker.languages.exists() and not worker.skills.exists()
    assert worker.sex_id and worker.nationality_id  # kept for aggregate statistics
    erased = AuditEvent.objects.filter(subject=person, action=AuditEvent.Action.ERASE)
    assert set(erased.values_list("object_type", flat=True)) == {"accounts.user", "labour.workerprofile"}
