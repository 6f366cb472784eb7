"""Every diaspora page answers for each role, on the demo data; the demo loads twice without change."""

import pytest
from django.test import Client

from migdev.accounts.demo import load_demo_accounts
from migdev.accounts.models import User
from migdev.core.progress import SilentProgress
from migdev.diaspora.demo import load_diaspora_demo
from migdev.diaspora.models import ExpertInvitation, ExpertProfile, Need, SurveyResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> None:
    load_demo_accounts(SilentProgress())
    load_diaspora_demo(SilentProgress())


def _client(username: str | None) -> Client:
    client = Client()
    if username:
        client.force_login(User.objects.get(username=username))
    return client


def test_the_demo_is_idempotent(demo: None) -> None:
    counts = (
        ExpertProfile.objects.count(),
        Need.objects.count(),
        ExpertInvitation.objects.count(),
        SurveyResponse.objects.count(),
    )
    load_diaspora_demo(SilentProgress())
    assert counts == (
        ExpertProfile.objects.count(),
        Need.objects.count(),
        ExpertInvitation.objects.count(),
        SurveyResponse.objects.count(),
    )
    assert counts[0] >= 6 and SurveyResponse.objects.filter(is_demo=True).count() == 60


@pytest.mark.parametrize("username", [None, "demo-expert", "demo-institution", "demo-steward"])
def test_every_page_answers(demo: None, username: str | None) -> None:
    client = _client(username)
    need = Need.objects.get(title="Virtual mentoring of cardiac-care nurses (demo)")
    pages = [
        "/en/diaspora/",
        "/en/diaspora/map/",
        "/en/diaspora/map/PHL/",
        "/en/diaspora/organisations/",
        "/en/diaspora/needs/",
        f"/en/diaspora/needs/{need.pk}/",
        "/en/diaspora/survey/",
        "/en/diaspora/survey/results/",
        "/fr/diaspora/map/MEX/",
        "/es/diaspora/needs/",
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    home = client.get("/en/").content.decode()
    assert 'href="/en/diaspora/"' in home


def test_the_institution_sees_the_ranked_pseudonymous_experts(demo: None) -> None:
    need = Need.objects.get(title="Virtual mentoring of cardiac-care nurses (demo)")
    page = _client("demo-institution").get(f"/en/diaspora/needs/{need.pk}/").content.decode()
    expert = ExpertProfile.objects.get(user__username="demo-expert")
    assert 'id="shortlist"' in page and expert.pseudonym in page and "Why this score" in page
    assert "Elena" not in page  # pending invitation: still pseudonymous
    public = _client(None).get(f"/en/diaspora/needs/{need.pk}/").content.decode()
    assert 'id="shortlist"' not in public and expert.pseudonym not in public


def test_the_expert_accepts_from_the_page(demo: None) -> None:
    client = _client("demo-expert")
    page = client.get("/en/diaspora/experts/me/").content.decode()
    assert "Virtual mentoring of cardiac-care nurses (demo)" in page and 'value="accept"' in page
    invitation = ExpertInvitation.objects.get(expert__user__username="demo-expert")
    assert client.post(f"/en/diaspora/invitations/{invitation.pk}/answer/", {"answer": "accept"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == "accepted" and invitation.assignment.status == "active"
    page = _client("demo-institution").get(f"/en/diaspora/needs/{invitation.need_id}/").content.decode()
    assert "Elena" in page and "Report the outcome" in page


@pytest.mark.parametrize(
    ("url", "username", "status"),
    [
        ("/en/diaspora/needs/new/", "demo-expert-2", 403),
        ("/en/diaspora/needs/new/", "demo-institution", 200),
        ("/en/diaspora/experts/me/edit/", "demo-expert", 200),
        ("/en/diaspora/organisations/new/", "demo-worker", 403),
    ],
)
def test_write_pages_are_refused_to_roles_the_service_refuses(demo: None, url: str, username: str, status: int) -> None:
    User.objects.filter(username="demo-expert-2").update(password="!")  # any account without a membership
    assert _client(username).get(url).status_code == status


def test_the_institution_edits_its_open_need_and_deletes_an_initiative(demo: None) -> None:
    need = Need.objects.get(title="Virtual mentoring of cardiac-care nurses (demo)")
    client = _client("demo-institution")
    assert client.get(f"/en/diaspora/needs/{need.pk}/edit/").status_code == 200
    assert _client("demo-expert").get(f"/en/diaspora/needs/{need.pk}/edit/").status_code == 403
    body = {
        "title": "Mentoring of cardiac-care nurses (demo)",
        "occupation": "specialist nurse",
        "mode": "virtual",
        "duration_weeks": "10",
        "start_date": "2027-04-01",
        "min_experience_years": "3",
    }
    assert client.post(f"/en/diaspora/needs/{need.pk}/edit/", body).status_code == 302
    need.refresh_from_db()
    assert need.title == "Mentoring of cardiac-care nurses (demo)" and need.duration_weeks == 10
    from migdev.diaspora.models import Initiative

    initiative = Initiative.objects.get(title_en="Tele-mentoring for rural nurses (demo)")
    assert client.delete(f"/api/v1/diaspora/initiatives/{initiative.pk}").status_code == 403
    assert _client("demo-expert").delete(f"/api/v1/diaspora/initiatives/{initiative.pk}").status_code == 200
    assert not Initiative.objects.filter(pk=initiative.pk).exists()


def test_form_writes_refused_by_the_service_answer_403_not_a_message(demo: None) -> None:
    """Closing or inviting to another institution's need, or answering someone else's invitation, is a 403 (it was a
    redirect with an error message, which hid the refusal from the status)."""
    need = Need.objects.filter(state="open").order_by("pk").first()
    invitation = ExpertInvitation.objects.filter(status="pending").order_by("pk").first()
    assert need is not None and invitation is not None
    outsider = _client("demo-expert-2")
    assert outsider.post(f"/en/diaspora/needs/{need.pk}/close/").status_code == 403
    assert outsider.post(f"/en/diaspora/needs/{need.pk}/invite/", {"expert": "D-NOBODY"}).status_code == 403
    institution = _client("demo-institution")
    assert (
        institution.post(f"/en/diaspora/invitations/{invitation.pk}/answer/", {"answer": "accept"}).status_code == 403
    )
    need.refresh_from_db()
    invitation.refresh_from_db()
    assert need.state == "open" and invitation.status == "pending"
