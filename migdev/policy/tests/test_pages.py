"""Pages of the policy room: every page reachable from the index answers in three languages, the self-assessment form
scores and shows the band and the chart's data, forms for officials only, text escaped, CSV downloads."""

from typing import Any

import pytest
from django.test import Client

from migdev.accounts.demo import load_demo_accounts
from migdev.accounts.models import User
from migdev.core.progress import SilentProgress
from migdev.policy.demo import load_policy_demo
from migdev.policy.models import CapacityInitiative, DevelopmentPlan, SelfAssessment, WorkingGroup
from migdev.policy.tests.helpers import codes, official

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> None:
    load_demo_accounts(SilentProgress())
    load_policy_demo(SilentProgress())


def test_every_page_of_the_demo_answers_in_three_languages(client: Client, demo: None) -> None:
    published = SelfAssessment.objects.get(country_id="PHL", year=2023)
    plan = DevelopmentPlan.objects.get()
    group = WorkingGroup.objects.get(country_id="PHL")
    for lang in ("en", "fr", "es"):
        for path in (
            "",
            "crosswalk/",
            "countries/PHL/",
            "countries/ESP/",
            "countries/MEX/",
            f"working-groups/{group.pk}/",
            "self-assessments/",
            "self-assessments/compare/",
            f"self-assessments/{published.pk}/",
            "plans/",
            f"plans/{plan.pk}/",
            "capacity/",
            "capacity/?country=PHL&domain=5",
        ):
            response = client.get(f"/{lang}/policy/{path}")
            assert response.status_code == 200, (lang, path)


def test_the_index_links_every_part(client: Client, demo: None) -> None:
    page = client.get("/en/policy/").content.decode()
    for target in (
        "self-assessments/",
        "self-assessments/compare/",
        "plans/",
        "capacity/",
        "crosswalk/",
        "countries/PHL/",
        "working-groups/",
        "downloads/crosswalk.csv",
    ):
        assert f"/en/policy/{target}" in page, target
    assert client.get("/en/policy/?code=phl")["Location"] == "/en/policy/countries/PHL/"


def test_the_demo_country_profile_shows_the_group_the_law_link_and_the_private_draft_only_to_officials(
    client: Client, demo: None
) -> None:
    page = client.get("/en/policy/countries/PHL/").content.decode()
    assert "Demo Inter-Agency Committee on Migration and Development (demo)" in page
    assert "2023" in page and "2025" not in page
    client.force_login(official("PHL", "another-phl-official"))
    assert "2025" in client.get("/en/policy/countries/PHL/").content.decode()
    spain = client.get("/en/policy/countries/ESP/").content.decode()
    assert "/en/law/documents/" in spain


def test_an_official_fills_the_form_and_sees_score_band_and_chart(client: Client) -> None:
    client.force_login(official())
    assert client.get("/en/policy/self-assessments/new/").status_code == 200
    form: dict[str, Any] = {"country": "PHL", "year": 2024, "note": "<script>x</script>"}
    for sub, code in codes(1, s1a=0.5, s2a=0, s3a=0, s4a=0, s5a=0, s6a=0, s6b=0).items():
        form[f"code_{sub}"] = str(code)
        form[f"evidence_{sub}"] = "<b>Act 1</b>"
    response = client.post("/en/policy/self-assessments/new/", form)
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    # 30 - 0.5 - 6 = 23.5 -> 78.33: partially meets
    assert '<p class="figure" id="overall">78.33</p>' in page
    assert '<p class="figure" id="band">Partially meets</p>' in page
    assert "&lt;b&gt;Act 1&lt;/b&gt;" in page and "<b>Act 1</b>" not in page
    assert '"value": 90.0' in page and 'data-bar-chart="chart-domains-data"' in page


def test_the_form_shows_a_missing_answer_beside_its_field(client: Client) -> None:
    client.force_login(official())
    response = client.post("/en/policy/self-assessments/new/", {"country": "PHL", "year": 2024})
    assert response.status_code == 200
    assert response.context["form"].errors["code_1a"]
    assert not SelfAssessment.objects.exists()


def test_forms_are_for_officials_and_organisations_only(client: Client, demo: None) -> None:
    plan = DevelopmentPlan.objects.get()
    mexico = official("MEX")
    client.force_login(mexico)
    assert client.get(f"/en/policy/plans/{plan.pk}/checklist/").status_code == 403
    assert client.get("/en/policy/countries/PHL/edit/").status_code == 403
    assert client.get("/en/policy/capacity/initiatives/new/").status_code == 403
    initiative = CapacityInitiative.objects.first()
    assert initiative is not None
    assert client.get(f"/en/policy/capacity/initiatives/{initiative.pk}/edit/").status_code == 403
    client.logout()
    assert client.get("/en/policy/self-assessments/new/").status_code == 302


def test_an_official_assesses_a_plan_and_sees_the_results_framework(client: Client) -> None:
    user = official()
    client.force_login(user)
    response = client.post(
        "/en/policy/plans/new/",
        {"country": "PHL", "title": "Plan 2030", "kind": "national_plan", "start_year": 2025, "end_year": 2030},
    )
    assert response.status_code == 302
    plan = DevelopmentPlan.objects.get(title="Plan 2030")
    refused = client.post(f"/en/policy/plans/{plan.pk}/checklist/", {"rating_budget": "addressed"})
    assert refused.status_code == 200 and refused.context["form"].errors["evidence_budget"]
    ok = client.post(
        f"/en/policy/plans/{plan.pk}/checklist/", {"rating_budget": "addressed", "evidence_budget": "Annex 3"}
    )
    assert ok.status_code == 302
    page = client.get(f"/en/policy/plans/{plan.pk}/").content.decode()
    assert "Annex 3" in page and 'id="framework"' in page and "10.7.1" in page
    assert "No data on the platform for this country yet." in page


def test_csv_downloads(client: Client, demo: None) -> None:
    for kind in ("crosswalk", "self-assessments", "plans", "capacity-requests", "capacity-initiatives"):
        response = client.get(f"/en/policy/downloads/{kind}.csv")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv"), kind
    crosswalk = client.get("/en/policy/downloads/crosswalk.csv").content.decode().splitlines()
    assert len(crosswalk) == 31 and crosswalk[0].startswith("sdg_10_7_2_domain,")
    assert "official" in crosswalk[1] and "derived" in crosswalk[1]
    rows = client.get("/en/policy/downloads/self-assessments.csv").content.decode().splitlines()
    assert len(rows) == 1 + 60  # PHL 2023 and ESP 2024 published; the PHL 2025 draft is not
    assert client.get("/en/policy/downloads/nope.csv").status_code == 404
    framework = client.get("/en/policy/countries/PHL/results-framework.csv").content.decode()
    assert "10.7.2" in framework and "policy" in framework


def test_an_official_records_a_working_group_its_ministries_and_a_meeting_through_the_pages(client: Client) -> None:
    client.force_login(official())
    created = client.post(
        "/en/policy/countries/PHL/working-groups/new/", {"name": "Committee", "mandate": "Coordinate"}
    )
    assert created.status_code == 302
    group = WorkingGroup.objects.get(name="Committee")
    assert (
        client.post(f"/en/policy/working-groups/{group.pk}/members/new/", {"ministry": "Labour", "role": "chair"})[
            "Location"
        ]
        == f"/en/policy/working-groups/{group.pk}/"
    )
    twice = client.post(f"/en/policy/working-groups/{group.pk}/members/new/", {"ministry": "labour", "role": "member"})
    assert twice.status_code == 200 and twice.context["form"].errors["ministry"]
    client.post(
        f"/en/policy/working-groups/{group.pk}/meetings/new/",
        {"date": "2025-03-01", "summary": "First", "decisions": "Adopt <i>plan</i>\nReport"},
    )
    page = client.get(f"/en/policy/working-groups/{group.pk}/").content.decode()
    assert "Labour" in page and "Adopt &lt;i&gt;plan&lt;/i&gt;" in page and "Report" in page
    profile = client.post("/en/policy/countries/PHL/edit/", {"lead_agency": "Department of Migrant Workers"})
    assert profile.status_code == 302
    assert "Department of Migrant Workers" in client.get("/en/policy/countries/PHL/").content.decode()
    assert "Unverified: no source given." in client.get("/en/policy/countries/PHL/").content.decode()


def test_an_officials_own_country_is_chosen_and_the_gaps_lead_to_requests_and_initiatives(
    client: Client, demo: None
) -> None:
    client.force_login(official("PHL", "one-country-official"))
    index = client.get("/en/policy/").content.decode()
    assert 'id="own-countries"' in index and 'href="/en/policy/countries/PHL/">Philippines</a>' in index
    for path in ("/en/policy/self-assessments/new/", "/en/policy/plans/new/", "/en/policy/capacity/requests/new/"):
        form = client.get(path).context["form"]
        assert form["country"].value() == "PHL", path
    asked = client.get("/en/policy/capacity/requests/new/?domain=5&sub_id=5d").context["form"]
    assert (asked["domain"].value(), asked["sub_id"].value()) == ("5", "5d")
    draft = SelfAssessment.objects.get(country_id="PHL", year=2025)
    page = client.get(f"/en/policy/self-assessments/{draft.pk}/").content.decode()
    assert "/en/policy/capacity/requests/new/?domain=5&amp;sub_id=5d" in page
    assert "/en/policy/capacity/?country=PHL&amp;domain=5" in page
    filtered = client.get("/en/policy/capacity/?country=phl&domain=5").content.decode()
    assert "Filtered: Philippines" in filtered
    assert '<option value="PHL" selected>Philippines</option>' in filtered
    assert '<option value="5" selected>' in filtered


def test_an_organisation_answers_a_request_from_its_row_and_the_country_page_shows_the_latest_decisions(
    client: Client, demo: None
) -> None:
    from migdev.policy.models import CapacityRequest

    client.force_login(User.objects.get(username="demo-igo"))
    asked = CapacityRequest.objects.get(sub_id="5d")
    page = client.get("/en/policy/capacity/").content.decode()
    assert f"/en/policy/capacity/initiatives/new/?request={asked.pk}" in page
    assert '(<span lang="en">Demo Intergovernmental Migration Forum (demo)</span>)' in page
    form = client.get(f"/en/policy/capacity/initiatives/new/?request={asked.pk}").context["form"]
    assert form["country"].value() == "PHL" and form["answers"].value() == [str(asked.pk)]
    assert form["organisation"].value() is not None
    assert ("PHL:" not in str(form["answers"])) and "Philippines: " in str(form["answers"])
    country = client.get("/en/policy/countries/PHL/").content.decode()
    assert "Decisions of the latest meeting (2024-11-05)" in country
    assert "Cost the reintegration programme in the next budget (demo)." in country
