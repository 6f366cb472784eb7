"""The issue's "Done when", end to end through the pages and the JSON API: a newcomer registers as a worker, is found
for a vacancy under a scheme, sees the fee-free terms, goes through a season, returns, and is re-hired by name the
next season; the destination's official then reads SDG 10.7.1, the flags, the supply/demand cells and the circular
KPIs by sex.

Only the world the newcomer arrives in is built with factories: the destination official, the labour standard, the
employer and its member, and two women who worked seasons on the same farm before (so that the women's figures are
published: groups of fewer than 3 workers are suppressed). Everything the newcomer, the employer and the official do
goes through django.test.Client. A clock stands in for the calendar, so that the seasons take their real dates.
"""

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from migdev.accounts.models import User
from migdev.core.models import EscoOccupationSkill
from migdev.labour.models import CostCategory, Placement, Scheme, Vacancy
from migdev.labour.tests.factories_protection import (
    PlacementFactory,
    RecruiterFactory,
    VacancyFactory,
    WorkerProfileFactory,
    official_of,
    season_abroad,
)
from migdev.labour.tests.factories_registry import CROP_WORKER, StandardFactory, employer_with_member

pytestmark = pytest.mark.django_db

API = "/api/v1/labour"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
PASSWORD = "Harvest-season-2030!"


class Clock:
    """The calendar of the scenario: `timezone.now()` answers noon of `today` (services, stamps and checks alike)."""

    def __init__(self, today: date) -> None:
        self.today = today

    def now(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.today, time(12)))

    def go_to(self, day: date) -> None:
        assert day >= self.today, "the clock only moves forward"
        self.today = day


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    found = Clock(date(2030, 1, 6))
    monkeypatch.setattr(timezone, "now", found.now)
    yield found


def signed_in(user: User) -> Client:
    """A fresh session for each call: sessions expire while the clock moves by months."""
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


def call(who: User | str, method: str, path: str, body: dict[str, Any] | None = None, status: int = 200) -> Any:
    """One JSON API call as a signed-in user (session) or with an API token (a string); checks the status."""
    if isinstance(who, str):
        client, headers = Client(), {"HTTP_AUTHORIZATION": f"Bearer {who}"}
    else:
        client, headers = signed_in(who), {}
    if method == "get":
        response = client.get(f"{API}{path}", **headers)
    else:
        payload = json.dumps(body or {}, default=str)
        response = getattr(client, method)(f"{API}{path}", data=payload, content_type="application/json", **headers)
    assert response.status_code == status, response.content.decode()
    return response.json()


def table_row(html: str, header: str) -> list[str]:
    """The text of the cells of the first table row of a page whose row header reads `header`."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        head = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
        if head and re.sub(r"<[^>]+>", "", head[1]).strip() == header:
            return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    raise AssertionError(f"no row {header!r} on the page")


def essential_skills(uri: str) -> list[str]:
    """ESCO's essential skills of an occupation (URIs), in a fixed order."""
    return list(
        EscoOccupationSkill.objects.filter(occupation__uri=uri, relation=EscoOccupationSkill.Relation.ESSENTIAL)
        .order_by("skill__uri")
        .values_list("skill__uri", flat=True)
    )


def vacancy_terms(season: int) -> dict[str, Any]:
    """A farm vacancy in Ontario for one season: every recruitment cost on the employer, contract in English."""
    return {
        "title": f"Greenhouse crop worker {season}",
        "occupation": CROP_WORKER,
        "destination": "CAN",
        "place": "Leamington, Ontario",
        "positions": 4,
        "wage_amount": "18.50",
        "wage_currency": "CAD",
        "wage_period": "hour",
        "weekly_hours": 40,
        "contract_months": 6,
        "start_date": date(season, 4, 15),
        "scheme": "sawp-test",
        "contract_languages": ["eng"],
        "housing_terms": "Housing on the farm at no cost to the worker.",
        "travel_terms": "The employer books and pays the round trip.",
        "cost_terms": [{"category": category, "payer": "employer"} for category in CostCategory.values],
    }


CONTRACT = {
    "wage_amount": "18.50",
    "wage_currency": "CAD",
    "wage_period": "hour",
    "weekly_hours": 40,
    "rest_days_per_week": 1,
    "language": "eng",
}


class World:
    """Canada's seasonal scheme (made by its official through the API), its labour standard, a farm and its manager,
    a recruiter, and two Filipino women who worked the farm's seasons before: Ana (2028 and 2029, named the second
    time) and Bea (2029, who paid a recruiter 500 CAD on a wage of 2,000 CAD a month)."""

    def __init__(self) -> None:
        self.official = official_of("CAN", "official-can")
        StandardFactory()  # Canada: 17.75 CAD an hour at least, 48 hours a week at most
        scheme = call(
            self.official,
            "post",
            "/schemes",
            {
                "code": "sawp-test",
                "name": "Seasonal agricultural workers (test)",
                "kind": "seasonal",
                "destination": "CAN",
                "eligible_origins": ["MEX", "PHL"],
                "eligible_occupations": ["92"],
                "season_start_month": 4,
                "season_end_month": 11,
                "max_stay_months": 8,
                "max_stay_window_months": 12,
                "cap_per_season": 100,
                "origin_caps": {"PHL": 40},
                "named_returning_allowed": True,
                "employer_pays_travel": True,
            },
            status=201,
        )
        self.scheme_id = scheme["id"]
        self.farm, self.farm_manager = employer_with_member("farm-manager")
        self.recruiter = RecruiterFactory(name="Quick Jobs Manila (test)")
        past = VacancyFactory(
            employer=self.farm,
            scheme=Scheme.objects.get(pk=self.scheme_id),
            isco="9213",
            start_date=date(2028, 4, 1),
            state=Vacancy.State.CLOSED,
        )
        ana = WorkerProfileFactory(pseudonym="W-ANA")
        season_abroad(worker=ana, vacancy=past, season=2028)
        season_abroad(worker=ana, vacancy=past, season=2029, named_request=True)
        bea = WorkerProfileFactory(pseudonym="W-BEA")
        bea_season = season_abroad(worker=bea, vacancy=past, season=2029)
        # Bea reports the fee herself: the ledger raises a flag against the recruiter.
        call(
            bea.user,
            "post",
            f"/placements/{bea_season.pk}/costs",
            {
                "category": "recruiter_fee",
                "amount": "500",
                "currency": "CAD",
                "paid_by": "worker",
                "paid_on": "2029-01-20",
                "paid_to_id": self.recruiter.pk,
            },
            status=201,
        )


def test_a_newcomer_is_found_placed_fee_free_returns_and_is_rehired_by_name(clock: Clock) -> None:
    world = World()
    farm_manager, official = world.farm_manager, world.official
    skills = essential_skills(CROP_WORKER)
    assert len(skills) == 13

    # --- 1. Maria registers as a worker on the registration page, and makes herself an API token ----------------
    clock.go_to(date(2030, 1, 8))
    browser = Client()
    page = browser.get("/en/accounts/register/")
    assert page.status_code == 200
    response = browser.post(
        "/en/accounts/register/",
        {
            "username": "maria-santos",
            "email": "maria@example.org",
            "first_name": "Maria",
            "last_name": "Santos",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "country": "PHL",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == "/en/accounts/me/"
    response = browser.post("/en/accounts/me/tokens/", {"name": "my phone"})
    assert response.status_code == 200
    maria = response.context["new_key"]
    assert maria and maria in response.content.decode()
    me = Client().get("/api/v1/accounts/me", HTTP_AUTHORIZATION=f"Bearer {maria}").json()
    assert me["username"] == "maria-santos" and me["is_worker"] is True

    # --- 2. She opens her worker profile through the API -------------------------------------------------------------
    call(maria, "get", "/workers/me", status=404)
    no_profile = call(maria, "get", "/workers/me/recommendations", status=404)
    assert no_profile["error"] == {"code": "not_found", "message": "You have no worker profile yet.", "field": "worker"}
    refused = call(maria, "post", "/workers/me", {"sex": "_T", "nationality": "PHL", "residence": "PHL"}, status=400)
    assert refused["error"]["field"] == "sex"  # "Total" is not a person's sex
    profile = call(
        maria,
        "post",
        "/workers/me",
        {
            "sex": "F",
            "nationality": "PHL",
            "residence": "PHL",
            "date_of_birth": "1994-03-02",
            "education": 3,
            "available_from": "2030-03-01",
            "preferred_destinations": ["CAN"],
            "preferred_schemes": ["sawp-test"],
            "languages": [{"language": "fil", "level": "C2"}, {"language": "eng", "level": "B2"}],
            "occupations": [{"esco": CROP_WORKER, "years_experience": 4}],
            "skills": skills[:10],
        },
        status=201,
    )
    pseudonym = profile["pseudonym"]
    assert pseudonym.startswith("W-")
    assert profile["name"] == "Maria Santos"
    assert profile["occupations"] == [
        {"esco": CROP_WORKER, "label": "crop production worker", "isco": "9213", "years_experience": 4}
    ]
    assert {lang["language"]: lang["level"] for lang in profile["languages"]} == {"fil": "C2", "eng": "B2"}
    assert profile["preferred_schemes"] == ["sawp-test"]
    assert [c["purpose"] for c in profile["consents"]] == ["matching"]

    # --- 3. The farm posts a vacancy under the scheme, every cost on the employer, and submits it -----------------
    clock.go_to(date(2030, 1, 10))
    draft = call(farm_manager, "post", "/vacancies", vacancy_terms(2030), status=201)
    vacancy_id = draft["id"]
    assert (draft["state"], draft["scheme"], draft["employer_name"]) == ("draft", "sawp-test", "Maple Farms")
    assert {t["payer"] for t in draft["cost_terms"]} == {"employer"}
    assert len(draft["cost_terms"]) == len(CostCategory.values)
    assert call(farm_manager, "post", f"/vacancies/{vacancy_id}/submit")["state"] == "submitted"
    # Not yet public: the employer cannot publish its own vacancy.
    call(farm_manager, "post", f"/vacancies/{vacancy_id}/publish", status=403)

    # --- 4. Canada's official publishes it; the compliance check finds nothing to fault --------------------------
    clock.go_to(date(2030, 1, 12))
    assert call(official, "post", f"/vacancies/{vacancy_id}/publish")["state"] == "published"
    assert call(maria, "get", f"/vacancies/{vacancy_id}/compliance") == {"compliant": True, "failures": []}

    # Maria sees it among her eligible vacancies, with no reason of refusal.
    mine = {row["vacancy"]["id"]: row for row in call(maria, "get", "/workers/me/vacancies")}
    assert mine[vacancy_id]["eligible"] is True and mine[vacancy_id]["reasons"] == []

    # --- 5. The farm finds her in the vacancy's ranked shortlist, with why -----------------------------------------
    clock.go_to(date(2030, 1, 13))
    shortlist = call(farm_manager, "get", f"/vacancies/{vacancy_id}/shortlist")
    assert [c["pseudonym"] for c in shortlist["candidates"]] == [pseudonym]  # Ana and Bea gave no matching consent
    found = shortlist["candidates"][0]
    assert found["rank"] == 1 and found["invitation"] == ""
    explanation = found["explanation"]
    assert len(explanation["matched_essential"]) == 10 and len(explanation["missing_essential"]) == 3
    assert 0 < explanation["score"] <= 1
    components = {c["component"]: c["value"] for c in explanation["contributions"]}
    assert 0.7 < components["essential"] < 1  # 10 of 13 essential skills, weighted by their rarity (IDF)
    assert (components["occupation"], components["language"], components["preference"]) == (1.0, 1.0, 1.0)
    assert components["returning"] == 0.0  # she has never worked for this farm
    assert explanation["score"] == pytest.approx(sum(c["contribution"] for c in explanation["contributions"]))
    # The employer sees a pseudonym, not her name.
    assert "name" not in call(farm_manager, "get", f"/workers/{pseudonym}")

    # --- 6. The farm offers her the 2030 season ----------------------------------------------------------------
    clock.go_to(date(2030, 1, 14))
    offer = call(
        farm_manager,
        "post",
        "/placements",
        {"vacancy_id": vacancy_id, "worker": pseudonym, "season": 2030, "offered_on": "2030-01-14"},
        status=201,
    )
    first = offer["id"]
    assert (offer["state"], offer["named_request"], offer["due_return_on"]) == ("offered", False, "2030-10-15")

    # --- 7. Maria sees the offer and the vacancy's fee-free terms, and accepts -------------------------------------
    clock.go_to(date(2030, 1, 16))
    [seen] = call(maria, "get", "/placements")
    assert (seen["id"], seen["state"], seen["employer"], seen["scheme"]) == (
        first,
        "offered",
        "Maple Farms",
        "sawp-test",
    )
    terms = call(maria, "get", f"/vacancies/{vacancy_id}")
    assert {t["category"]: t["payer"] for t in terms["cost_terms"]} == dict.fromkeys(CostCategory.values, "employer")
    assert terms["travel_terms"] == "The employer books and pays the round trip."
    maria_user = User.objects.get(username="maria-santos")
    offer_page = signed_in(maria_user).get(f"/en/labour/placements/{first}/").content.decode()
    assert f'href="/en/labour/vacancies/{vacancy_id}/"' in offer_page  # the offer links to the vacancy's terms
    text = signed_in(maria_user).get(f"/en/labour/vacancies/{vacancy_id}/").content.decode()
    assert "Who pays the recruitment costs" in text and "You are eligible for this vacancy." in text
    assert table_row(text, "Recruitment agency fee") == table_row(text, "Travel (round trip)") == ["Employer"]
    assert call(maria, "post", f"/placements/{first}/accept", {"on": "2030-01-16"})["state"] == "accepted"

    # --- 8. The contracts at origin and at destination, with the same terms; the season -------------------------
    clock.go_to(date(2030, 2, 3))
    origin = call(
        farm_manager,
        "post",
        f"/placements/{first}/contracts",
        {**CONTRACT, "stage": "origin", "signed_on": "2030-02-03"},
        status=201,
    )
    assert (origin["employer"], origin["occupation"], origin["wage_amount"]) == ("Maple Farms", CROP_WORKER, "18.50")
    clock.go_to(date(2030, 4, 15))
    assert (
        call(farm_manager, "post", f"/placements/{first}/steps", {"state": "departed", "on": "2030-04-13"})[
            "departed_on"
        ]
        == "2030-04-13"
    )
    assert (
        call(farm_manager, "post", f"/placements/{first}/steps", {"state": "arrived", "on": "2030-04-14"})["state"]
        == "arrived"
    )
    call(
        farm_manager,
        "post",
        f"/placements/{first}/contracts",
        {**CONTRACT, "stage": "destination", "signed_on": "2030-04-15"},
        status=201,
    )
    record = call(maria, "get", f"/placements/{first}")
    assert record["state"] == "contract_destination"
    assert [c["stage"] for c in record["contracts"]] == ["origin", "destination"]
    assert record["contract_differences"] == {}  # no substitution
    assert record["costs"] == [] and record["flags"] == []
    # The season has begun: the farm closes the vacancy (three positions went unfilled). Maria, abroad, still reads
    # the terms she was hired on.
    clock.go_to(date(2030, 4, 16))
    assert call(farm_manager, "post", f"/vacancies/{vacancy_id}/close")["state"] == "closed"
    assert call(maria, "get", f"/vacancies/{vacancy_id}")["cost_terms"] == terms["cost_terms"]
    assert call(maria, "get", "/vacancies?scheme=sawp-test") == []  # no longer on the public list
    clock.go_to(date(2030, 10, 15))
    call(farm_manager, "post", f"/placements/{first}/steps", {"state": "completed", "on": "2030-10-14"})
    returned = call(farm_manager, "post", f"/placements/{first}/steps", {"state": "returned", "on": "2030-10-15"})
    assert (returned["state"], returned["returned_on"], returned["due_return_on"]) == (
        "returned",
        "2030-10-15",
        "2030-10-15",
    )
    assert [e["state"] for e in call(maria, "get", f"/placements/{first}")["events"]] == [
        "offered",
        "accepted",
        "contract_origin",
        "departed",
        "arrived",
        "contract_destination",
        "completed",
        "returned",
    ]
    # Three women have gone abroad now: one of the three came back for a second season (Ana).
    kpis = call(official, "get", "/indicators/circular?scheme=sawp-test")["by_sex"]["F"]
    assert (kpis["workers"], kpis["rehire_rate"], kpis["return_rate"]) == (3, pytest.approx(1 / 3), 1.0)

    # --- 9. Next season: the farm names her as a returning worker, and she is re-hired ---------------------------
    clock.go_to(date(2030, 12, 1))
    returning = call(farm_manager, "get", f"/placements/returning-workers?employer={world.farm.pk}")
    assert {r["worker"]: r["seasons"] for r in returning} == {"W-ANA": [2028, 2029], "W-BEA": [2029], pseudonym: [2030]}
    second_vacancy = call(farm_manager, "post", "/vacancies", vacancy_terms(2031), status=201)["id"]
    call(farm_manager, "post", f"/vacancies/{second_vacancy}/submit")
    clock.go_to(date(2030, 12, 3))
    call(official, "post", f"/vacancies/{second_vacancy}/publish")
    clock.go_to(date(2030, 12, 10))
    named = call(
        farm_manager,
        "post",
        "/placements",
        {
            "vacancy_id": second_vacancy,
            "worker": pseudonym,
            "season": 2031,
            "offered_on": "2030-12-10",
            "named_request": True,
        },
        status=201,
    )
    second = named["id"]
    assert (named["named_request"], named["season"], named["due_return_on"]) == (True, 2031, "2031-10-15")
    clock.go_to(date(2030, 12, 12))
    assert call(maria, "post", f"/placements/{second}/accept", {"on": "2030-12-12"})["state"] == "accepted"
    clock.go_to(date(2031, 1, 20))
    call(
        farm_manager,
        "post",
        f"/placements/{second}/contracts",
        {**CONTRACT, "stage": "origin", "signed_on": "2031-01-20"},
        status=201,
    )
    clock.go_to(date(2031, 4, 15))
    call(farm_manager, "post", f"/placements/{second}/steps", {"state": "departed", "on": "2031-04-13"})
    call(farm_manager, "post", f"/placements/{second}/steps", {"state": "arrived", "on": "2031-04-14"})
    call(
        farm_manager,
        "post",
        f"/placements/{second}/contracts",
        {**CONTRACT, "stage": "destination", "signed_on": "2031-04-15"},
        status=201,
    )
    seasons = {p["season"]: p for p in call(maria, "get", "/placements")}
    assert {s: (p["state"], p["named_request"]) for s, p in seasons.items()} == {
        2030: ("returned", False),
        2031: ("contract_destination", True),
    }

    # --- 10. Canada's official reads the figures, by sex ---------------------------------------------------------
    clock.go_to(date(2031, 5, 3))

    # SDG 10.7.1: one share per worker and season abroad. Ana 0 and 0, Bea 500 / 2,000 = 0.25, Maria 0 and 0.
    # Mean 0.05, median 0, 4th quintile: 0 + (0.25 - 0) × 0.2 = 0.05 (type-7 interpolation at 0.8 × (5 - 1) = 3.2).
    cost = call(official, "get", "/indicators/recruitment-cost?destination=CAN&origin=PHL")
    assert cost["indicator"] == "SDG 10.7.1" and "proportion of monthly income" in cost["definition"]
    assert (cost["n"], cost["mean"], cost["median"], cost["q4"]) == (5, pytest.approx(0.05), 0.0, pytest.approx(0.05))
    assert cost["by_sex"]["F"] == {
        "n": 5,
        "mean": pytest.approx(0.05),
        "median": 0.0,
        "q4": pytest.approx(0.05),
        "suppressed": False,
    }
    assert cost["by_sex"]["M"]["n"] == 0
    [corridor] = cost["by_corridor"]
    assert (corridor["corridor"], corridor["n"]) == ("PHL→CAN", 5)
    page = signed_in(official).get("/en/labour/indicators/recruitment-cost/?destination=CAN&origin=PHL").content
    assert table_row(page.decode(), "Women") == ["5", "0.05", "0.00", "0.05"]
    assert table_row(page.decode(), "Men") == ["0", "—", "—", "—"]
    # Maria's own seasons: she paid nothing (a season alone is too small a group to publish).
    season_2030 = call(official, "get", "/indicators/recruitment-cost?period=2030")
    assert (season_2030["n"], season_2030["mean"], season_2030["suppressed"]) == (1, None, True)

    # The flags: Bea's fee, against the recruiter; nothing on Maria's seasons.
    flags = call(official, "get", "/flags")
    assert [(f["kind"], f["organisation"]) for f in flags] == [("worker_paid_fee", "Quick Jobs Manila (test)")]
    assert {f["placement_id"] for f in flags}.isdisjoint({first, second})
    dashboard = signed_in(official).get("/en/labour/flags/")
    assert dashboard.status_code == 200
    [row] = dashboard.context["counts"]["flags"]
    assert (row["key"], row["F"], row["M"], row["total"]) == ("worker_paid_fee", 1, 0, 1)

    # Supply and demand of crop workers (ISCO-08 9213) in Canada, month by month: each vacancy brings 4 new
    # positions; Maria's acceptance fills one (a count of one woman: hidden); the first vacancy closed in April.
    market = call(official, "get", "/market/cells?group=9213&country=CAN&start=2030-01&end=2031-05")
    assert market["months"][0] == "2030-01" and market["months"][-1] == "2031-05" and len(market["months"]) == 17
    months = {cell["month"]: cell for cell in market["cells"]}
    # A month with no open position, new position or available worker has no cell: none from April (the first
    # vacancy closed) to November 2030 (the second is published in December).
    assert sorted(months) == ["2030-01", "2030-02", "2030-03", "2030-12"] + [f"2031-0{m}" for m in range(1, 6)]
    january, december = months["2030-01"], months["2030-12"]
    for published in (january, december):
        assert (published["new_positions"], published["open_positions"], published["fill_rate"]) == (4, 3, 0.25)
        assert published["filled"] == {"F": None, "M": None, "_T": None}  # one woman hired: a count too small to show
        assert published["median_days_to_fill"] is None  # three positions are still open
    may = months["2031-05"]
    assert (may["new_positions"], may["open_positions"], may["supply"]["_T"]) == (0, 3, 0)
    assert (may["no_supply"], may["tightness"], may["classification"]) == (True, None, "shortage")
    page = signed_in(official).get("/en/labour/market/?group=9213&month=2031-05").content.decode()
    canada = table_row(page, "Canada")
    assert canada[:8] == ["0", "0", "0", "3", "0", "0", "0", "0"]  # supply F M T, open, new, filled F M T
    assert "hortage" in canada[9]
    # On the supply side, Maria is the only Filipino crop worker registered, and in May 2031 she is abroad for her
    # second season: nobody is available in the Philippines, so there is no cell.
    origin = call(official, "get", "/market/cells?group=9213&country=PHL&month=2031-05")["cells"]
    assert origin == []

    # The circular KPIs: two of three women came back (Ana and Maria), both named by the same farm; every return
    # on time; Maria's season waits to be due.
    circular = call(official, "get", "/indicators/circular?scheme=sawp-test")
    women = circular["by_sex"]["F"]
    assert women["placements"] == 5 and women["workers"] == 3
    assert women["rehire_rate"] == pytest.approx(2 / 3)
    assert women["same_employer_rehire_share"] == 1.0
    assert women["named_request_share"] == pytest.approx(2 / 5)
    assert women["return_rate"] == 1.0 and women["overstay_rate"] == 0.0
    # Months between seasons: Ana 2 Oct 2028 → 1 Apr 2029 (181 days), Maria 15 Oct 2030 → 13 Apr 2031 (180 days).
    assert women["mean_months_between_seasons"] == pytest.approx(180.5 / (365.25 / 12))
    assert circular["by_sex"]["M"]["workers"] == 0 and circular["by_sex"]["M"]["rehire_rate"] is None
    page = signed_in(official).get("/en/labour/indicators/circular/?scheme=sawp-test").content.decode()
    # Placements, workers, return %, re-hire %, same employer %, named %, months between seasons, overstay %.
    assert table_row(page, "Women") == ["5", "3", "100", "67", "100", "40", "5.9", "0"]


def test_a_worker_placed_in_a_vacancy_still_reads_its_terms_after_it_closes() -> None:
    """A closed vacancy leaves the public list, but the worker placed in it keeps reading the terms she was hired on
    (API and page); other workers and visitors do not."""
    vacancy = VacancyFactory(state=Vacancy.State.CLOSED)
    placed = PlacementFactory(vacancy=vacancy, state=Placement.State.ARRIVED)
    assert call(placed.worker.user, "get", f"/vacancies/{vacancy.pk}")["state"] == "closed"
    assert signed_in(placed.worker.user).get(f"/en/labour/vacancies/{vacancy.pk}/").status_code == 200
    call(WorkerProfileFactory().user, "get", f"/vacancies/{vacancy.pk}", status=404)
    assert Client().get(f"{API}/vacancies/{vacancy.pk}").status_code == 404
