"""Who may write (members of the pledging organisation and stewards), progress updates with checked evidence, and
the dashboard's counts."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from migdev.accounts.models import User
from migdev.core.errors import DomainError, PermissionDenied
from migdev.partnerships.models import Commitment, Partner
from migdev.partnerships.selectors.dashboard import dashboard
from migdev.partnerships.services import commitments as services
from migdev.partnerships.services.checks import CommitmentInput
from migdev.partnerships.tests.helpers import business_member, steward

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _pledge(**overrides: object) -> CommitmentInput:
    values: dict[str, object] = {
        "title": "Zero recruitment fees",
        "form": "policy",
        "gcm_objectives": [6],
        "countries": ["CAN", "PHL"],
        "rcps": ["colombo"],
        "start": date(2024, 1, 1),
        "deadline": date(2030, 1, 1),
    }
    values.update(overrides)
    return CommitmentInput(**values)  # type: ignore[arg-type]


def test_a_member_of_the_pledging_organisation_registers_and_updates_a_commitment() -> None:
    user, partner = business_member()
    commitment = services.register_commitment(user, partner, _pledge())
    assert [o.number for o in commitment.gcm_objectives.all()] == [6]
    services.update_commitment(user, commitment, _pledge(title="Zero fees", status="in_progress"))
    commitment.refresh_from_db()
    assert (commitment.title, commitment.status) == ("Zero fees", "in_progress")


def test_others_may_not_write_but_stewards_may() -> None:
    _user, partner = business_member()
    outsider, _other = business_member("outsider", "Other Co.")
    lone = User.objects.create_user("lone", password="x")
    for actor in (outsider, lone):
        with pytest.raises(PermissionDenied):
            services.register_commitment(actor, partner, _pledge())
    commitment = services.register_commitment(steward(), partner, _pledge())
    with pytest.raises(PermissionDenied):
        services.add_progress(outsider, commitment, services.ProgressInput(TODAY, "Done", "fulfilled"))


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"gcm_objectives": [24]}, "gcm_objectives"),
        ({"countries": ["XYZ"]}, "countries"),
        ({"rcps": ["atlantis"]}, "rcps"),
        ({"guiding_principles": ["z"]}, "guiding_principles"),
        ({"sdg_targets": ["99.9"]}, "sdg_targets"),
        ({"deadline": date(2023, 1, 1)}, "deadline"),
        ({"type": "matching"}, "matches"),
        ({"type": "partnership"}, "partners"),
        ({"amount": "12", "currency": ""}, "currency"),
        ({"amount": "-5", "currency": "USD"}, "amount"),
        ({"amount": "NaN", "currency": "USD"}, "amount"),
        ({"form": "cash"}, "form"),
    ],
)
def test_bad_input_is_refused_naming_the_field(overrides: dict[str, object], field: str) -> None:
    user, partner = business_member()
    with pytest.raises(DomainError) as error:
        services.register_commitment(user, partner, _pledge(**overrides))
    assert error.value.field == field
    assert Commitment.objects.count() == 0


def test_a_matching_pledge_names_the_pledge_it_matches() -> None:
    user, partner = business_member()
    first = services.register_commitment(user, partner, _pledge())
    match = services.register_commitment(user, partner, _pledge(title="Match", type="matching", matches=first.pk))
    assert match.matches == first
    assert list(first.matched_by.all()) == [match]


def test_a_progress_update_moves_the_status_and_checks_its_evidence() -> None:
    user, partner = business_member()
    commitment = services.register_commitment(user, partner, _pledge())
    pdf = services.Evidence("report.pdf", b"%PDF-1.4\n%...")
    update = services.add_progress(user, commitment, services.ProgressInput(TODAY, "Half done", "in_progress", "", pdf))
    commitment.refresh_from_db()
    assert commitment.status == "in_progress" and update.evidence_type == "application/pdf"
    for evidence in (
        services.Evidence("report.pdf", b"<html><script>alert(1)</script>"),  # not what its name says
        services.Evidence("run.exe", b"MZ..."),
        services.Evidence("big.txt", b"a" * (services.MAX_EVIDENCE_BYTES + 1)),
        services.Evidence("bad.txt", b"\xff\xfe\x00"),
    ):
        with pytest.raises(DomainError) as error:
            services.add_progress(user, commitment, services.ProgressInput(TODAY, "x", "in_progress", "", evidence))
        assert error.value.field == "evidence"
    with pytest.raises(DomainError) as error:
        services.add_progress(
            user, commitment, services.ProgressInput(TODAY, "x", "in_progress", "javascript:alert(1)")
        )
    assert error.value.field == "evidence_url"
    with pytest.raises(DomainError):
        services.add_progress(user, commitment, services.ProgressInput(TODAY + timedelta(days=2), "x", "planned"))


def test_the_evidence_is_served_as_an_attachment(client: Client) -> None:
    user, partner = business_member()
    commitment = services.register_commitment(user, partner, _pledge())
    pdf = services.Evidence("../../report.pdf", b"%PDF-1.4\n")
    update = services.add_progress(user, commitment, services.ProgressInput(TODAY, "Done", "fulfilled", "", pdf))
    response = client.get(f"/api/v1/partnerships/progress/{update.pk}/evidence")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["Content-Type"] == "application/pdf"


def test_the_dashboard_counts_by_objective_partner_type_country_rcp_and_status() -> None:
    user, business = business_member()
    union = Partner.objects.create(name="Union", kind="worker_organisation", country_id="FRA")
    city = Partner.objects.create(name="City", kind="local_authority", country_id="FRA")
    services.register_commitment(user, business, _pledge(title="A", gcm_objectives=[6, 10]))
    late = _pledge(title="B", deadline=TODAY - timedelta(days=1), gcm_objectives=[6], countries=["FRA"], rcps=[])
    services.register_commitment(steward(), union, late)
    together = _pledge(title="C", type="partnership", partners=[business.pk], status="fulfilled", gcm_objectives=[])
    services.register_commitment(User.objects.get(username="steward"), city, together)
    board = dashboard()
    assert (board.total, board.overdue, board.fulfilled) == (3, 1, 1)
    assert board.involving_business == 2 and board.business_share == pytest.approx(2 / 3)
    objectives = {b.key: (b.total, b.overdue) for b in board.by_objective}
    assert objectives["6"] == (2, 1) and objectives["10"] == (1, 0) and objectives["1"] == (0, 0)
    kinds = {b.key: b.total for b in board.by_partner_kind}
    assert kinds["business"] == 2 and kinds["worker_organisation"] == 1 and kinds["local_authority"] == 1
    countries = {b.key: b.total for b in board.by_country}
    assert countries == {"CAN": 2, "PHL": 2, "FRA": 1}
    assert {b.key: (b.total, b.fulfilled) for b in board.by_rcp} == {"colombo": (2, 1)}


def test_a_board_secretary_records_a_recommendation_answered_by_commitments(client: Client) -> None:
    from migdev.partnerships.models import AdvisoryBoard

    user, partner = business_member()
    board = AdvisoryBoard.objects.create(name="BAB", mandate="Advise.", secretariat=partner.organisation)
    commitment = services.register_commitment(user, partner, _pledge())
    client.force_login(user)
    response = client.post(
        f"/en/partnerships/boards/{board.pk}/recommendations/new/",
        {
            "title": "Employer pays",
            "text": "Adopt the employer-pays principle.",
            "follow_up": "open",
            "commitments": [commitment.pk],
        },
    )
    assert response.status_code == 302
    assert list(board.recommendations.get().commitments.all()) == [commitment]
    outsider, _other = business_member("outsider", "Other Co.")
    client.force_login(outsider)
    assert client.get(f"/en/partnerships/boards/{board.pk}/recommendations/new/").status_code == 403
