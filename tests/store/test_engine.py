"""Connection set-up: pragmas on every connection, URL resolution, and the default file location."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from her2desk.store import engine
from her2desk.store.database import open_database
from her2desk.store.engine import SQLITE_PRAGMAS, _pragma_setter
from her2desk.store.urls import ENV_VAR, redact, resolve_url, sqlite_path


def test_every_sqlite_connection_gets_the_durability_pragmas(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    try:
        for _ in range(2):  # a second pooled connection too
            with database.engine.connect() as first, database.engine.connect() as second:
                for connection in (first, second):
                    pragma = connection.exec_driver_sql
                    assert pragma("PRAGMA journal_mode").scalar() == "wal"
                    assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
                    assert pragma("PRAGMA foreign_keys").scalar() == 1
                    assert pragma("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        database.close()


@pytest.mark.parametrize(("lean", "mmap", "cache"), [(False, 268435456, -16384), (True, 0, -2048)])
def test_the_gui_opens_lean_connections_with_the_same_durability(
    sqlite_url: str, lean: bool, mmap: int, cache: int
) -> None:
    """The desktop program's connections map nothing and cache little (its memory budget); the
    default keeps the mapping and cache the store benchmark's query targets rely on."""
    database = open_database(sqlite_url, lean=lean)
    try:
        with database.engine.connect() as first, database.engine.connect() as second:
            for connection in (first, second):
                pragma = connection.exec_driver_sql
                assert pragma("PRAGMA mmap_size").scalar() == mmap
                assert pragma("PRAGMA cache_size").scalar() == cache
                assert pragma("PRAGMA journal_mode").scalar() == "wal"
                assert pragma("PRAGMA synchronous").scalar() == 2
                assert pragma("PRAGMA foreign_keys").scalar() == 1
    finally:
        database.close()


def test_foreign_keys_are_enforced(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    try:
        with pytest.raises(Exception, match="FOREIGN KEY"), database.engine.begin() as connection:
            connection.exec_driver_sql("INSERT INTO specimen (case_id, setting) VALUES (12345, 'primary')")
    finally:
        database.close()


def test_writer_sessions_begin_immediate(sqlite_url: str) -> None:
    """A writer holds the write lock from BEGIN, so a second writer waits instead of failing later."""
    database = open_database(sqlite_url)
    try:
        with database.writer() as session, session.begin():
            session.connection()
            with database.engine.connect() as other:
                other.exec_driver_sql("PRAGMA busy_timeout=0")
                with pytest.raises(Exception, match="database is busy"):
                    other.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        database.close()


def test_plain_path_becomes_sqlite_url(tmp_path: Path) -> None:
    url = resolve_url(str(tmp_path / "x.sqlite3"))
    assert url == f"sqlite:///{tmp_path / 'x.sqlite3'}"
    assert sqlite_path(url) == tmp_path / "x.sqlite3"


def test_postgres_urls_use_psycopg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert sqlite_path("postgresql+psycopg://u@h/db") is None
    assert "secret" not in redact("postgresql+psycopg://u:secret@h/db")


def test_environment_variable_then_default_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert resolve_url(None).endswith("env.sqlite3")
    assert resolve_url(str(tmp_path / "arg.sqlite3")).endswith("arg.sqlite3")
    monkeypatch.delenv(ENV_VAR)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    url = resolve_url(None)
    path = sqlite_path(url)
    assert path is not None
    assert path.parent.is_dir()
    assert str(path).startswith(str(tmp_path))
    assert path.name == "her2desk.sqlite3"
    database = open_database(None)
    database.close()
    assert path.exists()


def _locked_new_file(path: Path) -> tuple[sqlite3.Connection, threading.Timer]:
    """A brand-new file another program holds locked for a moment, as when several open it at once."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE t (x)")
    return holder, threading.Timer(0.3, holder.execute, args=("COMMIT",))


def test_a_connection_waits_out_a_lock_its_pragmas_meet(tmp_path: Path) -> None:
    """A lock that SQLite reports at once, without its busy handler: the pragmas are tried again until
    the lock is let go. SQLite's own handler is switched off here (timeout 0) so that the lock reaches
    the retry, as the lock that refused a WAL switch in CI did; with the handler on, SQLite would wait
    out this lock itself and the retry would not be exercised."""
    path = tmp_path / "new.sqlite3"
    holder, release = _locked_new_file(path)
    opener = sqlite3.connect(path, timeout=0)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        opener.execute("PRAGMA journal_mode=WAL")
    release.start()
    try:
        _pragma_setter(SQLITE_PRAGMAS)(opener, None)
        assert opener.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        release.join()
        opener.close()
        holder.close()


def test_a_lock_held_past_the_busy_timeout_still_fails_in_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The retry is bounded: the whole set-up gives up once the busy timeout has passed, with
    SQLite's own error (not a hang, not a different error)."""
    path = tmp_path / "new.sqlite3"
    holder, _release = _locked_new_file(path)
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    opener = sqlite3.connect(path, timeout=0)
    started = time.monotonic()
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            _pragma_setter(SQLITE_PRAGMAS)(opener, None)
        waited = time.monotonic() - started
        assert 0.2 <= waited < 2.0
    finally:
        opener.close()
        holder.execute("COMMIT")
        holder.close()


def test_an_error_other_than_a_lock_is_not_retried(tmp_path: Path) -> None:
    opener = sqlite3.connect(tmp_path / "plain.sqlite3", timeout=0)
    started = time.monotonic()
    try:
        with pytest.raises(sqlite3.OperationalError, match="incomplete input"):
            _pragma_setter(("PRAGMA journal_mode=WAL", "PRAGMA nonsense("))(opener, None)
        assert time.monotonic() - started < 1.0
    finally:
        opener.close()
