"""Running a search: parse, ONE match on the backend, then filters, facets, the page and its snippets in Python.

The match reads the ids and facet columns of every matching entry once (at most MAX_MATCHES, best first); the
facets are counted from those rows, never by asking the database again per facet, and only the page's entries are
read in full for their snippets.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import Any

from django.db import connections
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from migdev.core.errors import DomainError
from migdev.law.search import analysis
from migdev.law.search.backend import TABLE, SearchBackend, backend_for
from migdev.law.search.facet_table import (
    COUNTRY,
    ID,
    INSTRUMENT,
    KIND,
    LANGUAGE,
    LATEST,
    THEMES,
    TYPE,
    YEAR,
    facet_rows,
)
from migdev.law.search.query import Query, QueryError, parse
from migdev.law.search.snippets import snippet

PAGE_SIZE = 10
FACET_VALUES = 12
MAX_PAGE = 500
TYPES = ("universal", "regional", "bilateral", "national", "other")


@dataclass(frozen=True)
class Filters:
    """What the search is narrowed to; empty values do not narrow. `party` is an ISO3 code (or EU)."""

    kind: str = ""
    language: str = ""
    type: str = ""
    theme: str = ""
    country: str = ""
    year: int | None = None
    party: str = ""
    all_versions: bool = False

    def as_params(self) -> dict[str, str]:
        values = {
            "kind": self.kind,
            "language": self.language,
            "type": self.type,
            "theme": self.theme,
            "country": self.country,
            "year": str(self.year or ""),
            "party": self.party,
            "versions": "all" if self.all_versions else "",
        }
        return {k: v for k, v in values.items() if v}


@dataclass(frozen=True)
class SearchFacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class SearchFacet:
    name: str  # the filter it sets
    label: str
    values: list[SearchFacetValue]


@dataclass(frozen=True)
class SearchHit:
    kind: str
    title: str
    label: str
    language: str
    language_name: str
    date: str
    url: str
    snippet: str  # a SafeString: escaped text with <mark> elements only (snippets.py)
    instrument: str
    country: str


@dataclass(frozen=True)
class Results:
    query: str
    filters: Filters
    total: int
    page: int
    pages: int
    hits: list[SearchHit]
    facets: list[SearchFacet]
    capped: bool  # more entries matched than were read: counts are those of the best-ranked MAX_MATCHES
    party_name: str = ""
    party_instruments: int = 0
    notes: list[str] = field(default_factory=list)


def _check_filters(filters: Filters) -> None:
    from migdev.law.search.models import SearchEntry

    if filters.kind and filters.kind not in SearchEntry.Kind.values:
        raise QueryError(_("Unknown kind of result %(v)r.") % {"v": filters.kind[:40]}, "kind")
    if filters.language and filters.language not in analysis.LANGUAGES:
        raise QueryError(_("Search in eng, fra or spa, not %(v)r.") % {"v": filters.language[:40]}, "language")
    if filters.type and filters.type not in TYPES:
        raise QueryError(_("Unknown type of document %(v)r.") % {"v": filters.type[:40]}, "type")


def _party_instruments(code: str) -> tuple[set[str], str]:
    """The instruments the participant is party to (each on its own data date), and the participant's name."""
    from migdev.law import profiles

    try:
        found = profiles.profile(code)
    except DomainError as exc:
        raise QueryError(exc.message, "party") from None
    return {s.instrument.pk for s in found.party}, found.participant.name


def _kept(rows: list[tuple[Any, ...]], filters: Filters, party: set[str] | None) -> list[tuple[Any, ...]]:
    """The rows that pass the filters, one filter at a time (most searches have none or one)."""
    tests: list[tuple[int, Any]] = [
        (column, value)
        for column, value in (
            (KIND, filters.kind),
            (LANGUAGE, filters.language),
            (TYPE, filters.type),
            (COUNTRY, filters.country),
            (YEAR, filters.year),
        )
        if value not in ("", None)
    ]
    if not filters.all_versions:
        tests.append((LATEST, True))
    for column, value in tests:
        rows = [r for r in rows if r[column] == value]
    if filters.theme:
        rows = [r for r in rows if filters.theme in r[THEMES]]
    if party is not None:
        rows = [r for r in rows if r[INSTRUMENT] in party]
    return rows


def _facet(name: str, label: str, counts: Counter[Any], labels: dict[Any, Any], chosen: Any) -> SearchFacet:
    """The facet's values, most frequent first (at most FACET_VALUES), with the chosen one marked."""
    items = sorted(((v, n) for v, n in counts.items() if v not in ("", None)), key=lambda vn: (-vn[1], str(vn[0])))
    chosen_text = str(chosen or "")
    values = [
        SearchFacetValue(str(v), str(labels.get(v, v)), n, str(v) == chosen_text) for v, n in items[:FACET_VALUES]
    ]
    return SearchFacet(name, label, values)


def language_names() -> dict[Any, Any]:
    return {"eng": _("English"), "fra": _("French"), "spa": _("Spanish")}


def _facets(rows: list[tuple[Any, ...]], filters: Filters, labelled: bool) -> list[SearchFacet]:
    from migdev.core.models import Country
    from migdev.law.models import Instrument, Theme
    from migdev.law.search.models import SearchEntry

    # itemgetter keeps the counting in C: a search can match thousands of entries.
    themes = Counter(chain.from_iterable(map(itemgetter(THEMES), rows)))
    countries = Counter(map(itemgetter(COUNTRY), rows))
    type_labels: dict[Any, Any] = {
        **dict(Instrument.Kind.choices),
        "national": _("National law"),
        "other": _("Other documents"),
    }
    language_labels: dict[Any, Any] = language_names()
    kind_labels: dict[Any, Any] = dict(SearchEntry.Kind.choices)
    theme_labels: dict[Any, Any] = {}
    country_labels: dict[Any, Any] = {}
    if labelled:  # the benchmark counts in a scratch database that has no themes or countries
        theme_labels = dict(Theme.objects.filter(code__in=list(themes)).values_list("code", "name"))
        country_labels = dict(Country.objects.filter(iso3__in=[c for c in countries if c]).values_list("iso3", "name"))
    return [
        _facet("kind", _("Found in"), Counter(map(itemgetter(KIND), rows)), kind_labels, filters.kind),
        _facet("language", _("Language"), Counter(map(itemgetter(LANGUAGE), rows)), language_labels, filters.language),
        _facet("type", _("Type of document"), Counter(map(itemgetter(TYPE), rows)), type_labels, filters.type),
        _facet("theme", _("Theme"), themes, theme_labels, filters.theme),
        _facet("country", _("Country"), countries, country_labels, filters.country),
        _facet("year", _("Year"), Counter(map(itemgetter(YEAR), rows)), {}, filters.year),
    ]


def _url(row: dict[str, Any]) -> str:
    if row["kind"] == "section":
        return reverse("law:document", args=[row["work_id"]]) + (f"#{row['anchor']}" if row["anchor"] else "")
    # Terms and lessons open in the language of the entry found.
    with translation.override(analysis.TO_DJANGO.get(row["language"], "en")):
        if row["kind"] == "term":
            return reverse("law:glossary_term", args=[row["key"]])
        module_id, _sep, slug = row["key"].partition("/")
        return reverse("law:learn_lesson", args=[module_id, slug])


def _hits(backend: SearchBackend, ids: list[int], query: Query) -> list[SearchHit]:
    if not ids:
        return []
    columns = ("id", "kind", "title", "label", "language", "date", "work_id", "anchor", "key", "text",
               "instrument_id", "country")  # fmt: skip
    placeholders = ", ".join(["%s"] * len(ids))
    with backend.connection.cursor() as cursor:
        sql = f"SELECT {', '.join(columns)} FROM {TABLE} WHERE id IN ({placeholders})"  # noqa: S608  (ids as params)
        cursor.execute(sql, ids)
        by_id = {r[0]: dict(zip(columns, r, strict=True)) for r in cursor.fetchall()}
    names = language_names()
    hits = []
    for pk in ids:
        row = by_id[pk]
        hits.append(
            SearchHit(
                kind=row["kind"],
                title=row["title"],
                label=row["label"],
                language=row["language"],
                language_name=str(names.get(row["language"], row["language"])),
                date=row["date"],
                url=_url(row),
                snippet=snippet(row["text"], row["language"], query),
                instrument=row["instrument_id"],
                country=row["country"],
            )
        )
    return hits


def search(
    text: str,
    filters: Filters = Filters(),
    page: int = 1,
    *,
    backend: SearchBackend | None = None,
    labelled: bool = True,
) -> Results:
    """Ranked, faceted, highlighted results of a search; QueryError names the parameter at fault."""
    _check_filters(filters)
    if not 1 <= page <= MAX_PAGE:
        raise QueryError(_("Pages run from 1 to %(n)d.") % {"n": MAX_PAGE}, "page")
    languages: Iterable[str] = (filters.language,) if filters.language else analysis.LANGUAGES
    query = parse(text, languages)
    backend = backend or backend_for(connections["default"])
    matches = backend.match(query)
    party, party_name = (None, "")
    if filters.party:
        party, party_name = _party_instruments(filters.party)
    table = facet_rows(backend.connection)
    # An id the cache lacks was written after it was read: left out of this answer, as if not yet indexed.
    rows = _kept([table[pk] for pk in matches.ids if pk in table], filters, party)
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    shown = rows[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    notes = []
    if party is not None:
        notes.append(
            _(
                "Only instruments %(name)s is party to, each on the date its ratification data is complete to "
                "(each instrument's page says how complete and as of when)."
            )
            % {"name": party_name}
        )
    return Results(
        query=text,
        filters=filters,
        total=len(rows),
        page=page,
        pages=pages,
        hits=_hits(backend, [r[ID] for r in shown], query),
        facets=_facets(rows, filters, labelled),
        capped=matches.capped,
        party_name=party_name,
        party_instruments=len(party or ()),
        notes=notes,
    )


def filters_from(params: Mapping[str, str]) -> tuple[str, Filters, int]:
    """(query, filters, page) from request parameters (page or API), refusing malformed ones by name."""
    text = params.get("q", "") or ""
    values: dict[str, Any] = {}
    for name, size in (("kind", 10), ("language", 3), ("type", 12), ("theme", 40), ("country", 3), ("party", 8)):
        value = (params.get(name) or "").strip()
        if value and (len(value) > size or not value.replace("_", "").isalnum()):
            raise QueryError(_("%(name)s: not a valid value.") % {"name": name}, name)
        values[name] = value.upper() if name in ("country", "party") else value
    year = (params.get("year") or "").strip()
    if year:
        if not (year.isdigit() and len(year) == 4):
            raise QueryError(_("year: a year such as 1990."), "year")
        values["year"] = int(year)
    versions = params.get("versions") or ""
    if versions not in ("", "latest", "all"):
        raise QueryError(_("versions: latest or all."), "versions")
    page_text = (params.get("page") or "1").strip()
    if not page_text.isdigit() or len(page_text) > 6:
        raise QueryError(_("Pages run from 1 to %(n)d.") % {"n": MAX_PAGE}, "page")
    return text, Filters(**values, all_versions=versions == "all"), int(page_text)
