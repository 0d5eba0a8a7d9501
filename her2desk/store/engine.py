"""Engine set-up in one place: every connection gets the same pragmas, whoever opens it.

SQLite: WAL (readers never block the writer), synchronous=FULL (an acknowledged save survives a power
cut), foreign keys on, and a busy timeout so a second process waits instead of failing; memory-mapped
reads (capped at 64 MB) and an 8 MB page cache: enough for fast searches of a million-case file
while the worklist stays inside its memory budget (resident pages of a mapping count as memory). The pysqlite
driver is put in autocommit mode (`isolation_level=None`, SQLAlchemy's documented recipe) so the
pragmas take effect and so we emit BEGIN ourselves: writers use BEGIN IMMEDIATE, which takes the write
lock up front and so never fails half-way with "database is locked" after reading a stale snapshot.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    # Reads through memory-mapped I/O and a larger page cache: searches of a million-case file touch
    # pages all over it. Writes still go through the journal as usual (durability is unchanged).
    "PRAGMA mmap_size=268435456",
    "PRAGMA cache_size=-16384",
)
BEGIN_OPTION = "her2desk_begin"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create the engine for a resolved URL with the pragmas and transaction behaviour above."""
    if url.startswith("sqlite"):
        connect_args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        engine = create_engine(url, connect_args=connect_args, pool_use_lifo=True, **kwargs)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def writer(engine: Engine) -> Engine:
    """The same engine, but transactions start with BEGIN IMMEDIATE on SQLite (a no-op elsewhere)."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
    return engine
