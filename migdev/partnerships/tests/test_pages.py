"""Pages and API of the partnerships room: public lists and details, the dashboard, forms for members, escaping,
the CSV exports."""

import pytest
from django.test import Client

from migdev.partnerships.models import Commitment
from migdev.partnerships.services import commitments as services
from migdev.partnerships.services.checks import CommitmentInput
from migdev.partnerships.tests.helpers import business_member

pytestmark = pytest.mark.django_db


def _commitment(title: str = "Zero fees <script>alert(1)</script>") -> Commitment:
    user, partner = business_member()
    return services.register_commitment(
        user, partner, CommitmentInput(title=title, form="policy", gcm_objectives=[6], rcps=["colombo"])
    )


def test_public_pages_show_the_commitment_escaped(client: Client) -> None:
    commitment = _commitment()
    for path in (
        "/en/partnerships/",
        "/en/partnerships/commitments/",
        f"/en/partnerships/commitments/{commitment.pk}/",
        f"/en/partnerships/partners/{commitment.pledger_id}/",
        "/fr/partnerships/commitments/?objective=6&rcp=colombo&status=planned",
        "/es/partnerships/partners/",
        "/en/partnerships/boards/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert b"<script>alert(1)</script>" not in response.content
    detail = client.get(f"/es/partnerships/commitments/{commitment.pk}/").content.decode()
    assert 'href="/es/rcp/processes/colombo/"' in detail
    assert '<li lang="en">6. Facilitate fair and ethical recruitment' in detail


def test_a_member_registers_a_commitment_and_adds_progress_through_the_forms(client: Client) -> None:
    user, partner = business_member()
    client.force_login(user)
    form = client.get("/en/partnerships/commitments/new/")
    assert form.status_code == 200
    response = client.post(
        "/en/partnerships/commitments/new/",
        {
            "pledger": partner.pk,
            "title": "Ethical recruitment",
            "type": "individual",
            "form": "policy",
            "gcm_objectives": ["6", "10"],
            "countries": ["PHL"],
            "rcps": ["colombo"],
            "start": "2025-01-01",
            "deadline": "2027-01-01",
            "status": "planned",
        },
    )
    commitment = Commitment.objects.get(title="Ethical recruitment")
    assert response.status_code == 302
    response = client.post(
        f"/en/partnerships/commitments/{commitment.pk}/progress/",
        {
            "date": "2025-06-01",
            "text": "Recruiters trained",
            "status": "in_progress",
            "evidence_url": "https://example.org/r",
        },
    )
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == "in_progress"


def test_the_api_lists_filters_and_exports(client: Client) -> None:
    commitment = _commitment("Fees")
    listed = client.get("/api/v1/partnerships/commitments?objective=6").json()
    assert listed["count"] == 1 and listed["items"][0]["rcp_pages"][0]["url"] == "/en/rcp/processes/colombo/"
    assert client.get("/api/v1/partnerships/commitments?objective=7").json()["count"] == 0
    assert client.get(f"/api/v1/partnerships/commitments/{commitment.pk}").json()["gcm_objectives"] == [6]
    csv = client.get("/api/v1/partnerships/commitments.csv").content.decode()
    assert csv.splitlines()[1].split(",")[1] == "Fees"
    dashboard = client.get("/api/v1/partnerships/dashboard.csv").content.decode()
    assert "gcm_objective,6," in dashboard
    frameworks = client.get("/api/v1/partnerships/frameworks").json()
    assert len(frameworks["gcm_objectives"]) == 23 and len(frameworks["rcps"]) == 29


def test_the_api_creates_a_commitment_for_a_member_only(client: Client) -> None:
    user, partner = business_member()
    body = {
        "pledger": partner.pk,
        "title": "API pledge",
        "form": "process",
        "gcm_objectives": [3],
        "countries": ["CAN"],
    }
    assert client.post("/api/v1/partnerships/commitments", body, content_type="application/json").status_code == 401
    client.force_login(user)
    created = client.post("/api/v1/partnerships/commitments", body, content_type="application/json")
    assert created.status_code == 201, created.content
    bad = client.post(
        "/api/v1/partnerships/commitments", body | {"countries": ["XYZ"]}, content_type="application/json"
    )
    assert bad.status_code in (400, 422) and "XYZ" in bad.content.decode()


def test_the_progress_form_checks_the_uploaded_document(client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    commitment = _commitment("Fees")
    client.force_login(commitment.pledger.organisation.memberships.get().user)  # type: ignore[union-attr]
    path = f"/en/partnerships/commitments/{commitment.pk}/progress/"
    fields = {"date": "2025-06-01", "text": "Report", "status": "in_progress"}
    disguised = client.post(path, fields | {"evidence": SimpleUploadedFile("report.pdf", b"<script>x</script>")})
    assert disguised.status_code == 200 and b"not the kind of file its name says" in disguised.content
    assert not commitment.updates.exists()
    good = client.post(path, fields | {"evidence": SimpleUploadedFile("report.pdf", b"%PDF-1.7\n")})
    assert good.status_code == 302
    assert commitment.updates.get().evidence_name == "report.pdf"
    page = client.get(f"/en/partnerships/commitments/{commitment.pk}/").content.decode()
    assert f"/api/v1/partnerships/progress/{commitment.updates.get().pk}/evidence" in page
    matching = client.post(
        f"/en/partnerships/commitments/{commitment.pk}/edit/",
        {"pledger": commitment.pledger_id, "title": "Fees", "type": "matching", "form": "policy", "status": "planned"},
    )
    assert matching.status_code == 200 and b"Say which pledge this one matches." in matching.content


def test_the_api_takes_progress_with_an_evidence_document_as_multipart(client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    commitment = _commitment("Fees")
    path = f"/api/v1/partnerships/commitments/{commitment.pk}/progress"
    fields = {"date": "2025-06-01", "text": "Report", "status": "in_progress"}
    outsider, _other = business_member("outsider", "Other Co.")
    client.force_login(outsider)
    assert client.post(path, fields | {"evidence": SimpleUploadedFile("r.pdf", b"%PDF-1.7\n")}).status_code == 403
    client.force_login(commitment.pledger.organisation.memberships.get().user)  # type: ignore[union-attr]
    for name, content, problem in (
        ("report.pdf", b"<script>alert(1)</script>", "not the kind of file its name says"),
        ("report.exe", b"MZ", "Attach a PDF, PNG, JPEG, text or CSV document."),
        ("report.txt", b"a" * (services.MAX_EVIDENCE_BYTES + 1), "at most 5.0"),
    ):
        refused = client.post(path, fields | {"evidence": SimpleUploadedFile(name, content)})
        assert refused.status_code == 400 and problem in refused.json()["error"]["message"], refused.content
        assert refused.json()["error"]["field"] == "evidence"
    assert client.post(path, {"date": "yesterday", "text": "x", "status": "planned"}).status_code == 422
    assert not commitment.updates.exists()
    created = client.post(path, fields | {"evidence": SimpleUploadedFile("report.pdf", b"%PDF-1.7\nbody")})
    assert created.status_code == 201, created.content
    document = created.json()["evidence_document"]
    download = client.get(document)
    assert download.content == b"%PDF-1.7\nbody" and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="report.pdf"'
    as_json = client.post(path, fields | {"evidence_url": "https://example.org/r"}, content_type="application/json")
    assert as_json.status_code == 201 and as_json.json()["evidence_document"] is None
    schema = client.get("/api/openapi.json").json()
    body = schema["paths"]["/api/v1/partnerships/commitments/{commitment_id}/progress"]["post"]["requestBody"][
        "content"
    ]
    assert body["multipart/form-data"]["schema"]["properties"]["evidence"]["format"] == "binary"
    assert "evidence" not in body["application/json"]["schema"]["properties"]
