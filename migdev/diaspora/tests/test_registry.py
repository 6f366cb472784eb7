"""Organisations and initiatives registry: public lists, members and stewards edit, the GCM objectives served."""

import pytest
from django.test import Client

from migdev.accounts.models import Membership, Organisation, User
from migdev.core.models import Country, GcmObjective
from migdev.diaspora.models import DiasporaOrganisation, Initiative

pytestmark = pytest.mark.django_db


def _member() -> tuple[User, Organisation]:
    user = User.objects.create_user("assoc", password="x")
    organisation = Organisation.objects.create(
        name="Senegalese Doctors in France", kind="diaspora", country=Country.objects.get(pk="FRA"), status="approved"
    )
    Membership.objects.create(user=user, organisation=organisation)
    return user, organisation


def test_the_23_gcm_objectives_are_loaded_from_the_resolution() -> None:
    """A/RES/73/195: objective 19 is the diaspora objective, its commitment in paragraph 35."""
    assert GcmObjective.objects.count() == 23
    objective = GcmObjective.objects.get(number=19)
    assert objective.title == (
        "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries"
    )
    assert objective.resolution_paragraph == 35


def test_a_member_registers_the_organisation_and_an_initiative_through_the_pages() -> None:
    user, organisation = _member()
    client = Client()
    client.force_login(user)
    response = client.post(
        "/en/diaspora/organisations/new/",
        {"organisation": organisation.pk, "origin": "SEN", "residence": "FRA", "focus": "Health", "website": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = DiasporaOrganisation.objects.get(organisation=organisation)
    response = client.post(
        f"/en/diaspora/organisations/{entry.pk}/initiatives/new/",
        {"title": "Mobile clinics", "kind": "philanthropy", "country": "SEN", "gcm_objectives": [19, 20]},
    )
    assert response.status_code == 302
    initiative = Initiative.objects.get(diaspora_organisation=entry)
    assert sorted(o.number for o in initiative.gcm_objectives.all()) == [19, 20]
    listing = Client().get("/en/diaspora/organisations/?objective=19").content.decode()
    assert "Senegalese Doctors in France" in listing and "Mobile clinics" in listing
    api = Client().get("/api/v1/diaspora/initiatives?objective=19").json()
    assert [i["title"] for i in api] == ["Mobile clinics"]


def test_only_members_and_stewards_edit_an_entry() -> None:
    user, organisation = _member()
    entry = DiasporaOrganisation.objects.create(
        organisation=organisation, origin_id="SEN", residence_id="FRA", focus_en="Health"
    )
    stranger = User.objects.create_user("stranger", password="x")
    client = Client()
    client.force_login(stranger)
    assert client.get(f"/en/diaspora/organisations/{entry.pk}/edit/").status_code == 403
    body = {"origin": "SEN", "residence": "FRA", "focus": "Taken over"}
    assert (
        client.put(f"/api/v1/diaspora/organisations/{entry.pk}", body, content_type="application/json").status_code
        == 403
    )
    client.force_login(user)
    assert client.get(f"/en/diaspora/organisations/{entry.pk}/edit/").status_code == 200
    response = client.put(
        f"/api/v1/diaspora/organisations/{entry.pk}",
        {**body, "focus": "Health and education"},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["focus"] == "Health and education"
    bad = client.post(
        f"/api/v1/diaspora/organisations/{entry.pk}/initiatives",
        {"title": "X", "kind": "lottery", "country": "SEN"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "kind"
    bad = client.post(
        f"/api/v1/diaspora/organisations/{entry.pk}/initiatives",
        {"title": "X", "kind": "trade", "country": "SEN", "website": "javascript:alert(1)"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "website"
    assert not Initiative.objects.filter(diaspora_organisation=entry).exists()


def test_only_diaspora_organisations_enter_the_registry_and_they_post_no_needs() -> None:
    user, organisation = _member()
    client = Client()
    client.force_login(user)
    need = {
        "title": "X",
        "occupation": "specialist nurse",
        "mode": "virtual",
        "duration_weeks": 2,
        "start_date": "2031-01-01",
        "organisation": organisation.pk,
    }
    response = client.post("/api/v1/diaspora/needs", need, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["field"] == "organisation"
    organisation.kind = "employer"
    organisation.save()
    body = {"organisation": organisation.pk, "origin": "SEN", "residence": "FRA", "focus": "Trade"}
    response = client.post("/api/v1/diaspora/organisations", body, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["field"] == "organisation"
    assert not DiasporaOrganisation.objects.filter(organisation=organisation).exists()
