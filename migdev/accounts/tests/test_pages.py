"""Pages: log in and out, password reset, lockout, registration, my account, tokens, stewards' pages by role."""

import json
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from migdev.accounts.models import ApiToken, AuditEvent, Membership, Organisation, User
from migdev.accounts.tests.conftest import client_for
from migdev.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-pass-9876"


def test_login_and_logout(worker: User) -> None:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "worker-phl", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("accounts:my_account")).status_code == 200
    assert client.get(reverse("accounts:logout")).status_code == 405  # logging out takes a POST
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("accounts:my_account")).status_code == 302


def test_login_page_has_labelled_fields_and_links() -> None:
    page = Client().get(reverse("accounts:login")).content.decode()
    assert '<label for="id_username"' in page and '<label for="id_password"' in page
    assert reverse("accounts:password_reset") in page and reverse("accounts:register_worker") in page


@override_settings(AXES_LOCKOUT_TEMPLATE="accounts/lockout.html")
def test_login_is_refused_after_the_failure_limit(worker: User) -> None:
    client = Client()
    url = reverse("accounts:login")
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": "worker-phl", "password": "wrong"})
        assert response.status_code == 200
    response = client.post(url, {"username": "worker-phl", "password": "wrong"})
    assert response.status_code == 429
    # Even the right password is now refused, with a page that says why.
    response = client.post(url, {"username": "worker-phl", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert client.get(reverse("accounts:my_account")).status_code == 302


def test_password_reset_by_email(worker: User) -> None:
    client = Client()
    response = client.post(reverse("accounts:password_reset"), {"email": "worker-phl@example.org"})
    assert response.status_code == 302 and len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body)
    assert link is not None
    response = client.get(link.group(1), follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    worker.refresh_from_db()
    assert worker.check_password(NEW_PASSWORD)


def test_password_reset_for_an_unknown_address_sends_nothing() -> None:
    response = Client().post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302 and mail.outbox == []


def test_worker_self_registration(countries: dict) -> None:
    client = Client()
    form = {
        "username": "maria",
        "email": "maria@example.org",
        "password1": "correct-horse-battery",
        "password2": "correct-horse-battery",
        "country": "PHL",
    }
    response = client.post(reverse("accounts:register_worker"), form)
    assert response.status_code == 302
    user = User.objects.get(username="maria")
    assert user.is_worker and user.country_id == "PHL"
    assert "maria" in client.get(reverse("accounts:my_account")).content.decode()


def test_worker_registration_shows_the_error_next_to_the_field(worker: User) -> None:
    form = {"username": "worker-phl", "email": "x@example.org", "password1": "correct-horse-battery"}
    form["password2"] = form["password1"]
    response = Client().post(reverse("accounts:register_worker"), form)
    assert response.status_code == 200
    assert "This user name is already taken." in response.content.decode()


def test_organisation_registration_waits_for_approval(steward: User) -> None:
    client = Client()
    form = {
        "name": "Fresh Harvest Farms (test)",
        "kind": "employer",
        "country": "CAN",
        "username": "farm-admin",
        "email": "farm@example.org",
        "password1": "correct-horse-battery",
        "password2": "correct-horse-battery",
    }
    assert client.post(reverse("accounts:register_organisation"), form).status_code == 302
    organisation = Organisation.objects.get(name="Fresh Harvest Farms (test)")
    admin = User.objects.get(username="farm-admin")
    assert organisation.status == Organisation.Status.PENDING
    assert not admin.has_perm("accounts.add_member", organisation)
    public_names = [o["name"] for o in Client().get("/api/v1/accounts/organisations").json()]
    assert "Fresh Harvest Farms (test)" not in public_names

    steward_client = client_for(steward)
    assert (
        "Fresh Harvest Farms (test)" in steward_client.get(reverse("accounts:pending_organisations")).content.decode()
    )
    response = steward_client.post(reverse("accounts:approve_organisation", args=[organisation.pk]), {"note": "ok"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.APPROVED and organisation.review_note == "ok"
    assert admin.has_perm("accounts.add_member", organisation)

    response = client.post(reverse("accounts:organisation", args=[organisation.pk]), {"username": "newbie"})
    assert "No account with this user name." in response.content.decode()
    UserFactory(username="newbie")
    client.post(reverse("accounts:organisation", args=[organisation.pk]), {"username": "newbie"})
    assert Membership.objects.filter(organisation=organisation, user__username="newbie").exists()


def test_steward_rejects_an_organisation(steward: User, employer: Organisation) -> None:
    employer.status = Organisation.Status.PENDING
    employer.save()
    client_for(steward).post(reverse("accounts:reject_organisation", args=[employer.pk]))
    employer.refresh_from_db()
    assert employer.status == Organisation.Status.REJECTED


@pytest.mark.parametrize("who", ["official_phl", "org_admin", "worker"])
def test_stewards_pages_are_for_stewards(request: pytest.FixtureRequest, who: str, employer: Organisation) -> None:
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("accounts:pending_organisations")).status_code == 403
    assert client.get(reverse("accounts:audit_log")).status_code == 403
    assert client.post(reverse("accounts:approve_organisation", args=[employer.pk])).status_code == 403


def test_anonymous_is_sent_to_log_in() -> None:
    for name in ("my_account", "pending_organisations", "audit_log"):
        response = Client().get(reverse(f"accounts:{name}"))
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_org_admin_adds_members_only_to_their_organisation(org_admin: User, other_org: Organisation) -> None:
    UserFactory(username="newbie")
    client = client_for(org_admin)
    response = client.post(reverse("accounts:organisation", args=[other_org.pk]), {"username": "newbie"})
    assert response.status_code == 403
    assert not Membership.objects.filter(user__username="newbie").exists()


def test_org_member_sees_members_but_cannot_add(org_member: User, org_admin: User, employer: Organisation) -> None:
    client = client_for(org_member)
    page = client.get(reverse("accounts:organisation", args=[employer.pk])).content.decode()
    assert "org-admin" in page and "Add a member" not in page
    UserFactory(username="newbie")
    assert client.post(reverse("accounts:organisation", args=[employer.pk]), {"username": "newbie"}).status_code == 403


@pytest.mark.parametrize(
    ("who", "status"),
    [("steward", 200), ("official_phl", 200), ("official_mex", 404), ("other_worker", 404), ("worker", 200)],
)
def test_person_record_page_by_role(request: pytest.FixtureRequest, worker: User, who: str, status: int) -> None:
    viewer = request.getfixturevalue(who) if who != "worker" else worker
    response = client_for(viewer).get(reverse("accounts:person_record", args=[worker.pk]))
    assert response.status_code == status
    reads = AuditEvent.objects.filter(action=AuditEvent.Action.READ, subject=worker)
    assert reads.count() == (1 if status == 200 and viewer != worker else 0)


def test_steward_reads_the_audit_log(steward: User, worker: User) -> None:
    client_for(worker).post(reverse("accounts:edit_profile"), {"first_name": "Luz", "email": "luz@example.org"})
    page = client_for(steward).get(reverse("accounts:audit_log") + "?action=update").content.decode()
    assert "worker-phl" in page and "first_name" in page


def test_profile_edit_is_audited(worker: User) -> None:
    response = client_for(worker).post(
        reverse("accounts:edit_profile"), {"first_name": "Luz", "last_name": "", "email": "luz@example.org"}
    )
    assert response.status_code == 302
    actions = sorted(AuditEvent.objects.filter(subject=worker).values_list("action", flat=True))
    assert actions == ["delete", "update"]  # last name and country emptied, first name and e-mail changed


def test_tokens_on_my_account_key_shown_once_then_revoked(worker: User) -> None:
    client = client_for(worker)
    page = client.post(reverse("accounts:create_token"), {"name": "my script"}).content.decode()
    token = ApiToken.objects.get(user=worker)
    key = re.search(r'id="new-key" type="text" readonly value="([^"]+)"', page)
    assert key is not None and ApiToken.hash_key(key.group(1)) == token.key_hash
    assert key.group(1) not in client.get(reverse("accounts:my_account")).content.decode()
    client.post(reverse("accounts:revoke_token", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_cannot_revoke_another_persons_token(worker: User, other_worker: User) -> None:
    token = ApiToken.objects.create(user=other_worker, name="x", prefix="abc", key_hash="0" * 64)
    assert client_for(worker).post(reverse("accounts:revoke_token", args=[token.pk])).status_code == 404


def test_export_my_data_page(worker: User) -> None:
    response = client_for(worker).post(reverse("accounts:export_my_data"))
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["user"]["username"] == "worker-phl" and data["audit_events"][-1]["action"] == "export"


def test_erase_my_account_needs_confirmation_then_logs_out(worker: User) -> None:
    client = client_for(worker)
    client.post(reverse("accounts:erase_my_account"))
    worker.refresh_from_db()
    assert worker.is_active
    response = client.post(reverse("accounts:erase_my_account"), {"confirm": "on"})
    assert response.status_code == 302
    worker.refresh_from_db()
    assert not worker.is_active and worker.username.startswith("erased-")
    assert client.get(reverse("accounts:my_account")).status_code == 302
    assert AuditEvent.objects.filter(subject=worker, action=AuditEvent.Action.ERASE).exists()


def test_steward_admin_lists_accounts(steward: User) -> None:
    client = client_for(steward)
    assert client.get(reverse("admin:accounts_organisation_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_auditevent_changelist")).status_code == 200


@pytest.mark.parametrize(
    "name",
    ["login", "password_reset", "register_worker", "register_organisation", "password_reset_done"],
)
def test_public_pages_render(name: str) -> None:
    assert Client().get(reverse(f"accounts:{name}")).status_code == 200


def test_signed_in_pages_render(org_admin: User, employer: Organisation) -> None:
    client = client_for(org_admin)
    for url in (
        reverse("accounts:my_account"),
        reverse("accounts:edit_profile"),
        reverse("accounts:register_organisation"),
        reverse("accounts:organisation", args=[employer.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Add a member" in client.get(reverse("accounts:organisation", args=[employer.pk])).content.decode()


def test_pending_organisation_is_hidden_from_outsiders(worker: User, employer: Organisation) -> None:
    employer.status = Organisation.Status.PENDING
    employer.save()
    assert client_for(worker).get(reverse("accounts:organisation", args=[employer.pk])).status_code == 404


def test_official_sees_the_people_of_their_countries(official_phl: User, worker: User, other_worker: User) -> None:
    client = client_for(official_phl)
    assert reverse("accounts:people") in client.get(reverse("accounts:my_account")).content.decode()
    page = client.get(reverse("accounts:people")).content.decode()
    assert reverse("accounts:person_record", args=[worker.pk]) in page
    assert "worker-mex" not in page
