"""The Migration Impact Statement: HTML and PDF in English, French and Spanish, read back with pypdf; it renders with
any mix of missing data and says what is missing."""

import io
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader

from migdev.core.models import Country
from migdev.impact.models import Project
from migdev.impact.tests.conftest import Parties, take_to

HEADINGS = ("Migration Impact Statement", "Baseline", "Impact matrix", "Consultation record", "Data sources")


def _text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_decided_statement_pdf_reads_in_each_language(
    project: Project, parties: Parties, client: Any, language: str
) -> None:
    take_to(project, "monitoring", parties)
    client.force_login(parties.official)
    response = client.get(f"/{language}/impact/projects/{project.pk}/statement.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(_text(response.content).split())
    with translation.override(language):
        expected = [gettext(heading) for heading in HEADINGS]
    for heading in expected:  # the catalog's translation (the lead merges translations_impact.json into it)
        assert heading in text, heading
    assert "Port (test)" in text
    assert "Report nurse staffing in the province every six months (demo)." in text  # a condition of the decision
    with translation.override(language):
        assert Country.objects.get(pk="PHL").name in text  # "Philippines", "Filipinas": the country in the language


def test_an_empty_project_renders_and_says_what_is_missing(project: Project, parties: Parties, client: Any) -> None:
    client.force_login(parties.proponent)
    html = client.get(f"/en/impact/projects/{project.pk}/statement/").content.decode()
    for missing in (
        "Non-technical summary.",
        "Baseline (not drawn yet).",
        "Impact matrix.",
        "Decision (not decided yet).",
    ):
        assert missing in html
    text = " ".join(_text(client.get(f"/fr/impact/projects/{project.pk}/statement.pdf").content).split())
    with translation.override("fr"):
        assert gettext("What is missing") in text


def test_the_baseline_lists_the_gaps_of_the_data(project: Project, parties: Parties, client: Any) -> None:
    take_to(project, "prediction", parties)
    baseline = project.versions.get(stage="baseline").data
    assert [c["iso3"] for c in baseline["countries"]] == ["PHL", "CAN", "JPN"]
    phl = baseline["countries"][0]
    assert phl["migrant_stock"]["total"] > 0 and phl["migrant_stock"]["female_share"] is not None
    assert phl["diaspora"]["total"] > 0
    # every topic of every country is either a figure or a listed gap, never a silent zero
    for country in baseline["countries"]:
        for topic in ("migrant_stock", "diaspora", "remittance_costs", "labour", "instruments"):
            gap = {"country": country["iso3"], "topic": topic}
            assert bool(country[topic] and (topic != "instruments" or country[topic]["party"])) != (
                gap in baseline["gaps"]
            )
