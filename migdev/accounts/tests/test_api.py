"""The accounts API: bearer tokens and their revocation, organisations, person records, export and erasure."""

import pytest
from django.test import Client

from migdev.accounts.models import AuditEvent, Organisation, User
from migdev.accounts.services import create_api_token
from migdev.accounts.tests.conftest import client_for

pytestmark = pytest.mark.django_db

API = "/api/v1/accounts"


def bearer(user: User) -> dict[str, str]:
    _token, key = create_api_token(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_me_with_a_bearer_token(official_phl: User) -> None:
    response = Client().get(f"{API}/me", **bearer(official_phl))
    assert response.status_code == 200
    assert response.json()["official_countries"] == ["PHL"]


def test_me_with_a_session(worker: User) -> None:
    assert client_for(worker).get(f"{API}/me").json()["is_worker"] is True


def test_anonymous_and_bad_tokens_get_the_error_format() -> None:
    response = Client().get(f"{API}/me")
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthenticated"
    response = Client().get(f"{API}/me", HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 401


def test_token_lifecycle_create_list_revoke(worker: User) -> None:
    client = client_for(worker)
    created = client.post(f"{API}/tokens", {"name": "ci"}, content_type="application/json")
    assert created.status_code == 201
    key = created.json()["key"]
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    listed = Client().get(f"{API}/tokens", **headers).json()
    assert [t["name"] for t in listed] == ["ci"] and "key" not in listed[0]
    assert listed[0]["last_used_at"] is not None
    revoked = Client().post(f"{API}/tokens/{listed[0]['id']}/revoke", **headers)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert Client().get(f"{API}/me", **headers).status_code == 401


def test_token_with_an_empty_name_names_the_field(worker: User) -> None:
    response = client_for(worker).post(f"{API}/tokens", {"name": " "}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == {"code": "invalid", "message": "Give the token a name.", "field": "name"}


def test_cannot_revoke_another_persons_token(worker: User, other_worker: User) -> None:
    token, _key = create_api_token(other_worker, "theirs")
    response = Client().post(f"{API}/tokens/{token.pk}/revoke", **bearer(worker))
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_public_organisation_list_shows_approved_only(employer: Organisation, org_admin: User) -> None:
    client = client_for(org_admin)
    created = client.post(
        f"{API}/organisations",
        {"name": "Pending Org", "kind": "research", "country": "fra"},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["status"] == "pending"
    names = [o["name"] for o in Client().get(f"{API}/organisations").json()]
    assert "Employer A" in names and "Pending Org" not in names


def test_register_organisation_with_an_unknown_country(worker: User) -> None:
    response = client_for(worker).post(
        f"{API}/organisations", {"name": "X", "kind": "igo", "country": "ZZZ"}, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["error"]["field"] == "country"


def test_approve_organisation_is_for_stewards(steward: User, org_admin: User, employer: Organisation) -> None:
    employer.status = Organisation.Status.PENDING
    employer.save()
    response = Client().post(f"{API}/organisations/{employer.pk}/approve", **bearer(org_admin))
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    response = Client().post(f"{API}/organisations/{employer.pk}/approve", **bearer(steward))
    assert response.status_code == 200 and response.json()["status"] == "approved"
    response = Client().post(f"{API}/organisations/{employer.pk}/approve", **bearer(steward))
    assert response.status_code == 400 and response.json()["error"]["field"] == "status"
    assert Client().post(f"{API}/organisations/999999/approve", **bearer(steward)).status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [("steward", 200), ("official_phl", 200), ("official_mex", 404), ("org_member", 404), ("other_worker", 404)],
)
def test_person_record_by_role_and_audited(request: pytest.FixtureRequest, worker: User, who: str, status: int) -> None:
    response = Client().get(f"{API}/persons/{worker.pk}", **bearer(request.getfixturevalue(who)))
    assert response.status_code == status
    if status == 200:
        assert response.json()["username"] == "worker-phl"
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ, subject=worker).count()
    assert reads == (1 if status == 200 else 0)


def test_a_person_one_may_not_see_answers_as_a_missing_id(worker: User, official_mex: User) -> None:
    """Person ids cannot be probed: a forbidden id and a missing one give the same answer."""
    forbidden = Client().get(f"{API}/persons/{worker.pk}", **bearer(official_mex))
    missing = Client().get(f"{API}/persons/987654321", **bearer(official_mex))
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json()


def test_own_record_is_not_audited_as_a_read(worker: User) -> None:
    assert Client().get(f"{API}/persons/{worker.pk}", **bearer(worker)).status_code == 200
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.READ).exists()


def test_export_and_erase_me(worker: User) -> None:
    headers = bearer(worker)
    exported = Client().get(f"{API}/me/export", **headers)
    assert exported.status_code == 200 and exported.json()["user"]["email"] == "worker-phl@example.org"
    erased = Client().post(f"{API}/me/erase", **headers)
    assert erased.status_code == 200 and erased.json() == {"erased": True}
    worker.refresh_from_db()
    assert worker.email == "" and not worker.is_active
    # The account's tokens no longer work.
    assert Client().get(f"{API}/me", **headers).status_code == 401
