"""Worklist filters of the sign-out workflow: "awaiting sign-out" (entered or amended) and "signed out
on a day" (local calendar day), on SQLite and PostgreSQL; the count and the pages always agree."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update
from sqlalchemy.dialects import sqlite
from support.backends import make_entry

from her2desk.domain.records import SignOutState, WorklistQuery
from her2desk.domain.vocabulary import Status
from her2desk.domain.workflow import Role
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.signout_service import SignOutService
from her2desk.store import queries
from her2desk.store.database import Database, open_database
from her2desk.store.schema import Case

REASON = "corrected block number on the request form"


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.close()


def _lab(database: Database) -> tuple[CaseService, SignOutService, object, str]:
    auth = AuthService(database)
    auth.create_user("ada", "admin-pass-1", Role.ADMINISTRATOR, "Ada Admin")
    admin = auth.login("ada", "admin-pass-1").actor
    auth.create_user("tom", "tech-pass-1", Role.TECHNOLOGIST, "Tom Tech", by=admin)
    tech = auth.login("tom", "tech-pass-1").actor
    auth.create_user("pia", "path-pass-1", Role.PATHOLOGIST, "Dr Pia Path", by=admin)
    path = auth.login("pia", "path-pass-1").actor
    return CaseService(database, actor=tech), SignOutService(database), path, "path-pass-1"


@pytest.fixture
def cases(database: Database) -> CaseService:
    """Five cases: 01 entered, 02 signed out now, 03 amended, 04 signed out three days ago, 05 draft."""
    service, signout, path, password = _lab(database)
    stored = {
        n: service.save(make_entry(f"S26-0000{n}", mrn=f"DEMO00000{n}"), None).version for n in range(1, 6)
    }
    signout.sign_out(path, "S26-00002", password, stored[2])
    signed = signout.sign_out(path, "S26-00003", password, stored[3])
    signout.amend(path, "S26-00003", REASON, signed.version, password=password)
    signout.sign_out(path, "S26-00004", password, stored[4])
    three_days_ago = datetime.now().astimezone() - timedelta(days=3)
    with database.write_engine.begin() as connection:
        connection.execute(
            update(Case)
            .where(Case.accession == "S26-00004")
            .values(signed_out_at=three_days_ago.astimezone(ZoneInfo("UTC")).replace(tzinfo=None))
        )
        connection.execute(update(Case).where(Case.accession == "S26-00005").values(signout_state="draft"))
    return service


def _accessions(service: CaseService, query: WorklistQuery) -> list[str]:
    """Every matching accession, read page by page (size 2), checked against the count."""
    total = service.worklist_count(query)
    found: list[str] = []
    for offset in range(0, total + 2, 2):
        found += [row.accession for row in service.worklist_page(query, offset, 2)]
    assert len(found) == total, "the count and the pages disagree"
    assert len(set(found)) == len(found), "a case appeared on two pages"
    return sorted(found)


def test_awaiting_sign_out_is_the_entered_and_the_amended_cases(cases: CaseService) -> None:
    assert _accessions(cases, WorklistQuery(awaiting_signout=True)) == ["S26-00001", "S26-00003"]
    rows = cases.worklist_page(WorklistQuery(awaiting_signout=True), 0, 10)
    assert {r.signout_state for r in rows} == {SignOutState.ENTERED, SignOutState.AMENDED}
    # Combined with the other filters (all of them must hold).
    assert _accessions(cases, WorklistQuery(awaiting_signout=True, text="S26-00003")) == ["S26-00003"]
    assert _accessions(cases, WorklistQuery(awaiting_signout=True, status=Status.NEGATIVE)) == []
    assert _accessions(cases, WorklistQuery(awaiting_signout=True, signout_state=SignOutState.AMENDED)) == [
        "S26-00003"
    ]


def test_signed_out_today_is_by_the_local_calendar_day(cases: CaseService) -> None:
    today = datetime.now().astimezone().date()
    assert _accessions(cases, WorklistQuery(signed_out_on=today)) == ["S26-00002"]
    assert _accessions(cases, WorklistQuery(signed_out_on=today - timedelta(days=3))) == ["S26-00004"]
    assert _accessions(cases, WorklistQuery(signed_out_on=today - timedelta(days=1))) == []
    # An amended case is no longer signed out (its sign-out time was cleared by the amendment).
    assert _accessions(cases, WorklistQuery(signed_out_on=today, awaiting_signout=True)) == []


def test_the_unfiltered_worklist_still_holds_every_case(cases: CaseService) -> None:
    assert _accessions(cases, WorklistQuery()) == [f"S26-0000{n}" for n in range(1, 6)]


def test_a_local_day_is_bounded_by_its_two_midnights_in_utc() -> None:
    new_york = ZoneInfo("America/New_York")
    start, end = queries.local_day_bounds(date(2026, 3, 8), new_york)  # clocks go forward: 23 hours
    assert start == datetime(2026, 3, 8, 5, 0)
    assert end == datetime(2026, 3, 9, 4, 0)
    start, end = queries.local_day_bounds(date(2026, 7, 1), ZoneInfo("Asia/Tokyo"))
    assert (start, end) == (datetime(2026, 6, 30, 15, 0), datetime(2026, 7, 1, 15, 0))


def _plan(database: Database, statement) -> str:
    compiled = statement.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True})
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
    return "\n".join(str(r[-1]) for r in rows)


def test_the_sign_out_filters_are_counted_from_indexes(sqlite_url: str) -> None:
    database = open_database(sqlite_url)
    try:
        awaiting = _plan(database, queries.count_statement(WorklistQuery(awaiting_signout=True)))
        assert "ix_her2_case_signout_state (signout_state=?)" in awaiting
        today = _plan(database, queries.count_statement(WorklistQuery(signed_out_on=date(2026, 3, 8))))
        assert "ix_her2_case_signed_out_at (signed_out_at>? AND signed_out_at<?)" in today
        assert "SCAN her2_case" not in awaiting + today
    finally:
        database.close()
