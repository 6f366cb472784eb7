"""SQLite under concurrent writers: WAL, IMMEDIATE transactions and a busy timeout, so no "database is locked".

Issue 16: light concurrency gave 500s with "database is locked". A deferred transaction that reads and then writes
cannot wait for another writer (SQLite answers SQLITE_BUSY at once, whatever the timeout), so each thread here
reads then writes, as a view does. The test database is in memory and shared, so the writers run in a child
process on a database file of their own, with the site's real settings.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

WRITERS = """
import json, threading
import django
django.setup()
from django.db import connection, connections, transaction

THREADS, TRANSACTIONS = 8, 40
with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, thread INTEGER, seen INTEGER)")
    mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
connection.close()
start = threading.Barrier(THREADS)
errors = []

def write(thread):
    start.wait()
    try:
        for _ in range(TRANSACTIONS):
            with transaction.atomic(), connection.cursor() as cursor:
                seen = cursor.execute("SELECT COUNT(*) FROM visit").fetchone()[0]
                cursor.execute("INSERT INTO visit (thread, seen) VALUES (%s, %s)", [thread, seen])
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        connections.close_all()

threads = [threading.Thread(target=write, args=(n,)) for n in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with connection.cursor() as cursor:
    rows = cursor.execute("SELECT COUNT(*) FROM visit").fetchone()[0]
print(json.dumps({"journal_mode": mode, "errors": errors, "rows": rows, "expected": THREADS * TRANSACTIONS}))
"""


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3", reason="the SQLite options only"
)
def test_sqlite_options_enable_wal_immediate_transactions_and_a_busy_timeout() -> None:
    options = settings.DATABASES["default"]["OPTIONS"]
    assert "PRAGMA journal_mode=WAL" in options["init_command"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5


def test_concurrent_writers_on_a_sqlite_file_never_meet_a_locked_database(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "migdev.config.settings.base",
        "MIGDEV_VAR_DIR": str(tmp_path),
        "MIGDEV_DATABASE_URL": f"sqlite:///{tmp_path / 'concurrent.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603  (our own interpreter)
        [sys.executable, "-c", WRITERS], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["rows"] == outcome["expected"]
    assert outcome["journal_mode"] == "wal"
