"""Registry pages' editors: the worker's occupations, skills and languages, the vacancy's occupation, skills and
languages (searchable pickers, with htmx and without JavaScript), and the labour standards (pages and API)."""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from migdev.accounts.models import User
from migdev.accounts.services import create_api_token
from migdev.accounts.tests.factories import StewardFactory, UserFactory, WorkerFactory
from migdev.core.models import EscoOccupation, EscoOccupationSkill
from migdev.labour.models import CostCategory, LabourStandard, Vacancy, WorkerProfile
from migdev.labour.tests.factories_registry import (
    CROP_WORKER,
    DOMESTIC_CLEANER,
    HEALTHCARE_ASSISTANT,
    StandardFactory,
    VacancyFactory,
    employer_with_member,
    next_year_start,
)

pytestmark = pytest.mark.django_db

ROOT = "/en/labour"
UNKNOWN_OCCUPATION = "http://data.europa.eu/esco/occupation/00000000-0000-0000-0000-000000000000"


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def essential_skills(uri: str) -> list[str]:
    return list(
        EscoOccupationSkill.objects.filter(occupation__uri=uri, relation="essential")
        .order_by("skill__uri")
        .values_list("skill__uri", flat=True)
    )


DETAILS = {"sex": "F", "nationality": "PHL", "residence": "PHL", "date_of_birth": "1990-05-01", "is_available": "on"}


def profile_form(**lists: Any) -> dict[str, Any]:
    return {**DETAILS, **lists}


def worker_with_profile() -> tuple[WorkerProfile, Client]:
    """A worker who opened a profile through the page: crop worker (3 years), domestic cleaner (1), eng B1, fil C2."""
    user = WorkerFactory()
    client = client_for(user)
    form = profile_form(
        occupation_key=[CROP_WORKER, DOMESTIC_CLEANER],
        occupation_value=["3", "1"],
        skill_key=essential_skills(CROP_WORKER)[:1],
        language_key=["eng", "fil"],
        language_value=["3", "6"],
    )
    assert client.post(f"{ROOT}/worker/profile/", form).status_code == 302
    return WorkerProfile.objects.get(user=user), client


def occupations_of(worker: WorkerProfile) -> dict[str, int]:
    return dict(worker.occupations.values_list("occupation__uri", "years_experience"))


def languages_of(worker: WorkerProfile) -> dict[str, int]:
    return dict(worker.languages.values_list("language_id", "level"))


# --- worker profile ------------------------------------------------------------------------------------------------


def test_a_worker_adds_changes_and_removes_occupations_skills_and_languages() -> None:
    worker, client = worker_with_profile()
    assert occupations_of(worker) == {CROP_WORKER: 3, DOMESTIC_CLEANER: 1}
    assert languages_of(worker) == {"eng": 3, "fil": 6}
    page = client.get(f"{ROOT}/worker/profile/").content.decode()
    assert EscoOccupation.objects.get(uri=CROP_WORKER).preferred_label in page
    held_skill = essential_skills(CROP_WORKER)[0]
    new_skill = essential_skills(HEALTHCARE_ASSISTANT)[0]
    edited = profile_form(
        occupation_key=[CROP_WORKER, DOMESTIC_CLEANER],
        occupation_value=["5", "1"],  # change the years of one
        occupation_remove=[DOMESTIC_CLEANER],  # remove the other
        occupation_add=[HEALTHCARE_ASSISTANT],  # add one picked in the search results
        skill_key=[held_skill],
        skill_remove=[held_skill],
        skill_add=[new_skill],
        language_key=["eng", "fil"],
        language_value=["4", "6"],  # eng B1 -> B2
        language_remove=["fil"],
        language_add=["spa"],
        language_add_value="2",
    )
    assert client.post(f"{ROOT}/worker/profile/", edited).status_code == 302
    worker.refresh_from_db()
    assert occupations_of(worker) == {CROP_WORKER: 5, HEALTHCARE_ASSISTANT: 0}
    assert list(worker.skills.values_list("skill__uri", flat=True)) == [new_skill]
    assert languages_of(worker) == {"eng": 4, "spa": 2}


def test_a_search_without_javascript_shows_results_and_saves_nothing() -> None:
    worker, client = worker_with_profile()
    label = EscoOccupation.objects.get(uri=HEALTHCARE_ASSISTANT).preferred_label
    form = profile_form(
        occupation_key=[CROP_WORKER],
        occupation_value=["9"],
        occupation_remove=[CROP_WORKER],
        date_of_birth="1980-01-01",
        occupation_add_q=label,
        search="occupation_add",
    )
    response = client.post(f"{ROOT}/worker/profile/", form)
    page = response.content.decode()
    assert response.status_code == 200
    assert f'name="occupation_add" value="{HEALTHCARE_ASSISTANT}"' in page
    assert 'value="1980-01-01"' in page  # what was typed stays on the page
    assert f'name="occupation_remove" value="{CROP_WORKER}" checked' in page
    worker.refresh_from_db()
    assert worker.date_of_birth == date(1990, 5, 1) and occupations_of(worker)[CROP_WORKER] == 3


def test_the_picker_returns_a_fragment_for_htmx_and_a_page_without_javascript() -> None:
    occupation = EscoOccupation.objects.get(uri=CROP_WORKER)
    fragment = client_for(None).get(
        f"{ROOT}/pick/",
        {"field": "occupation_add", "occupation_add_q": occupation.preferred_label_en},
        HTTP_HX_REQUEST="true",
    )
    text = fragment.content.decode()
    assert fragment.status_code == 200 and "<html" not in text
    assert f'type="checkbox" name="occupation_add" value="{CROP_WORKER}"' in text
    page = client_for(None).get(f"{ROOT}/pick/", {"field": "occupation", "q": occupation.preferred_label_en})
    assert "<html" in page.content.decode() and CROP_WORKER in page.content.decode()
    assert client_for(None).get(f"{ROOT}/pick/", {"field": "password", "q": "x"}).status_code == 404
    other = EscoOccupation.objects.get(uri=HEALTHCARE_ASSISTANT).preferred_label_en
    again = (
        client_for(None)
        .get(
            f"{ROOT}/pick/",
            {"field": "occupation_add", "q": other, "occupation_add": [CROP_WORKER]},
            HTTP_HX_REQUEST="true",
        )
        .content.decode()
    )
    assert f'value="{CROP_WORKER}" checked' in again and HEALTHCARE_ASSISTANT in again  # a new search keeps the ticks
    languages = client_for(None).get(f"{ROOT}/pick/", {"field": "language_add", "q": "fil"}, HTTP_HX_REQUEST="true")
    assert 'type="radio" name="language_add" value="fil"' in languages.content.decode()


def test_the_picker_answers_in_the_request_language() -> None:
    """ESCO occupations have French labels: a French search finds the French label."""
    occupation = EscoOccupation.objects.get(uri=CROP_WORKER)
    assert occupation.preferred_label_fr and occupation.preferred_label_fr != occupation.preferred_label_en
    found = (
        client_for(None)
        .get(
            "/fr/labour/pick/", {"field": "occupation_add", "q": occupation.preferred_label_fr}, HTTP_HX_REQUEST="true"
        )
        .content.decode()
    )
    assert occupation.preferred_label_fr in found and CROP_WORKER in found


def test_the_worker_confirms_the_essential_skills_of_the_occupations() -> None:
    worker, client = worker_with_profile()
    suggested = essential_skills(CROP_WORKER) + essential_skills(DOMESTIC_CLEANER)
    held = essential_skills(CROP_WORKER)[:1]
    rows = profile_form(
        occupation_key=[CROP_WORKER, DOMESTIC_CLEANER],
        occupation_value=["3", "1"],
        skill_key=held,
        language_key=["eng"],
        language_value=["3"],
    )
    page = client.post(f"{ROOT}/worker/profile/", {**rows, "suggest": "essential_skills"}).content.decode()
    missing = sorted(set(suggested) - set(held))
    assert missing and all(f'name="skill_add" value="{uri}" checked' in page for uri in missing)
    assert f'name="skill_add" value="{held[0]}"' not in page
    assert worker.skills.count() == 1  # a suggestion saves nothing
    fragment = client.get(
        f"{ROOT}/pick/essential-skills/", {"occupation_key": [CROP_WORKER], "skill_key": held}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert f'value="{essential_skills(CROP_WORKER)[-1]}" checked' in fragment
    assert client.post(f"{ROOT}/worker/profile/", {**rows, "skill_add": missing}).status_code == 302
    assert set(worker.skills.values_list("skill__uri", flat=True)) == set(suggested)


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        ({"occupation_add": [UNKNOWN_OCCUPATION]}, "Unknown ESCO occupation"),
        ({"skill_add": ["http://data.europa.eu/esco/skill/nope"]}, "Unknown ESCO skill"),
        ({"language_add": ["spa"], "language_add_value": "7"}, "CEFR level from A1 to C2"),
        ({"language_value": ["0"]}, "CEFR level from A1 to C2"),
        ({"language_add": ["xx9"], "language_add_value": "3"}, "Unknown language code"),
        ({"occupation_value": ["lots"]}, "whole number"),
        ({"occupation_value": ["61"]}, "from 0 to 60"),
    ],
)
def test_bad_rows_are_refused_naming_the_list_and_nothing_is_written(lists: dict[str, Any], message: str) -> None:
    worker, client = worker_with_profile()
    before = (occupations_of(worker), languages_of(worker), worker.skills.count())
    form = profile_form(
        occupation_key=[CROP_WORKER], occupation_value=["3"], language_key=["eng"], language_value=["3"]
    )
    response = client.post(f"{ROOT}/worker/profile/", {**form, "residence": "MEX", **lists})
    assert response.status_code == 200 and message in response.content.decode()
    worker.refresh_from_db()
    assert worker.residence_id == "PHL"
    assert (occupations_of(worker), languages_of(worker), worker.skills.count()) == before


# --- vacancy form --------------------------------------------------------------------------------------------------


def vacancy_form(employer_id: int | None, **changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "title": "Picker",
        "occupation": CROP_WORKER,
        "destination": "CAN",
        "place": "Ontario",
        "positions": "3",
        "wage_amount": "18",
        "wage_currency": "CAD",
        "wage_period": "hour",
        "weekly_hours": "40",
        "rest_days_per_week": "1",
        "contract_months": "6",
        "start_date": next_year_start().isoformat(),
        "min_experience_years": "0",
        "contract_languages": "eng",
        "written_contract": "on",
        **{f"cost_{c}": "employer" for c in CostCategory.values},
    }
    if employer_id is not None:
        form["employer"] = employer_id
    return {**form, **changes}


def skills_of(vacancy: Vacancy) -> dict[str, bool]:
    return dict(vacancy.skills.values_list("skill__uri", "essential"))


def test_an_employer_picks_the_occupation_and_edits_skills_and_languages() -> None:
    StandardFactory()
    employer, member = employer_with_member()
    client = client_for(member)
    label = EscoOccupation.objects.get(uri=CROP_WORKER).preferred_label
    searched = client.post(
        f"{ROOT}/vacancies/new/", vacancy_form(employer.pk, occupation="", occupation_q=label, search="occupation")
    )
    assert f'type="radio" name="occupation" value="{CROP_WORKER}"' in searched.content.decode()
    assert 'value="Picker"' in searched.content.decode() and not Vacancy.objects.exists()
    created = client.post(
        f"{ROOT}/vacancies/new/", vacancy_form(employer.pk, language_add=["eng"], language_add_value="3")
    )
    assert created.status_code == 302
    vacancy = Vacancy.objects.get()
    esco = dict(EscoOccupationSkill.objects.filter(occupation__uri=CROP_WORKER).values_list("skill__uri", "relation"))
    assert skills_of(vacancy) == {uri: relation == "essential" for uri, relation in esco.items()}
    assert dict(vacancy.languages.values_list("language_id", "min_level")) == {"eng": 3}

    page = client.get(f"{ROOT}/vacancies/{vacancy.pk}/edit/").content.decode()
    assert 'name="skill_key"' in page and f'value="{CROP_WORKER}" checked' in page
    keys = sorted(esco)
    flipped, removed = keys[0], keys[1]
    added = essential_skills(HEALTHCARE_ASSISTANT)[0]
    values = [
        "optional" if uri == flipped else ("essential" if esco[uri] == "essential" else "optional") for uri in keys
    ]
    edit = vacancy_form(
        None,
        skill_key=keys,
        skill_value=values,
        skill_remove=[removed],
        skill_add=[added],
        language_key=["eng"],
        language_value=["4"],
        language_add=["fra"],
        language_add_value="2",
    )
    assert client.post(f"{ROOT}/vacancies/{vacancy.pk}/edit/", edit).status_code == 302
    skills = skills_of(vacancy)
    assert skills[flipped] is False and removed not in skills and skills[added] is True
    assert len(skills) == len(esco)  # one removed, one added
    assert dict(vacancy.languages.values_list("language_id", "min_level")) == {"eng": 4, "fra": 2}

    # A new occupation starts the skills again from ESCO's.
    changed = vacancy_form(None, occupation=DOMESTIC_CLEANER, skill_key=keys, skill_value=values)
    assert client.post(f"{ROOT}/vacancies/{vacancy.pk}/edit/", changed).status_code == 302
    expected = EscoOccupationSkill.objects.filter(occupation__uri=DOMESTIC_CLEANER)
    assert set(skills_of(vacancy)) == set(expected.values_list("skill__uri", flat=True))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"occupation": UNKNOWN_OCCUPATION}, "Unknown ESCO occupation"),
        ({"occupation": ""}, "Choose the occupation"),
        ({"language_add": ["eng"], "language_add_value": "0"}, "CEFR level from A1 to C2"),
        ({"skill_key": ["http://data.europa.eu/esco/skill/nope"], "skill_value": ["essential"]}, "Unknown ESCO skill"),
        ({"skill_key": [CROP_WORKER], "skill_value": ["maybe"]}, "essential or optional"),
    ],
)
def test_bad_vacancy_lists_are_refused_and_nothing_is_written(changes: dict[str, Any], message: str) -> None:
    employer, member = employer_with_member()
    vacancy = VacancyFactory(employer=employer, state=Vacancy.State.DRAFT, title="Before")
    before = (skills_of(vacancy), list(vacancy.languages.values_list("language_id", "min_level")))
    response = client_for(member).post(
        f"{ROOT}/vacancies/{vacancy.pk}/edit/", vacancy_form(None, title="After", **changes)
    )
    assert response.status_code == 200 and message in response.content.decode()
    vacancy.refresh_from_db()
    assert vacancy.title == "Before"
    assert (skills_of(vacancy), list(vacancy.languages.values_list("language_id", "min_level"))) == before


# --- labour standards ----------------------------------------------------------------------------------------------


def standard_form(**changes: Any) -> dict[str, Any]:
    return {
        "country": "NZL",
        "valid_from": "2025-04-01",
        "minimum_wage": "23.50",
        "currency": "NZD",
        "wage_period": "hour",
        "max_weekly_hours": "",
        "source": "Minimum Wage Order 2025",
        "source_url": "https://www.employment.govt.nz/",
        **changes,
    }


def test_the_public_sees_the_standards_with_their_sources_and_unverified_marked() -> None:
    StandardFactory(source="Canada Labour Code", verified=False)
    StandardFactory(valid_from=date(2019, 1, 1), minimum_wage="15.00", source="Old order", verified=True)
    page = client_for(None).get(f"{ROOT}/standards/").content.decode()
    assert "Canada Labour Code" in page and "17.75" in page and "Old order" in page
    assert '<span class="unverified">unverified</span>' in page and "verified against the source" in page
    assert page.count("(in force)") == 1
    assert "/standards/new/" not in page
    assert client_for(None).get("/fr/labour/standards/").status_code == 200
    vacancy = VacancyFactory()
    assert (
        "/en/labour/standards/?country=CAN" in client_for(None).get(f"{ROOT}/vacancies/{vacancy.pk}/").content.decode()
    )


def test_a_steward_adds_and_corrects_a_standard_on_the_page() -> None:
    steward = StewardFactory()
    client = client_for(steward)
    assert "/standards/new/" in client.get(f"{ROOT}/standards/").content.decode()
    assert client.post(f"{ROOT}/standards/new/", standard_form()).status_code == 302
    standard = LabourStandard.objects.get(country_id="NZL")
    assert (standard.minimum_wage, standard.currency_id, standard.verified) == (23.5, "NZD", False)
    edit = f"{ROOT}/standards/{standard.pk}/edit/"
    assert client.get(edit).status_code == 200
    # Country and date stay: a change in the law is a new standard from the day it applies.
    response = client.post(edit, standard_form(country="AUS", valid_from="2000-01-01", verified="on"))
    assert response.status_code == 302
    standard.refresh_from_db()
    assert (standard.country_id, standard.valid_from, standard.verified) == ("NZL", date(2025, 4, 1), True)
    assert LabourStandard.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"minimum_wage": "-1"}, "more than zero"),
        ({"currency": "XXQ"}, "Unknown currency code"),
        ({"currency": ""}, "Give the currency"),
        ({"max_weekly_hours": "200"}, "from 1 to 168"),
        ({"source": "   "}, "This field is required"),
    ],
)
def test_bad_standards_are_refused_naming_the_field(changes: dict[str, Any], message: str) -> None:
    response = client_for(StewardFactory()).post(f"{ROOT}/standards/new/", standard_form(**changes))
    assert response.status_code == 200 and message in response.content.decode()
    assert not LabourStandard.objects.filter(country_id="NZL").exists()


def test_only_stewards_maintain_standards() -> None:
    client = client_for(UserFactory())
    assert client.get(f"{ROOT}/standards/new/").status_code == 403
    assert client.post(f"{ROOT}/standards/new/", standard_form()).status_code == 403
    assert not LabourStandard.objects.filter(country_id="NZL").exists()


def api(user: User | None) -> Client:
    if user is None:
        return Client()
    _token, key = create_api_token(user, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def test_standards_api_lists_publicly_and_records_for_stewards() -> None:
    StandardFactory()
    listed = api(None).get("/api/v1/labour/standards", {"country": "can"}).json()
    assert [(s["country"], s["minimum_wage"], s["verified"], s["in_force"]) for s in listed] == [
        ("CAN", "17.75", False, True)
    ]
    body = {**standard_form(max_weekly_hours=None), "verified": True}
    created = api(StewardFactory()).post("/api/v1/labour/standards", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["currency"] == "NZD" and created.json()["in_force"]
    denied = api(UserFactory()).post("/api/v1/labour/standards", body, content_type="application/json")
    assert denied.status_code == 403


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"minimum_wage": "-5"}, "minimum_wage"), ({"currency": "ZZZ"}, "currency"), ({"country": "XYZ"}, "country")],
)
def test_standards_api_refuses_bad_input_naming_the_field(changes: dict[str, Any], field: str) -> None:
    body = {**standard_form(max_weekly_hours=None), **changes}
    response = api(StewardFactory()).post("/api/v1/labour/standards", body, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["field"] == field
    assert not LabourStandard.objects.exists()
