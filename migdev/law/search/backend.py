"""One interface over the full-text engines: install the index structures, and find the entries a query matches.

Both backends receive the same analysed text and the same query tree, and answer the ids of the same entries,
ranked by their own relevance measure (bm25 on SQLite, ts_rank on PostgreSQL). Everything else (filters,
facets from the cached facet columns, snippets, pages) is done once, above them, in engine.py.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from migdev.law.search.query import Query

TABLE = "law_search_entry"
# The most entries one search reads: beyond that the facets count the best-ranked ones and say so.
MAX_MATCHES = 5_000


@dataclass(frozen=True)
class Matches:
    ids: list[int]  # best first
    capped: bool


class SearchBackend(ABC):
    """A full-text engine for the law index, working on a Django database connection."""

    vendor: str
    # The engine's structures beside the table law_search_entry (created by migration 0005), and their removal.
    install_sql: list[str]
    uninstall_sql: list[str]

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def install(self) -> None:
        self._run(self.install_sql)

    def uninstall(self) -> None:
        self._run(self.uninstall_sql)

    def _run(self, statements: list[str]) -> None:
        with self.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    @abstractmethod
    def _sql(self, query: Query) -> tuple[str, list[Any]]:
        """SELECT the ids of the matching entries ORDER BY relevance, then id."""

    def match(self, query: Query, *, limit: int = MAX_MATCHES) -> Matches:
        """The ids of the entries matching the query, best first, at most `limit` (+1 read to know if capped)."""
        sql, params = self._sql(query)
        with self.connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT {int(limit) + 1}", params)
            ids = [row[0] for row in cursor.fetchall()]
        return Matches(ids[:limit], len(ids) > limit)


def backend_for(connection: Any) -> SearchBackend:
    """The backend of the database vendor: PostgreSQL full-text search, or SQLite FTS5."""
    if connection.vendor == "postgresql":
        from migdev.law.search.postgres import PostgresBackend

        return PostgresBackend(connection)
    if connection.vendor == "sqlite":
        from migdev.law.search.sqlite_fts5 import SqliteFts5Backend

        return SqliteFts5Backend(connection)
    raise NotImplementedError(f"no law search backend for the database {connection.vendor}")
