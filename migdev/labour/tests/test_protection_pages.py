"""Protection pages: each role's view of placements, grievances and flags; the forms; the public indicator pages."""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from migdev.accounts.models import User
from migdev.labour.models import CostPayment, Grievance, Placement, RiskFlag
from migdev.labour.services import protection as services
from migdev.labour.services.protection import OfferDetails
from migdev.labour.tests.factories_protection import World, season_abroad

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> World:
    return World()


def client_for(user: Any) -> Client:
    client = Client()
    if isinstance(user, User):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def offered(world: World) -> Placement:
    details = OfferDetails(2024, date(2024, 2, 1), recruiter=world.recruiter)
    return services.offer_placement(world.employer_member, world.vacancy, world.worker, details)


PLACEMENT_PAGE = {
    "worker": 200,
    "employer": 200,
    "recruiter": 200,
    "agency": 200,
    "official_origin": 200,
    "official_destination": 200,
    "official_other": 404,  # a placement one may not see is "not found", as a missing one: ids cannot be probed
    "steward": 200,
    "other_employer": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize(("role", "status"), PLACEMENT_PAGE.items())
def test_who_opens_a_placement_page(world: World, role: str, status: int) -> None:
    placement = offered(world)
    response = client_for(world.roles()[role]).get(f"/en/labour/placements/{placement.pk}/")
    assert response.status_code == status
    if status == 200:
        assert world.worker.pseudonym in response.content.decode()


def test_the_worker_accepts_on_the_page_and_reports_a_fee(world: World) -> None:
    placement = offered(world)
    client = client_for(world.worker_user)
    page = client.get(f"/en/labour/placements/{placement.pk}/").content.decode()
    assert "Your answer to the offer" in page and "Record a step" not in page
    response = client.post(
        f"/en/labour/placements/{placement.pk}/", {"action": "accept", "answer-on": "2024-02-05", "answer-reason": ""}
    )
    assert response.status_code == 302
    assert Placement.objects.get(pk=placement.pk).state == "accepted"
    bad = client.post(
        f"/en/labour/placements/{placement.pk}/",
        {
            "action": "cost",
            "cost-category": "recruiter_fee",
            "cost-amount": "-5",
            "cost-currency": "CAD",
            "cost-paid_by": "worker",
            "cost-paid_to": world.recruiter.pk,
            "cost-paid_on": "2024-02-06",
        },
    )
    assert bad.status_code == 200 and "An amount cannot be negative." in bad.content.decode()
    good = client.post(
        f"/en/labour/placements/{placement.pk}/",
        {
            "action": "cost",
            "cost-category": "recruiter_fee",
            "cost-amount": "500",
            "cost-currency": "CAD",
            "cost-paid_by": "worker",
            "cost-paid_to": world.recruiter.pk,
            "cost-paid_on": "2024-02-06",
        },
    )
    assert good.status_code == 302 and CostPayment.objects.count() == 1
    page = client.get(f"/en/labour/placements/{placement.pk}/").content.decode()
    assert "Worker paid a recruitment cost" in page


def test_the_employer_records_steps_and_sees_date_errors_next_to_the_field(world: World) -> None:
    placement = offered(world)
    services.accept_offer(world.worker_user, placement, date(2024, 2, 5))
    client = client_for(world.employer_member)
    response = client.post(
        f"/en/labour/placements/{placement.pk}/",
        {
            "action": "contract",
            "contract-stage": "origin",
            "contract-wage_amount": "17.20",
            "contract-wage_currency": "CAD",
            "contract-wage_period": "hour",
            "contract-weekly_hours": "40",
            "contract-rest_days_per_week": "1",
            "contract-language": "eng",
            "contract-signed_on": "2024-02-20",
        },
    )
    assert response.status_code == 302
    bad = client.post(
        f"/en/labour/placements/{placement.pk}/", {"action": "step", "step-state": "departed", "step-on": "2024-01-01"}
    )
    assert bad.status_code == 200 and "cannot come before" in bad.content.decode()
    assert Placement.objects.get(pk=placement.pk).state == "contract_origin"
    # The employer may not answer for the worker.
    assert (
        client.post(
            f"/en/labour/placements/{placement.pk}/", {"action": "accept", "answer-on": "2024-02-05"}
        ).status_code
        == 403
    )


def test_placement_lists_are_scoped(world: World) -> None:
    placement = offered(world)
    for role, sees in (("employer", True), ("official_other", False), ("agency", True), ("other_employer", False)):
        page = client_for(world.roles()[role]).get("/en/labour/placements/").content.decode()
        assert (f"/labour/placements/{placement.pk}/" in page) == sees


def test_the_worker_files_a_grievance_and_the_employer_sees_no_name(world: World) -> None:
    placement = offered(world)
    client = client_for(world.worker_user)
    assert "File a grievance" in client.get("/en/labour/grievances/").content.decode()
    response = client.post(
        "/en/labour/grievances/",
        {
            "against": world.employer.pk,
            "indicator": "intimidation_threats",
            "description": "Threatened with dismissal",
            "placement": placement.pk,
        },
    )
    assert response.status_code == 302
    grievance = Grievance.objects.get()
    employer_page = client_for(world.employer_member).get("/en/labour/grievances/").content.decode()
    assert "Intimidation and threats" in employer_page and world.worker.pseudonym not in employer_page
    assert client_for(world.employer_member).get(f"/en/labour/grievances/{grievance.pk}/").status_code == 404
    official = client_for(world.official_origin)
    assert "Threatened with dismissal" in official.get(f"/en/labour/grievances/{grievance.pk}/").content.decode()
    missing = official.post(f"/en/labour/grievances/{grievance.pk}/", {"status": "resolved", "resolution": ""})
    assert missing.status_code == 200 and "Say how the grievance was resolved" in missing.content.decode()
    official.post(f"/en/labour/grievances/{grievance.pk}/", {"status": "resolved", "resolution": "Warned."})
    assert Grievance.objects.get().status == "resolved"


def test_the_flags_dashboard_counts_by_sex_for_officials_and_lets_them_resolve(world: World) -> None:
    placement = offered(world)
    services.record_cost_payment(
        world.worker_user,
        placement,
        services.CostDetails("visa", 300, "CAD", "worker", date(2024, 2, 3), paid_to=world.recruiter),  # type: ignore[arg-type]
    )
    page = client_for(world.official_destination).get("/en/labour/flags/").content.decode()
    assert "Open flags by sex of the worker" in page and "Worker paid a recruitment cost" in page
    worker_page = client_for(world.worker_user).get("/en/labour/flags/").content.decode()
    assert "Open flags by sex" not in worker_page and "Worker paid a recruitment cost" in worker_page
    assert "No open flags." in client_for(world.employer_member).get("/en/labour/flags/").content.decode()
    assert "No open flags." not in worker_page
    flag = RiskFlag.objects.get()
    client_for(world.official_destination).post("/en/labour/flags/", {"flag": flag.pk, "note": "Refunded."})
    flag.refresh_from_db()
    assert flag.resolved_at is not None


def test_the_employer_names_a_returning_worker_on_the_page(world: World) -> None:
    season_abroad(worker=world.worker, vacancy=world.vacancy, season=2023)
    client = client_for(world.employer_member)
    url = f"/en/labour/employers/{world.employer.pk}/returning-workers/"
    page = client.get(url).content.decode()
    assert world.worker.pseudonym in page and "2023" in page
    response = client.post(
        url,
        {
            "vacancy": world.vacancy.pk,
            "worker": world.worker.pseudonym,
            "season": 2024,
            "offered_on": "2024-01-20",
            "named_request": "on",
        },
    )
    assert response.status_code == 302
    assert Placement.objects.get(season=2024).named_request
    assert client_for(world.other_member).get(url).status_code == 403


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_public_indicator_pages_show_the_definitions(language: str) -> None:
    for sex in ("F", "F", "F"):
        season_abroad(sex, cost="500")
    page = Client().get(f"/{language}/labour/indicators/recruitment-cost/").content.decode()
    assert "10.7.1" in page and "0.25" in page.replace(",", ".")
    circular = Client().get(f"/{language}/labour/indicators/circular/")
    assert circular.status_code == 200


def test_a_bad_filter_is_named_on_the_page() -> None:
    page = Client().get("/en/labour/indicators/recruitment-cost/?origin=XXX").content.decode()
    assert "Select a valid choice" in page  # origin: a country chosen from the list
    page = Client().get("/en/labour/indicators/recruitment-cost/?occupation=0000").content.decode()
    assert "Unknown ISCO-08 code: 0000" in page
