"""Full-text search of the law room: articles of every stored expression, glossary terms and lessons, in English,
French and Spanish, on SQLite FTS5 or PostgreSQL full-text search (one interface: backend.SearchBackend).

    analysis.py   words folded and stemmed (Snowball), the same for both backends
    query.py      the search box's syntax, parsed safely into a tree
    backend.py    the interface; sqlite_fts5.py and postgres.py implement it
    entries.py    what is indexed; indexing.py writes it; receivers.py keeps it in step
    engine.py     one match, then filters, facets, page and snippets (snippets.py)
"""
