"""Self-assessments: recorded by the country's officials with evidence, private until published, scored by the
engine, history per country, the comparison of published ones, and the gaps with what addresses them."""

from typing import Any

import pytest
from django.test import Client

from migdev.core.errors import DomainError, PermissionDenied
from migdev.core.models import Country
from migdev.policy.errors import InvalidAnswer
from migdev.policy.selectors import assessments as selectors
from migdev.policy.services import assessments as services
from migdev.policy.tests.helpers import codes, official, steward

pytestmark = pytest.mark.django_db


def answers(value: float = 1, **overrides: float) -> dict[str, services.Answer]:
    return {sub: services.Answer(code, "Law 12 of 2020") for sub, code in codes(value, **overrides).items()}


def create(user: Any, iso3: str = "PHL", year: int = 2024, **overrides: float) -> Any:
    return services.create_assessment(user, Country.objects.get(pk=iso3), year, answers(**overrides))


def test_an_official_records_a_private_self_assessment_scored_exactly(client: Client) -> None:
    user = official()
    item = create(user, s1a=0.5, s2a=0)
    score = selectors.score_of(selectors.assessment(user, item.pk))
    assert score is not None
    assert (score.domains[1], score.domains[2], score.overall, score.band) == (90.0, 80.0, 95.0, "meets")
    # Private: another official, a signed-out visitor and the API see nothing (404, as for a missing id).
    other = official("MEX")
    with pytest.raises(DomainError):
        selectors.assessment(other, item.pk)
    assert client.get(f"/api/v1/policy/self-assessments/{item.pk}").status_code == 404
    assert client.get(f"/en/policy/self-assessments/{item.pk}/").status_code == 404
    assert item.pk not in [a["id"] for a in client.get("/api/v1/policy/self-assessments").json()]
    client.force_login(user)
    assert client.get(f"/api/v1/policy/self-assessments/{item.pk}").json()["score"]["band"] == "meets"


def test_publishing_lets_anyone_see_and_compare(client: Client) -> None:
    user = official()
    item = create(user)
    services.set_published(user, item)
    assert client.get(f"/api/v1/policy/self-assessments/{item.pk}").status_code == 200
    compared = client.get("/api/v1/policy/self-assessments/compare?countries=PHL").json()
    assert compared == [
        {
            "country": "PHL",
            "country_name": "Philippines",
            "year": 2024,
            "score": {"domains": dict.fromkeys("123456", 100.0), "overall": 100.0, "band": "fully_meets"},
        }
    ]


def test_only_the_countrys_officials_and_stewards_write() -> None:
    with pytest.raises(PermissionDenied):
        create(official("MEX"))
    item = create(steward())
    with pytest.raises(PermissionDenied):
        services.set_published(official("MEX"), item)
    services.set_published(official("PHL"), item)


def test_bad_answers_are_refused_naming_the_sub_category_and_nothing_is_written() -> None:
    user = official()
    with pytest.raises(InvalidAnswer) as caught:
        create(user, s4b=0.5)
    assert caught.value.field == "4b" and caught.value.status == 422
    incomplete = answers()
    del incomplete["6e"]
    with pytest.raises(InvalidAnswer) as missing:
        services.create_assessment(user, Country.objects.get(pk="PHL"), 2024, incomplete)
    assert missing.value.field == "6e"
    assert not selectors.visible_to(user).exists()


def test_one_per_country_and_year() -> None:
    user = official()
    create(user)
    with pytest.raises(DomainError) as caught:
        create(user)
    assert caught.value.field == "year"


def test_history_keeps_every_year_and_drafts_only_for_officials() -> None:
    user = official()
    services.set_published(user, create(user, year=2022, value=0))
    create(user, year=2024)
    years = [(a.year, s.band if s else None) for a, s in selectors.history(user, "PHL")]
    assert years == [(2022, "requires_further_progress"), (2024, "fully_meets")]
    assert [a.year for a, _s in selectors.history(official("MEX"), "PHL")] == [2022]


def test_gaps_list_the_gcm_objectives_and_the_capacity_building_that_answer_them() -> None:
    from migdev.policy.services import capacity
    from migdev.policy.tests.helpers import igo_member

    user = official()
    item = create(user, s5d=0, s1b=0.5)
    request = capacity.record_request(
        user, Country.objects.get(pk="PHL"), capacity.RequestInput("DRR plans", "5d not met", 5, "5d", [2])
    )
    member, organisation = igo_member()
    capacity.offer_initiative(
        member,
        organisation,
        capacity.InitiativeInput(
            "PHL",
            "Displacement in DRR",
            5,
            __import__("datetime").date(2025, 1, 1),
            gcm_objectives=[2],
            answers=[request.pk],
        ),
    )
    gaps = {g.sub.sub_id: g for g in selectors.gaps(selectors.assessment(user, item.pk))}
    assert set(gaps) == {"1b", "5d"}
    assert [o.number for o in gaps["5d"].objectives] == [2]
    assert [r.title for r in gaps["5d"].requests] == ["DRR plans"]
    assert [i.title for i in gaps["5d"].initiatives] == ["Displacement in DRR"]
    assert [o.number for o in gaps["1b"].objectives] == [15] and not gaps["1b"].initiatives
    request.refresh_from_db()
    assert request.status == "answered"


def test_the_api_records_and_updates_with_422_naming_the_field(client: Client) -> None:
    user = official()
    client.force_login(user)
    body = {"country": "PHL", "year": 2024, "answers": {s: {"code": c} for s, c in codes(1).items()}}
    created = client.post("/api/v1/policy/self-assessments", body, content_type="application/json")
    assert created.status_code == 201 and created.json()["score"]["overall"] == 100.0
    item_id = created.json()["id"]
    bad = {"answers": {s: {"code": c} for s, c in codes(1, s3a=0.5).items()}}
    response = client.put(f"/api/v1/policy/self-assessments/{item_id}", bad, content_type="application/json")
    assert response.status_code == 422 and response.json()["error"]["field"] == "3a"
    published = client.post(f"/api/v1/policy/self-assessments/{item_id}/publish", {}, content_type="application/json")
    assert published.json()["is_published"] is True
    assert client.get(f"/api/v1/policy/self-assessments/{item_id}/gaps").json() == []
