"""Search: stemming and accent folding in English, French and Spanish, phrases, prefixes, facets, the party filter,
hostile input, and an index that follows what is stored. Runs on SQLite FTS5 and PostgreSQL alike (the backend is
chosen by the database the tests run on)."""

import pytest
from django.db import connection

from migdev.core.models import Country
from migdev.law import profiles
from migdev.law.models import Expression, Work
from migdev.law.search import analysis, indexing
from migdev.law.search.backend import backend_for
from migdev.law.search.engine import Filters, search
from migdev.law.search.models import SearchEntry
from migdev.law.search.query import MAX_QUERY_LENGTH, Phrase, Prefix, QueryError, Term, parse
from migdev.law.search.snippets import snippet
from migdev.law.services.documents import _store
from migdev.law.tests.search_documents import FRENCH_LAW, SPANISH_LAW, national_law

pytestmark = pytest.mark.django_db


def _marked(results: object) -> list[str]:
    import re

    return [w for h in results.hits for w in re.findall(r"<mark>([^<]*)</mark>", str(h.snippet))]  # type: ignore[attr-defined]


def test_the_backend_is_the_database_vendors() -> None:
    assert backend_for(connection).vendor == connection.vendor


def test_setup_indexes_every_article_term_and_lesson_in_each_language() -> None:
    works = Work.objects.count()
    assert SearchEntry.objects.filter(kind="section").values("work_id").distinct().count() == works
    assert set(SearchEntry.objects.filter(kind="term").values_list("language", flat=True)) == {"eng", "fra", "spa"}
    assert set(SearchEntry.objects.filter(kind="lesson").values_list("language", flat=True)) == {"eng", "fra", "spa"}
    article = SearchEntry.objects.get(kind="section", instrument_id="ilo_c097", anchor="art_11")
    assert article.label == "Article 11" and "migrant for employment" in article.text
    assert article.instrument_type == "universal" and article.year == 1949 and "labour_migration" in article.themes


def test_analysis_folds_accents_before_stemming() -> None:
    assert analysis.fold("Réfugiés ŒUVRE") == "refugies oeuvre"
    assert analysis.analyse("réfugiés", "fra") == analysis.analyse("refugies", "fra")
    assert analysis.analyse("travailleurs migrants", "fra")[0] == "travailleur migr"
    assert analysis.analyse("trabajadores migrantes", "spa")[0] == "trabaj migrant"
    assert analysis.analyse("migrant workers", "eng")[0] == "migrant worker"


def test_english_stemming_finds_other_forms() -> None:
    results = search("worker migrated", Filters(language="eng"))
    assert results.total > 0
    marked = {w.lower() for w in _marked(results)}
    assert marked & {"workers", "working", "work"} and marked & {"migrate", "migrates", "migrant", "migrants"}


def test_french_search_is_stemmed_and_highlighted() -> None:
    results = search("travailleurs migrants")
    assert results.total > 0
    assert {h.language for h in results.hits} == {"fra"}
    assert {h.kind for h in results.hits} >= {"lesson", "term"}
    assert {w.lower() for w in _marked(results)} >= {"travailleur", "migrant"}  # singular forms found by the plural


def test_spanish_search_is_stemmed_and_highlighted() -> None:
    results = search("trabajadores migrantes")
    assert results.total > 0
    assert {h.language for h in results.hits} == {"spa"}
    assert {w.lower() for w in _marked(results)} >= {"trabajador", "migrante"}


def test_accents_are_optional_in_the_query_and_in_the_text() -> None:
    accented = search("réfugié", Filters(language="fra"))
    plain = search("refugie", Filters(language="fra"))
    assert accented.total == plain.total > 0
    assert search("migracion", Filters(language="spa")).total == search("migración", Filters(language="spa")).total


def test_phrase_finds_the_words_in_order_only() -> None:
    phrase = search('"migrant for employment"', Filters(language="eng"))
    words = search("migrant for employment", Filters(language="eng"))
    assert 0 < phrase.total < words.total
    assert any(h.instrument == "ilo_c097" and h.url.endswith("#art_11") for h in phrase.hits)
    reversed_words = search('"employment for migrant"', Filters(language="eng"))
    assert reversed_words.total == 0


def test_prefix_matches_the_start_of_words_unstemmed() -> None:
    results = search("migra*", Filters(language="eng"))
    marked = {w.lower() for w in _marked(results)}
    assert {"migration", "migrants"} & marked and all(w.startswith("migra") for w in marked)
    with pytest.raises(QueryError) as error:
        search("mi*")
    assert error.value.field == "q"


def test_or_and_exclusion() -> None:
    refugee = search("refugee", Filters(language="eng")).total
    stateless = search("stateless", Filters(language="eng")).total
    either = search("refugee OR stateless", Filters(language="eng")).total
    assert max(refugee, stateless) <= either <= refugee + stateless
    assert search("refugee -stateless", Filters(language="eng")).total < refugee
    assert search("refugee NOT stateless", Filters(language="eng")).total < refugee


def test_facets_count_the_filtered_hits_and_filters_narrow() -> None:
    results = search("migrant")
    by_name = {f.name: f for f in results.facets}
    assert sum(v.count for v in by_name["kind"].values) == results.total
    assert sum(v.count for v in by_name["language"].values) == results.total
    regional = next(v for v in by_name["type"].values if v.value == "regional")
    narrowed = search("migrant", Filters(type="regional"))
    assert narrowed.total == regional.count
    assert {v.value for f in narrowed.facets if f.name == "type" for v in f.values} == {"regional"}
    theme = by_name["theme"].values[0]
    assert search("migrant", Filters(theme=theme.value)).total == theme.count
    year = by_name["year"].values[0]
    assert search("migrant", Filters(year=int(year.value))).total == year.count


def test_party_filter_keeps_the_instruments_the_country_is_party_to() -> None:
    party_to = {s.instrument.pk for s in profiles.profile("FRA").party}
    assert party_to
    everything = search("right")
    results = search("right", Filters(party="FRA"))
    assert 0 < results.total < everything.total
    assert results.party_name == "France" and results.party_instruments == len(party_to)
    assert all(h.instrument in party_to for h in results.hits)
    with pytest.raises(QueryError) as error:
        search("right", Filters(party="XXX"))
    assert error.value.field == "party"


def test_pages_are_ranked_and_bounded() -> None:
    first, second = search("state", page=1), search("state", page=2)
    assert len(first.hits) == 10 and first.pages > 1
    assert not {h.url for h in first.hits} & {h.url for h in second.hits}
    with pytest.raises(QueryError):
        search("state", page=0)


HOSTILE = [
    '"', '""', "-", "--", "*", "**", "OR", "NOT", "AND", "OR OR migrant", "migrant OR", "NOT migrant", "-migrant",
    "(", ")", "migrant)", "NEAR(migrant refugee)", "stems : migrant", "words:migr*", "{stems words}: x", "^migrant",
    "migrant^", "'; DROP TABLE law_search_entry; --", "a & b | !c <-> d:*", "migra**", "mig*rant", '"unterminated',
    "self-employed", "C-097", "art. 3(1)(a)", "🙂 migrant", "ﬁnancial", "x" * MAX_QUERY_LENGTH, "\u200b", "%_%\\",
    "javascript:alert(1)", "<script>alert(1)</script>", "1e30", "NaN",
]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_give_results_or_a_clear_error(text: str) -> None:
    try:
        results = search(text)
    except QueryError as error:
        assert error.field == "q" and str(error.message)
        return
    for hit in results.hits:
        assert "<script" not in str(hit.snippet)


@pytest.mark.parametrize("text", ["migrant\x00", "a\x1bb", "x" * (MAX_QUERY_LENGTH + 1), "   ", "!!!", "-migrant"])
def test_queries_that_cannot_run_say_why(text: str) -> None:
    with pytest.raises(QueryError) as error:
        search(text)
    assert error.value.field == "q"


def test_snippets_escape_the_text_and_allow_only_mark() -> None:
    html = str(snippet("<b>migrant</b> & <script>x</script> migrants", "eng", parse("migrant")))
    assert html == "&lt;b&gt;<mark>migrant</mark>&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt; <mark>migrants</mark>"
    long_text = " ".join(["word"] * 100 + ["refugee"] + ["word"] * 100)
    cut = str(snippet(long_text, "eng", parse("refugee")))
    assert cut.startswith("… ") and cut.endswith(" …") and "<mark>refugee</mark>" in cut


def test_parser_tree() -> None:
    query = parse('"travailleurs migrants" migra* -réfugiés', ["fra"])
    assert query.required[0].parts == (Phrase((("travailleur", "migr"),)),)
    assert query.required[1].parts == (Prefix("migra"),)
    assert query.excluded[0].parts == (Term(("refug", "refugies")),)


def test_a_stored_national_law_is_searchable_by_its_country_and_versions() -> None:
    """As the national legislation importer stores laws: a Work of its country, one expression per version."""
    _store(national_law("es", "spa", "2020-03-01", SPANISH_LAW), "test", None)
    work = Work.objects.get(frbr_uri="/akn/es/act/2020-03-01/1")
    work.country = Country.objects.get(iso3="ESP")
    work.save()
    results = search('"trabajadores migrantes"', Filters(country="ESP"))
    assert results.total == 3 and {h.title for h in results.hits} == {work.title}
    assert {h.url for h in results.hits} >= {f"/en/law/documents/{work.pk}/#art_1"}
    assert {v.value for f in results.facets if f.name == "type" for v in f.values} == {"national"}
    # A new version: only the latest is searched unless all versions are asked for (year 2020 keeps the
    # shipped LO 4/2000, of 2000, out of these counts).
    _store(national_law("es", "spa", "2021-06-01", SPANISH_LAW.replace("comisiones", "tasas")), "test", None)
    assert search("comisiones", Filters(country="ESP", year=2020)).total == 0
    assert search("comisiones", Filters(country="ESP", year=2020, all_versions=True)).total == 1
    assert search("tasas", Filters(country="ESP", year=2020)).total == 1
    found = search("tasas", Filters(country="ESP", year=2020))
    years = {v.value for f in found.facets if f.name == "year" for v in f.values}
    assert years == {"2020"}  # the year of the law (its work IRI), not of the version
    Expression.objects.filter(work=work).delete()
    assert search("tasas", Filters(country="ESP", year=2020)).total == 0


def test_french_national_law_and_reindex() -> None:
    _store(national_law("fr", "fra", "2019-01-01", FRENCH_LAW), "test", None)
    results = search("travailleuses migrantes", Filters(kind="section"))
    assert results.total == 1 and results.hits[0].language == "fra"
    assert "<mark>travailleuses</mark>" in str(results.hits[0].snippet)
    before = SearchEntry.objects.count()
    SearchEntry.objects.all().delete()
    assert search("travailleuses migrantes").total == 0
    from migdev.core.progress import SilentProgress

    indexing.reindex(SilentProgress())
    assert SearchEntry.objects.count() == before
    assert search("travailleuses migrantes", Filters(kind="section")).total == 1


def test_law_reindex_command_rebuilds_the_index() -> None:
    from io import StringIO

    from django.core.management import call_command

    before = SearchEntry.objects.count()
    out = StringIO()
    call_command("law_reindex", stdout=out)
    assert SearchEntry.objects.count() == before
    assert "full-text search" in out.getvalue() and "articles of" in out.getvalue()


def test_benchmark_corpus_gives_french_and_spanish_phrase_hits() -> None:
    """The benchmark's corpus and query set, loaded into this database's index (no timing asserted)."""
    from migdev.law.search import bench

    real = bench.real_sections(lambda slug: None)
    rows = bench.analysed(real + bench.generated_sections(real, 600, seed=0))
    SearchEntry.objects.all().delete()
    columns = ", ".join(bench.COLUMNS)
    with connection.cursor() as cursor:
        sql = f"INSERT INTO law_search_entry ({columns}) VALUES ({', '.join(['%s'] * len(bench.COLUMNS))})"  # noqa: S608
        cursor.executemany(sql, rows)
    assert SearchEntry.objects.filter(language="fra").count() == 150
    for query in ('"travailleurs migrants"', '"trabajadores migrantes"', '"migrant for employment"', "migra*"):
        assert search(query).total > 0, query
    national = search("migrant", Filters(type="national"))
    assert national.total > 0 and {h.country for h in national.hits} <= set(bench.COUNTRIES)


def test_changing_an_instruments_themes_or_kind_updates_its_entries() -> None:
    from migdev.law.models import Instrument, Theme

    c097 = Instrument.objects.get(pk="ilo_c097")
    children = Theme.objects.get(pk="children")
    before = search('"migrant for employment"', Filters(theme="children")).total
    c097.themes.add(children)
    assert search('"migrant for employment"', Filters(theme="children")).total > before
    c097.kind = Instrument.Kind.REGIONAL
    c097.save()
    assert any(h.instrument == "ilo_c097" for h in search('"migrant for employment"', Filters(type="regional")).hits)
