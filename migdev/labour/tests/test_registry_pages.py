"""Registry pages by role: public vacancies, the worker's profile, the employer's vacancies, officials' schemes."""

import json

import pytest
from django.test import Client

from migdev.accounts.models import AuditEvent, User
from migdev.accounts.tests.factories import UserFactory, WorkerFactory
from migdev.core.models import Country
from migdev.labour.models import Scheme, Vacancy, WorkerProfile
from migdev.labour.tests.factories_registry import (
    CROP_WORKER,
    SchemeFactory,
    SendingAgencyFactory,
    StandardFactory,
    VacancyFactory,
    WorkerProfileFactory,
    employer_with_member,
    member_of,
    next_year_start,
)

pytestmark = pytest.mark.django_db

ROOT = "/en/labour"


@pytest.fixture(autouse=True)
def standard() -> None:
    StandardFactory()


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_public_vacancy_list_shows_published_only() -> None:
    VacancyFactory(title="Strawberry picker")
    VacancyFactory(title="Secret draft", state=Vacancy.State.DRAFT)
    page = client_for(None).get(f"{ROOT}/vacancies/").content.decode()
    assert "Strawberry picker" in page and "Secret draft" not in page
    assert client_for(None).get(f"{ROOT}/schemes/").status_code == 200


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_vacancy_page_in_each_language(lang: str) -> None:
    vacancy = VacancyFactory()
    assert client_for(None).get(f"/{lang}/labour/vacancies/{vacancy.pk}/").status_code == 200


def test_a_worker_opens_a_profile_in_the_browser_and_sees_reasons() -> None:
    user = WorkerFactory()
    client = client_for(user)
    form = {
        "sex": "M",
        "nationality": "PHL",
        "residence": "PHL",
        "date_of_birth": "1991-01-01",
        "occupation_key": CROP_WORKER,
        "occupation_value": "2",
        "language_key": ["eng", "fil"],
        "language_value": ["3", "6"],
        "is_available": "on",
    }
    bad = client.post(f"{ROOT}/worker/profile/", {**form, "language_value": ["3", "9"]})
    assert bad.status_code == 200 and "CEFR" in bad.content.decode()
    assert not WorkerProfile.objects.filter(user=user).exists()
    assert client.post(f"{ROOT}/worker/profile/", form).status_code == 302
    worker = WorkerProfile.objects.get(user=user)
    assert worker.languages.count() == 2
    VacancyFactory(title="Demanding", min_education=8)
    page = client.get(f"{ROOT}/worker/vacancies/").content.decode()
    assert "Demanding" in page and "ISCED" in page
    exported = client.get(f"{ROOT}/worker/export/")
    assert json.loads(exported.content)["profile"]["pseudonym"] == worker.pseudonym
    assert client.post(f"{ROOT}/worker/erase/", {"confirm": "yes"}).status_code == 302
    worker.refresh_from_db()
    assert worker.erased_at is not None


def test_an_employer_drafts_a_vacancy_and_sees_failures_named() -> None:
    employer, member = employer_with_member()
    client = client_for(member)
    form = {
        "employer": employer.pk,
        "title": "Picker",
        "occupation": CROP_WORKER,
        "destination": "CAN",
        "place": "Ontario",
        "positions": "3",
        "wage_amount": "-1",
        "wage_currency": "CAD",
        "wage_period": "hour",
        "weekly_hours": "40",
        "rest_days_per_week": "1",
        "contract_months": "6",
        "start_date": next_year_start().isoformat(),
        "min_experience_years": "0",
        "contract_languages": "eng",
        "written_contract": "on",
        **{
            f"cost_{c}": "employer"
            for c in [
                "recruiter_fee",
                "travel",
                "visa",
                "medical",
                "documents",
                "training",
                "skills_test",
                "insurance",
                "lodging",
                "other",
            ]
        },
    }
    bad = client.post(f"{ROOT}/vacancies/new/", form)
    assert bad.status_code == 200 and "more than zero" in bad.content.decode()
    assert not Vacancy.objects.exists()
    saved = client.post(f"{ROOT}/vacancies/new/", {**form, "wage_amount": "10", "cost_visa": "worker"})
    assert saved.status_code == 302
    vacancy = Vacancy.objects.get()
    page = client.get(f"{ROOT}/employer/vacancies/").content.decode()
    assert "cost_terms.visa" in page and "wage_amount" in page
    submitted = client.post(f"{ROOT}/vacancies/{vacancy.pk}/submit/", follow=True)
    assert "Employer Pays Principle" in submitted.content.decode()
    vacancy.refresh_from_db()
    assert vacancy.state == Vacancy.State.DRAFT


def test_candidates_page_is_for_the_employer_only() -> None:
    employer, member = employer_with_member()
    vacancy = VacancyFactory(employer=employer)
    worker = WorkerProfileFactory()
    page = client_for(member).get(f"{ROOT}/vacancies/{vacancy.pk}/candidates/")
    assert page.status_code == 200 and worker.pseudonym in page.content.decode()
    assert client_for(UserFactory()).get(f"{ROOT}/vacancies/{vacancy.pk}/candidates/").status_code == 403
    invited = client_for(member).post(f"{ROOT}/vacancies/{vacancy.pk}/candidates/", {"worker": worker.pseudonym})
    assert invited.status_code == 302
    profile = client_for(member).get(f"{ROOT}/workers/{worker.pseudonym}/").content.decode()
    assert worker.user.last_name not in profile
    client_for(worker.user).post(
        f"{ROOT}/worker/invitations/", {"invitation": worker.invitations.get().pk, "answer": "accept"}
    )
    profile = client_for(member).get(f"{ROOT}/workers/{worker.pseudonym}/").content.decode()
    assert worker.user.last_name in profile
    assert AuditEvent.objects.filter(subject=worker.user, action="read", actor=member).exists()


def test_officials_manage_schemes_and_see_their_country() -> None:
    official = UserFactory()
    official.official_countries.add(Country.objects.get(pk="CAN"))
    client = client_for(official)
    form = {
        "destination": "CAN",
        "code": "sawp-page",
        "name": "SAWP page test",
        "kind": "seasonal",
        "eligible_origins": "MEX, PHL",
        "eligible_occupations": "92",
        "origin_caps": "PHL 10",
        "cooling_off_days": "0",
        "employer_pays_travel": "on",
        "is_active": "on",
    }
    bad = client.post(f"{ROOT}/official/schemes/new/", {**form, "eligible_origins": "MEX, XXX"})
    assert bad.status_code == 200 and "XXX" in bad.content.decode()
    assert client.post(f"{ROOT}/official/schemes/new/", form).status_code == 302
    scheme = Scheme.objects.get(code="sawp-page")
    assert scheme.origin_caps.get().cap == 10
    assert client.get(f"{ROOT}/official/schemes/{scheme.pk}/edit/").status_code == 200
    VacancyFactory(title="Canadian job", state=Vacancy.State.SUBMITTED)
    assert "Canadian job" in client.get(f"{ROOT}/official/").content.decode()
    other = SchemeFactory(destination=Country.objects.get(pk="FRA"))
    assert client.post(f"{ROOT}/official/schemes/{other.pk}/edit/", {**form, "code": other.code}).status_code == 403


def test_agency_pool_page() -> None:
    agency = SendingAgencyFactory()
    worker = WorkerProfileFactory(sending_agency=agency)
    assert worker.pseudonym in client_for(member_of(agency)).get(f"{ROOT}/agencies/{agency.pk}/pool/").content.decode()
    assert client_for(UserFactory()).get(f"{ROOT}/agencies/{agency.pk}/pool/").status_code == 403
