"""factory-boy factories for the accounts room."""

from typing import Any

import factory
from factory.django import DjangoModelFactory

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.models import Country

PASSWORD = "a-long-test-password-42"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance: User, create: bool, results: Any = None) -> None:
        if create:
            instance.save()


class StewardFactory(UserFactory):
    is_steward = True
    is_staff = True


class WorkerFactory(UserFactory):
    is_worker = True


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test organisation {n}")
    kind = Organisation.Kind.EMPLOYER
    country = factory.LazyFunction(lambda: Country.objects.get(pk="CAN"))
    status = Organisation.Status.APPROVED


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    is_admin = False
