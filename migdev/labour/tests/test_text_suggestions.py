"""The free-text box of the worker profile and vacancy forms (htmx and without JavaScript), and its API."""

from pathlib import Path

import pytest
from django.test import Client

from migdev.accounts.services import create_api_token
from migdev.accounts.tests.factories import WorkerFactory
from migdev.core.models import EscoOccupationSkill
from migdev.labour.models import Vacancy, WorkerProfile
from migdev.labour.tests.factories_registry import StandardFactory, employer_with_member
from migdev.labour.tests.test_registry_forms_pages import ROOT, client_for, profile_form, vacancy_form

pytestmark = pytest.mark.django_db

ESCO = "http://data.europa.eu/esco/"
FRUIT_PICKER = ESCO + "occupation/373db468-bd25-4b67-a6e0-4ac79d9a9e85"
OPERATE_TRACTOR = ESCO + "skill/a95f88b8-11b1-406a-aa30-c5a891cb41a8"
PACK_FRUIT = ESCO + "skill/aa47f037-4197-4484-8dac-2b7835ce2a85"
CV = "Fruit and vegetable picker\n- driving a tractor\n- packing fruit for export"


def test_a_worker_gets_suggestions_from_a_cv_ticks_them_and_saves() -> None:
    user = WorkerFactory()
    client = client_for(user)
    fragment = client.post(f"{ROOT}/suggest-from-text/", {"free_text": CV}, HTTP_HX_REQUEST="true").content.decode()
    assert f'type="checkbox" name="occupation_add" value="{FRUIT_PICKER}" checked' in fragment  # named outright
    assert f'name="skill_add" value="{OPERATE_TRACTOR}" checked' in fragment
    assert "from “driving a tractor”" in fragment and "named in “Fruit and vegetable picker”" in fragment

    # Without JavaScript the button sends the whole form back: suggestions shown, the text kept, nothing saved.
    page = client.post(f"{ROOT}/worker/profile/", profile_form(free_text=CV, suggest_text="1")).content.decode()
    assert f'name="skill_add" value="{PACK_FRUIT}"' in page and "packing fruit for export</textarea>" in page
    assert not WorkerProfile.objects.filter(user=user).exists()

    saved = client.post(
        f"{ROOT}/worker/profile/",
        profile_form(free_text=CV, occupation_add=[FRUIT_PICKER], skill_add=[OPERATE_TRACTOR, PACK_FRUIT]),
    )
    assert saved.status_code == 302
    worker = WorkerProfile.objects.get(user=user)
    assert set(worker.occupations.values_list("occupation__uri", flat=True)) == {FRUIT_PICKER}
    assert set(worker.skills.values_list("skill__uri", flat=True)) == {OPERATE_TRACTOR, PACK_FRUIT}

    # What the profile already lists is not suggested again.
    again = client.post(
        f"{ROOT}/suggest-from-text/",
        {"free_text": CV, "skill_key": [OPERATE_TRACTOR], "occupation_key": [FRUIT_PICKER]},
    ).content.decode()
    assert OPERATE_TRACTOR not in again and FRUIT_PICKER not in again and PACK_FRUIT in again


def test_an_empty_text_is_named_and_suggestions_need_a_sign_in() -> None:
    client = client_for(WorkerFactory())
    fragment = client.post(f"{ROOT}/suggest-from-text/", {"free_text": "  "}).content.decode()
    assert 'role="alert"' in fragment and "Write or paste some text first." in fragment
    assert Client().post(f"{ROOT}/suggest-from-text/", {"free_text": CV}).status_code == 302  # to sign in
    assert client.get(f"{ROOT}/suggest-from-text/").status_code == 405


def test_an_employer_starts_a_vacancy_from_its_text() -> None:
    StandardFactory()
    employer, member = employer_with_member()
    client = client_for(member)
    fragment = client.post(
        f"{ROOT}/suggest-from-text/?for=vacancy", {"free_text": CV}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert f'type="radio" name="occupation" value="{FRUIT_PICKER}" checked' in fragment

    page = client.post(
        f"{ROOT}/vacancies/new/", vacancy_form(employer.pk, occupation="", free_text=CV, suggest_text="1")
    ).content.decode()
    assert f'type="radio" name="occupation" value="{FRUIT_PICKER}" checked' in page and not Vacancy.objects.exists()

    extra = ESCO + "skill/25e16679-a7d0-464d-916c-63210001bbab"  # act reliably: not one of the occupation's skills
    created = client.post(
        f"{ROOT}/vacancies/new/", vacancy_form(employer.pk, occupation=FRUIT_PICKER, skill_add=[extra])
    )
    assert created.status_code == 302
    vacancy = Vacancy.objects.get()
    esco = set(EscoOccupationSkill.objects.filter(occupation__uri=FRUIT_PICKER).values_list("skill__uri", flat=True))
    skills = dict(vacancy.skills.values_list("skill__uri", "essential"))
    assert set(skills) == esco | {extra} and skills[extra] is True


def api_client() -> Client:
    _token, key = create_api_token(WorkerFactory(), "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def test_the_api_suggests_and_names_bad_input() -> None:
    client = api_client()
    response = client.post(
        "/api/v1/labour/text-suggestions",
        {"text": CV, "max_skills": 3, "exclude_skills": [PACK_FRUIT]},
        content_type="application/json",
    )
    assert response.status_code == 200
    body = response.json()
    assert body["occupations"][0]["uri"] == FRUIT_PICKER and body["cross_lingual"] is False
    assert len(body["skills"]) <= 3 and PACK_FRUIT not in {s["uri"] for s in body["skills"]}
    assert {"uri", "label", "score", "phrase", "likely"} <= set(body["skills"][0])
    assert body["occupations"][0]["likely"] is True  # named outright and backed by its skills

    empty = client.post("/api/v1/labour/text-suggestions", {"text": " "}, content_type="application/json")
    assert empty.status_code == 400 and empty.json()["error"]["field"] == "text"
    too_many = client.post(
        "/api/v1/labour/text-suggestions", {"text": CV, "max_skills": 500}, content_type="application/json"
    )
    assert too_many.status_code == 422 and too_many.json()["error"]["field"] == "max_skills"
    anonymous = Client().post("/api/v1/labour/text-suggestions", {"text": CV}, content_type="application/json")
    assert anonymous.status_code == 401


def test_suggestions_are_limited_per_user_in_the_forms_and_the_api() -> None:
    from django.core.cache import cache
    from django.test import override_settings

    cache.clear()
    user = WorkerFactory()
    _token, key = create_api_token(user, "test")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    page = client_for(user)
    with override_settings(TEXT_SUGGESTIONS_RATE="2/m"):
        assert page.post(f"{ROOT}/suggest-from-text/", {"free_text": CV}).status_code == 200
        assert (
            api.post("/api/v1/labour/text-suggestions", {"text": CV}, content_type="application/json").status_code
            == 200
        )
        refused = api.post("/api/v1/labour/text-suggestions", {"text": CV}, content_type="application/json")
        assert refused.status_code == 429 and refused.json()["error"]["code"] == "throttled"
        fragment = page.post(f"{ROOT}/suggest-from-text/", {"free_text": CV}).content.decode()
        assert "Too many suggestions in a minute" in fragment and "skill_add" not in fragment
    cache.clear()


CARE_AD = (Path(__file__).parents[2] / "core" / "tests" / "texts" / "fr_aide_soignant_annonce.txt").read_text()
MISSIONARY = ESCO + "occupation/0f086907-96a6-4e88-bf00-a84295125a6a"


def test_a_heading_such_as_missions_ticks_no_occupation() -> None:
    """A French care-assistant vacancy once ticked "missionnaire" because its text says "Missions :"."""
    _employer, member = employer_with_member()
    fragment = client_for(member).post(
        f"{ROOT}/suggest-from-text/?for=vacancy", {"free_text": CARE_AD}, HTTP_HX_REQUEST="true"
    )
    html = fragment.content.decode()
    assert MISSIONARY not in html and "“Missions :”" not in html
    worker = client_for(WorkerFactory()).post(f"{ROOT}/suggest-from-text/", {"free_text": "Missions :\nProfil"})
    assert "No ESCO occupation or skill found in this text." in worker.content.decode()


def test_the_vacancy_text_fills_the_wage_hours_length_and_start_once_confirmed() -> None:
    StandardFactory()
    employer, member = employer_with_member()
    client = client_for(member)
    fragment = client.post(
        f"{ROOT}/suggest-from-text/?for=vacancy", {"free_text": CARE_AD}, HTTP_HX_REQUEST="true"
    ).content.decode()
    for name, value in [
        ("term_wage__wage_amount", "1950.00"),
        ("term_wage__wage_currency", "EUR"),
        ("term_wage__wage_period", "month"),
        ("term_weekly_hours__weekly_hours", "35"),
        ("term_contract_months__contract_months", "6"),
        ("term_start_date__start_date", "2027-01-05"),
    ]:
        assert f'name="{name}" value="{value}"' in fragment
    assert 'name="term" value="wage" checked' in fragment and "from “Salaire : 1 950 € brut par mois.”" in fragment

    # The employer unticks the start date and fills in the rest: the form shows them, nothing is saved.
    sent = vacancy_form(
        employer.pk,
        free_text=CARE_AD,
        apply_terms="1",
        term=["wage", "weekly_hours", "contract_months"],
        term_wage__wage_amount="1950.00",
        term_wage__wage_currency="EUR",
        term_wage__wage_period="month",
        term_weekly_hours__weekly_hours="35",
        term_contract_months__contract_months="6",
        term_start_date__start_date="2027-01-05",
    )
    page = client.post(f"{ROOT}/vacancies/new/", sent).content.decode()
    assert not Vacancy.objects.exists()
    assert 'name="wage_amount" value="1950.00"' in page and 'name="weekly_hours" value="35"' in page
    assert 'name="contract_months" value="6"' in page and '<option value="EUR" selected>' in page
    assert 'value="2027-01-05"' not in page


def test_the_api_gives_a_vacancy_texts_terms_to_confirm() -> None:
    body = (
        api_client().post("/api/v1/labour/text-suggestions", {"text": CARE_AD}, content_type="application/json").json()
    )
    terms = {term["name"]: term for term in body["terms"]}
    assert terms["wage"]["fields"] == {"wage_amount": "1950.00", "wage_currency": "EUR", "wage_period": "month"}
    assert terms["wage"]["phrase"] == "Salaire : 1 950 € brut par mois."
    assert terms["weekly_hours"]["fields"] == {"weekly_hours": "35"}
    assert terms["start_date"]["fields"] == {"start_date": "2027-01-05"}
    cv = api_client().post("/api/v1/labour/text-suggestions", {"text": CV}, content_type="application/json").json()
    assert cv["terms"] == []


WELDER = ESCO + "occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b"


def test_a_typed_job_title_is_ranked_by_the_title_and_the_words_that_led_are_shown() -> None:
    body = (
        api_client()
        .post("/api/v1/labour/text-suggestions", {"text": "Senior Welder (Urgent)"}, content_type="application/json")
        .json()
    )
    assert body["job_title"] is True
    welder = next(o for o in body["occupations"][:3] if o["uri"] == WELDER)  # ties with "fabricator/welder"
    assert welder["title_words"] == ["Welder"] and welder["reading"] == "welder"
    assert all("Senior" not in o["title_words"] and "Urgent" not in o["title_words"] for o in body["occupations"])
    fragment = (
        client_for(WorkerFactory())
        .post(f"{ROOT}/suggest-from-text/", {"free_text": "Senior Welder (Urgent)"}, HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert "from the words: Welder" in fragment and "title read as “welder”" in fragment


# Vacancy ads in each language stating their terms as employers write them (issue 16, item 10): the period before
# the amount ("Salario bruto anual"), the hours after a label ("Horas semanales: 40").
AD_TERMS = [
    (
        "Aide-soignant (H/F)\nRémunération : 1 850 € brut mensuel\nDurée hebdomadaire : 35 heures\nCDD 6 mois",
        {"wage_amount": "1850.00", "wage_currency": "EUR", "wage_period": "month"},
        "35",
        "6",
    ),
    (
        "Auxiliar de enfermería\nSalario bruto anual: 21.000 €\nHoras semanales: 40\nContrato de 8 meses",
        {"wage_amount": "21000.00", "wage_currency": "EUR", "wage_period": "year"},
        "40",
        "8",
    ),
    (
        "Healthcare Assistant\nHourly rate: £12.40\nWeekly hours: 37\nFixed-term contract of 9 months",
        {"wage_amount": "12.40", "wage_currency": "GBP", "wage_period": "hour"},
        "37",
        "9",
    ),
]


@pytest.mark.parametrize(("text", "wage", "hours", "months"), AD_TERMS)
def test_a_pasted_ad_in_each_language_fills_the_wage_hours_and_length(
    text: str, wage: dict[str, str], hours: str, months: str
) -> None:
    body = api_client().post("/api/v1/labour/text-suggestions", {"text": text}, content_type="application/json").json()
    terms = {term["name"]: term["fields"] for term in body["terms"]}
    assert terms == {
        "wage": wage,
        "weekly_hours": {"weekly_hours": hours},
        "contract_months": {"contract_months": months},
    }
    _employer, member = employer_with_member()
    fragment = (
        client_for(member)
        .post(f"{ROOT}/suggest-from-text/?for=vacancy", {"free_text": text}, HTTP_HX_REQUEST="true")
        .content.decode()
    )
    for name, value in [*wage.items(), ("weekly_hours", hours)]:
        assert f'name="term_{"weekly_hours" if name == "weekly_hours" else "wage"}__{name}" value="{value}"' in fragment
    assert f'name="term_contract_months__contract_months" value="{months}"' in fragment
