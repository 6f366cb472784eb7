"""The country policy profile, working groups, plans and capacity building through their services and API: who may
write, what is refused and named, overlaps between agencies' initiatives, and the demo."""

from datetime import date

import pytest
from django.test import Client

from migdev.accounts.demo import load_demo_accounts
from migdev.accounts.models import Membership, User
from migdev.core.errors import DomainError, PermissionDenied
from migdev.core.models import Country
from migdev.core.progress import SilentProgress
from migdev.policy.demo import load_policy_demo
from migdev.policy.models import CapacityInitiative, PolicyInstrument, SelfAssessment, WorkingGroup
from migdev.policy.selectors import capacity as capacity_selectors
from migdev.policy.selectors import results_framework
from migdev.policy.services import capacity, coherence
from migdev.policy.tests.helpers import igo_member, official

pytestmark = pytest.mark.django_db


def phl() -> Country:
    return Country.objects.get(pk="PHL")


def test_a_working_group_is_a_record_with_members_meetings_and_decisions(client: Client) -> None:
    user = official()
    group = coherence.create_group(
        user, phl(), coherence.GroupInput("Committee", "Coordinate", established=date(2020, 1, 1))
    )
    coherence.add_member(user, group, "Ministry of Labour", "chair")
    with pytest.raises(DomainError) as twice:
        coherence.add_member(user, group, "ministry of labour", "member")
    assert twice.value.field == "ministry"
    with pytest.raises(DomainError) as early:
        coherence.record_meeting(user, group, date(2019, 1, 1), "", [])
    assert early.value.field == "date"
    coherence.record_meeting(user, group, date(2024, 1, 1), "First", ["Adopt the plan", "", "Report in June"])
    body = client.get(f"/api/v1/policy/working-groups/{group.pk}").json()
    assert body["members"] == [{"ministry": "Ministry of Labour", "role": "chair"}]
    assert [d["text"] for d in body["meetings"][0]["decisions"]] == ["Adopt the plan", "Report in June"]
    with pytest.raises(PermissionDenied):
        coherence.add_member(official("MEX"), group, "Ministry of Health", "member")


def test_a_policy_links_only_to_a_law_the_law_room_holds_for_the_country(client: Client) -> None:
    from migdev.law.selectors import national

    spain = Country.objects.get(pk="ESP")
    law = national.country_laws("ESP")[0]
    user = official("ESP")
    with pytest.raises(DomainError) as caught:
        coherence.add_instrument(user, spain, coherence.InstrumentInput("x", "law", law_work_id=999999))
    assert caught.value.field == "law_work_id"
    coherence.add_instrument(user, spain, coherence.InstrumentInput(law.short_title, "law", law_work_id=law.work_id))
    body = client.get("/api/v1/policy/countries/ESP").json()
    assert body["instruments"][0]["law_url"] == f"/en/law/documents/{law.work_id}/"
    assert any(w["work_id"] == law.work_id for w in body["national_laws"])
    with pytest.raises(DomainError) as kind:
        coherence.add_instrument(user, spain, coherence.InstrumentInput("y", "decree"))
    assert kind.value.field == "kind"
    assert PolicyInstrument.objects.count() == 1


def test_requests_by_officials_initiatives_by_international_organisations_and_overlaps() -> None:
    user = official()
    request = capacity.record_request(user, phl(), capacity.RequestInput("Data", "2e not met", 2, "2e", [1]))
    with pytest.raises(DomainError) as wrong_sub:
        capacity.record_request(user, phl(), capacity.RequestInput("Data", "gap", 2, "3a"))
    assert wrong_sub.value.field == "sub_id"
    with pytest.raises(PermissionDenied):
        capacity.record_request(official("MEX"), phl(), capacity.RequestInput("Data", "gap", 2))
    first_member, first = igo_member()
    second_member, second = igo_member("Other agency", "other-igo")
    data = capacity.InitiativeInput(
        "PHL",
        "Data systems",
        2,
        date(2025, 1, 1),
        end=date(2025, 12, 31),
        gcm_objectives=[1],
        answers=[request.pk],
        partners="Stats office; ; University",
    )
    a = capacity.offer_initiative(first_member, first, data)
    assert a.partner_names == ["Stats office", "University"]
    with pytest.raises(PermissionDenied):
        capacity.offer_initiative(second_member, first, data)
    with pytest.raises(PermissionDenied):
        capacity.offer_initiative(user, first, data)
    b = capacity.offer_initiative(
        second_member, second, capacity.InitiativeInput("PHL", "Census module", 2, date(2025, 6, 1), gcm_objectives=[1])
    )
    capacity.offer_initiative(
        second_member, second, capacity.InitiativeInput("PHL", "Later", 2, date(2026, 6, 1), gcm_objectives=[1])
    )
    overlaps = capacity_selectors.overlaps("PHL")
    assert [(o.first.pk, o.second.pk, o.shared_objectives) for o in overlaps] == [(a.pk, b.pk, [1])]
    with pytest.raises(DomainError) as dates:
        capacity.update_initiative(
            first_member, a, capacity.InitiativeInput("PHL", "x", 2, date(2025, 1, 1), end=date(2024, 1, 1))
        )
    assert dates.value.field == "end"
    with pytest.raises(PermissionDenied):
        capacity.update_initiative(second_member, a, data)


def test_the_api_refuses_an_initiative_from_a_member_of_another_kind_of_organisation(client: Client) -> None:
    from migdev.accounts.models import Membership, Organisation, User

    user = User.objects.create_user("ngo", password="x")
    ngo = Organisation.objects.create(name="NGO", kind="civil_society", country=phl(), status="approved")
    Membership.objects.create(user=user, organisation=ngo)
    client.force_login(user)
    body = {"organisation": ngo.pk, "country": "PHL", "title": "x", "domain": 1, "start": "2025-01-01"}
    assert client.post("/api/v1/policy/capacity/initiatives", body, content_type="application/json").status_code == 403


def test_results_framework_says_where_data_is_missing() -> None:
    rows = {r.indicator: r for r in results_framework.results_framework("PHL")}
    assert "10.7.1" in rows and "10.c.1" in rows
    assert rows["10.7.1"].missing and not rows["10.7.1"].figures  # no placement recorded in this test
    assert rows["10.7.2"].missing == "No data on the platform for this country yet."
    assert "national statistics office" in str(rows["17.3.2"].missing)
    have, total = results_framework.coverage(list(rows.values()))
    assert total == len(rows) and have == sum(1 for r in rows.values() if r.figures)
    assert all(f.room == "remittances" for r in rows.values() for f in r.figures)
    assert all(bool(r.figures) != bool(r.missing) for r in rows.values())


def test_results_framework_fills_10_7_2_from_a_published_self_assessment() -> None:
    load_demo_accounts(SilentProgress())
    load_policy_demo(SilentProgress())
    row = next(r for r in results_framework.results_framework("PHL") if r.indicator == "10.7.2")
    assert [(f.value, f.period, f.room) for f in row.figures] == [(80.0, "2023", "policy")]


def test_the_demo_shows_every_feature_and_is_idempotent() -> None:
    load_demo_accounts(SilentProgress())
    load_policy_demo(SilentProgress())
    counts = (SelfAssessment.objects.count(), WorkingGroup.objects.count(), CapacityInitiative.objects.count())
    load_policy_demo(SilentProgress())
    assert (SelfAssessment.objects.count(), WorkingGroup.objects.count(), CapacityInitiative.objects.count()) == counts
    assert SelfAssessment.objects.filter(is_published=False).exists()
    assert SelfAssessment.objects.filter(is_published=True).count() == 2
    assert capacity_selectors.overlaps("PHL")
    assert PolicyInstrument.objects.filter(law_work_id__isnull=False).exists()
    assert all(w.members.exists() and w.meetings.exists() for w in WorkingGroup.objects.all())
    assert not CapacityInitiative.objects.filter(is_demo=False).exists()
    igo = User.objects.get(username="demo-igo")
    assert igo.check_password("demo-igo-local") and Membership.objects.filter(user=igo).count() == 1
    forum = capacity_selectors.offering_organisations(igo)
    assert [o.name for o in forum] == ["Demo Intergovernmental Migration Forum (demo)"]
    assert capacity_selectors.editable_initiatives(igo) == set(
        CapacityInitiative.objects.filter(organisation=forum[0]).values_list("pk", flat=True)
    )
