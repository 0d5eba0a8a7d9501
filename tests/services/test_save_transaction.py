"""A save by a signed-in user is one write transaction: one BEGIN IMMEDIATE, one COMMIT (one fsync),
no other transaction, a bounded number of statements, no password hashing (argon2 runs at sign-in and
e-signatures only), while still proving the session against the database inside that transaction."""

from __future__ import annotations

from dataclasses import replace

import argon2
import pytest
from sqlalchemy import event
from support.backends import make_entry
from support.lab import open_lab

from her2desk.domain.workflow import WorkflowError


def _traced(lab) -> list[str]:
    """Every SQL statement the driver runs from now on, on any connection of the lab's database."""
    statements: list[str] = []

    def trace(dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.set_trace_callback(statements.append)

    event.listen(lab.database.engine.pool, "checkout", trace)
    return statements


@pytest.fixture
def lab(sqlite_url):
    lab = open_lab(sqlite_url)
    yield lab
    lab.database.close()


def _no_password_hashing(monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("a save must not hash or verify a password")

    monkeypatch.setattr(argon2.PasswordHasher, "hash", refuse)
    monkeypatch.setattr(argon2.PasswordHasher, "verify", refuse)


def test_a_new_case_is_one_transaction_with_one_commit(lab, monkeypatch) -> None:
    service = lab.cases(lab.tech)
    service.save(make_entry(accession="S26-T0"), None)  # first use: imports, statement caches
    _no_password_hashing(monkeypatch)
    statements = _traced(lab)
    service.save(make_entry(accession="S26-T1", mrn="DEMO000002"), None)
    kinds = [s.split()[0].upper() for s in statements]
    assert kinds.count("BEGIN") == 1
    assert statements[0] == "BEGIN IMMEDIATE"
    assert kinds.count("COMMIT") == 1
    assert kinds[-1] == "COMMIT"
    assert "ROLLBACK" not in kinds
    assert sum("app_session" in s for s in statements) == 1  # the session, proven once
    assert sum("FROM lab_setting" in s for s in statements) == 1  # the rules in force, read once
    # SQLite's trace names a statement again when a trigger of it runs: the case's INSERT appears twice
    # (the name-key trigger, `store.case_name_keys`, checks the copy the INSERT carries).
    assert sum(s.startswith("INSERT INTO her2_case") for s in statements) == 2
    assert len(statements) <= 36, statements


def test_a_change_is_one_write_transaction_and_no_read_back(lab, monkeypatch) -> None:
    service = lab.cases(lab.tech)
    stored = service.save(make_entry(accession="S26-T2"), None)
    _no_password_hashing(monkeypatch)
    statements = _traced(lab)
    changed = stored.entry.with_changes(specimen=replace(stored.entry.specimen, block="B9"))
    service.save(changed, stored.version)
    kinds = [s.split()[0].upper() for s in statements]
    assert kinds.count("COMMIT") == 1
    assert statements[0] == "BEGIN IMMEDIATE"
    assert kinds.count("BEGIN") == 1  # the case handed back is built from the write (`store.saved_case`)
    assert statements[-1] == "COMMIT"


def test_the_session_is_still_proven_in_the_save_transaction(lab) -> None:
    """Signing out ends the session: the next save by that actor is refused and writes nothing."""
    service = lab.cases(lab.tech)
    service.save(make_entry(accession="S26-T3"), None)
    lab.auth.end_session(lab.tech)
    with pytest.raises(WorkflowError):
        service.save(make_entry(accession="S26-T4", mrn="DEMO000004"), None)
    assert service.load("S26-T4") is None
