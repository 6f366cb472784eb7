"""Shared helpers of the partnerships tests: an approved business with a member, a partner for it."""

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.models import Country
from migdev.partnerships.models import Partner


def business_member(username: str = "pledger", name: str = "Acme Care Ltd.") -> tuple[User, Partner]:
    user = User.objects.create_user(username, password="x")
    organisation = Organisation.objects.create(
        name=name, kind="employer", country=Country.objects.get(pk="CAN"), status="approved"
    )
    Membership.objects.create(user=user, organisation=organisation)
    partner = Partner.objects.create(name=name, kind="business", country_id="CAN", organisation=organisation)
    return user, partner


def steward() -> User:
    return User.objects.create_user("steward", password="x", is_steward=True)
