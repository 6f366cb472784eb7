"""The impact API: one whole task through the API, scoping of the list, the screening outcome, bad input and
uploads."""

from typing import Any

from migdev.impact.models import Project
from migdev.impact.tests.conftest import Parties, items

API = "/api/v1/impact"


def test_a_whole_assessment_through_the_api(project: Project, parties: Parties, client: Any) -> None:
    url = f"{API}/projects/{project.pk}"
    client.force_login(parties.proponent)
    answers = {c: {"answer": "yes" if c == "LM1" else "no", "evidence": "design note"} for c in items()}
    saved = client.put(f"{url}/screening", {"answers": answers}, content_type="application/json")
    assert saved.status_code == 201 and saved.json()["data"]["outcome"] == "light"
    assert client.post(f"{url}/advance").json()["stage"] == "scoping"
    skipped = client.put(f"{url}/prediction", {"impacts": []}, content_type="application/json")
    assert skipped.status_code == 409 and skipped.json()["error"]["code"] == "stage_not_reached"
    scoping = {"dimensions": ["labour_market"], "destinations": ["CAN"]}
    assert client.put(f"{url}/scoping", scoping, content_type="application/json").status_code == 201
    client.post(f"{url}/advance")
    assert client.post(f"{url}/baseline", {"notes": ""}, content_type="application/json").status_code == 201
    client.post(f"{url}/advance")
    impact = {"dimension": "labour_market", "direction": "negative", "description": "Local jobs displaced.",
              "magnitude": 3, "likelihood": 3, "sensitivity": 3}  # fmt: skip
    assert client.put(f"{url}/prediction", {"impacts": [impact]}, content_type="application/json").status_code == 201
    client.post(f"{url}/advance")
    rated = client.post(f"{url}/significance", {}, content_type="application/json").json()["data"]["impacts"][0]
    assert (rated["score"], rated["level"], rated["significant"]) == (27, "moderate", True)
    client.post(f"{url}/advance")
    refused = client.post(f"{url}/advance")
    assert refused.status_code == 400 and "needs a measure" in refused.json()["error"]["message"]
    plan = {"measures": [{"impact": 0, "measure": "LAB-LOCAL"}], "indicators": [{"indicator": "MI-WORKFORCE-ORIGIN"}]}
    assert client.put(f"{url}/mitigation", plan, content_type="application/json").status_code == 201
    client.post(f"{url}/advance")
    client.put(f"{url}/statement", {"summary": "Summary."}, content_type="application/json")
    assert client.post(f"{url}/advance").json()["status"] == "in_review"
    client.force_login(parties.official)
    early = client.post(f"{url}/decision", {"outcome": "approved", "reasons": "ok"}, content_type="application/json")
    assert early.status_code == 409
    client.force_login(parties.reviewer)
    review = client.post(f"{url}/review", {"verdict": "adequate"}, content_type="application/json")
    assert review.status_code == 201
    client.force_login(parties.official)
    decided = client.post(f"{url}/decision", {"outcome": "approved", "reasons": "ok"}, content_type="application/json")
    assert decided.status_code == 201
    assert client.get(url).json()["status"] == "approved"
    history = client.get(f"{url}/versions").json()
    assert {v["stage"] for v in history} >= {"screening", "scoping", "baseline", "review", "decision"}


def test_the_list_shows_drafts_only_to_the_parties(project: Project, parties: Parties, client: Any) -> None:
    client.force_login(parties.outsider)
    assert project.pk not in [p["id"] for p in client.get(f"{API}/projects").json()]
    assert client.get(f"{API}/projects/{project.pk}").status_code == 404
    for who in (parties.proponent, parties.reviewer, parties.official, parties.steward):
        client.force_login(who)
        assert project.pk in [p["id"] for p in client.get(f"{API}/projects").json()]


def test_a_project_with_a_bad_country_names_the_field(parties: Parties, client: Any) -> None:
    client.force_login(parties.proponent)
    body = {"title": "Dam", "sector": "energy", "country": "XXX", "proponent": parties.proponent_org.pk}
    response = client.post(f"{API}/projects", body, content_type="application/json")
    assert response.status_code == 400 and response.json()["error"]["field"] == "country"
    assert not Project.objects.filter(title="Dam").exists()


def test_evidence_is_size_and_type_checked(project: Project, parties: Parties, client: Any) -> None:
    client.force_login(parties.proponent)
    url = f"{API}/projects/{project.pk}/evidence"
    fake = client.post(url, {"file": _file("report.pdf", b"not a pdf"), "stage": "screening", "item": "LM1"})
    assert fake.status_code == 400 and fake.json()["error"]["field"] == "file"
    big = client.post(url, {"file": _file("big.txt", b"a" * (5 * 1024 * 1024 + 1)), "stage": "screening"})
    assert big.status_code == 400 and "5 MB" in big.json()["error"]["message"]
    exe = client.post(url, {"file": _file("tool.exe", b"MZ"), "stage": "screening"})
    assert exe.status_code == 400
    good = client.post(url, {"file": _file("plan.pdf", b"%PDF-1.4 plan"), "stage": "screening", "item": "LM1"})
    assert good.status_code == 201 and good.json()["content_type"] == "application/pdf"
    client.force_login(parties.outsider)
    assert client.get(f"/en/impact/evidence/{good.json()['id']}/").status_code == 404


def _file(name: str, content: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)
