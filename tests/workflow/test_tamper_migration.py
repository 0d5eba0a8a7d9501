"""Revision 0008 on stored records: rows written before it are chained in id order, table by table,
and every case and patient sealed, so an upgraded record checks ok and tampering after the upgrade
shows as it would in a new database."""

from __future__ import annotations

import functools
import importlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy import text
from support.backends import make_entry
from support.lab import PASSWORDS, open_lab

from her2desk.store import migrate
from her2desk.store.chain import chain_existing
from her2desk.store.database import open_database
from her2desk.store.engine import make_engine
from her2desk.store.urls import resolve_url
from her2desk.store.verify import verify_record

DATA = Path(__file__).resolve().parent.parent / "data"
STEP = importlib.import_module("her2desk.store.migrations.versions.0008_tamper_evidence")


def _positions(connection, table: str) -> list[tuple[int, int]]:
    return [tuple(r) for r in connection.execute(text(f"SELECT id, chain_seq FROM {table} ORDER BY id"))]


def test_upgrade_chains_existing_rows_in_id_order_and_seals_every_case(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both backends, with batches smaller than the tables (the id cursor must move on)."""
    monkeypatch.setattr(STEP, "chain_existing", functools.partial(chain_existing, batch=3))
    lab = open_lab(db_url)
    try:
        first = lab.cases(lab.tech).save(make_entry("S26-00001"), None)
        lab.cases(lab.tech).save(make_entry("S26-00002", mrn="DEMO000002"), None)
        lab.signout.sign_out(lab.path, "S26-00001", PASSWORDS["pia"], first.version)
        lab.signout.record_handout(lab.path, "S26-00001", "en", "ab" * 32, "rules-1")
    finally:
        lab.database.close()
    engine = make_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            migrate.downgrade(connection, "0007")
            audit_rows = connection.execute(text("SELECT count(*) FROM audit")).scalar_one()
            migrate.upgrade(connection)
            audit = _positions(connection, "audit")
            assert [p for _, p in audit] == list(range(1, audit_rows + 1))  # audit first, in id order
            signature = _positions(connection, "e_signature")
            assert [p for _, p in signature] == [audit_rows + 1]
            seals = connection.execute(
                text("SELECT subject, subject_id FROM record_seal ORDER BY chain_seq")
            ).all()
            assert sorted(seals) == [("case", 1), ("case", 2), ("patient", 1), ("patient", 2)]
            with pytest.raises(Exception, match="append-only"):  # the trigger is back
                connection.execute(text("UPDATE audit SET who = 'x'"))
    finally:
        engine.dispose()
    database = open_database(db_url)
    try:
        assert verify_record(database.engine).problems == []
    finally:
        database.close()


def test_a_saved_v6_file_upgrades_to_a_record_that_checks_ok(tmp_path: Path) -> None:
    copy = tmp_path / "schema-v6.sqlite3"
    shutil.copy(DATA / "schema-v6.sqlite3", copy)
    database = open_database(str(copy))
    try:
        result = verify_record(database.engine)
        assert result.problems == []
        with database.engine.connect() as connection:
            audit_rows = connection.execute(text("SELECT count(*) FROM audit")).scalar_one()
            cases = connection.execute(text("SELECT count(*) FROM her2_case")).scalar_one()
        assert result.rows >= audit_rows + cases
    finally:
        database.close()
