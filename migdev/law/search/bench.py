"""Benchmark of the law search on both backends in one run (`migdev bench_law_search`).

Corpus: the real instrument texts (the shipped treaty texts converted to AKN and cut into articles as the index
cuts them), plus synthetic national-law sections generated from them: English sections built from sentences of the
instruments, French and Spanish ones from sentences of the lessons (MigDev's own FR/ES prose; no FR/ES instrument
text is shipped), each with a country, a year and themes. The generated sections are for timing only, never shown.
Each backend gets the same rows in a scratch database; the same queries run through the whole engine (parse, one
match, facets, page of snippets), and the hit counts of both backends are compared.
"""

import os
import random
import re
import shutil
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import dj_database_url
from django.db import connections, transaction
from django.db.utils import ConnectionHandler

from migdev.law import akn, importers
from migdev.law.akn_html import render
from migdev.law.search import analysis, entries
from migdev.law.search.backend import TABLE, SearchBackend, backend_for
from migdev.law.search.engine import Filters, search
from migdev.law.search.models import SearchEntry
from migdev.law.search.sqlite_fts5 import FTS

DATA = Path(__file__).resolve().parent.parent / "data"
COUNTRIES = [
    "ARG",
    "BEL",
    "BOL",
    "CAN",
    "CHL",
    "COL",
    "CRI",
    "ECU",
    "ESP",
    "FRA",
    "GTM",
    "HND",
    "MAR",
    "MEX",
    "NIC",
    "PAN",
    "PER",
    "PHL",
    "PRY",
    "SEN",
    "SLV",
    "TUN",
    "URY",
    "VEN",
]
THEMES = ["labour_migration", "trafficking", "smuggling", "refugees", "statelessness", "women", "children",
          "forced_labour", "migrant_rights", "family"]  # fmt: skip
QUERIES = {
    "eng": ["migrant workers", '"migrant for employment"', "refugee", "trafficking in persons", "migra*",
            '"forced or compulsory labour"', "stateless -refugee", "child OR children", "private employment agency",
            "equal treatment", "expulsion", "nationality", "social security", '"domestic work"', "recruitment fees"],
    "fra": ["travailleurs migrants", '"travailleurs migrants"', "agences d'emploi privées", "réfugiés",
            "traite des personnes", "migra*", '"égalité de traitement"', "travail domestique", "frais de recrutement",
            "contrat", "refugies", "travailleur -domestique"],
    "spa": ["trabajadores migrantes", '"trabajadores migrantes"', "agencias de empleo privadas", "refugiados",
            "trata de personas", "migra*", '"igualdad de trato"', "trabajo doméstico", "empleador", "contrato",
            "contratacion", "trabajador -doméstico"],
}  # fmt: skip
FILTERED = [("migrant", Filters(type="national")), ("travailleurs", Filters(country="FRA")),
            ("trabajadores migrantes", Filters(language="spa", year=2005))]  # fmt: skip
COLUMNS = ["kind", "language", "expression_id", "work_id", "key", "lesson_id", "title", "label", "anchor", "date",
           "instrument_id", "instrument_type", "themes", "country", "year", "latest", "position", "text", "stems",
           "words"]  # fmt: skip
_SENTENCE = re.compile(r"(?<=[.;:])\s+")


@dataclass(frozen=True)
class BackendFigures:
    vendor: str
    index_seconds: float
    p50_ms: float
    p95_ms: float
    p95_uncapped_ms: float  # without the queries matching more than MAX_MATCHES entries
    by_language: dict[str, tuple[float, float]]  # p50, p95 in ms
    totals: dict[str, int]  # hits per query
    capped: set[str]  # queries matching more than MAX_MATCHES entries (their counts depend on the ranking)


def real_sections(progress: Callable[[str], None]) -> list[dict[str, Any]]:
    """The articles of the shipped treaty texts (English), with the facets of their instruments."""
    catalogue = {}
    for line in (DATA / "catalogue.csv").read_text(encoding="utf-8").splitlines()[1:]:
        instrument, _short, kind, _binding, themes, slug = line.split(",")
        if slug:
            catalogue[slug] = (instrument, kind, " ".join(sorted(themes.split(";"))))
    rows = []
    for n, record in enumerate(importers.read_texts(DATA / "treaty-texts")):
        text = akn.to_bluebell(akn.english_part(record.markdown, record.dutch_from_line))
        root = akn.to_akn(text, f"/akn/un/act/2000-01-01/bench{n}", "2000-01-01", manifested=record.modified)
        instrument, kind, themes = catalogue.get(record.slug, ("", "universal", ""))
        year = next((int(y) for y in re.findall(r"(1[89]\d\d|20\d\d)", record.slug)), None)
        for position, (anchor, label, body) in enumerate(entries._units(render(root).element)):
            rows.append(dict(kind="section", language="eng", work_id=n + 1, title=text.title[:300], label=label,
                             anchor=anchor, date="2000-01-01", instrument_id=instrument, instrument_type=kind,
                             themes=themes, year=year, position=position, text=body))  # fmt: skip
        progress(record.slug)
    return rows


def _lesson_sentences() -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {"fra": [], "spa": []}
    for path in sorted((DATA / "training").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for lesson in data.get("lessons", []):
            for code, language in (("fr", "fra"), ("es", "spa")):
                body = lesson.get("body", {}).get(code, "")
                pools[language] += [s.strip() for s in _SENTENCE.split(body) if len(s.split()) >= 5]
    return pools


def generated_sections(real: list[dict[str, Any]], total: int, seed: int) -> list[dict[str, Any]]:
    """National-law-like sections in EN (50 %), FR and ES (25 % each) from the real sentences, seeded."""
    rng = random.Random(seed)
    pools = _lesson_sentences()
    pools["eng"] = [s.strip() for r in real for s in _SENTENCE.split(r["text"]) if len(s.split()) >= 5]
    heading = {"eng": "Article", "fra": "Article", "spa": "Artículo"}
    rows = []
    for n in range(total):
        language = "eng" if n % 4 < 2 else ("fra" if n % 4 == 2 else "spa")
        law, article = divmod(n, 20)
        country = COUNTRIES[law % len(COUNTRIES)]
        body = " ".join(rng.sample(pools[language], rng.randint(2, 6)))
        rows.append(dict(kind="section", language=language, work_id=100_000 + law, title=f"National law {law}",
                         label=f"{heading[language]} {article + 1}", anchor=f"art_{article + 1}",
                         date=f"{1950 + law % 75}-01-01", instrument_type="national", country=country,
                         themes=" ".join(sorted(rng.sample(THEMES, 2))), year=1950 + law % 75, position=article,
                         text=body))  # fmt: skip
    return rows


def analysed(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The rows as the index stores them (analysis done once, shared by both backends)."""
    out = []
    for n, row in enumerate(rows, start=1):
        stems, words = analysis.analyse(f"{row['label']} {row['text']}", row["language"])
        values = {"expression_id": n, "key": "", "lesson_id": None, "latest": True, "country": "",
                  "instrument_id": "", **row, "stems": stems, "words": words}  # fmt: skip
        out.append(tuple(values.get(c) for c in COLUMNS))
    return out


def _load(backend: SearchBackend, rows: list[tuple[Any, ...]]) -> float:
    """Create the table and the engine's structures in the scratch database, insert the rows; seconds taken."""
    connection = backend.connection
    _drop(connection)
    with connection.schema_editor() as editor:
        editor.create_model(SearchEntry)
    backend.install()
    started = time.perf_counter()
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    sql = f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) VALUES ({placeholders})"  # noqa: S608  (constants)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for start in range(0, len(rows), 2000):
            cursor.executemany(sql, rows[start : start + 2000])
        if connection.vendor == "postgresql":
            cursor.execute(f"ANALYZE {TABLE}")
    return time.perf_counter() - started


def _drop(connection: Any) -> None:
    """Remove the index and its engine's structures from a scratch database."""
    postgres = connection.vendor == "postgresql"
    cascade = " CASCADE" if postgres else ""
    leftovers = [f"DROP TABLE IF EXISTS {TABLE}{cascade}", "DROP TABLE IF EXISTS law_search_state"]
    leftovers.append("DROP FUNCTION IF EXISTS law_search_touch()" if postgres else f"DROP TABLE IF EXISTS {FTS}")
    with connection.cursor() as cursor:
        for statement in leftovers:
            cursor.execute(statement)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(backend: SearchBackend, rows: list[tuple[Any, ...]], rounds: int) -> BackendFigures:
    index_seconds = _load(backend, rows)
    cases = [(language, q, Filters()) for language, qs in QUERIES.items() for q in qs]
    cases += [("filtered", q, f) for q, f in FILTERED]
    totals: dict[str, int] = {}
    capped: set[str] = set()
    for _language, text, filters in cases:  # warm-up, and the hit counts compared across backends
        results = search(text, filters, backend=backend, labelled=False)
        name = f"{text} {filters.as_params() or ''}".strip()
        totals[name] = results.total
        if results.capped:
            capped.add(name)
    times: dict[str, list[float]] = {}
    narrow: list[float] = []  # the queries matching at most MAX_MATCHES entries
    for _round in range(rounds):
        for language, text, filters in cases:
            started = time.perf_counter()
            search(text, filters, backend=backend, labelled=False)
            elapsed = (time.perf_counter() - started) * 1000
            times.setdefault(language, []).append(elapsed)
            if f"{text} {filters.as_params() or ''}".strip() not in capped:
                narrow.append(elapsed)
    every = [t for ts in times.values() for t in ts]
    by_language = {k: (statistics.median(v), _percentile(v, 0.95)) for k, v in times.items()}
    return BackendFigures(backend.vendor, index_seconds, statistics.median(every), _percentile(every, 0.95),
                          _percentile(narrow, 0.95), by_language, totals, capped)  # fmt: skip


def scratch_connections(postgres_url: str | None, say: Callable[[str], None] = print) -> dict[str, Any]:
    """A fresh SQLite file, and a PostgreSQL database of its own when a server is given (created if missing)."""
    folder = Path(tempfile.mkdtemp(prefix="migdev-bench-law-search-"))
    databases: dict[str, Any] = {
        "sqlite": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(folder / "bench.sqlite3"),
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"},
        }
    }
    if postgres_url:
        settings = dj_database_url.parse(postgres_url)
        try:
            _create_database(settings)
        except Exception as error:  # no server: the run goes on with SQLite, and says so
            say(f"PostgreSQL not reachable ({type(error).__name__}): SQLite only")
        else:
            databases["postgresql"] = settings
    found = {}
    for name, database in databases.items():
        # Registered with Django's connections (the schema editor looks its alias up there), defaults filled in.
        alias = f"law_bench_{name}"
        connections.settings[alias] = ConnectionHandler({"default": database}).settings["default"]
        found[name] = connections[alias]
    return found


def _create_database(settings: Any) -> None:
    import psycopg

    target = settings["NAME"]
    names = {"host": "HOST", "port": "PORT", "user": "USER", "password": "PASSWORD"}
    server = {key: settings[name] for key, name in names.items() if settings.get(name)}
    with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **server) as maintenance:
        exists = maintenance.execute("SELECT 1 FROM pg_database WHERE datname = %s", [target]).fetchone()
        if not exists:
            maintenance.execute(f'CREATE DATABASE "{target}"')


def run(sections: int, rounds: int, seed: int, postgres_url: str | None, say: Callable[[str], None]) -> dict[str, Any]:
    """Build the corpus, then index and query it on each backend; the figures and the PostgreSQL/SQLite ratios."""
    started = time.perf_counter()
    real = real_sections(lambda slug: None)
    corpus = real + generated_sections(real, max(0, sections - len(real)), seed)
    rows = analysed(corpus)
    analysis_seconds = time.perf_counter() - started
    say(f"corpus: {len(real)} real articles + {len(corpus) - len(real)} generated sections ({analysis_seconds:.1f} s)")
    figures = {}
    for name, connection in scratch_connections(postgres_url, say).items():
        say(f"{name}: indexing and querying ...")
        figures[name] = measure(backend_for(connection), rows, rounds)
        _drop(connection)
        connection.close()
        if name == "sqlite":
            shutil.rmtree(Path(connection.settings_dict["NAME"]).parent, ignore_errors=True)
    result: dict[str, Any] = {
        "sections": len(rows),
        "real_sections": len(real),
        "languages": {lang: sum(1 for r in corpus if r["language"] == lang) for lang in analysis.LANGUAGES},
        "queries": sum(len(q) for q in QUERIES.values()) + len(FILTERED),
        "rounds": rounds,
        "corpus_and_analysis_seconds": round(analysis_seconds, 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],  # other work on the machine slows every figure
        "backends": {
            name: {
                "index_seconds": round(f.index_seconds, 2),
                "p50_ms": round(f.p50_ms, 2),
                "p95_ms": round(f.p95_ms, 2),
                "p95_uncapped_ms": round(f.p95_uncapped_ms, 2),
                "by_language": {
                    k: {"p50_ms": round(a, 2), "p95_ms": round(b, 2)} for k, (a, b) in f.by_language.items()
                },
                "hits": f.totals,
            }
            for name, f in figures.items()
        },
    }
    if "postgresql" in figures:
        pg, lite = figures["postgresql"], figures["sqlite"]
        result["ratio_postgresql_to_sqlite"] = {
            "index": round(pg.index_seconds / lite.index_seconds, 2),
            "p50": round(pg.p50_ms / lite.p50_ms, 2),
            "p95": round(pg.p95_ms / lite.p95_ms, 2),
        }
        # Where more than MAX_MATCHES entries match, each backend keeps its own best-ranked ones: not compared.
        capped = pg.capped | lite.capped
        result["capped_queries"] = sorted(capped)
        result["different_hits"] = {
            q: [lite.totals[q], n] for q, n in pg.totals.items() if q not in capped and lite.totals.get(q) != n
        }
        result["same_hits"] = not result["different_hits"]
    return result
