"""Parties of the impact tests: the proponent's member, the reviewer's member, an official of the project's country
(the Philippines), an official of another country, an outsider and a steward; and a project at any stage."""

from dataclasses import dataclass
from typing import Any

import pytest

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.models import Country
from migdev.impact import demo, services
from migdev.impact.models import Project, ScreeningItem


@dataclass
class Parties:
    proponent: User
    reviewer: User
    official: User
    other_official: User
    outsider: User
    steward: User
    proponent_org: Organisation
    reviewer_org: Organisation


def _member(username: str, organisation: Organisation) -> User:
    user = User.objects.create_user(username, password="x")
    Membership.objects.create(user=user, organisation=organisation)
    return user


@pytest.fixture
def parties(db: Any) -> Parties:
    phl = Country.objects.get(pk="PHL")
    proponent_org = Organisation.objects.create(name="Builder (test)", kind="employer", country=phl, status="approved")
    reviewer_org = Organisation.objects.create(name="Panel (test)", kind="research", country=phl, status="approved")
    other_org = Organisation.objects.create(name="Other (test)", kind="employer", country=phl, status="approved")
    official = User.objects.create_user("impact-official", password="x")
    official.official_countries.add(phl)
    other_official = User.objects.create_user("impact-official-mex", password="x")
    other_official.official_countries.add(Country.objects.get(pk="MEX"))
    return Parties(
        proponent=_member("impact-proponent", proponent_org),
        reviewer=_member("impact-reviewer", reviewer_org),
        official=official,
        other_official=other_official,
        outsider=_member("impact-outsider", other_org),
        steward=User.objects.create_user("impact-steward", password="x", is_steward=True),
        proponent_org=proponent_org,
        reviewer_org=reviewer_org,
    )


@pytest.fixture
def project(parties: Parties) -> Project:
    return services.create_project(
        parties.proponent, parties.proponent_org, demo._facts("Port (test)", parties.reviewer_org)
    )


def items() -> list[str]:
    return list(ScreeningItem.objects.order_by("order").values_list("code", flat=True))


def take_to(project: Project, stage: str, parties: Parties) -> Project:
    """The project taken through every stage before `stage` by the demo's steps, as each party."""
    who = {"proponent": parties.proponent, "reviewer": parties.reviewer, "official": parties.official}
    demo._build(project, stage, who, items())
    project.refresh_from_db()
    return project
