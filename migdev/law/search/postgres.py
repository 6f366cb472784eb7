"""PostgreSQL backend: generated tsvector columns ('simple' configuration: the text is analysed already) with GIN."""

from typing import Any

from migdev.law.search.backend import TABLE, SearchBackend
from migdev.law.search.query import Clause, Phrase, Prefix, Query, Term

INSTALL = [
    f"ALTER TABLE {TABLE} ADD COLUMN stems_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', stems)) STORED",
    f"ALTER TABLE {TABLE} ADD COLUMN words_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED",
    f"CREATE INDEX law_search_stems_gin ON {TABLE} USING gin (stems_vector)",
    f"CREATE INDEX law_search_words_gin ON {TABLE} USING gin (words_vector)",
    # A new random token on every change of the index tells the facet cache (facet_table.py) to reload.
    "CREATE TABLE law_search_state (id integer PRIMARY KEY, token bigint NOT NULL)",
    "INSERT INTO law_search_state (id, token) VALUES (1, (random() * 9e18)::bigint)",
    "CREATE FUNCTION law_search_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "UPDATE law_search_state SET token = (random() * 9e18)::bigint; RETURN NULL; END $$",
    f"CREATE TRIGGER law_search_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {TABLE} "
    "FOR EACH STATEMENT EXECUTE FUNCTION law_search_touch()",
]
UNINSTALL = [
    f"DROP TRIGGER IF EXISTS law_search_changed ON {TABLE}",
    "DROP FUNCTION IF EXISTS law_search_touch()",
    "DROP TABLE IF EXISTS law_search_state",
    "DROP INDEX IF EXISTS law_search_stems_gin",
    "DROP INDEX IF EXISTS law_search_words_gin",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS stems_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS words_vector",
]


def _stems(part: Term | Phrase) -> str:
    # Analysed terms are [a-z0-9]+ only: they are tsquery lexemes as they stand.
    alternatives: list[tuple[str, ...]] = [(s,) for s in part.stems] if isinstance(part, Term) else list(part.sequences)
    return " | ".join("(" + " <-> ".join(a) + ")" for a in alternatives)


def _clause(clause: Clause, params: list[Any]) -> str:
    """SQL for one clause: its stemmed parts against stems_vector, its prefixes against words_vector."""
    tests = []
    stemmed = [_stems(p) for p in clause.parts if not isinstance(p, Prefix)]
    if stemmed:
        tests.append("e.stems_vector @@ to_tsquery('simple', %s)")
        params.append(" | ".join(f"({s})" for s in stemmed))
    prefixes = [p.start for p in clause.parts if isinstance(p, Prefix)]
    if prefixes:
        tests.append("e.words_vector @@ to_tsquery('simple', %s)")
        params.append(" | ".join(f"{p}:*" for p in prefixes))
    return "(" + " OR ".join(tests) + ")"


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    install_sql = INSTALL
    uninstall_sql = UNINSTALL

    def _sql(self, query: Query) -> tuple[str, list[Any]]:
        params: list[Any] = []
        conditions = [_clause(c, params) for c in query.required]
        conditions += [f"NOT {_clause(c, params)}" for c in query.excluded]
        # Rank on every required stemmed part (prefix-only searches rank on the folded words).
        stemmed = [_stems(p) for c in query.required for p in c.parts if not isinstance(p, Prefix)]
        prefixes = [f"{p}:*" for p in query.highlight_prefixes]
        rank_params: list[Any] = []
        ranks = []
        if stemmed:
            ranks.append("ts_rank(e.stems_vector, to_tsquery('simple', %s))")
            rank_params.append(" | ".join(f"({s})" for s in stemmed))
        if prefixes:
            ranks.append("0.5 * ts_rank(e.words_vector, to_tsquery('simple', %s))")
            rank_params.append(" | ".join(prefixes))
        where = " AND ".join(conditions)
        sql = f"SELECT e.id FROM {TABLE} e WHERE {where} ORDER BY {' + '.join(ranks)} DESC, e.id"  # noqa: S608
        return sql, params + rank_params
