"""Insert a new case with a handful of driver-level statements: the hot path of every save.

A new case touches seven tables; through the ORM's unit of work that costs ~3 ms of Python per save,
ten times the commit itself. Here the same rows (built by `mapping`, so the two paths cannot drift
in content) go straight to the driver, and the audit rows the ORM hook would have written are written
explicitly, in the same transaction, in the same format. Updates keep the ORM path (optimistic
locking through `version_id_col`, audited by the flush hook).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from her2desk.domain.case import CaseEntry
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.records import SignOutState
from her2desk.store.audit import to_json
from her2desk.store.mapping import (
    count_values,
    ihc_values,
    interpretation_values,
    ish_values,
    patient_values,
    specimen_values,
)

PATIENT_COLUMNS = ("mrn", "family_name", "given_name", "family_name_key", "birth_date", "sex")


class AccessionTakenError(Exception):
    pass


def _plain(value: Any, sqlite: bool) -> Any:
    """The value as the driver stores it (the same text SQLAlchemy's column types would write)."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f") if sqlite else value
    if isinstance(value, date):
        return value.isoformat() if sqlite else value
    if value is not None and not isinstance(value, (str, int, bool)):
        return str(value)  # Decimal -> its exact text
    return value


class _Writer:
    def __init__(self, connection: Connection, user: str, now: datetime) -> None:
        self.sqlite = connection.dialect.name == "sqlite"
        # The raw DBAPI cursor of the caller's connection (same transaction); SQLAlchemy's per-statement
        # bookkeeping would otherwise be a third of the save's time.
        self.cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        self.mark = "?" if self.sqlite else "%s"
        self.user = user
        self.now = now
        self.at = _plain(now, self.sqlite)
        self.audit: list[tuple[Any, ...]] = []

    def execute(self, sql: str, params: tuple[Any, ...]) -> Any:
        self.cursor.execute(sql, params)
        return self.cursor

    def insert(self, table: str, values: dict[str, Any], returning_id: bool = False) -> int | None:
        columns = ", ".join(values)
        marks = ", ".join(self.mark for _ in values)
        sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        params = tuple(_plain(v, self.sqlite) for v in values.values())
        if returning_id and not self.sqlite:
            sql += " RETURNING id"
        cursor = self.execute(sql, params)
        if not returning_id:
            return None
        return int(cursor.lastrowid if self.sqlite else cursor.fetchone()[0])

    def record(self, action: str, table: str, record: str, case_id: int | None, patient_id: int | None,
               old: dict[str, Any] | None, new: dict[str, Any] | None) -> None:  # fmt: skip
        self.audit.append(
            (self.at, self.user, action, table, record, case_id, patient_id,
             to_json(old), to_json(new))
        )  # fmt: skip

    def flush_audit(self) -> None:
        marks = ", ".join(self.mark for _ in range(9))
        self.cursor.executemany(
            "INSERT INTO audit (at, who, action, table_name, record, case_id, patient_id, old, new) "
            f"VALUES ({marks})",
            self.audit,
        )


def _patient_id(w: _Writer, entry: CaseEntry) -> int:
    wanted = patient_values(entry.patient)
    row = w.execute(
        f"SELECT id, {', '.join(PATIENT_COLUMNS)} FROM patient WHERE mrn = {w.mark}", (entry.patient.mrn,)
    ).fetchone()
    stamp = {"updated_at": w.now, "updated_by": w.user}
    if row is None:
        patient_id = w.insert("patient", {**wanted, **stamp}, returning_id=True)
        assert patient_id is not None
        w.record(
            "insert",
            "patient",
            str(patient_id),
            None,
            patient_id,
            None,
            {"id": patient_id, **wanted, **stamp},
        )
        return patient_id
    patient_id = int(row[0])
    old = dict(zip(PATIENT_COLUMNS, row[1:], strict=True))
    changed = {k: v for k, v in wanted.items() if _plain(v, w.sqlite) != old[k]}
    if changed:
        values = {**changed, **stamp}
        assignments = ", ".join(f"{k} = {w.mark}" for k in values)
        w.execute(
            f"UPDATE patient SET {assignments} WHERE id = {w.mark}",
            (*(_plain(v, w.sqlite) for v in values.values()), patient_id),
        )
        w.record("update", "patient", str(patient_id), None, patient_id, {k: old[k] for k in changed}, values)
    return patient_id


def insert_new_case(
    connection: Connection, entry: CaseEntry, interpretation: Interpretation, user: str, now: datetime
) -> int:
    """Insert `entry` as a new case with its audit rows; returns the case id. Caller owns the transaction."""
    w = _Writer(connection, user, now)
    taken = w.execute(f"SELECT 1 FROM her2_case WHERE accession = {w.mark}", (entry.accession,)).fetchone()
    if taken is not None:
        raise AccessionTakenError(entry.accession)
    patient_id = _patient_id(w, entry)
    case = {
        "accession": entry.accession,
        "patient_id": patient_id,
        "version": 1,
        "signout_state": SignOutState.ENTERED.value,
        "created_at": now,
        "created_by": user,
        "updated_at": now,
        "updated_by": user,
    }
    case_id = w.insert("her2_case", case, returning_id=True)
    assert case_id is not None
    w.record("insert", "her2_case", str(case_id), case_id, patient_id, None, {"id": case_id, **case})
    parts = (
        ("specimen", specimen_values(entry.specimen)),
        ("ihc_result", ihc_values(entry.ihc)),
        ("ish_result", ish_values(entry.ish)),
        ("interpretation", interpretation_values(interpretation)),
    )
    for table, values in parts:
        row = {"case_id": case_id, **values}
        w.insert(table, row)
        w.record("insert", table, str(case_id), case_id, None, None, row)
    for observer, values in sorted(count_values(entry.ish).items()):
        row = {"case_id": case_id, "observer": observer, **values}
        w.insert("ish_count", row)
        w.record("insert", "ish_count", f"{case_id}/{observer}", case_id, None, None, row)
    w.flush_audit()
    w.cursor.close()
    return case_id
