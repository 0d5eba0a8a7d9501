"""Tamper evidence, tested by tampering: each test rewrites the record the way a person with the
database's credentials could (a SQL prompt, no her2desk) and expects `her2desk db check` to notice.

Every attack test here passed unnoticed before the chain existed (`db check` said ok); with it, each
is reported, naming the first broken link or the case whose rows changed. The chain's own modules are
imported only where a test needs them, so this file also runs against a her2desk without the chain
(there, each attack test fails: the attack goes unnoticed).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine
from sqlalchemy.pool import NullPool
from support.backends import make_entry
from support.lab import PASSWORDS, Lab, open_lab

from her2desk.cli import main
from her2desk.domain.case import IshDetails
from her2desk.domain.vocabulary import Status
from her2desk.services.patient_service import PatientService
from her2desk.store.audit import create_audit_triggers

FIRST, SECOND = "S26-00001", "S26-00002"


@pytest.fixture
def lab(db_url: str) -> Iterator[Lab]:
    """Two cases entered by the technologist; the first signed out with a handout printed."""
    lab = open_lab(db_url)
    try:
        cases = lab.cases(lab.tech)
        first = cases.save(make_entry(FIRST), None)
        cases.save(make_entry(SECOND, mrn="DEMO000002"), None)
        lab.signout.sign_out(lab.path, FIRST, PASSWORDS["pia"], first.version)
        lab.signout.record_handout(lab.path, FIRST, "en", "ab" * 32, "rules-1")
        yield lab
    finally:
        lab.database.close()


def check(lab: Lab, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """`her2desk db check` as a user runs it: (exit status, everything it printed)."""
    capsys.readouterr()
    status = main(["db", "check", "--database", lab.database.url, *extra])
    out = capsys.readouterr()
    return status, out.out + out.err


@contextmanager
def sql_prompt(lab: Lab) -> Iterator[Connection]:
    """The attacker: the database's own credentials, no her2desk code, autocommit."""
    engine = create_engine(lab.database.url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                connection.connection.dbapi_connection.isolation_level = None  # type: ignore[union-attr]
            else:
                connection = connection.execution_options(isolation_level="AUTOCOMMIT")
            yield connection
    finally:
        engine.dispose()


@contextmanager
def audit_triggers_lifted(connection: Connection) -> Iterator[None]:
    """SQLite: drop the append-only triggers, then create them again. PostgreSQL: the table owner
    disables them, then enables them again. Afterwards the triggers look untouched."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("DROP TRIGGER trg_audit_no_update")
        connection.exec_driver_sql("DROP TRIGGER trg_audit_no_delete")
        yield
        create_audit_triggers(connection)
    else:
        connection.exec_driver_sql("ALTER TABLE audit DISABLE TRIGGER USER")
        yield
        connection.exec_driver_sql("ALTER TABLE audit ENABLE TRIGGER USER")


def case_id(connection: Connection, accession: str) -> int:
    return connection.exec_driver_sql(
        f"SELECT id FROM her2_case WHERE accession = '{accession}'"
    ).scalar_one()


def test_an_untouched_record_checks_ok_with_its_chain_and_seals(lab: Lab, capsys) -> None:
    from her2desk.store.verify import verify_record

    status, text = check(lab, capsys)
    assert status == 0, text
    assert "ok" in text
    assert "chained records verified" in text
    result = verify_record(lab.database.engine)
    assert result.problems == []
    assert result.rows > 10
    assert result.head is not None
    assert result.head.position == result.rows


def test_update_of_an_e_signature_is_detected(lab: Lab, capsys) -> None:
    with sql_prompt(lab) as db:
        db.exec_driver_sql("UPDATE e_signature SET display_name = 'Dr Somebody Else'")
    status, text = check(lab, capsys)
    assert status == 1
    assert "first broken link: e_signature row 1" in text
    assert "do not match its hash" in text


def test_update_of_a_signed_report_version_is_detected(lab: Lab, capsys) -> None:
    with sql_prompt(lab) as db:
        db.exec_driver_sql("UPDATE case_version SET snapshot = replace(snapshot, 'positive', 'negative')")
        db.exec_driver_sql("UPDATE case_version SET signed_out_by = 'paul'")
    status, text = check(lab, capsys)
    assert status == 1
    assert "first broken link: case_version row 1" in text


def test_update_of_a_handout_print_is_detected(lab: Lab, capsys) -> None:
    with sql_prompt(lab) as db:
        db.exec_driver_sql("UPDATE handout_print SET sha256 = '" + "cd" * 32 + "'")
    status, text = check(lab, capsys)
    assert status == 1
    assert "first broken link: handout_print row 1" in text


def test_delete_of_an_e_signature_is_detected(lab: Lab, capsys) -> None:
    with sql_prompt(lab) as db:
        db.exec_driver_sql("DELETE FROM e_signature")
    status, text = check(lab, capsys)
    assert status == 1
    assert "first broken link: position" in text
    assert "rows were removed" in text


def test_delete_of_audit_rows_with_the_triggers_lifted_is_detected(lab: Lab, capsys) -> None:
    """A sign-out's audit row removed from the middle, and the newest rows from the end."""
    with sql_prompt(lab) as db, audit_triggers_lifted(db):
        db.exec_driver_sql("DELETE FROM audit WHERE action = 'sign-out'")
        db.exec_driver_sql("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)")
    status, text = check(lab, capsys)
    assert status == 1
    assert "first broken link: position" in text
    assert "rows were removed" in text
    assert "missing" not in text.split("first broken link")[0]  # named first, not buried


def test_removing_rows_from_the_end_of_the_chain_is_detected(lab: Lab, capsys) -> None:
    with sql_prompt(lab) as db:
        db.exec_driver_sql("DELETE FROM record_seal WHERE id = (SELECT max(id) FROM record_seal)")
    status, text = check(lab, capsys)
    assert status == 1
    assert "rows were removed from the end" in text


@pytest.mark.parametrize("keep_chain_columns", [True, False])
def test_insert_or_replace_of_a_sign_out_audit_row_is_detected(
    lab: Lab, capsys, keep_chain_columns: bool
) -> None:
    """SQLite's REPLACE deletes and inserts without firing the delete trigger (triggers in place)."""
    with sql_prompt(lab) as db:
        if db.dialect.name != "sqlite":
            pytest.skip("INSERT OR REPLACE is SQLite's")
        row = dict(db.exec_driver_sql("SELECT * FROM audit WHERE action = 'sign-out'").mappings().one())
        row["who"] = "paul"
        if not keep_chain_columns and "row_hash" in row:
            row.update(chain_seq=None, prev_hash=None, row_hash=None)
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        db.exec_driver_sql(f"INSERT OR REPLACE INTO audit ({columns}) VALUES ({marks})", tuple(row.values()))
        assert db.exec_driver_sql("SELECT who FROM audit WHERE id = ?", (row["id"],)).scalar_one() == "paul"
    status, text = check(lab, capsys)
    assert status == 1
    assert "first broken link:" in text
    if not keep_chain_columns:
        assert f"audit row {row['id']} is not in the chain" in text


def test_update_of_an_audit_row_with_the_triggers_dropped_and_recreated_is_detected(lab: Lab, capsys) -> None:
    """SQLite: DROP TRIGGER, UPDATE, CREATE TRIGGER; PostgreSQL: the owner disables the triggers,
    edits, re-enables. The triggers then look untouched, so only the chain can tell."""
    with sql_prompt(lab) as db:
        with audit_triggers_lifted(db):
            db.exec_driver_sql("UPDATE audit SET who = 'paul' WHERE action = 'sign-out'")
        with pytest.raises(Exception, match="append-only"):
            db.exec_driver_sql("UPDATE audit SET who = 'tom'")  # the protection is back in place
        sign_out = db.exec_driver_sql("SELECT id FROM audit WHERE action = 'sign-out'").scalar_one()
    status, text = check(lab, capsys)
    assert status == 1
    assert "audit protection missing" not in text
    assert f"first broken link: audit row {sign_out} (sign-out of her2_case" in text


def test_an_audit_row_inserted_behind_the_programs_back_is_detected(lab: Lab, capsys) -> None:
    with sql_prompt(lab) as db:
        db.exec_driver_sql(
            "INSERT INTO audit (at, who, action, table_name, record) "
            "VALUES ('2026-01-01 00:00:00.000000', 'paul', 'sign-out', 'her2_case', '2')"
        )
    status, text = check(lab, capsys)
    assert status == 1
    assert "is not in the chain: it was written behind the program's back" in text


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE interpretation SET status = 'negative' WHERE case_id = {id}",
        "UPDATE ish_count SET her2 = '2.00' WHERE case_id = {id} AND observer = 1",
        "DELETE FROM ish_count WHERE case_id = {id} AND observer = 2",
        "UPDATE her2_case SET signout_state = 'signed-out' WHERE id = {id}",
    ],
    ids=["result", "count", "recount-deleted", "state"],
)
def test_a_direct_change_of_a_clinical_row_with_no_audit_is_detected(
    lab: Lab, capsys, statement: str
) -> None:
    with sql_prompt(lab) as db:
        db.exec_driver_sql(statement.format(id=case_id(db, SECOND)))
    status, text = check(lab, capsys)
    assert status == 1
    assert f"case {SECOND}: its clinical rows differ from what the last audited write left" in text
    assert FIRST not in text


def test_a_direct_change_of_a_patient_with_no_audit_is_detected(lab: Lab, capsys) -> None:
    with sql_prompt(lab) as db:
        db.exec_driver_sql("UPDATE patient SET birth_date = '1970-01-01' WHERE mrn = 'DEMO000002'")
    status, text = check(lab, capsys)
    assert status == 1
    assert "patient id" in text
    assert "clinical rows differ" in text


def test_changes_through_the_program_keep_the_record_intact(lab: Lab, capsys) -> None:
    """Saves, amendments, refusals, adjudications and patient corrections leave a record that checks ok."""
    cases = lab.cases(lab.tech)
    stored = cases.load(SECOND)
    assert stored is not None
    cases.save(make_entry(SECOND, mrn="DEMO000002", ihc=stored.entry.ihc), stored.version)
    first = cases.load(FIRST)
    assert first is not None
    amended = lab.signout.amend(
        lab.path, FIRST, "typing error in the block", first.version, password=PASSWORDS["pia"]
    )
    with pytest.raises(Exception):  # noqa: B017  (a refusal is audited in its own transaction)
        lab.signout.sign_out(lab.path, FIRST, "wrong password", amended.version)
    equivocal = cases.save(make_entry("S26-00004", mrn="DEMO000004", ish=IshDetails()), None)
    lab.signout.adjudicate(
        lab.path, "S26-00004", Status.NEGATIVE, "second opinion", equivocal.version, password=PASSWORDS["pia"]
    )
    patients = PatientService(lab.database)
    stored_patient = patients.load("DEMO000002")
    fixed = replace(stored_patient, given_name="Corrected")
    patients.correct(lab.tech, "DEMO000002", fixed, "name typed wrongly at entry", expected=stored_patient)
    status, text = check(lab, capsys)
    assert status == 0, text


def _rewrite_whole_chain(db: Connection) -> None:
    """What a careful attacker with the database does: change a row, then recompute every hash after
    it and move the head, so the chain is consistent again."""
    from her2desk.store.chain import CHAINED_TABLES, GENESIS, row_hash

    rows: list[tuple[int, str, dict[str, Any]]] = []
    for table in CHAINED_TABLES:
        for row in db.exec_driver_sql(f"SELECT * FROM {table}").mappings():
            rows.append((int(row["chain_seq"]), table, dict(row)))
    rows.sort(key=lambda item: item[0])
    prev = GENESIS
    mark = "?" if db.dialect.name == "sqlite" else "%s"
    with audit_triggers_lifted(db):
        for position, table, row in rows:
            if table == "e_signature":
                row["display_name"] = "Dr Somebody Else"
            digest = row_hash(table, position, prev, row)
            changed = {"display_name": row["display_name"]} if table == "e_signature" else {}
            changed.update(prev_hash=prev, row_hash=digest)
            assignments = ", ".join(f"{column} = {mark}" for column in changed)
            db.exec_driver_sql(
                f"UPDATE {table} SET {assignments} WHERE id = {mark}", (*changed.values(), row["id"])
            )
            prev = digest
        db.exec_driver_sql(f"UPDATE chain_head SET head_hash = {mark} WHERE id = 1", (prev,))


def test_a_written_down_digest_proves_the_record_and_catches_a_whole_rewrite(lab: Lab, capsys) -> None:
    capsys.readouterr()
    assert main(["db", "digest", "--database", lab.database.url]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("sha256:")
    assert " at record position " in printed
    digest = printed.split()[0]
    lab.cases(lab.tech).save(make_entry("S26-00003", mrn="DEMO000003"), None)  # the record grows
    status, text = check(lab, capsys, "--digest", digest)
    assert status == 0, text
    assert "still holds what it committed to" in text

    with sql_prompt(lab) as db:
        _rewrite_whole_chain(db)
    status, text = check(lab, capsys)
    assert status == 0, text  # consistent again: only the anchor outside can tell
    status, text = check(lab, capsys, "--digest", digest)
    assert status == 1
    assert f"does not contain what digest {digest} committed to" in text


def test_a_digest_that_is_not_one_is_refused_in_words(lab: Lab, capsys) -> None:
    status, text = check(lab, capsys, "--digest", "sha256:1234")
    assert status == 2
    assert "--digest" in text
    assert "64 hex digits" in text


def test_concurrent_writers_keep_one_linear_chain(lab: Lab, capsys) -> None:
    """Four workstations saving at once: positions are handed out one transaction at a time."""
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            cases = lab.cases(lab.tech)
            for i in range(6):
                accession = f"S26-{worker}{i:04d}"
                stored = cases.save(make_entry(accession, mrn=f"DEMO{worker}{i:05d}"), None)
                entry = make_entry(accession, mrn=f"DEMO{worker}{i:05d}")
                cases.save(entry.with_changes(specimen=replace(entry.specimen, block="B2")), stored.version)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    status, text = check(lab, capsys)
    assert status == 0, text


def test_the_head_digest_for_reports_moves_with_every_signed_record(lab: Lab, capsys) -> None:
    """`record_service.head_digest()` is what a report or handout prints; a digest taken at a signing
    is later proven by `check_record` (and by `db check --digest`)."""
    from her2desk.services.record_service import check_record, head_digest

    before = head_digest(lab.database)
    assert before is not None
    capsys.readouterr()
    main(["db", "digest", "--database", lab.database.url])
    assert capsys.readouterr().out.strip() == str(before)
    stored = lab.cases(lab.tech).load(SECOND)
    assert stored is not None
    lab.signout.sign_out(lab.path, SECOND, PASSWORDS["pia"], stored.version)
    at_signing = head_digest(lab.database)
    assert at_signing is not None
    assert at_signing.position > before.position
    assert at_signing.text != before.text
    result = check_record(lab.database, at_signing.text)
    assert result.problems == []
    assert result.digest_position == at_signing.position
    with pytest.raises(ValueError, match="64 hex digits"):
        check_record(lab.database, "not a digest")
