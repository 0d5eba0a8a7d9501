"""The default worklist's first page straight from an SQLite file, with the standard library alone.

Why: the desktop program's first paint must not wait for SQLAlchemy (about half a second to import).
For an existing SQLite file whose schema is current this module reads the rows the window shows first
(newest collection first, no filter) with `sqlite3`, read-only; the full `CaseService` opens right
after the paint and takes over. Anything unexpected (a missing file, another schema revision, a file
that is not a her2desk database, a locked or damaged file) makes it decline with None, and the caller
takes the ordinary path, which explains or upgrades. It must return exactly what
`CaseService.worklist_page(WorklistQuery(), 0, limit)` returns; a test compares the two.

For a demo database it also reads the demo pathologist's account (`demo_accounts`), so `--demo` can
sign that synthetic person in without SQLAlchemy; for any other database `demo_user` is None.

Only stdlib and the domain's plain dataclasses are imported here (a test checks SQLAlchemy is not).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from her2desk.domain.records import SignOutState, WorklistRow
from her2desk.domain.vocabulary import Descriptor, IhcScore, NextStep, Procedure, Site, Status
from her2desk.domain.workflow import Actor, Role
from her2desk.store.demo_accounts import DEMO_PATHOLOGIST
from her2desk.store.revision_ids import DEMO_KEY, HEAD_REVISION, SCHEMA_MARKER_KEY, SCHEMA_MARKER_VALUE

BUSY_TIMEOUT_MS = 10_000  # as engine.BUSY_TIMEOUT_MS: wait for a writer rather than fail
CACHE_KIB = 2048

# The SQL SQLAlchemy generates for `queries.page_statement(WorklistQuery(), 0, limit)` on SQLite, so the
# planner uses the same index walk (collected_on newest first, then case id).
FIRST_PAGE_SQL = """
SELECT her2_case.id, her2_case.accession, patient.family_name, patient.given_name, patient.mrn,
       specimen.site, specimen.procedure, specimen.collected_on, ihc_result.score,
       interpretation.ish_group, interpretation.next_step, interpretation.status,
       her2_case.reported_status, her2_case.reported_descriptor, her2_case.signout_state,
       her2_case.updated_at, her2_case.adjudicated_status IS NOT NULL
FROM (SELECT her2_case.id AS page_id
      FROM her2_case JOIN specimen ON specimen.case_id = her2_case.id
      ORDER BY specimen.collected_on DESC NULLS LAST, specimen.case_id DESC NULLS LAST
      LIMIT ? OFFSET 0) AS page
JOIN her2_case ON her2_case.id = page.page_id
JOIN patient ON her2_case.patient_id = patient.id
JOIN specimen ON specimen.case_id = her2_case.id
JOIN interpretation ON interpretation.case_id = her2_case.id
LEFT OUTER JOIN ihc_result ON ihc_result.case_id = her2_case.id
ORDER BY specimen.collected_on DESC NULLS LAST, specimen.case_id DESC NULLS LAST
"""


@dataclass(frozen=True)
class FirstPage:
    """The first page of the default worklist, whether the file is a demo database and, only if it
    is, the demo pathologist's active account (None if the demo database has none yet)."""

    rows: list[WorklistRow]
    is_demo: bool
    demo_user: Actor | None = None


def read_first_page(path: Path, limit: int) -> FirstPage | None:
    """The first `limit` rows of the default worklist of the SQLite file at `path`, or None to decline."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA mmap_size=0")  # one page needs no mapping of the file
        connection.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        connection.execute("BEGIN")  # one snapshot for the checks and the page
        if not _is_current(connection):
            return None
        demo = connection.execute("SELECT 1 FROM app_metadata WHERE key = ?", (DEMO_KEY,)).fetchone()
        rows = [worklist_row(r) for r in connection.execute(FIRST_PAGE_SQL, (max(0, limit),))]
        return FirstPage(rows, demo is not None, _demo_user(connection) if demo is not None else None)
    except (sqlite3.Error, ValueError):  # damaged, locked, or values this program does not know
        return None
    finally:
        connection.close()


def _is_current(connection: sqlite3.Connection) -> bool:
    """A her2desk database at exactly this program's schema revision (anything else: the slow path)."""
    revisions = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if revisions != [(HEAD_REVISION,)]:
        return False
    marker = "SELECT value FROM app_metadata WHERE key = ?"
    return connection.execute(marker, (SCHEMA_MARKER_KEY,)).fetchone() == (SCHEMA_MARKER_VALUE,)


def _demo_user(connection: sqlite3.Connection) -> Actor | None:
    """The demo pathologist, if that account exists, is active and still a pathologist."""
    found = connection.execute(
        "SELECT id, username, role FROM app_user WHERE username = ? AND active",
        (DEMO_PATHOLOGIST.username,),
    ).fetchone()
    if found is None or found[2] != Role.PATHOLOGIST.value:
        return None
    return Actor(user_id=int(found[0]), username=found[1], role=Role.PATHOLOGIST)


def worklist_row(row: tuple[Any, ...]) -> WorklistRow:
    """One result row as the service's `queries.worklist_row` builds it (same types, same name text)."""
    (case_id, accession, family, given, mrn, site, procedure, collected, score, group, next_step, engine,
     status, descriptor, state, at, adjudicated) = row  # fmt: skip
    return WorklistRow(
        case_id=case_id,
        accession=accession,
        patient_name=f"{family}, {given}" if given else family,
        mrn=mrn,
        site=None if site is None else Site(site),
        procedure=None if procedure is None else Procedure(procedure),
        collected_on=None if collected is None else date.fromisoformat(collected),
        ihc=None if score is None else IhcScore(score),
        ish_group=None if next_step == NextStep.RECOUNT.value else group,  # as `queries.worklist_row`
        status=None if status is None else Status(status),
        signout_state=SignOutState(state),
        updated_at=_utc(at),
        descriptor=None if descriptor is None else Descriptor(descriptor),
        engine_status=None if engine is None else Status(engine),
        adjudicated=bool(adjudicated),
    )


def _utc(value: str) -> datetime:
    """SQLAlchemy stores naive UTC as 'YYYY-MM-DD HH:MM:SS.ffffff'; aware UTC, like `mapping.aware`."""
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
