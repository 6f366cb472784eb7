"""Protection API: a season through the API, each role's view of placements, flags and grievances, bad input, and the
public aggregates (SDG 10.7.1, circular KPIs, protection counts by sex)."""

import json
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from migdev.accounts.models import AuditEvent, User
from migdev.labour.models import CostPayment, Grievance, Placement, RiskFlag
from migdev.labour.services.protection import recompute_flags
from migdev.labour.tests.factories_protection import PlacementFactory, World, contract_for, season_abroad

pytestmark = pytest.mark.django_db
API = "/api/v1/labour"


@pytest.fixture
def world() -> World:
    return World()


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None and user.is_authenticated:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def post(user: User | None, path: str, body: dict[str, Any]) -> Any:
    return client_for(user).post(f"{API}{path}", data=json.dumps(body, default=str), content_type="application/json")


def get(user: User | None, path: str) -> Any:
    return client_for(user).get(f"{API}{path}")


def offered(world: World) -> int:
    response = post(
        world.employer_member,
        "/placements",
        {
            "vacancy_id": world.vacancy.pk,
            "worker": world.worker.pseudonym,
            "season": 2024,
            "offered_on": "2024-02-01",
            "recruiter_id": world.recruiter.pk,
        },
    )
    assert response.status_code == 201, response.content
    return int(response.json()["id"])


CONTRACT = {
    "wage_amount": "17.20",
    "wage_currency": "CAD",
    "wage_period": "hour",
    "weekly_hours": 40,
    "language": "eng",
}


def substituted(world: World) -> int:
    """A placement whose destination contract pays less than the one signed at origin."""
    pk = offered(world)
    assert post(world.worker_user, f"/placements/{pk}/accept", {"on": "2024-02-05"}).status_code == 200
    origin = {**CONTRACT, "stage": "origin", "signed_on": "2024-02-20"}
    assert post(world.employer_member, f"/placements/{pk}/contracts", origin).status_code == 201
    for state, on in (("departed", "2024-04-01"), ("arrived", "2024-04-02")):
        assert post(world.recruiter_member, f"/placements/{pk}/steps", {"state": state, "on": on}).status_code == 200
    destination = {**CONTRACT, "stage": "destination", "signed_on": "2024-04-03", "wage_amount": "14.00"}
    assert post(world.employer_member, f"/placements/{pk}/contracts", destination).status_code == 201
    return pk


# --- a season -------------------------------------------------------------------------------------------------------


def test_a_season_through_the_api_and_a_named_return(world: World) -> None:
    pk = offered(world)
    assert post(world.worker_user, f"/placements/{pk}/accept", {"on": "2024-02-05"}).json()["state"] == "accepted"
    origin = {**CONTRACT, "stage": "origin", "signed_on": "2024-02-20"}
    assert post(world.recruiter_member, f"/placements/{pk}/contracts", origin).status_code == 201
    for state, on in (("departed", "2024-04-01"), ("arrived", "2024-04-02")):
        assert post(world.employer_member, f"/placements/{pk}/steps", {"state": state, "on": on}).status_code == 200
    destination = {**CONTRACT, "stage": "destination", "signed_on": "2024-04-03"}
    assert post(world.employer_member, f"/placements/{pk}/contracts", destination).status_code == 201
    for state, on in (("completed", "2024-09-30"), ("returned", "2024-10-01")):
        assert post(world.employer_member, f"/placements/{pk}/steps", {"state": state, "on": on}).status_code == 200
    detail = get(world.worker_user, f"/placements/{pk}").json()
    assert detail["state"] == "returned" and len(detail["events"]) == 8
    assert detail["contract_differences"] == {} and detail["flags"] == []
    returning = get(world.employer_member, f"/placements/returning-workers?employer={world.employer.pk}").json()
    assert returning == [
        {
            "worker": world.worker.pseudonym,
            "seasons": [2024],
            "last_season": 2024,
            "schemes": [world.scheme.name],
            "named_allowed": True,
        }
    ]
    named = post(
        world.employer_member,
        "/placements",
        {
            "vacancy_id": world.vacancy.pk,
            "worker": world.worker.pseudonym,
            "season": 2025,
            "offered_on": "2025-01-10",
            "named_request": True,
        },
    )
    assert named.status_code == 201 and named.json()["named_request"] is True


def test_the_worker_sees_the_substitution_in_the_contracts_and_the_flags(world: World) -> None:
    pk = substituted(world)
    detail = get(world.worker_user, f"/placements/{pk}").json()
    assert detail["contract_differences"] == {"wage_amount": {"origin": "17.2", "destination": "14"}}
    kinds = {(f["kind"], f["indicator"]) for f in detail["flags"]}
    assert kinds == {("contract_substitution", ""), ("forced_labour", "deception")}


# --- each role ------------------------------------------------------------------------------------------------------

PLACEMENT_VIEW = {
    "worker": 200,
    "employer": 200,
    "recruiter": 200,
    "agency": 200,
    "official_origin": 200,
    "official_destination": 200,
    "official_other": 404,  # a placement one may not see is "not found", as a missing one: ids cannot be probed
    "steward": 200,
    "other_employer": 404,
    "anonymous": 401,
}


@pytest.mark.parametrize(("role", "status"), PLACEMENT_VIEW.items())
def test_who_sees_a_placement(world: World, role: str, status: int) -> None:
    pk = offered(world)
    user = world.roles()[role]
    assert get(user, f"/placements/{pk}").status_code == status
    listed = get(user, "/placements")
    if status == 401:
        assert listed.status_code == 401
    else:
        assert (pk in [p["id"] for p in listed.json()]) == (status == 200)
    if status == 200 and role != "worker":
        assert AuditEvent.objects.filter(actor=user, action="read", object_type="labour.placement").exists()


def test_a_placement_one_may_not_see_answers_as_a_missing_id_to_reads_and_writes(world: World) -> None:
    """Placement ids cannot be probed: to a role that may not see the placement, a forbidden id and a missing one
    answer the same, on the record and on every write (before, the writes answered 403 to an existing id)."""
    pk = offered(world)
    for path, body in [
        ("", None),
        ("/costs", None),
        ("/accept", {"on": "2024-02-02"}),
        ("/steps", {"state": "departed", "on": "2024-04-01"}),
    ]:
        send = (lambda u, p: get(u, p)) if body is None else (lambda u, p, b=body: post(u, p, b))
        forbidden, missing = (
            send(world.official_other, f"/placements/{pk}{path}"),
            send(world.official_other, f"/placements/987654321{path}"),
        )
        assert forbidden.status_code == missing.status_code == 404, path
        assert forbidden.json() == missing.json(), path


FLAG_VIEW = {
    "worker": True,
    "employer": False,
    "recruiter": False,
    "agency": True,
    "official_origin": True,
    "official_destination": True,
    "official_other": False,
    "steward": True,
    "other_employer": False,
}


@pytest.mark.parametrize(("role", "sees"), FLAG_VIEW.items())
def test_who_sees_the_substitution_flag(world: World, role: str, sees: bool) -> None:
    substituted(world)
    flags = get(world.roles()[role], "/flags").json()
    assert ("contract_substitution" in {f["kind"] for f in flags}) == sees


def test_anonymous_visitors_see_no_flags_or_grievances(world: World) -> None:
    assert get(None, "/flags").status_code == 401
    assert get(None, "/grievances").status_code == 401


GRIEVANCE_VIEW = {
    "worker": 200,
    "employer": 404,
    "recruiter": 404,
    "agency": 404,
    "official_origin": 200,
    "official_destination": 200,
    "official_other": 404,
    "steward": 200,
    "other_employer": 404,
}


@pytest.mark.parametrize(("role", "status"), GRIEVANCE_VIEW.items())
def test_grievances_are_confidential(world: World, role: str, status: int) -> None:
    pk = offered(world)
    filed = post(
        world.worker_user,
        "/grievances",
        {
            "against_id": world.employer.pk,
            "indicator": "restriction_of_movement",
            "description": "Gate locked at night",
            "placement_id": pk,
        },
    )
    assert filed.status_code == 201
    gid = filed.json()["id"]
    user = world.roles()[role]
    assert get(user, f"/grievances/{gid}").status_code == status
    assert (gid in [g["id"] for g in get(user, "/grievances").json()]) == (status == 200)


def test_the_employer_complained_against_sees_only_that_a_grievance_exists(world: World) -> None:
    post(
        world.worker_user,
        "/grievances",
        {"against_id": world.employer.pk, "indicator": "isolation", "description": "No phone allowed"},
    )
    notices = get(world.employer_member, f"/grievances/against/{world.employer.pk}").json()
    assert len(notices) == 1
    assert set(notices[0]) == {"indicator", "indicator_label", "status", "filed_month"}
    assert notices[0]["indicator_label"] == "Isolation"
    assert get(world.other_member, f"/grievances/against/{world.employer.pk}").status_code == 403


def test_officials_handle_grievances_and_resolve_flags(world: World) -> None:
    filed = post(
        world.worker_user,
        "/grievances",
        {"against_id": world.employer.pk, "indicator": "isolation", "description": "No phone allowed"},
    ).json()
    assert (
        post(
            world.employer_member, f"/grievances/{filed['id']}/status", {"status": "dismissed", "resolution": "no"}
        ).status_code
        == 404
    )
    done = post(
        world.official_destination,
        f"/grievances/{filed['id']}/status",
        {"status": "resolved", "resolution": "Phone returned after inspection."},
    )
    assert done.json()["status"] == "resolved"
    pk = substituted(world)
    flag = RiskFlag.objects.get(placement_id=pk, kind="contract_substitution")
    assert post(world.employer_member, f"/flags/{flag.pk}/resolve", {"note": "ok"}).status_code == 404
    assert post(world.official_origin, f"/flags/{flag.pk}/resolve", {"note": "Wage restored."}).status_code == 200
    assert post(world.official_origin, "/flags/recompute", {}).status_code == 403
    assert post(world.steward, "/flags/recompute", {}).json()["open_flags"] == 1  # deception stays open


# --- bad input ------------------------------------------------------------------------------------------------------


def error_of(response: Any) -> tuple[int, str | None]:
    return response.status_code, response.json()["error"]["field"]


def test_bad_costs_are_refused_naming_the_field(world: World) -> None:
    pk = offered(world)
    cost = {
        "category": "recruiter_fee",
        "amount": "300",
        "currency": "CAD",
        "paid_by": "worker",
        "paid_on": "2024-02-03",
        "paid_to_id": world.recruiter.pk,
    }
    assert error_of(post(world.worker_user, f"/placements/{pk}/costs", {**cost, "amount": "-300"})) == (400, "amount")
    assert error_of(post(world.worker_user, f"/placements/{pk}/costs", {**cost, "currency": "QQQ"})) == (
        400,
        "currency",
    )
    assert error_of(post(world.worker_user, f"/placements/{pk}/costs", {**cost, "amount": "lots"})) == (422, "amount")
    assert not CostPayment.objects.exists()
    assert post(world.worker_user, f"/placements/{pk}/costs", cost).status_code == 201
    flags = get(world.worker_user, "/flags").json()
    assert [(f["kind"], f["organisation"]) for f in flags] == [("worker_paid_fee", world.recruiter.name)]


def test_impossible_dates_are_refused_naming_the_field(world: World) -> None:
    pk = offered(world)
    post(world.worker_user, f"/placements/{pk}/accept", {"on": "2024-02-05"})
    post(
        world.employer_member, f"/placements/{pk}/contracts", {**CONTRACT, "stage": "origin", "signed_on": "2024-02-20"}
    )
    post(world.employer_member, f"/placements/{pk}/steps", {"state": "departed", "on": "2024-04-01"})
    post(world.employer_member, f"/placements/{pk}/steps", {"state": "terminated", "on": "2024-04-01", "reason": "ill"})
    response = post(world.employer_member, f"/placements/{pk}/steps", {"state": "returned", "on": "2024-03-01"})
    assert error_of(response) == (400, "returned_on")
    assert (
        error_of(post(world.employer_member, f"/placements/{pk}/steps", {"state": "returned", "on": "2024-13-01"}))[0]
        == 422
    )
    assert Placement.objects.get(pk=pk).returned_on is None


def test_an_over_cap_offer_is_refused_naming_the_cap(world: World) -> None:
    world.scheme.cap_per_season = 1
    world.scheme.save()
    offered(world)
    response = post(
        world.employer_member,
        "/placements",
        {
            "vacancy_id": world.vacancy.pk,
            "worker": world.other_worker.pseudonym,
            "season": 2024,
            "offered_on": "2024-02-01",
        },
    )
    assert error_of(response) == (400, "cap_per_season")
    assert "cap per season" in response.json()["error"]["message"]


def test_unknown_grievance_indicators_and_organisations_are_refused(world: World) -> None:
    bad = post(
        world.worker_user, "/grievances", {"against_id": world.employer.pk, "indicator": "x", "description": "y"}
    )
    assert error_of(bad) == (400, "indicator")
    missing = post(
        world.worker_user, "/grievances", {"against_id": 999999, "indicator": "isolation", "description": "y"}
    )
    assert error_of(missing) == (404, "against_id")
    assert (
        post(
            world.employer_member,
            "/grievances",
            {"against_id": world.employer.pk, "indicator": "isolation", "description": "y"},
        ).status_code
        == 403
    )
    assert not Grievance.objects.exists()


# --- public aggregates ------------------------------------------------------------------------------------------------


def test_recruitment_cost_figures_by_sex_and_corridor() -> None:
    """C/E with monthly wages of 2,000: women paid 0, 500, 1,000 (shares 0, .25, .5); men 0, 1,000, 2,000, 3,000
    (0, .5, 1, 1.5). The 4th quintile is the 80th percentile, interpolated linearly (type 7)."""
    for cost in ("0", "500", "1000"):
        season_abroad("F", cost=cost)
    for cost in ("0", "1000", "2000", "3000"):
        season_abroad("M", cost=cost)
    season_abroad("F", nationality="MEX", cost="100", season=2023)
    body = client_for(None).get(f"{API}/indicators/recruitment-cost?origin=PHL&period=2024").json()
    assert body["n"] == 7
    assert body["mean"] == pytest.approx(3.75 / 7)
    assert (body["median"], body["q4"]) == (pytest.approx(0.5), pytest.approx(0.9))
    assert body["by_sex"]["F"] == {"n": 3, "mean": 0.25, "median": 0.25, "q4": pytest.approx(0.4), "suppressed": False}
    assert body["by_sex"]["M"]["q4"] == pytest.approx(1.2)
    assert body["by_corridor"][0]["corridor"] == "PHL→CAN"
    assert body["by_occupation"][0]["occupation"] == "9211"
    assert "10.7.1" in body["definition"] and "80th percentile" in body["definition"]


def test_recruitment_cost_suppresses_small_groups_and_filters_by_occupation_at_any_level() -> None:
    season_abroad("F", cost="100")
    season_abroad("M", cost="100")
    body = client_for(None).get(f"{API}/indicators/recruitment-cost?occupation=92").json()
    assert (body["n"], body["mean"], body["suppressed"]) == (2, None, True)
    assert body["by_sex"]["F"] == {"n": 1, "mean": None, "median": None, "q4": None, "suppressed": True}
    assert client_for(None).get(f"{API}/indicators/recruitment-cost?occupation=91").json()["n"] == 0


def test_workers_who_did_not_leave_are_not_counted() -> None:
    placement = PlacementFactory(state=Placement.State.CONTRACT_ORIGIN)
    contract_for(placement, "origin")
    assert client_for(None).get(f"{API}/indicators/recruitment-cost").json()["n"] == 0


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("origin=XXX", "origin"),
        ("destination=Canada", "destination"),
        ("occupation=99999", "occupation"),
    ],
)
def test_bad_indicator_filters_name_the_field(query: str, field: str) -> None:
    assert error_of(client_for(None).get(f"{API}/indicators/recruitment-cost?{query}")) == (400, field)


def test_a_period_outside_the_seasons_is_invalid_input_naming_it() -> None:
    assert error_of(client_for(None).get(f"{API}/indicators/recruitment-cost?period=24")) == (422, "period")


def test_circular_kpis_by_sex_and_scheme_are_public_with_small_groups_suppressed(world: World) -> None:
    vacancy = world.vacancy
    for _n in range(3):
        first = season_abroad("M", vacancy=vacancy, season=2023)
        season_abroad(
            worker=first.worker, vacancy=vacancy, season=2024, named_request=True, returned_on=date(2024, 10, 20)
        )
    body = client_for(None).get(f"{API}/indicators/circular?scheme={world.scheme.code}").json()
    total = body["total"]
    assert (total["placements"], total["workers"]) == (6, 3)
    assert total["rehire_rate"] == 1.0 and total["same_employer_rehire_share"] == 1.0
    assert total["named_request_share"] == 0.5
    assert total["return_rate"] == 0.5  # the 2024 returns (20 Oct) came after the due date (15 Oct)
    assert total["overstay_rate"] == 0.5
    assert body["by_sex"]["F"]["rehire_rate"] is None and body["by_sex"]["M"]["workers"] == 3
    assert "due date" in body["definitions"]["return_rate"]
    assert set(body["by_scheme"]) == {world.scheme.code}


def test_protection_counts_by_sex_are_public_and_suppress_small_cells(world: World) -> None:
    for _n in range(3):
        season_abroad("F", cost="50")
    recompute_flags(world.steward)
    body = client_for(None).get(f"{API}/indicators/protection-by-sex").json()
    fee = next(row for row in body["flags"] if row["key"] == "worker_paid_fee")
    assert (fee["F"], fee["M"], fee["total"]) == (3, 0, 3)
    assert fee["label"] == "Worker paid a recruitment cost"
    season_abroad("M", cost="50")
    recompute_flags(world.steward)
    body = client_for(None).get(f"{API}/indicators/protection-by-sex").json()
    fee = next(row for row in body["flags"] if row["key"] == "worker_paid_fee")
    assert (fee["F"], fee["M"], fee["total"]) == (3, None, 4)


def test_the_indicator_definitions_are_translated() -> None:
    body = client_for(None).get(f"{API}/indicators/recruitment-cost", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert body["definition"]  # the French catalog is produced later; the text is marked for translation
    assert Decimal("0") == Decimal(body["n"])
