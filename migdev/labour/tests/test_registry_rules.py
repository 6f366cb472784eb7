"""Every registry write service declares a registered permission; who may do what, role by role."""

import pytest
import rules
from django.utils import timezone

from migdev.accounts.models import User
from migdev.accounts.rules import service_permissions
from migdev.accounts.tests.factories import StewardFactory, UserFactory
from migdev.core.errors import DomainError, PermissionDenied
from migdev.core.models import Country
from migdev.labour.models import Consent, Invitation, Vacancy
from migdev.labour.services import personal_data
from migdev.labour.services import registry as services
from migdev.labour.tests.factories_registry import (
    SchemeFactory,
    SendingAgencyFactory,
    StandardFactory,
    VacancyFactory,
    WorkerProfileFactory,
    employer_with_member,
    member_of,
)

pytestmark = pytest.mark.django_db


def test_every_registry_service_declares_a_registered_permission() -> None:
    declared = service_permissions(services)
    assert declared, "the registry has write services"
    for name, permission in declared.items():
        assert permission is not None, f"{name} declares no permission"
        assert rules.perm_exists(permission), f"{name}: {permission} is not registered"


def official_of(iso3: str) -> User:
    user = UserFactory()
    user.official_countries.add(Country.objects.get(pk=iso3))
    return user  # type: ignore[no-any-return]


def test_who_sees_a_workers_full_record() -> None:
    agency = SendingAgencyFactory()
    worker = WorkerProfileFactory(sending_agency=agency)
    officer = member_of(agency)
    employer, member = employer_with_member()
    allowed = lambda user: rules.has_perm("labour.view_workerprofile", user, worker)  # noqa: E731
    assert allowed(worker.user) and allowed(StewardFactory())
    assert not allowed(officer) and not allowed(member) and not allowed(official_of("PHL"))
    Consent.objects.create(worker=worker, purpose="agency_edit", organisation=agency, given_at=timezone.now())
    assert allowed(officer)
    vacancy = VacancyFactory(employer=employer)
    invitation = Invitation.objects.create(vacancy=vacancy, worker=worker)
    assert not allowed(member)
    invitation.status = Invitation.Status.ACCEPTED
    invitation.save()
    assert allowed(member)


def test_only_destination_officials_and_stewards_publish() -> None:
    vacancy = VacancyFactory(state=Vacancy.State.SUBMITTED)
    StandardFactory()
    with pytest.raises(PermissionDenied):
        services.publish_vacancy(official_of("MEX"), vacancy)
    assert services.publish_vacancy(official_of("CAN"), vacancy).state == Vacancy.State.PUBLISHED


def test_transitions_are_guarded() -> None:
    StandardFactory()
    employer, member = employer_with_member()
    vacancy = VacancyFactory(employer=employer, state=Vacancy.State.DRAFT)
    with pytest.raises(DomainError) as raised:
        services.publish_vacancy(StewardFactory(), vacancy)
    assert raised.value.field == "state"
    with pytest.raises(DomainError):
        services.close_vacancy(member, vacancy, filled=True)
    services.submit_vacancy(member, vacancy)
    with pytest.raises(DomainError):
        services.submit_vacancy(member, vacancy)
    with pytest.raises(DomainError):
        services.delete_vacancy(member, vacancy)


def test_schemes_are_managed_by_officials_of_their_destination() -> None:
    scheme = SchemeFactory()
    assert rules.has_perm("labour.change_scheme", official_of("CAN"), scheme)
    assert not rules.has_perm("labour.change_scheme", official_of("PHL"), scheme)
    assert rules.has_perm("labour.change_scheme", StewardFactory(), scheme)


def test_a_worker_cannot_edit_or_export_another_worker() -> None:
    worker, other = WorkerProfileFactory(), WorkerProfileFactory()
    with pytest.raises(PermissionDenied):
        personal_data.export_worker_data(other.user, worker)
    with pytest.raises(PermissionDenied):
        services.give_consent(other.user, worker, "matching")
    with pytest.raises(PermissionDenied):
        personal_data.erase_worker(other.user, worker)
