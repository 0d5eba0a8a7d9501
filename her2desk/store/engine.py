"""Engine set-up in one place: every connection gets the same pragmas, whoever opens it.

SQLite: WAL (readers never block the writer), synchronous=FULL (an acknowledged save survives a power
cut), foreign keys on, and a busy timeout so a second process waits instead of failing; memory-mapped
reads (capped at 256 MB) and a 16 MB page cache per connection: fast searches of a million-case file.
Resident pages of a mapping count as the process's memory, so the desktop program asks for the lean
profile (`lean=True`: no mapping, a 2 MB cache), which keeps a worklist on a million cases within its
memory budget; its queries then read pages through the OS file cache instead. The pysqlite
driver is put in autocommit mode (`isolation_level=None`, SQLAlchemy's documented recipe) so the
pragmas take effect and so we emit BEGIN ourselves: writers use BEGIN IMMEDIATE, which takes the write
lock up front and so never fails half-way with "database is locked" after reading a stale snapshot.
A writer that still finds the lock taken after `BUSY_TIMEOUT_MS` (PostgreSQL: a row lock, the same
`lock_timeout`) gets `errors.DatabaseBusyError` in words, not the driver's error (`busy.py`).
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, create_engine, event

from her2desk.store import busy
from her2desk.store.begin_modes import BEGIN_OPTION

BUSY_TIMEOUT_MS = 10_000
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",  # set again at each connect (a test may shorten it)
    # Reads through memory-mapped I/O and a larger page cache: searches of a million-case file touch
    # pages all over it. Writes still go through the journal as usual (durability is unchanged).
    "PRAGMA mmap_size=268435456",
    "PRAGMA cache_size=-16384",
)
# The same, minus the memory: a mapping's resident pages and a large cache per pooled connection
# would take a GUI on a million cases far past its budget (measured: 390 MB after scrolling to the end).
LEAN_SQLITE_PRAGMAS = (*SQLITE_PRAGMAS[:4], "PRAGMA mmap_size=0", "PRAGMA cache_size=-2048")


# The result codes (`sqlite3.Error.sqlite_errorcode`, primary code in the low byte) of a lock another
# connection holds: SQLITE_BUSY and SQLITE_LOCKED.
_LOCK_CODES = frozenset({5, 6})


def _execute_waiting(cursor: Any, pragma: str, deadline: float) -> None:
    """Run a connection pragma, waiting out a lock until `deadline` (`time.monotonic()`).

    SQLite's busy handler does not cover every lock a pragma can meet: where waiting could deadlock it
    returns BUSY at once, and when several programs opened the same brand-new file at once, switching
    it to WAL was once refused that way with "database is locked" (seen in CI, never reproduced on
    demand). Such a lock is held only for an instant, so the pragma is tried again after a short
    random pause; after the deadline the error goes up as before. Every pragma here sets a value, so
    running one again is harmless; any other error goes up at once.
    """
    while True:
        try:
            cursor.execute(pragma)
            return
        except sqlite3.OperationalError as error:
            code = getattr(error, "sqlite_errorcode", None)
            if code is None or code & 0xFF not in _LOCK_CODES or time.monotonic() >= deadline:
                raise
            time.sleep(random.uniform(0.005, 0.05))


def _pragma_setter(pragmas: tuple[str, ...]) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000  # for the whole set-up, not each pragma
        for pragma in pragmas:
            _execute_waiting(cursor, pragma, deadline)
        _execute_waiting(cursor, f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}", deadline)
        cursor.close()

    return on_connect


def _on_sqlite_begin(connection: Any) -> None:
    mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str, *, lean: bool = False, **kwargs: Any) -> Engine:
    """Create the engine for a resolved URL with the pragmas and transaction behaviour above;
    `lean` (SQLite only) trades the mapping and the large cache for a small memory footprint."""
    if url.startswith("sqlite"):
        connect_args = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        engine = create_engine(url, connect_args=connect_args, pool_use_lifo=True, **kwargs)
        event.listen(engine, "connect", _pragma_setter(LEAN_SQLITE_PRAGMAS if lean else SQLITE_PRAGMAS))
        event.listen(engine, "begin", _on_sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
        event.listen(engine, "connect", _set_lock_timeout)
    busy.install(engine)
    return engine


def _set_lock_timeout(dbapi_connection: Any, _record: Any) -> None:
    """PostgreSQL waits for a row lock for ever by default; wait as long as SQLite does instead."""
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    try:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {int(BUSY_TIMEOUT_MS)}")
    finally:
        dbapi_connection.autocommit = autocommit
