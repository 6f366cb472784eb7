"""Expert registry end to end: an expert registers, an institution posts a need, sees the ranked (pseudonymous)
experts with explanations, invites one; the expert accepts, the assignment starts, the outcome is reported."""

import pytest
from django.test import Client

from migdev.accounts.models import AuditEvent, Membership, Organisation, User
from migdev.accounts.services import erase_person, export_personal_data
from migdev.core.models import Country, EscoOccupation, EscoOccupationSkill
from migdev.diaspora.models import ExpertProfile, Need

pytestmark = pytest.mark.django_db

NURSE = "http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba"


def _skills(uri: str) -> list[str]:
    return list(
        EscoOccupationSkill.objects.filter(occupation__uri=uri, relation="essential").values_list(
            "skill__uri", flat=True
        )
    )


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _expert_body(**changes: object) -> dict:
    body = {
        "sex": "F",
        "origin": "PHL",
        "residence": "CAN",
        "occupation": NURSE,
        "years_experience": 10,
        "skills": _skills(NURSE),
        "languages": [{"language": "eng", "level": "C1"}],
        "virtual": True,
        "physical": False,
    }
    return {**body, **changes}


@pytest.fixture
def institution() -> tuple[User, Organisation]:
    user = User.objects.create_user("inst", password="x", first_name="Ina")
    organisation = Organisation.objects.create(
        name="Test Hospital", kind="government", country=Country.objects.get(pk="PHL"), status="approved"
    )
    Membership.objects.create(user=user, organisation=organisation, is_admin=True)
    return user, organisation


def test_register_post_rank_invite_accept_report(institution: tuple[User, Organisation]) -> None:
    assert _skills(NURSE), "the ESCO test data has no essential skills for a specialist nurse"
    expert_user = User.objects.create_user("nurse", password="x", first_name="Nora", last_name="Nurse")
    expert_client = _client(expert_user)
    response = expert_client.post("/api/v1/diaspora/experts/me", _expert_body(), content_type="application/json")
    assert response.status_code == 201, response.content
    pseudonym = response.json()["pseudonym"]
    assert pseudonym.startswith("D-")
    onsite = User.objects.create_user("onsite", password="x")
    assert (
        _client(onsite)
        .post(
            "/api/v1/diaspora/experts/me", _expert_body(virtual=False, physical=True), content_type="application/json"
        )
        .status_code
        == 201
    )
    junior = User.objects.create_user("junior", password="x")
    assert (
        _client(junior)
        .post(
            "/api/v1/diaspora/experts/me",
            _expert_body(skills=_skills(NURSE)[:1], years_experience=2, origin="MEX"),
            content_type="application/json",
        )
        .status_code
        == 201
    )

    user, _organisation = institution
    inst = _client(user)
    need = inst.post(
        "/api/v1/diaspora/needs",
        {
            "title": "Mentoring",
            "occupation": "specialist nurse",
            "mode": "virtual",
            "duration_weeks": 10,
            "start_date": "2030-01-01",
            "min_experience_years": 5,
            "languages": [{"language": "eng", "level": "B2"}],
        },
        content_type="application/json",
    )
    assert need.status_code == 201, need.content
    need_id = need.json()["id"]
    ranked = inst.get(f"/api/v1/diaspora/needs/{need_id}/shortlist").json()
    pseudonyms = [r["pseudonym"] for r in ranked]
    assert pseudonyms[0] == pseudonym  # all skills, home country, experience
    assert len(pseudonyms) == 2  # the on-site-only expert is never scored for a virtual need
    top, other = ranked
    assert top["missing_essential"] == [] and other["missing_essential"]
    assert top["score"] > other["score"]
    assert "Nora" not in str(ranked) and "nurse" not in [r.get("username") for r in ranked]
    assert {c["component"] for c in top["components"]} >= {"essential", "occupation", "preference"}
    # Someone else's shortlist is refused.
    assert _client(expert_user).get(f"/api/v1/diaspora/needs/{need_id}/shortlist").status_code == 403
    # and so are its invitations (the need is public: 403, not 404)
    assert _client(expert_user).get(f"/api/v1/diaspora/needs/{need_id}/invitations").status_code == 403
    # Before acceptance the institution cannot read the full profile.
    assert inst.get(f"/api/v1/diaspora/experts/{pseudonym}").status_code == 403

    invited = inst.post(
        f"/api/v1/diaspora/needs/{need_id}/invitations",
        {"expert": pseudonym, "message": "Join us"},
        content_type="application/json",
    )
    assert invited.status_code == 201, invited.content
    assert invited.json()["expert_name"] is None
    invitation_id = invited.json()["id"]
    mine = expert_client.get("/api/v1/diaspora/experts/me/invitations").json()
    assert [i["message"] for i in mine] == ["Join us"]
    assert inst.post(f"/api/v1/diaspora/invitations/{invitation_id}/accept").status_code in (403, 404)
    accepted = expert_client.post(f"/api/v1/diaspora/invitations/{invitation_id}/accept").json()
    assert accepted["status"] == "accepted" and accepted["expert_name"] == "Nora Nurse"
    assert accepted["assignment"]["start_date"] == "2030-01-01" and accepted["assignment"]["end_date"] == "2030-03-12"
    assert inst.get(f"/api/v1/diaspora/experts/{pseudonym}").status_code == 200

    assignment_id = accepted["assignment"]["id"]
    reported = inst.post(
        f"/api/v1/diaspora/assignments/{assignment_id}/outcome",
        {"status": "completed", "outcome": "met", "report": "Ten sessions held", "hours_contributed": 30},
        content_type="application/json",
    )
    assert reported.status_code == 200 and reported.json()["outcome"] == "met"
    assert Need.objects.get(pk=need_id).state == "filled"
    bad = inst.post(
        f"/api/v1/diaspora/assignments/{assignment_id}/outcome",
        {"status": "completed", "outcome": "great"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "outcome"
    assert AuditEvent.objects.filter(subject=expert_user, object_type="diaspora.expertinvitation").count() == 2


def test_bad_expert_input_names_the_field() -> None:
    client = _client(User.objects.create_user("bad", password="x"))
    for changes, field in (
        ({"origin": "XXX"}, "origin"),
        ({"occupation": "no such occupation"}, "occupation"),
        ({"skills": ["no such skill"]}, "skills"),
        ({"languages": [{"language": "eng", "level": "D9"}]}, "languages"),
        ({"virtual": False, "physical": False}, "virtual"),
        ({"sex": "Q"}, "sex"),
    ):
        response = client.post("/api/v1/diaspora/experts/me", _expert_body(**changes), content_type="application/json")
        assert response.status_code in (400, 404), (changes, response.content)
        assert response.json()["error"]["field"] == field, changes
    assert not ExpertProfile.objects.filter(user__username="bad").exists()


def test_export_and_erasure_with_the_account(institution: tuple[User, Organisation]) -> None:
    person = User.objects.create_user("leaving", password="x")
    client = _client(person)
    assert (
        client.post(
            "/api/v1/diaspora/experts/me",
            _expert_body(summary="Cardiac nurse in Toronto"),
            content_type="application/json",
        ).status_code
        == 201
    )
    exported = export_personal_data(person, person)
    assert exported["diaspora"]["summary"] == "Cardiac nurse in Toronto"
    old = ExpertProfile.objects.get(user=person).pseudonym
    erase_person(person, person)
    expert = ExpertProfile.objects.get(user=person)
    assert expert.erased_at is not None and expert.summary == "" and expert.pseudonym != old
    assert not expert.skills.exists() and not expert.is_available


def test_every_write_service_declares_a_registered_permission() -> None:
    import rules

    from migdev.accounts.rules import service_permissions
    from migdev.diaspora.services import experts, personal_data, registry, survey

    for module in (experts, personal_data, registry, survey):
        for name, permission in service_permissions(module).items():
            if name.startswith(("erase_with", "export_with")):
                continue  # signal receivers: the accounts services check the permission
            assert permission is not None, f"{module.__name__}.{name} declares no permission"
            assert rules.perm_exists(permission), permission
    assert EscoOccupation.objects.filter(uri=NURSE).exists()
