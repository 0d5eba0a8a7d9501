"""The audit viewer's pages name each row's subject as the lab does, read on real databases: the case's
accession for the case and its child rows, the user name for account rows, the MRN for patient rows,
all in the one statement that reads the page (never a query per row)."""

from __future__ import annotations

from sqlalchemy import event
from support.backends import make_entry
from support.lab import PASSWORDS, Lab

from her2desk.domain.audit_query import AuditQuery
from her2desk.services.audit_service import AuditService
from her2desk.store.audit import record_event, utc_now


def _cases(lab: Lab, count: int) -> None:
    for i in range(count):
        lab.cases(lab.tech).save(make_entry(f"S26-{i + 201:05d}", mrn=f"DEMO{i + 201:06d}"), None)
    lab.auth.login("pia", PASSWORDS["pia"])


def test_rows_carry_accessions_user_names_and_mrns(lab: Lab) -> None:
    _cases(lab, 2)
    rows = AuditService(lab.database).page(AuditQuery(), 0, 100)
    subjects = {r.subject for r in rows}
    assert {"case S26-00201", "specimen of S26-00201", "ISH count (observer 1) of S26-00202"} <= subjects
    assert {"user ada", "user tom", "user pia", "user paul"} <= subjects
    assert "patient MRN DEMO000201" in subjects
    login = next(r for r in rows if r.action == "login" and r.who == "pia")
    assert (login.user_name, login.record) == ("pia", str(lab.path.user_id))
    specimen = next(r for r in rows if r.subject == "specimen of S26-00202")
    assert specimen.accession == "S26-00202"
    assert specimen.case_id is not None
    assert specimen.user_name is None


def test_a_subject_that_is_gone_is_said_in_words(lab: Lab) -> None:
    with lab.database.write_engine.begin() as connection:
        now = utc_now()
        record_event(connection, at=now, who="ada", action="update", table="ish_count", record="55555/2",
                     case_id=55555)  # fmt: skip
        record_event(connection, at=now, who="ada", action="update", table="app_user", record="44444")
        record_event(connection, at=now, who="ada", action="update", table="patient", record="33333",
                     patient_id=33333)  # fmt: skip
    rows = AuditService(lab.database).page(AuditQuery(who="ada", action="update"), 0, 3)
    assert [r.subject for r in rows] == [
        "patient no longer in the database",
        "user account no longer in the database",
        "ISH count (observer 2) of a case no longer in the database",
    ]


def test_a_page_is_one_statement_however_many_subjects_it_names(lab: Lab) -> None:
    _cases(lab, 4)
    audit = AuditService(lab.database)
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.split(" ", 1)[0].upper() not in {"BEGIN", "COMMIT", "ROLLBACK"}:  # SQLite's own
            statements.append(statement)

    audit.page(AuditQuery(), 0, 1)  # the pool's first connection (its set-up statements) out of the way
    event.listen(lab.database.engine, "before_cursor_execute", seen)
    try:
        small = audit.page(AuditQuery(), 0, 5)
        count_small = len(statements)
        large = audit.page(AuditQuery(), 0, 100)
        count_large = len(statements) - count_small
    finally:
        event.remove(lab.database.engine, "before_cursor_execute", seen)
    assert len(large) > 30
    named = {r.subject for r in large}
    assert len({s for s in named if s.startswith("user ")}) == 4
    assert len({r.accession for r in large if r.accession}) == 4
    assert len(small) == 5
    assert count_small == count_large == 1, statements
