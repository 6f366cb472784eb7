"""SQLite FTS5 backend: an external-content FTS5 table over the analysed columns, kept in step by triggers."""

from typing import Any

from migdev.law.search.backend import SearchBackend
from migdev.law.search.query import Clause, Phrase, Prefix, Query, Term

FTS = "law_search_fts"

INSTALL = [
    # The analysed text is ASCII letters and digits only, so the 'ascii' tokenizer sees exactly our terms.
    "CREATE VIRTUAL TABLE law_search_fts USING fts5(stems, words, content='law_search_entry', content_rowid='id', "
    "tokenize='ascii', prefix='3 5')",
    # A new random token on every change of the index tells the facet cache (facet_table.py) to reload.
    "CREATE TABLE law_search_state (id integer PRIMARY KEY, token bigint NOT NULL)",
    "INSERT INTO law_search_state (id, token) VALUES (1, random())",
    "CREATE TRIGGER law_search_ai AFTER INSERT ON law_search_entry BEGIN "
    "INSERT INTO law_search_fts(rowid, stems, words) VALUES (new.id, new.stems, new.words); "
    "UPDATE law_search_state SET token = random(); END",
    "CREATE TRIGGER law_search_ad AFTER DELETE ON law_search_entry BEGIN "
    "INSERT INTO law_search_fts(law_search_fts, rowid, stems, words) "
    "VALUES ('delete', old.id, old.stems, old.words); "
    "UPDATE law_search_state SET token = random(); END",
    "CREATE TRIGGER law_search_au AFTER UPDATE ON law_search_entry BEGIN "
    "INSERT INTO law_search_fts(law_search_fts, rowid, stems, words) "
    "VALUES ('delete', old.id, old.stems, old.words); "
    "INSERT INTO law_search_fts(rowid, stems, words) VALUES (new.id, new.stems, new.words); "
    "UPDATE law_search_state SET token = random(); END",
    "INSERT INTO law_search_fts(law_search_fts) VALUES ('rebuild')",
]
UNINSTALL = [
    "DROP TRIGGER IF EXISTS law_search_ai",
    "DROP TRIGGER IF EXISTS law_search_ad",
    "DROP TRIGGER IF EXISTS law_search_au",
    "DROP TABLE IF EXISTS law_search_fts",
    "DROP TABLE IF EXISTS law_search_state",
]


def _quoted(terms: tuple[str, ...]) -> str:
    # Analysed terms are [a-z0-9]+ only, so quoting cannot be escaped from.
    return '"' + " ".join(terms) + '"'


def _part(part: Term | Phrase | Prefix) -> str:
    if isinstance(part, Prefix):
        return f"(words : {_quoted((part.start,))} *)"
    alternatives: list[tuple[str, ...]] = [(s,) for s in part.stems] if isinstance(part, Term) else list(part.sequences)
    return "(stems : (" + " OR ".join(_quoted(a) for a in alternatives) + "))"


def _clause(clause: Clause) -> str:
    return "(" + " OR ".join(_part(p) for p in clause.parts) + ")"


def expression(query: Query) -> str:
    """The FTS5 MATCH expression of a query tree."""
    text = " AND ".join(_clause(c) for c in query.required)
    if query.excluded:
        text = f"({text}) NOT (" + " OR ".join(_clause(c) for c in query.excluded) + ")"
    return text


class SqliteFts5Backend(SearchBackend):
    vendor = "sqlite"

    install_sql = INSTALL
    uninstall_sql = UNINSTALL

    def _sql(self, query: Query) -> tuple[str, list[Any]]:
        # bm25 is lower for better matches; stems weigh more than the folded words prefixes match.
        sql = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s ORDER BY bm25({FTS}, 1.0, 0.5), rowid"  # noqa: S608
        return sql, [expression(query)]
