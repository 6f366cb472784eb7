"""Shared helpers of the policy tests: an official of a country, a steward, a member of an international
organisation, and complete answer sets."""

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.models import Country
from migdev.engines.sdg_10_7_2 import SUB_IDS


def official(iso3: str = "PHL", username: str = "") -> User:
    number = User.objects.count()
    user = User.objects.create_user(username or f"official-{iso3.lower()}-{number}", password="x")
    user.official_countries.add(Country.objects.get(pk=iso3))
    return user


def steward() -> User:
    return User.objects.create_user("steward", password="x", is_steward=True)


def igo_member(name: str = "Test migration agency", username: str = "igo-member") -> tuple[User, Organisation]:
    user = User.objects.create_user(username, password="x")
    organisation = Organisation.objects.create(
        name=name, kind=Organisation.Kind.IGO, country=Country.objects.get(pk="CHE"), status="approved"
    )
    Membership.objects.create(user=user, organisation=organisation)
    return user, organisation


def codes(value: float = 1, **overrides: float) -> dict[str, float]:
    return {sub: overrides.get(f"s{sub}", value) for sub in SUB_IDS}
