"""Glossary: definitions quoted from the stored AKN articles (exactly their text), labels in EN/FR/ES with the
translation note, the ICRMW reference kept without a quote, where terms are used, pages, API, CSV and bad rows."""

import csv
import io
from pathlib import Path

import pytest
from django.test import Client
from lxml import etree

from migdev.core.errors import ImportFileError
from migdev.core.progress import SilentProgress
from migdev.law import glossary
from migdev.law.akn import parse_xml
from migdev.law.apps import DATA_DIR
from migdev.law.models import Definition, DefinitionQuote, GlossaryTerm, TermUsage, Work
from migdev.law.services.glossary import COLUMNS, load_glossary

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)


def _article_text(instrument: str, eid: str, paragraphs: list[int]) -> str:
    expression = Work.objects.get(instrument_id=instrument).expressions.get(language="eng")
    article = glossary.find_article(parse_xml(expression.xml.encode()), eid)
    assert article is not None
    texts = ["".join(p.itertext()) for p in article.iter("{*}p")]
    return "\n".join(" ".join(texts[n - 1].split()) for n in paragraphs)


def test_shipped_glossary_quotes_the_articles_word_for_word() -> None:
    c097 = DefinitionQuote.objects.get(definition__term_id="migrant-for-employment")
    assert c097.text == (
        "1. For the purpose of this Convention the term ”migrant for employment” means a person who migrates from one "
        "country to another with a view to being employed otherwise than on his own account and includes any person "
        "regularly admitted as a migrant for employment."
    )
    assert c097.anchor == "art_11" and c097.language == "eng"
    for quote in DefinitionQuote.objects.select_related("definition"):
        d = quote.definition
        numbers = glossary.parse_paragraphs(d.paragraphs)
        if not numbers:
            root = parse_xml(quote.expression.xml.encode())
            numbers = list(range(1, len(list(glossary.find_article(root, d.eid).iter("{*}p"))) + 1))  # type: ignore[union-attr]
        assert quote.text == _article_text(d.instrument_id, d.eid, numbers), d


def test_terms_cover_the_instruments_and_refugee_has_both_sources() -> None:
    refugee = Definition.objects.filter(term_id="refugee").order_by("order")
    assert [(d.instrument_id, d.eid) for d in refugee] == [
        ("refugees_1951", "chp_I__art_1"),
        ("refugees_1967", "art_I"),
    ]
    child = set(Definition.objects.filter(term_id="child").values_list("instrument_id", flat=True))
    assert child == {"crc", "untoc_trafficking", "coe_cets197"}
    trafficking = DefinitionQuote.objects.get(definition__term_id="trafficking-in-persons").text
    assert trafficking.startswith('a) ``Trafficking in persons" shall mean the recruitment, transportation')
    assert GlossaryTerm.objects.get(pk="domestic-worker").term_fr == "travailleur domestique"


def test_icrmw_definition_is_kept_without_a_quote_until_its_text_exists(client: Client) -> None:
    pending = Definition.objects.get(term_id="migrant-worker", instrument_id="icrmw")
    assert pending.quotes.count() == 0 and pending.eid == "art_2"
    html = client.get("/en/law/glossary/migrant-worker/").content.decode()
    assert "The text of this instrument is not yet available in MigDev" in html
    assert "the term &quot;migrant worker&quot; shall mean a national of a Contracting Party" in html  # ETS 93


def test_term_usage_finds_articles_with_plurals_and_links_to_their_anchors(client: Client) -> None:
    c097 = Work.objects.get(instrument_id="ilo_c097")
    uses = TermUsage.objects.filter(term_id="migrant-for-employment", expression__work=c097)
    anchors = set(uses.values_list("anchor", flat=True))
    assert {"art_2", "art_11"} <= anchors  # art. 2: "migrants for employment" (plural form listed in the CSV)
    stateless = TermUsage.objects.filter(term_id="stateless-person").values_list("expression__work__instrument", "eid")
    assert ("stateless_1954", "chp_I__art_1") in set(stateless)
    html = client.get("/en/law/glossary/migrant-for-employment/").content.decode()
    assert f'href="/en/law/documents/{c097.pk}/#art_2"' in html
    assert f'href="/en/law/documents/{c097.pk}/#art_11"' in html


def test_pattern_matches_simple_plurals_whole_words_and_any_space() -> None:
    pattern = glossary.term_pattern(["domestic work"])
    assert pattern.search("in DOMESTIC  works") and pattern.search("domestic work.")
    assert not pattern.search("domestic worker") and not pattern.search("domestic workplace")
    assert glossary.term_pattern(["child", "children"]).findall("a child; the children; childhood") == [
        "child",
        "children",
    ]


def test_document_page_lists_the_glossary_terms_it_uses(client: Client) -> None:
    work = Work.objects.get(instrument_id="ilo_c181")
    html = client.get(f"/en/law/documents/{work.pk}/").content.decode()
    assert "Glossary terms in this text" in html
    assert 'href="/en/law/glossary/private-employment-agency/"' in html
    assert '<a href="#art_7">Article 7</a>' in html


def test_glossary_page_is_alphabetical_searchable_and_filtered(client: Client) -> None:
    html = client.get("/en/law/glossary/").content.decode()
    assert html.index(">child<") < html.index(">refugee<") < html.index(">victim<")
    found = client.get("/en/law/glossary/?q=traffick").content.decode()
    assert ">trafficking in persons<" in found and ">refugee<" not in found
    ilo = client.get("/en/law/glossary/?instrument=ilo_c189").content.decode()
    assert ">domestic worker<" in ilo and ">child<" not in ilo
    hostile = client.get("/en/law/glossary/?q=%00<script>")
    assert hostile.status_code == 400 and "The parameter q contains a NUL character." in hostile.content.decode()
    assert "<script>" not in hostile.content.decode()


def test_french_and_spanish_pages_label_terms_and_quote_the_english_authentic_text(client: Client) -> None:
    fr = client.get("/fr/law/glossary/smuggling-of-migrants/").content.decode()
    assert "trafic illicite de migrants" in fr
    assert "traduction par MigDev, pas un texte faisant foi" in fr
    assert "Le texte de cet instrument en français n’est pas disponible dans MigDev" in fr
    assert 'lang="en"' in fr and "Smuggling of migrants&quot; shall mean the procurement" in fr
    listing = client.get("/fr/law/glossary/").content.decode()
    assert listing.index(">apatride<") < listing.index(">enfant<") < listing.index(">réfugié<")  # French order
    es = client.get("/es/law/glossary/").content.decode()
    assert "tráfico ilícito de migrantes" in es and "traducción de MigDev" in es


def test_api_lists_terms_and_gives_quotes_with_links(client: Client) -> None:
    terms = client.get("/api/v1/law/glossary?q=refug").json()
    assert [t["id"] for t in terms] == ["refugee"]
    assert terms[0]["labels_translated_by_migdev"] is True
    detail = client.get("/api/v1/law/glossary/stateless-person").json()
    quote = detail["definitions"][0]["quotes"][0]
    assert quote["text"].startswith("1. For the purpose of this Convention, the term “stateless person” means")
    assert quote["url"].endswith("#art_1")
    assert any(u["eid"] == "chp_I__art_1" for u in detail["used_in"])
    icrmw = next(
        d for d in client.get("/api/v1/law/glossary/migrant-worker").json()["definitions"] if d["instrument"] == "icrmw"
    )
    assert icrmw["text_available"] is False and icrmw["quotes"] == []
    assert client.get("/api/v1/law/glossary/nothing").status_code == 404


def test_csv_download_has_one_row_per_definition_and_language(client: Client) -> None:
    response = client.get("/en/law/glossary/glossary.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == Definition.objects.count()
    c029 = next(r for r in rows if r["term"] == "forced-or-compulsory-labour")
    assert c029["language"] == "eng" and "under the menace of any penalty" in c029["definition"]


def _load(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "glossary.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return load_glossary(path, SilentProgress(), allow_shrink=True)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x,x,x,x,,,nowhere,art_1,", "row 2, column instrument: unknown instrument 'nowhere'"),
        (
            "x,child,enfant,niño,,,crc,part_I__art_99,",
            "row 2, column eid: no article 'part_I__art_99' in the text of crc",
        ),
        ("x,refugee,réfugié,refugiado,,,crc,part_I__art_1,", "row 2, column term_en: 'refugee' is not in the text"),
        (
            "x,child,enfant,niño,,,crc,part_I__art_1,7",
            "row 2, column paragraphs: the article part_I__art_1 has no paragraph 7",
        ),
        ("x,child,enfant,niño,,,crc,part_I__art_1,one", "row 2, column paragraphs: paragraphs must be numbers"),
        ("Not A Slug,child,enfant,niño,,,crc,part_I__art_1,", "row 2, column term:"),
        ("x,child,,niño,,,crc,part_I__art_1,", "row 2, column term_fr: empty"),
    ],
)
def test_bad_rows_are_refused_by_row_and_column_and_nothing_changes(tmp_path: Path, row: str, message: str) -> None:
    before = (GlossaryTerm.objects.count(), Definition.objects.count(), TermUsage.objects.count())
    with pytest.raises(ImportFileError) as error:
        _load(tmp_path, row)
    assert message in str(error.value)
    assert (GlossaryTerm.objects.count(), Definition.objects.count(), TermUsage.objects.count()) == before


def test_a_truncated_file_is_refused_unless_shrinking_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_text(HEADER + "\nchild,child,enfant,niño,,children,crc,part_I__art_1,\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="truncated file"):
        load_glossary(path, SilentProgress())
    assert load_glossary(path, SilentProgress(), allow_shrink=True).startswith("1 glossary terms, 1 definitions")
    assert list(GlossaryTerm.objects.values_list("pk", flat=True)) == ["child"]


def test_reloading_the_shipped_glossary_gives_the_same_quotes() -> None:
    before = sorted(DefinitionQuote.objects.values_list("definition__term_id", "text"))
    load_glossary(DATA_DIR / "glossary.csv", SilentProgress())
    assert sorted(DefinitionQuote.objects.values_list("definition__term_id", "text")) == before


def test_quote_of_a_whole_article_and_of_listed_paragraphs() -> None:
    root = etree.fromstring(
        '<article xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" eId="art_1"><num>1</num><content>'
        '<p eId="art_1__p_1">One  \n two.</p><p eId="art_1__p_2">Three.</p><p eId="art_1__p_3">Four.</p>'
        "</content></article>"
    )
    assert glossary.quote(root, []) == "One two.\nThree.\nFour."
    assert glossary.quote(root, glossary.parse_paragraphs("1 3")) == "One two.\nFour."
    assert glossary.parse_paragraphs("2-4 6") == [2, 3, 4, 6]
