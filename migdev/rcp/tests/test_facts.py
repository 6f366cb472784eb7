"""Corrections of a process's facts (stewards and the process's secretariat, from the page and the API): each with its
source and as-of date in the fact's history, and never silently overwritten by a later import."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from django.test import Client

from migdev.accounts.models import User
from migdev.core.datasets import DATASETS, run_import
from migdev.core.errors import DomainError, PermissionDenied
from migdev.core.progress import SilentProgress
from migdev.rcp.models import FactChange, Process
from migdev.rcp.services.facts import CORRECTABLE, Correction, correct_fact
from migdev.rcp.views.processes import FACTS

SHIPPED = Path(__file__).resolve().parents[1] / "data"
pytestmark = pytest.mark.django_db
CHAIR = {"value": "India (2024–2026)", "source": "Colombo Process communiqué, 2024", "as_of": "2024-06-01"}


def put(client: Client, user: User | None, field: str, body: dict[str, str]) -> object:
    if user is not None:
        client.force_login(user)
    return client.put(f"/api/v1/rcp/processes/colombo/facts/{field}", body, content_type="application/json")


def test_a_steward_corrects_a_fact_by_api_and_the_history_keeps_everything(client: Client, steward: User) -> None:
    response = put(client, steward, "chair_history", CHAIR)
    assert response.status_code == 200, response.content
    change = response.json()
    assert change["old_value"] == "" and change["new_value"] == CHAIR["value"]
    assert change["source"] == CHAIR["source"] and change["as_of"] == "2024-06-01"
    assert change["changed_by"] == "rcp-steward" and change["kind"] == "correction"
    assert Process.objects.get(rcp_id="colombo").chair_history == CHAIR["value"]
    history = client.get("/api/v1/rcp/processes/colombo/history?field=chair_history").json()
    assert [h["new_value"] for h in history] == [CHAIR["value"]]
    detail = client.get("/api/v1/rcp/processes/colombo").json()
    assert detail["chair_history"] == CHAIR["value"]


def test_who_may_correct_and_what_is_refused(client: Client, secretariat_user: User, other_user: User) -> None:
    assert put(Client(), None, "chair_history", CHAIR).status_code == 401
    assert put(client, other_user, "chair_history", CHAIR).status_code == 403
    bad = {
        "source": ({**CHAIR, "source": " "}, "source"),
        "future": ({**CHAIR, "as_of": "2999-01-01"}, "as_of"),
        "kind": ({**CHAIR, "value": "club"}, "value"),
        "year": ({**CHAIR, "value": "20x3"}, "value"),
        "site": ({**CHAIR, "value": "javascript:alert(1)"}, "value"),
        "themes": ({**CHAIR, "value": "skills;astrology"}, "value"),
        "name": ({**CHAIR, "value": " "}, "value"),
    }
    fields = {"kind": "kind", "year": "established_year", "site": "official_site", "themes": "theme_tags"}
    for case, (body, field_at_fault) in bad.items():
        response = put(client, secretariat_user, fields.get(case, "name" if case == "name" else "chair_history"), body)
        assert response.status_code == 400, case
        assert response.json()["error"]["field"] == field_at_fault, case
    assert put(client, secretariat_user, "rcp_id", CHAIR).json()["error"]["field"] == "field"
    assert put(client, secretariat_user, "established_year", {**CHAIR, "value": "2002"}).status_code == 200
    assert not FactChange.objects.filter(field="chair_history", kind="correction").exists()


def test_the_secretariat_corrects_a_fact_from_the_process_page(client: Client, secretariat_user: User) -> None:
    client.force_login(secretariat_user)
    page = client.get("/en/rcp/processes/colombo/").content.decode()
    assert 'href="/en/rcp/processes/colombo/facts/secretariat/"' in page
    form = client.get("/en/rcp/processes/colombo/facts/secretariat/").content.decode()
    assert "IOM (Technical Support Unit" in form
    refused = client.post("/en/rcp/processes/colombo/facts/secretariat/", {"value": "Sri Lanka", "as_of": "2025-01-01"})
    assert refused.status_code == 200 and "This field is required" in refused.content.decode()
    response = client.post(
        "/en/rcp/processes/colombo/facts/secretariat/",
        {"value": "<b>Sri Lanka</b> (test)", "source": "Letter of 2025-01-10", "as_of": "2025-01-01"},
    )
    assert response.status_code == 302 and response["Location"].endswith("/rcp/processes/colombo/#facts")
    page = client.get("/en/rcp/processes/colombo/").content.decode()
    assert "&lt;b&gt;Sri Lanka&lt;/b&gt; (test)" in page and "<b>Sri Lanka" not in page
    assert "corrected — source: Letter of 2025-01-10, as of 2025-01-01" in page
    assert client.get("/en/rcp/processes/rabat/facts/secretariat/").status_code == 403
    assert client.get("/en/rcp/processes/colombo/facts/rcp_id/").status_code == 404


def test_every_fact_shows_its_history_on_the_page(client: Client, steward: User) -> None:
    colombo = Process.objects.get(rcp_id="colombo")
    correct_fact(
        steward, colombo, "member_count_reported", Correction("13", "Ministerial declaration", date(2025, 4, 2))
    )
    page = client.get("/fr/rcp/processes/colombo/").content.decode()
    for field in FACTS:
        assert f'data-fact="{field}"' in page, field
    assert page.count('class="fact-history"') == len(FACTS)
    assert set(CORRECTABLE) <= {f for fields in FACTS.values() for f in fields}
    assert "2025-04-02" in page and "Ministerial declaration" in page
    colombo.refresh_from_db()
    assert colombo.member_count_reported == "13" and colombo.member_count_as_of == "2025-04-02"
    assert FactChange.objects.filter(process=colombo, field="member_count_as_of", kind="correction").exists()


def test_a_correction_of_a_translated_fact_drops_the_stale_translations(steward: User) -> None:
    colombo = Process.objects.get(rcp_id="colombo")
    Process.objects.filter(pk=colombo.pk).update(region_fr="Asie (ancienne)", region_es="Asia (antigua)")
    colombo.refresh_from_db()
    correct_fact(steward, colombo, "region", Correction("South and South-East Asia", "IOM page", date(2025, 1, 1)))
    colombo.refresh_from_db()
    assert colombo.region_en == "South and South-East Asia" and colombo.region_fr is None and colombo.region_es is None
    with pytest.raises(DomainError, match="already has"):
        correct_fact(steward, colombo, "region", Correction("South and South-East Asia", "IOM", date(2025, 1, 1)))
    with pytest.raises(PermissionDenied):
        correct_fact(None, colombo, "region", Correction("x", "y", date(2025, 1, 1)))


def test_an_import_keeps_a_correction_and_reports_the_conflict(tmp_path: Path, steward: User) -> None:
    for name in ("rcps.csv", "rcp_members.csv", "PROVENANCE.md"):
        shutil.copyfile(SHIPPED / name, tmp_path / name)
    colombo = Process.objects.get(rcp_id="colombo")
    correct_fact(steward, colombo, "secretariat", Correction("Sri Lanka (corrected)", "Letter", date(2025, 1, 1)))
    summary = run_import(DATASETS["rcp"], tmp_path, SilentProgress())
    assert "1 facts kept as corrected (the file differs): colombo.secretariat" in str(summary)
    assert Process.objects.get(rcp_id="colombo").secretariat == "Sri Lanka (corrected)"
    assert not FactChange.objects.filter(
        kind="conflict"
    ).exists()  # the file still has the value the correction replaced
    text = (tmp_path / "rcps.csv").read_text(encoding="utf-8")
    text = text.replace('"IOM (Technical Support Unit, IOM Sri Lanka)"', '"IOM Colombo (file, 2026)"', 1)
    (tmp_path / "rcps.csv").write_text(text, encoding="utf-8")
    for _ in range(2):
        run_import(DATASETS["rcp"], tmp_path, SilentProgress())
    conflict = FactChange.objects.get(kind="conflict")
    assert conflict.field == "secretariat" and conflict.old_value == "Sri Lanka (corrected)"
    assert conflict.new_value == "IOM Colombo (file, 2026)" and "not applied" in conflict.via
    assert Process.objects.get(rcp_id="colombo").secretariat == "Sri Lanka (corrected)"
