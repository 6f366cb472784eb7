"""Fixtures of the accounts tests: the countries they need and one user per role."""

import pytest
from django.test import Client

from migdev.accounts.models import Organisation, User
from migdev.accounts.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    StewardFactory,
    UserFactory,
    WorkerFactory,
)
from migdev.core.models import Country

# Until the core reference data is loaded by the root conftest, the tests create the countries they use.
COUNTRIES = [
    ("PHL", "PH", 608, "Philippines"),
    ("CAN", "CA", 124, "Canada"),
    ("MEX", "MX", 484, "Mexico"),
    ("FRA", "FR", 250, "France"),
]


@pytest.fixture(autouse=True)
def countries(db: None) -> dict[str, Country]:
    found = {}
    for iso3, iso2, m49, name in COUNTRIES:
        found[iso3], _ = Country.objects.get_or_create(iso3=iso3, defaults={"iso2": iso2, "m49": m49, "name": name})
    return found


@pytest.fixture
def steward() -> User:
    return StewardFactory(username="steward")


@pytest.fixture
def official_phl(countries: dict[str, Country]) -> User:
    user = UserFactory(username="official-phl")
    user.official_countries.add(countries["PHL"])
    return user


@pytest.fixture
def official_mex(countries: dict[str, Country]) -> User:
    user = UserFactory(username="official-mex")
    user.official_countries.add(countries["MEX"])
    return user


@pytest.fixture
def employer() -> Organisation:
    return OrganisationFactory(name="Employer A")


@pytest.fixture
def other_org() -> Organisation:
    return OrganisationFactory(name="Employer B")


@pytest.fixture
def org_admin(employer: Organisation) -> User:
    return MembershipFactory(user=UserFactory(username="org-admin"), organisation=employer, is_admin=True).user


@pytest.fixture
def org_member(employer: Organisation) -> User:
    return MembershipFactory(user=UserFactory(username="org-member"), organisation=employer).user


@pytest.fixture
def worker(countries: dict[str, Country]) -> User:
    return WorkerFactory(username="worker-phl", country=countries["PHL"])


@pytest.fixture
def other_worker(countries: dict[str, Country]) -> User:
    return WorkerFactory(username="worker-mex", country=countries["MEX"])


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client
