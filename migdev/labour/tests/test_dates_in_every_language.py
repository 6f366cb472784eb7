"""Date fields render as ISO 8601 (YYYY-MM-DD) in English, French and Spanish.

`<input type="date">` accepts only that format: a date rendered as "17/05/1990" shows empty in the browser and is
saved empty (issue 16, item 1). Every form with a date, as the role that sees it.
"""

import re
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from migdev.accounts.models import User
from migdev.labour.models import Placement
from migdev.labour.services import protection as services
from migdev.labour.services.protection import OfferDetails
from migdev.labour.tests.factories_protection import World
from migdev.labour.tests.factories_registry import StandardFactory, VacancyFactory, employer_with_member
from migdev.labour.tests.factories_registry import WorkerProfileFactory as RegistryWorkerFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es"]


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def date_inputs(html: str) -> dict[str, str]:
    """Each `<input type="date">` of the page: name -> value ("" where it has none)."""
    found = {}
    for tag in re.findall(r"<input[^>]*>", html):
        if 'type="date"' in tag:
            name = re.search(r'name="([^"]+)"', tag)
            value = re.search(r'value="([^"]*)"', tag)
            assert name is not None, tag
            found[name.group(1)] = value.group(1) if value else ""
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_worker_profile_shows_her_dates_as_iso(language: str) -> None:
    worker = RegistryWorkerFactory(available_from=date(2027, 3, 1), available_to=date(2027, 11, 30))
    html = client_for(worker.user).get(f"/{language}/labour/worker/profile/").content.decode()
    inputs = date_inputs(html)
    assert inputs["date_of_birth"] == "1990-05-17"
    assert inputs["available_from"] == "2027-03-01"
    assert inputs["available_to"] == "2027-11-30"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_vacancy_form_shows_the_start_date_as_iso(language: str) -> None:
    employer, member = employer_with_member()
    vacancy = VacancyFactory(employer=employer, start_date=date(2027, 4, 1))
    html = client_for(member).get(f"/{language}/labour/vacancies/{vacancy.pk}/edit/").content.decode()
    assert date_inputs(html) == {"start_date": "2027-04-01"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_labour_standard_form_shows_its_date_as_iso(language: str) -> None:
    standard = StandardFactory(valid_from=date(2024, 4, 1))
    steward = User.objects.create_user("dates-steward", is_steward=True)
    html = client_for(steward).get(f"/{language}/labour/standards/{standard.pk}/edit/").content.decode()
    assert date_inputs(html) == {"valid_from": "2024-04-01"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_placement_and_offer_forms_propose_today_as_iso(language: str) -> None:
    world = World()
    details = OfferDetails(2024, date(2024, 2, 1), recruiter=world.recruiter)
    placement: Placement = services.offer_placement(world.employer_member, world.vacancy, world.worker, details)
    today = timezone.localdate().isoformat()

    worker_page = client_for(world.worker_user).get(f"/{language}/labour/placements/{placement.pk}/")
    assert date_inputs(worker_page.content.decode())["answer-on"] == today  # (and the fee she paid: no date yet)

    offer_page = client_for(world.employer_member).get(
        f"/{language}/labour/employers/{world.employer.pk}/returning-workers/"
    )
    assert date_inputs(offer_page.content.decode())["offered_on"] == today
