"""The registry API: worker profiles, vacancies and their compliance, candidates, invitations, schemes, licences."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from migdev.accounts.models import AuditEvent, User
from migdev.accounts.services import create_api_token
from migdev.accounts.tests.factories import StewardFactory, UserFactory, WorkerFactory
from migdev.core.models import Country
from migdev.labour.models import Consent, Invitation, Scheme, Vacancy, WorkerProfile
from migdev.labour.tests.factories_registry import (
    CROP_WORKER,
    RecruiterFactory,
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

API = "/api/v1/labour"


@pytest.fixture(autouse=True)
def standard() -> None:
    StandardFactory()


def client(user: User | None) -> Client:
    if user is None:
        return Client()
    _token, key = create_api_token(user, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def post(user: User | None, path: str, body: Any = None) -> Any:
    return client(user).post(f"{API}{path}", body or {}, content_type="application/json")


def put(user: User | None, path: str, body: Any) -> Any:
    return client(user).put(f"{API}{path}", body, content_type="application/json")


def error(response: Any) -> dict[str, Any]:
    return response.json()["error"]  # type: ignore[no-any-return]


WORKER = {
    "sex": "F",
    "nationality": "PHL",
    "residence": "PHL",
    "date_of_birth": "1992-03-04",
    "education": 3,
    "languages": [{"language": "eng", "level": "B2"}, {"language": "fil", "level": "C2"}],
    "occupations": [{"esco": CROP_WORKER, "years_experience": 4}],
}


def vacancy_body(**changes: Any) -> dict[str, Any]:
    body = {
        "title": "Greenhouse worker",
        "occupation": CROP_WORKER,
        "destination": "CAN",
        "place": "Leamington, Ontario",
        "positions": 4,
        "wage_amount": "18.50",
        "wage_currency": "CAD",
        "wage_period": "hour",
        "weekly_hours": 40,
        "contract_months": 6,
        "start_date": next_year_start().isoformat(),
        "contract_languages": ["eng"],
    }
    body.update(changes)
    return body


# --- workers -------------------------------------------------------------------------------------------------------


def test_a_worker_opens_reads_and_changes_their_profile() -> None:
    user = WorkerFactory()
    created = post(user, "/workers/me", WORKER)
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["pseudonym"].startswith("W-") and body["full"] is True
    assert {lang["language"]: lang["level"] for lang in body["languages"]} == {"eng": "B2", "fil": "C2"}
    assert body["occupations"][0]["isco"] == "9213"
    assert [c["purpose"] for c in body["consents"]] == ["matching"]
    changed = put(user, "/workers/me", {**WORKER, "education": 4})
    assert changed.status_code == 200 and changed.json()["education"] == 4
    assert AuditEvent.objects.filter(subject=user, action="update", fields=["education"]).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"nationality": "XXX"}, "nationality"),
        ({"sex": "Q"}, "sex"),
        ({"languages": [{"language": "zzz", "level": "B1"}]}, "languages"),
        ({"languages": [{"language": "eng", "level": "D9"}]}, "languages"),
        ({"occupations": [{"esco": "http://example.org/nope", "years_experience": 1}]}, "occupations"),
        ({"date_of_birth": "2999-01-01"}, "date_of_birth"),
        ({"available_from": "2030-05-01", "available_to": "2030-04-01"}, "available_to"),
        ({"education": 12}, "education"),
    ],
)
def test_bad_worker_input_names_the_field_and_writes_nothing(change: dict[str, Any], field: str) -> None:
    user = WorkerFactory()
    response = post(user, "/workers/me", {**WORKER, **change})
    assert response.status_code == 400, response.json()
    assert error(response)["field"] == field
    assert not WorkerProfile.objects.filter(user=user).exists()


def test_an_impossible_date_is_refused_naming_the_field() -> None:
    response = post(WorkerFactory(), "/workers/me", {**WORKER, "date_of_birth": "1990-02-30"})
    assert response.status_code == 422 and error(response)["field"] == "date_of_birth"


def test_export_and_erasure_of_the_workers_data() -> None:
    worker = WorkerProfileFactory()
    user = worker.user
    exported = client(user).get(f"{API}/workers/me/export")
    assert exported.status_code == 200
    data = exported.json()
    assert data["profile"]["date_of_birth"] == "1990-05-17" and data["consents"][0]["purpose"] == "matching"
    assert {"placements", "invitations", "languages", "occupations", "skills"} <= set(data)
    erased = post(user, "/workers/me/erase")
    assert erased.status_code == 200
    worker.refresh_from_db()
    user.refresh_from_db()
    assert worker.erased_at is not None and worker.date_of_birth is None
    assert worker.sex_id == "F" and worker.nationality_id == "PHL"  # kept for aggregate statistics
    assert user.erased_at is not None and user.first_name == "" and not user.is_active
    assert not worker.consents.filter(withdrawn_at__isnull=True).exists()


def test_consents_are_given_and_withdrawn() -> None:
    agency = SendingAgencyFactory()
    worker = WorkerProfileFactory(sending_agency=agency)
    given = post(worker.user, "/workers/me/consents", {"purpose": "agency_edit"})
    assert given.status_code == 201 and given.json()["organisation"] == agency.name
    assert post(worker.user, "/workers/me/consents/withdraw", {"purpose": "agency_edit"}).status_code == 200
    assert error(post(worker.user, "/workers/me/consents", {"purpose": "spam"}))["field"] == "purpose"


def test_the_sending_agency_edits_only_with_the_workers_consent() -> None:
    agency = SendingAgencyFactory()
    officer = member_of(agency, "agency-officer")
    worker = WorkerProfileFactory(sending_agency=agency)
    body = {**WORKER, "sending_agency": agency.pk}
    assert put(officer, f"/workers/{worker.pseudonym}", body).status_code == 403
    Consent.objects.create(worker=worker, purpose="agency_edit", organisation=agency, given_at=timezone.now())
    assert put(officer, f"/workers/{worker.pseudonym}", body).status_code == 200
    pool = client(officer).get(f"{API}/agencies/{agency.pk}/pool").json()
    assert pool[0]["profile"]["pseudonym"] == worker.pseudonym and pool[0]["may_edit"] is True
    assert client(UserFactory()).get(f"{API}/agencies/{agency.pk}/pool").status_code == 403


# --- vacancies -----------------------------------------------------------------------------------------------------


def test_vacancy_lifecycle_draft_submit_publish_close() -> None:
    _employer, member = employer_with_member()
    official = UserFactory()
    official.official_countries.add(Country.objects.get(pk="CAN"))
    created = post(member, "/vacancies", vacancy_body())
    assert created.status_code == 201, created.json()
    vacancy = created.json()
    assert vacancy["state"] == "draft" and vacancy["isco"] == "9213"
    assert any(s["essential"] for s in vacancy["skills"]), "skills default from ESCO's occupation"
    assert {t["payer"] for t in vacancy["cost_terms"]} == {"employer"} and len(vacancy["cost_terms"]) == 10
    path = f"/vacancies/{vacancy['id']}"
    assert client(None).get(f"{API}{path}").status_code == 404  # drafts are not public
    assert post(member, f"{path}/publish").status_code == 403  # employers do not publish
    assert post(member, f"{path}/submit").json()["state"] == "submitted"
    assert post(official, f"{path}/publish").json()["state"] == "published"
    assert client(None).get(f"{API}/vacancies").json()[0]["id"] == vacancy["id"]
    assert put(member, path, vacancy_body()).status_code == 400  # published terms are fixed
    assert post(member, f"{path}/close").json()["state"] == "closed"
    assert error(post(member, f"{path}/close"))["field"] == "state"


def test_a_non_compliant_vacancy_cannot_be_submitted_or_published() -> None:
    _employer, member = employer_with_member()
    body = vacancy_body(
        wage_amount="10.00",
        cost_terms=[{"category": "recruiter_fee", "payer": "worker", "amount": "500", "currency": "PHP"}],
    )
    vacancy = post(member, "/vacancies", body).json()
    response = post(member, f"/vacancies/{vacancy['id']}/submit")
    assert response.status_code == 400 and error(response)["field"] == "cost_terms.recruiter_fee"
    report = client(member).get(f"{API}/vacancies/{vacancy['id']}/compliance").json()
    assert report["compliant"] is False
    codes = {f["code"] for f in report["failures"]}
    assert {"worker_pays_cost", "cost_term_missing", "below_minimum_wage"} <= codes
    Vacancy.objects.filter(pk=vacancy["id"]).update(state="submitted")
    steward = StewardFactory()
    response = post(steward, f"/vacancies/{vacancy['id']}/publish")
    assert response.status_code == 400 and Vacancy.objects.get(pk=vacancy["id"]).state == "submitted"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"occupation": "http://example.org/not-esco"}, "occupation"),
        ({"destination": "ZZZ"}, "destination"),
        ({"wage_currency": "XYZ"}, "wage_currency"),
        ({"wage_amount": "-5"}, "wage_amount"),
        ({"wage_period": "fortnight"}, "wage_period"),
        ({"positions": 0}, "positions"),
        ({"weekly_hours": 200}, "weekly_hours"),
        ({"start_date": "2001-01-01"}, "start_date"),
        ({"contract_languages": ["xx1"]}, "contract_languages"),
        ({"scheme": "no-such-scheme"}, "scheme"),
        (
            {"cost_terms": [{"category": "visa", "payer": "employer", "amount": "-1", "currency": "CAD"}]},
            "cost_terms.visa",
        ),
        (
            {"cost_terms": [{"category": "visa", "payer": "employer", "amount": "10", "currency": "ZZZ"}]},
            "cost_terms.visa",
        ),
        ({"languages": [{"language": "eng", "level": "Z1"}]}, "languages"),
    ],
)
def test_bad_vacancy_input_names_the_field_and_writes_nothing(change: dict[str, Any], field: str) -> None:
    _employer, member = employer_with_member()
    response = post(member, "/vacancies", vacancy_body(**change))
    assert response.status_code == 400, response.json()
    assert error(response)["field"] == field
    assert not Vacancy.objects.exists()


def test_impossible_start_date_is_refused() -> None:
    _employer, member = employer_with_member()
    response = post(member, "/vacancies", vacancy_body(start_date="2031-02-30"))
    assert response.status_code == 422 and error(response)["field"] == "start_date"


def test_only_members_of_the_employer_manage_its_vacancies() -> None:
    vacancy = VacancyFactory(state=Vacancy.State.DRAFT)
    _other, outsider = employer_with_member("outsider")
    assert put(outsider, f"/vacancies/{vacancy.pk}", vacancy_body()).status_code == 404
    response = post(outsider, "/vacancies", {**vacancy_body(), "employer": vacancy.employer_id})
    assert response.status_code == 403
    assert client(None).post(f"{API}/vacancies", vacancy_body(), content_type="application/json").status_code == 401


# --- candidates and invitations ------------------------------------------------------------------------------------


def test_candidates_invitation_and_the_full_profile_after_acceptance() -> None:
    employer, member = employer_with_member()
    vacancy = VacancyFactory(employer=employer)
    worker = WorkerProfileFactory()
    WorkerProfileFactory(consents=False)  # no consent to matching: never a candidate
    WorkerProfileFactory(nationality=Country.objects.get(pk="FRA"), speaks={"fra": 6})  # cannot read the contract
    found = client(member).get(f"{API}/vacancies/{vacancy.pk}/candidates").json()
    assert [c["profile"]["pseudonym"] for c in found] == [worker.pseudonym]
    assert "name" not in found[0]["profile"] and "date_of_birth" not in found[0]["profile"]
    seen = client(member).get(f"{API}/workers/{worker.pseudonym}").json()
    assert seen["full"] is False and "email" not in seen
    invited = post(member, f"/vacancies/{vacancy.pk}/invitations", {"worker": worker.pseudonym})
    assert invited.status_code == 201
    assert (
        error(post(member, f"/vacancies/{vacancy.pk}/invitations", {"worker": worker.pseudonym}))["field"] == "worker"
    )
    invitation_id = invited.json()["id"]
    assert post(member, f"/invitations/{invitation_id}/accept").status_code == 403
    mine = client(worker.user).get(f"{API}/workers/me/invitations").json()
    assert mine[0]["id"] == invitation_id
    assert post(worker.user, f"/invitations/{invitation_id}/accept").json()["status"] == "accepted"
    full = client(member).get(f"{API}/workers/{worker.pseudonym}").json()
    assert full["full"] is True and full["date_of_birth"] == "1990-05-17"
    assert AuditEvent.objects.filter(subject=worker.user, action="read", actor=member).exists()


def test_inviting_an_unknown_or_ineligible_worker() -> None:
    employer, member = employer_with_member()
    vacancy = VacancyFactory(employer=employer, min_education=8)
    response = post(member, f"/vacancies/{vacancy.pk}/invitations", {"worker": "W-NOBODY"})
    assert response.status_code == 400 and error(response)["field"] == "worker"
    response = post(member, f"/vacancies/{vacancy.pk}/invitations", {"worker": WorkerProfileFactory().pseudonym})
    assert response.status_code == 400 and "ISCED" in error(response)["message"]
    assert not Invitation.objects.exists()


def test_a_worker_sees_vacancies_with_the_reasons_of_refusal() -> None:
    eligible = VacancyFactory(title="Eligible")
    VacancyFactory(title="Too demanding", min_education=8)
    worker = WorkerProfileFactory()
    rows = client(worker.user).get(f"{API}/workers/me/vacancies").json()
    assert [(r["vacancy"]["title"], r["eligible"]) for r in rows] == [("Eligible", True), ("Too demanding", False)]
    assert rows[1]["reasons"][0]["code"] == "education"
    assert rows[0]["vacancy"]["id"] == eligible.pk


# --- schemes -------------------------------------------------------------------------------------------------------

SCHEME = {
    "code": "sawp-test",
    "name": "Seasonal Agricultural Worker Program (test)",
    "kind": "seasonal",
    "destination": "CAN",
    "eligible_origins": ["MEX", "PHL"],
    "eligible_occupations": ["92"],
    "season_start_month": 1,
    "season_end_month": 12,
    "max_stay_months": 8,
    "max_stay_window_months": 12,
    "cap_per_season": 100,
    "origin_caps": {"PHL": 40},
    "named_returning_allowed": True,
}


def test_officials_of_the_destination_manage_schemes() -> None:
    official = UserFactory()
    official.official_countries.add(Country.objects.get(pk="CAN"))
    other_official = UserFactory()
    other_official.official_countries.add(Country.objects.get(pk="MEX"))
    assert post(other_official, "/schemes", SCHEME).status_code == 403
    created = post(official, "/schemes", SCHEME)
    assert created.status_code == 201, created.json()
    scheme = created.json()
    assert scheme["origin_caps"] == {"PHL": 40} and scheme["eligible_occupations"] == ["92"]
    changed = put(official, f"/schemes/{scheme['id']}", {**SCHEME, "cooling_off_days": 60})
    assert changed.json()["cooling_off_days"] == 60
    assert put(other_official, f"/schemes/{scheme['id']}", SCHEME).status_code == 403
    assert client(None).get(f"{API}/schemes").json()[0]["code"] == "sawp-test"
    assert client(official).delete(f"{API}/schemes/{scheme['id']}").status_code == 200


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"eligible_origins": ["PHL", "XXX"]}, "eligible_origins"),
        ({"eligible_origins": []}, "eligible_origins"),
        ({"eligible_occupations": ["99999"]}, "eligible_occupations"),
        ({"season_start_month": 13}, "season_start_month"),
        ({"season_end_month": None}, "season_end_month"),
        ({"max_stay_months": 13}, "max_stay_months"),
        ({"origin_caps": {"FRA": 5}}, "origin_caps"),
        ({"kind": "forever"}, "kind"),
        ({"destination": "ZZZ"}, "destination"),
    ],
)
def test_bad_scheme_input_names_the_field_and_writes_nothing(change: dict[str, Any], field: str) -> None:
    response = post(StewardFactory(), "/schemes", {**SCHEME, **change})
    assert response.status_code == 400, response.json()
    assert error(response)["field"] == field
    assert not Scheme.objects.exists()


def test_scheme_eligibility_endpoint_gives_every_reason() -> None:
    scheme = SchemeFactory(origins=["MEX"])
    employer, member = employer_with_member()
    vacancy = VacancyFactory(employer=employer, scheme=scheme)
    worker = WorkerProfileFactory()
    response = client(member).get(
        f"{API}/schemes/{scheme.pk}/eligibility", {"worker": worker.pseudonym, "vacancy": vacancy.pk}
    )
    assert response.json() == {
        "eligible": False,
        "reasons": [
            {"code": "origin_not_eligible", "message": f"{scheme.name} does not admit nationals of Philippines."}
        ],
    }
    assert (
        client(UserFactory())
        .get(f"{API}/schemes/{scheme.pk}/eligibility", {"worker": worker.pseudonym, "vacancy": vacancy.pk})
        .status_code
        == 403
    )


# --- recruiters ----------------------------------------------------------------------------------------------------


def test_licences_recorded_by_officials_of_the_issuing_country() -> None:
    recruiter = RecruiterFactory()
    official = UserFactory()
    official.official_countries.add(Country.objects.get(pk="PHL"))
    today = timezone.localdate()
    body = {
        "issuing_country": "PHL",
        "number": "DMW-1",
        "valid_from": str(today),
        "valid_to": str(today + timedelta(days=30)),
    }
    assert post(UserFactory(), f"/recruiters/{recruiter.pk}/licences", body).status_code == 403
    assert client(None).get(f"{API}/recruiters/{recruiter.pk}").json()["may_place"] is False
    assert post(official, f"/recruiters/{recruiter.pk}/licences", body).json()["may_place"] is True
    bad = post(official, f"/recruiters/{recruiter.pk}/licences", {**body, "valid_to": str(today - timedelta(days=1))})
    assert bad.status_code == 400 and error(bad)["field"] == "valid_to"


def test_a_pending_recruiter_is_not_found_publicly_as_a_missing_one() -> None:
    """The public recruiter record shows approved organisations only: a pending one answers as a missing id (before,
    anyone could read any organisation by id, pending and rejected ones included)."""
    from migdev.accounts.models import Organisation

    pending = RecruiterFactory(status=Organisation.Status.PENDING)
    forbidden, missing = (
        client(None).get(f"{API}/recruiters/{pending.pk}"),
        client(None).get(f"{API}/recruiters/987654"),
    )
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json()
    pending.status = Organisation.Status.APPROVED
    pending.save()
    assert client(None).get(f"{API}/recruiters/{pending.pk}").status_code == 200
