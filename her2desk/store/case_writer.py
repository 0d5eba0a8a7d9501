"""Write a case (new or changed) with a handful of driver-level statements: the hot path of every save.

A case touches seven tables; through the ORM's unit of work that cost ~3 ms of Python per save, ten
times the commit itself. Here the rows (built by `mapping`, the same values the ORM models hold) go
straight to the driver, only changed columns are updated, and the audit rows are written explicitly
in the same transaction, in the same format as the ORM flush hook writes them for any other change,
and chained like every audit row (`chain.py`).

Optimistic locking: the case row is read (on PostgreSQL with FOR UPDATE; on SQLite the writer's
BEGIN IMMEDIATE already excludes other writers), its version compared with the caller's, and the
final UPDATE repeats the check (`WHERE version = expected`), so a stale save can never overwrite.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from her2desk.domain.case import CaseEntry
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.interpretation import Interpretation
from her2desk.domain.problems import Problem
from her2desk.domain.records import CaseInvalidError, SignOutState
from her2desk.domain.reported_result import reported_descriptor, reported_status
from her2desk.domain.result_fields import is_result_field
from her2desk.domain.vocabulary import Descriptor, Status
from her2desk.store.audit import AuditEvent, write_events
from her2desk.store.driver import driver_connection
from her2desk.store.mapping import (
    count_values,
    ihc_values,
    interpretation_values,
    ish_values,
    name_key,
    patient_row_values,
    specimen_values,
)

PATIENT_COLUMNS = (
    "mrn",
    "family_name",
    "given_name",
    "family_name_key",
    "mrn_number_key",
    "birth_date",
    "sex",
)


class AccessionTakenError(Exception):
    pass


class CaseMissingError(Exception):
    pass


class VersionMismatchError(Exception):
    def __init__(self, changed_by: str, changed_at: datetime, current_version: int) -> None:
        super().__init__(changed_by, changed_at, current_version)
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_version = current_version


@dataclass(frozen=True)
class CaseHeader:
    """What the service needs about the written case to describe it without reading it back."""

    case_id: int
    version: int
    signout_state: str
    created_at: datetime
    created_by: str
    results_changed: bool = False  # a result field changed (see `domain.result_fields`)
    # Who entered the first count and the recount after this write (user ids; None: unknown/local).
    first_count_by: int | None = None
    recount_by: int | None = None
    has_first_count: bool = False
    has_recount: bool = False
    # The rest of the case row as it stands after this write (read with the version check), so the
    # service can hand back the saved case without reading it again (`saved_case`).
    signoff: SignOffColumns | None = None
    count_names: dict[int, str | None] | None = None  # user names of `first_count_by`/`recount_by`

    @property
    def voids_adjudication(self) -> bool:
        """Changed results void an adjudication the case had (it judged the old results)."""
        adjudicated = self.signoff.adjudicated_status if self.signoff is not None else None
        return self.results_changed and adjudicated is not None


@dataclass(frozen=True)
class SignOffColumns:
    """The case row's columns a save does not change (sign-out, adjudication, amendment), with the user
    names of the ids as the user table holds them (None where the id is None or has no user row), and
    the reported result and enterer as the save left them."""

    patient_id: int
    report_version: int | None
    entered_by_user_id: int | None
    signed_out_by_user_id: int | None
    signed_out_by: str | None
    signed_out_at: datetime | None
    adjudicated_status: Status | None
    adjudication_reason: str | None
    adjudicated_by_user_id: int | None
    adjudicated_by: str | None
    adjudicated_at: datetime | None
    amendment_reason: str | None
    amended_by_user_id: int | None
    amended_by: str | None
    amended_at: datetime | None
    reported_status: Status | None
    reported_descriptor: Descriptor | None


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
        self.connection = connection
        self.sqlite = connection.dialect.name == "sqlite"
        # The raw DBAPI cursor of the caller's connection (same transaction); SQLAlchemy's per-statement
        # bookkeeping would otherwise be a third of the save's time.
        self.cursor = driver_connection(connection).cursor()
        self.mark = "?" if self.sqlite else "%s"
        self.user = user
        self.now = now
        self.at = _plain(now, self.sqlite)
        self.audit: list[AuditEvent] = []

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
            AuditEvent(self.now, self.user, action, table, record, case_id, patient_id, old, new)
        )

    def flush_audit(self) -> None:
        """Append the audit rows to the chain (`write_events`: one executemany, linked to the head)."""
        write_events(self.connection, self.audit)


IDENTITY_LABELS = {
    "family_name": "family name",
    "given_name": "given name",
    "birth_date": "birth date",
    "sex": "sex",
}


def _refuse_other_patient(entry: CaseEntry, stored: dict[str, Any], changed: dict[str, Any]) -> None:
    """An MRN that is already stored must come with that patient's details.

    Silently taking the new details would rename the patient on every earlier case, signed-out ones
    and their handouts included (a typed MRN of the wrong patient is the usual cause). Filling in a
    detail that was never recorded (sex) is allowed; anything else is refused until the details match.
    """
    differing = [
        label
        for column, label in IDENTITY_LABELS.items()
        if column in changed and stored[column] not in (None, "", "unknown")
    ]
    if not differing:
        return
    born = stored["birth_date"]
    who = f"{stored['family_name']}, {stored['given_name']}" + (f" (born {born})" if born else "")
    raise CaseInvalidError(
        (
            Problem(
                "patient.mrn",
                f"MRN {entry.patient.mrn} belongs to {who}; the {', '.join(differing)} entered for case "
                f"{entry.accession} {'differs' if len(differing) == 1 else 'differ'}. Check the MRN, or use "
                "Case ▸ Correct patient details… to correct the stored patient. Nothing was saved.",
            ),
        )
    )


def _patient_id(w: _Writer, entry: CaseEntry) -> int:
    wanted = patient_row_values(entry.patient)
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
    _refuse_other_patient(entry, old, changed)
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
    connection: Connection,
    entry: CaseEntry,
    interpretation: Interpretation,
    user: str,
    now: datetime,
    user_id: int | None = None,
) -> int:
    """Insert `entry` as a new case with its audit rows; returns the case id. Caller owns the transaction.
    `user_id`: the signed-in user who entered the results (None for the local, no-sign-in user)."""
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
    if user_id is not None:
        case["entered_by_user_id"] = user_id
    case["reported_status"] = reported_status(interpretation.status, None)  # nothing is adjudicated yet
    case["reported_descriptor"] = interpretation.descriptor
    # The patient's name key, which the database's triggers copy onto the case anyway
    # (`case_name_keys`); written here too so SQLite need not update the row it has just inserted. Not
    # audited: derived data, like an index.
    name_key_copy = {"family_name_key": name_key(entry.patient.family_name)}
    case_id = w.insert("her2_case", {**case, **name_key_copy}, returning_id=True)
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
        if user_id is not None:
            row["entered_by_user_id"] = user_id
        w.insert("ish_count", row)
        w.record("insert", "ish_count", f"{case_id}/{observer}", case_id, None, None, row)
    w.flush_audit()
    w.cursor.close()
    return case_id


CHILD_TABLES = ("specimen", "ihc_result", "ish_result", "interpretation")
COUNT_COLUMNS = ("observer", "cells", "her2", "cep17")


def _as_datetime(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _datetime_or_none(value: Any) -> datetime | None:
    return None if value is None else _as_datetime(value)


def _child_rows(entry: CaseEntry, interpretation: Interpretation) -> dict[str, dict[str, Any]]:
    return {
        "specimen": specimen_values(entry.specimen),
        "ihc_result": ihc_values(entry.ihc),
        "ish_result": ish_values(entry.ish),
        "interpretation": interpretation_values(interpretation),
    }


def _update_child(w: _Writer, table: str, case_id: int, wanted: dict[str, Any]) -> set[str]:
    """Write the changed columns of one child row; returns their names."""
    columns = list(wanted)
    row = w.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE case_id = {w.mark}", (case_id,)
    ).fetchone()
    if row is None:
        values = {"case_id": case_id, **wanted}
        w.insert(table, values)
        w.record("insert", table, str(case_id), case_id, None, None, values)
        return set(wanted)
    old = dict(zip(columns, row, strict=True))
    changed = {k: v for k, v in wanted.items() if _plain(v, w.sqlite) != old[k]}
    if not changed:
        return set()
    assignments = ", ".join(f"{k} = {w.mark}" for k in changed)
    w.execute(
        f"UPDATE {table} SET {assignments} WHERE case_id = {w.mark}",
        (*(_plain(v, w.sqlite) for v in changed.values()), case_id),
    )
    w.record("update", table, str(case_id), case_id, None, {k: old[k] for k in changed}, changed)
    return set(changed)


def _update_counts(
    w: _Writer, case_id: int, entry: CaseEntry, user_id: int | None
) -> tuple[bool, dict[int, Any], dict[int, str | None]]:
    """Write the ISH counts; (whether any count was added, changed or removed, who entered each count
    now kept by observer, and their user names). A count that `user_id` adds or changes is recorded
    as theirs (named `w.user`, the signed-in user's name)."""
    touched = False
    wanted = count_values(entry.ish)
    enterers: dict[int, Any] = {}
    names: dict[int, str | None] = {}
    rows = w.execute(
        f"SELECT {', '.join(COUNT_COLUMNS)}, {_user_name('ish_count.entered_by_user_id')}, "
        f"entered_by_user_id FROM ish_count WHERE case_id = {w.mark}",
        (case_id,),
    ).fetchall()
    for full_row in rows:
        row, enterer = full_row[:-2], full_row[-1]
        old = dict(zip(COUNT_COLUMNS, row, strict=True))
        observer = old.pop("observer")
        record = f"{case_id}/{observer}"
        if observer not in wanted:
            w.execute(
                f"DELETE FROM ish_count WHERE case_id = {w.mark} AND observer = {w.mark}", (case_id, observer)
            )
            touched = True
            w.record(
                "delete",
                "ish_count",
                record,
                case_id,
                None,
                {"case_id": case_id, "observer": observer, **old},
                None,
            )
            continue
        new = wanted.pop(observer)
        changed = {k: v for k, v in new.items() if _plain(v, w.sqlite) != old[k]}
        enterers[observer] = enterer
        names[observer] = full_row[-2]
        if changed:
            touched = True
            if user_id is not None and user_id != enterer:
                old["entered_by_user_id"] = enterer
                changed["entered_by_user_id"] = user_id
                enterers[observer] = user_id
                names[observer] = w.user
            assignments = ", ".join(f"{k} = {w.mark}" for k in changed)
            w.execute(
                f"UPDATE ish_count SET {assignments} WHERE case_id = {w.mark} AND observer = {w.mark}",
                (*(_plain(v, w.sqlite) for v in changed.values()), case_id, observer),
            )
            w.record("update", "ish_count", record, case_id, None, {k: old[k] for k in changed}, changed)
    for observer, values in sorted(wanted.items()):
        row = {"case_id": case_id, "observer": observer, **values}
        if user_id is not None:
            row["entered_by_user_id"] = user_id
        w.insert("ish_count", row)
        w.record("insert", "ish_count", f"{case_id}/{observer}", case_id, None, None, row)
        enterers[observer] = user_id
        names[observer] = w.user if user_id is not None else None
        touched = True
    return touched, enterers, names


def _user_name(column: str) -> str:
    """A scalar subquery naming the user of `column` (NULL for no id or no such user). In the select
    list it takes no row lock, so it may sit beside FOR UPDATE on PostgreSQL."""
    return f"(SELECT app_user.username FROM app_user WHERE app_user.id = {column})"


# The case section (`domain.result_fields`) whose fields each child table stores.
TABLE_SECTIONS = {"specimen": "specimen", "ihc_result": "ihc", "ish_result": "ish"}


def update_case(
    connection: Connection,
    entry: CaseEntry,
    interpretation: Interpretation,
    user: str,
    now: datetime,
    expected_version: int,
    user_id: int | None = None,
    settings: GuidelineSettings = DEFAULT_SETTINGS,
) -> CaseHeader:
    """Write `entry` over the stored case of the same accession if it is still at `expected_version`.

    `user_id` (the signed-in user) becomes the case's `entered_by_user_id` only when a result field
    changes (`domain.result_fields`): correcting a block number or an address does not make the
    corrector the enterer. The local user (None) leaves it as it was. The caller checks the returned
    header's sign-out state and rolls back if the edit is not allowed (a signed-out case is read-only).

    The reported result is written with it (`domain.reported_result`): changed results void an
    adjudication (the caller clears and audits it), so such a case reports the new engine result;
    otherwise an adjudicated status stays the reported one. `settings` are the rules in force."""
    w = _Writer(connection, user, now)
    lock = "" if w.sqlite else " FOR UPDATE"
    row = w.execute(
        "SELECT id, patient_id, version, signout_state, created_at, created_by, updated_at, updated_by, "
        "entered_by_user_id, adjudicated_status, reported_status, reported_descriptor, report_version, "
        "signed_out_by_user_id, signed_out_at, adjudication_reason, adjudicated_by_user_id, "
        "adjudicated_at, amendment_reason, amended_by_user_id, amended_at, "
        f"{_user_name('her2_case.signed_out_by_user_id')}, {_user_name('her2_case.adjudicated_by_user_id')}, "
        f"{_user_name('her2_case.amended_by_user_id')} "
        f"FROM her2_case WHERE accession = {w.mark}{lock}",
        (entry.accession,),
    ).fetchone()
    if row is None:
        raise CaseMissingError(entry.accession)
    (case_id, old_patient, version, state, created_at, created_by, updated_at, updated_by, old_enterer,
     adjudicated, old_reported, old_descriptor, report_version, signed_out_by_id, signed_out_at,
     adjudication_reason, adjudicated_by_id, adjudicated_at, amendment_reason, amended_by_id, amended_at,
     signed_out_name, adjudicated_name, amended_name) = row  # fmt: skip
    if version != expected_version:
        raise VersionMismatchError(updated_by, _as_datetime(updated_at), version)
    patient_id = _patient_id(w, entry)
    results_changed = False
    for table, wanted in _child_rows(entry, interpretation).items():
        changed_columns = _update_child(w, table, case_id, wanted)
        section = TABLE_SECTIONS.get(table)
        results_changed |= section is not None and any(is_result_field(section, c) for c in changed_columns)
    counts_changed, enterers, count_names = _update_counts(w, case_id, entry, user_id)
    results_changed |= counts_changed
    if not (results_changed and user_id is not None and user_id != old_enterer):
        user_id = None  # entered_by_user_id stays as it was
    adjudicated_status = None if results_changed or adjudicated is None else Status(adjudicated)
    new_status = reported_status(interpretation.status, adjudicated_status)
    new_descriptor = reported_descriptor(
        site=entry.specimen.site,
        ihc=entry.ihc.score,
        stained_pct=entry.ihc.stained_pct,
        engine_status=interpretation.status,
        engine_descriptor=interpretation.descriptor,
        adjudicated_status=adjudicated_status,
        settings=settings,
        scoring_criteria=entry.specimen.scoring_criteria,
    )
    reported = {"reported_status": new_status, "reported_descriptor": new_descriptor}
    stored_reported = {"reported_status": old_reported, "reported_descriptor": old_descriptor}
    reported_changes = {k: v for k, v in reported.items() if _plain(v, w.sqlite) != stored_reported[k]}
    new_version = version + 1
    changes = {"patient_id": patient_id, "version": new_version, "updated_at": now, "updated_by": user}
    extra: dict[str, Any] = dict(reported_changes)
    if user_id is not None:
        extra["entered_by_user_id"] = user_id
    assignments = "".join(f", {k} = {w.mark}" for k in extra)
    updated = w.execute(
        f"UPDATE her2_case SET patient_id = {w.mark}, version = {w.mark}, updated_at = {w.mark}, "
        f"updated_by = {w.mark}{assignments} WHERE id = {w.mark} AND version = {w.mark}",
        (patient_id, new_version, w.at, user, *(_plain(v, w.sqlite) for v in extra.values()), case_id,
         expected_version),
    ).rowcount  # fmt: skip
    if updated != 1:  # cannot happen while the row is locked; refuse rather than overwrite
        raise VersionMismatchError(updated_by, _as_datetime(updated_at), version)
    old = {"version": version, "updated_at": updated_at, "updated_by": updated_by}
    if old_patient != patient_id:
        old["patient_id"] = old_patient
    else:
        del changes["patient_id"]
    if user_id is not None:
        old["entered_by_user_id"] = old_enterer
        changes["entered_by_user_id"] = user_id
    for key, value in reported_changes.items():
        old[key] = stored_reported[key]
        changes[key] = value
    w.record("update", "her2_case", str(case_id), case_id, patient_id, old, changes)
    w.flush_audit()
    w.cursor.close()
    return CaseHeader(
        case_id,
        new_version,
        state,
        _as_datetime(created_at),
        created_by,
        results_changed,
        first_count_by=enterers.get(1),
        recount_by=enterers.get(2),
        has_first_count=1 in enterers,
        has_recount=2 in enterers,
        signoff=SignOffColumns(
            patient_id=patient_id,
            report_version=report_version,
            entered_by_user_id=old_enterer if user_id is None else user_id,
            signed_out_by_user_id=signed_out_by_id,
            signed_out_by=signed_out_name,
            signed_out_at=_datetime_or_none(signed_out_at),
            adjudicated_status=None if adjudicated is None else Status(adjudicated),
            adjudication_reason=adjudication_reason,
            adjudicated_by_user_id=adjudicated_by_id,
            adjudicated_by=adjudicated_name,
            adjudicated_at=_datetime_or_none(adjudicated_at),
            amendment_reason=amendment_reason,
            amended_by_user_id=amended_by_id,
            amended_by=amended_name,
            amended_at=_datetime_or_none(amended_at),
            reported_status=new_status,
            reported_descriptor=new_descriptor,
        ),
        count_names=count_names,
    )
