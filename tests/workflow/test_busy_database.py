"""A busy database: passwords are checked without holding the write lock, and a lock held too long by
another workstation is a named error in words (`DatabaseBusyError`), never the driver's traceback.

Before this, sign-in and sign-out ran argon2 (~0.1-0.3 s) inside their write transaction, a long
import held the lock for longer than the 10 s others wait, and the waiter got a raw
`OperationalError: database is locked`. Each test here fails on that program.
"""

from __future__ import annotations

import contextlib
import io
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from support.backends import make_entry
from support.lab import PASSWORDS, Lab, open_lab

from her2desk.cli import main
from her2desk.services import auth_service, case_service
from her2desk.store import engine as store_engine
from her2desk.store.errors import DatabaseBusyError
from her2desk.store.schema import WriteNotice
from her2desk.store.urls import sqlite_path

SHORT_WAIT_MS = 300


def _no_transaction_open(lab: Lab) -> bool:
    """Nobody holds the write lock (SQLite) / no session of this database sits in a transaction
    (PostgreSQL), seen from a connection of its own."""
    url = lab.database.url
    path = sqlite_path(url)
    if path is not None:
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError:
            return False
        finally:
            other.close()
    probe = create_engine(url)
    try:
        with probe.connect() as connection:
            open_transactions = connection.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
                )
            ).scalar_one()
        return open_transactions == 0
    finally:
        probe.dispose()


@pytest.fixture
def lock_seen_while_checking(lab: Lab, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """For each argon2 check: was the database free of our transactions at that moment?"""
    seen: list[bool] = []
    original = auth_service.password_matches

    def checking(stored_hash: str | None, password: str) -> bool:
        seen.append(_no_transaction_open(lab))
        return original(stored_hash, password)

    monkeypatch.setattr(auth_service, "password_matches", checking)
    return seen


@pytest.mark.parametrize("password", [PASSWORDS["tom"], "wrong-password-9"])
def test_sign_in_checks_the_password_with_no_transaction_open(
    lab: Lab, lock_seen_while_checking: list[bool], password: str
) -> None:
    with contextlib.suppress(auth_service.AuthenticationError):
        lab.auth.login("tom", password)
    assert lock_seen_while_checking == [True]


@pytest.mark.parametrize("password", [PASSWORDS["pia"], "wrong-password-9"])
def test_sign_out_checks_the_signature_with_no_transaction_open(
    lab: Lab, lock_seen_while_checking: list[bool], password: str
) -> None:
    stored = lab.cases(lab.tech).save(make_entry(), None)
    with contextlib.suppress(auth_service.WorkflowError):
        lab.signout.sign_out(lab.path, stored.entry.accession, password, stored.version)
    assert lock_seen_while_checking
    assert all(lock_seen_while_checking)


# -- a lock held too long ------------------------------------------------------------------------


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Wait 0.3 s for a lock instead of 10 s (read at each new connection)."""
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", SHORT_WAIT_MS)


@pytest.fixture
def sqlite_lab(sqlite_url: str, short_wait: None) -> Iterator[Lab]:
    lab = open_lab(sqlite_url)
    try:
        yield lab
    finally:
        lab.database.close()


class WriteLock:
    """Another workstation's transaction holding SQLite's write lock."""

    def __init__(self, lab: Lab) -> None:
        path = sqlite_path(lab.database.url)
        assert path is not None
        self.connection = sqlite3.connect(path, isolation_level=None)

    def __enter__(self) -> WriteLock:
        self.connection.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, *_exc: object) -> None:
        self.connection.execute("ROLLBACK")
        self.connection.close()


def _timed(action: Callable[[], object]) -> tuple[BaseException | None, float]:
    start = time.monotonic()
    try:
        action()
    except Exception as error:  # the error itself is what the test looks at
        return error, time.monotonic() - start
    return None, time.monotonic() - start


@pytest.mark.parametrize("what", ["save", "sign-in", "sign-out", "settings"])
def test_a_lock_held_too_long_is_a_named_error_in_words_after_waiting(sqlite_lab: Lab, what: str) -> None:
    lab = sqlite_lab
    stored = lab.cases(lab.tech).save(make_entry("S26-00002"), None)
    from her2desk.services.lab_settings_service import LabSettingsService

    actions: dict[str, Callable[[], object]] = {
        "save": lambda: lab.cases(lab.tech).save(make_entry(), None),
        "sign-in": lambda: lab.auth.login("tom", PASSWORDS["tom"]),
        "sign-out": lambda: lab.signout.sign_out(lab.path, "S26-00002", PASSWORDS["pia"], stored.version),
        "settings": lambda: LabSettingsService(lab.database).update(lab.admin, "lab_name", "Lab B"),
    }
    before = lab.audit_count()
    with WriteLock(lab):
        error, waited = _timed(actions[what])
    assert isinstance(error, DatabaseBusyError), repr(error)
    assert str(error).startswith("the database is busy: another workstation is writing to it")
    assert "try again in a moment" in str(error).lower()
    assert waited >= SHORT_WAIT_MS / 1000 * 0.9  # it waited (SQLite retried the lock) before giving up
    assert lab.audit_count() == before  # nothing was changed
    assert lab.cases(None).load("S26-00001") is None


def test_a_workstation_that_gives_up_waiting_is_told_who_is_importing(
    sqlite_lab: Lab, monkeypatch: pytest.MonkeyPatch
) -> None:
    lab = sqlite_lab
    slow_insert = case_service.insert_new_case

    def insert_slowly(*args: object, **kwargs: object) -> int:
        time.sleep(0.4)
        return slow_insert(*args, **kwargs)

    monkeypatch.setattr(case_service, "insert_new_case", insert_slowly)
    importer = lab.cases(lab.tech)
    done: list[object] = []
    worker = threading.Thread(
        target=lambda: done.append(importer.import_cases([make_entry(f"S26-0010{i}") for i in range(4)]))
    )
    worker.start()
    try:
        deadline = time.monotonic() + 10
        while not _announcements(lab) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.2)  # the import's transaction has begun
        error, _waited = _timed(lambda: lab.cases(lab.path).save(make_entry(), None))
    finally:
        worker.join(timeout=60)
    assert isinstance(error, DatabaseBusyError), repr(error)
    assert "tom is importing 4 cases, since" in str(error)
    assert "Try again when that has finished" in str(error)
    assert done == [4]
    assert _announcements(lab) == []  # the note is gone with the import


def _announcements(lab: Lab) -> list[str]:
    """The import notices still open."""
    with lab.database.engine.connect() as connection:
        statement = select(WriteNotice.what).where(WriteNotice.ended_at.is_(None))
        return list(connection.execute(statement).scalars())


def test_the_command_line_says_the_database_is_busy_in_one_line(
    sqlite_lab: Lab, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lab = sqlite_lab
    lab.database.close()
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-pass-1\nnew-user-pass\nnew-user-pass\n"))
    argv = ["users", "add", "max", "--role", "technologist", "--as", "ada", "--database", lab.database.url]
    with WriteLock(lab):
        code = main(argv)
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("her2desk: the database is busy: another workstation is writing to it")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert "OperationalError" not in err


def test_a_row_lock_held_too_long_on_postgresql_is_the_same_error(
    postgres_url: str, short_wait: None
) -> None:
    """PostgreSQL has no database-wide write lock, but a sign-out waits for the case's row; it now
    waits as long as SQLite would, then says so, instead of waiting for ever."""
    lab = open_lab(postgres_url)
    holder = create_engine(postgres_url)
    try:
        stored = lab.cases(lab.tech).save(make_entry(), None)
        connection = holder.connect()
        transaction = connection.begin()
        connection.execute(text("SELECT id FROM her2_case WHERE accession = 'S26-00001' FOR UPDATE"))
        release = threading.Timer(8, transaction.rollback)  # the program before this waited until then
        release.start()
        error, waited = _timed(
            lambda: lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], stored.version)
        )
        release.join()
        connection.close()
        assert isinstance(error, DatabaseBusyError), repr(error)
        assert waited < 5
        assert lab.signout.signatures("S26-00001") == []
    finally:
        holder.dispose()
        lab.database.close()


def test_the_busy_wait_is_set_on_every_new_connection(sqlite_lab: Lab, tmp_path: Path) -> None:
    with sqlite_lab.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == SHORT_WAIT_MS
