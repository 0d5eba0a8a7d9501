"""The audit trail: who changed which clinical record, when, from what to what.

Rows are written by a Session `after_flush` hook, so they go into the same transaction as the change
itself: a save that rolls back leaves no audit row, and no change can commit without one. Database
triggers make the table append-only on both backends against mistakes; against a person with a SQL
prompt (who can drop triggers) every row is chained (`chain.py`), so a rewrite shows in `db check`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, event, inspect
from sqlalchemy.orm import Session

from her2desk.store.chain import append
from her2desk.store.schema import CLINICAL_TABLES, AuditRow, Case, Patient

AUDITED_TABLES = frozenset((*CLINICAL_TABLES, "app_user"))
APPEND_ONLY_MESSAGE = "audit rows are append-only"

_SQLITE_TRIGGERS = (
    "CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END",
    "CREATE TRIGGER trg_audit_no_delete BEFORE DELETE ON audit "
    f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY_MESSAGE}'); END",
)
SQLITE_NO_UPDATE_TRIGGER = _SQLITE_TRIGGERS[0]  # lifted and put back by the upgrade that chains rows
_POSTGRES_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION her2desk_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY_MESSAGE}'; END $$",
    "CREATE TRIGGER trg_audit_no_update_delete BEFORE UPDATE OR DELETE ON audit "
    "FOR EACH ROW EXECUTE FUNCTION her2desk_audit_append_only()",
    "CREATE TRIGGER trg_audit_no_truncate BEFORE TRUNCATE ON audit "
    "FOR EACH STATEMENT EXECUTE FUNCTION her2desk_audit_append_only()",
)


def create_audit_triggers(connection: Connection) -> None:
    """Make the audit table append-only. Used by `create_all` and by the initial migration."""
    statements = _SQLITE_TRIGGERS if connection.dialect.name == "sqlite" else _POSTGRES_TRIGGERS
    for statement in statements:
        connection.exec_driver_sql(statement)


@event.listens_for(AuditRow.__table__, "after_create")
def _after_audit_table_created(_table: Any, connection: Connection, **_kw: Any) -> None:
    create_audit_triggers(connection)


def utc_now() -> datetime:
    """Timestamps are stored as naive UTC on both backends."""
    return datetime.now(UTC).replace(tzinfo=None)


# What json.dumps(values, ensure_ascii=False, default=str, sort_keys=True) builds on every call, made once.
_JSON = json.JSONEncoder(ensure_ascii=False, default=str, sort_keys=True)


def to_json(values: dict[str, Any] | None) -> str | None:
    if values is None:
        return None
    return _JSON.encode(values)


# Never copied into the audit trail; a change to it is recorded as "<changed>".
SECRET_COLUMNS = frozenset({"password_hash"})
REDACTED = "<changed>"


def _columns(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    return {
        attr.key: REDACTED if attr.key in SECRET_COLUMNS else getattr(obj, attr.key)
        for attr in state.mapper.column_attrs
    }


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        before = history.deleted[0] if history.deleted else None
        after = history.added[0] if history.added else None
        if before != after:
            if attr.key in SECRET_COLUMNS:
                before, after = None, REDACTED
            old[attr.key], new[attr.key] = before, after
    return old, new


def _keys(obj: Any) -> tuple[str, int | None, int | None]:
    identity = inspect(obj).mapper.primary_key_from_instance(obj)
    record = "/".join(str(v) for v in identity)
    if isinstance(obj, Patient):
        return record, None, obj.id
    if isinstance(obj, Case):
        return record, obj.id, obj.patient_id
    return record, getattr(obj, "case_id", None), None


def _row(session: Session, obj: Any, action: str, old: Any, new: Any) -> AuditEvent:
    record, case_id, patient_id = _keys(obj)
    at = session.info.get("now") or utc_now()
    return AuditEvent(at, session.info.get("user", "unknown"), action, obj.__tablename__, record, case_id,
                      patient_id, old, new)  # fmt: skip


def _audited(obj: Any) -> bool:
    return getattr(obj, "__tablename__", None) in AUDITED_TABLES


@event.listens_for(Session, "after_flush")
def _write_audit_rows(session: Session, _context: Any) -> None:
    rows = [_row(session, o, "insert", None, _columns(o)) for o in session.new if _audited(o)]
    for obj in session.dirty:
        if _audited(obj) and session.is_modified(obj, include_collections=False):
            old, new = _changes(obj)
            if new:
                rows.append(_row(session, obj, "update", old, new))
    rows.extend(_row(session, o, "delete", _columns(o), None) for o in session.deleted if _audited(o))
    if rows:
        write_events(session.connection(), rows)


SQLITE_TRIGGER_NAMES = ("trg_audit_no_update", "trg_audit_no_delete")
POSTGRES_TRIGGER_NAMES = ("trg_audit_no_update_delete", "trg_audit_no_truncate")


def missing_audit_triggers(connection: Connection) -> list[str]:
    """Names of the append-only triggers that are missing (someone removed them by hand)."""
    if connection.dialect.name == "sqlite":
        expected = SQLITE_TRIGGER_NAMES
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit'"
    else:
        expected = POSTGRES_TRIGGER_NAMES
        sql = "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit'::regclass"
    present = {row[0] for row in connection.exec_driver_sql(sql)}
    return [name for name in expected if name not in present]


@dataclass(frozen=True)
class AuditEvent:
    """One row of the audit trail: who did what to which record, when, from what (`old`) to what (`new`).

    The one shape every writer uses (the Session hook, the case writer, the workflow services, the
    demo), so a row means the same whoever wrote it; `write_events` is the one function that appends it.
    """

    at: datetime
    who: str
    action: str
    table: str
    record: str
    case_id: int | None = None
    patient_id: int | None = None
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None

    def row(self) -> dict[str, Any]:
        """The audit table's columns (old and new as sorted JSON text)."""
        return {
            "at": self.at,
            "who": self.who,
            "action": self.action,
            "table_name": self.table,
            "record": self.record,
            "case_id": self.case_id,
            "patient_id": self.patient_id,
            "old": to_json(self.old),
            "new": to_json(self.new),
        }


def write_events(connection: Connection, events: Iterable[AuditEvent]) -> None:
    """Append `events` to the chained audit table, in order, in the caller's transaction."""
    append(connection, "audit", [event.row() for event in events])


def record_event(
    connection: Connection,
    *,
    at: datetime,
    who: str,
    action: str,
    table: str,
    record: str,
    case_id: int | None = None,
    patient_id: int | None = None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> None:
    """One audit row for a workflow event (login, sign-out, amendment, ...), in the caller's transaction."""
    write_events(connection, [AuditEvent(at, who, action, table, record, case_id, patient_id, old, new)])


def sign_out_event(
    at: datetime,
    who: str,
    case_id: int,
    patient_id: int | None,
    *,
    old_state: str,
    old_version: int,
    state: str,
    version: int,
    report_version: int,
    meaning: str,
) -> AuditEvent:
    """The `sign-out` row: the state and version before and after, and the signature's meaning (used
    by the sign-out service and by the demo, so a demo case's trail is a real one)."""
    return AuditEvent(
        at, who, "sign-out", "her2_case", str(case_id), case_id, patient_id,
        {"signout_state": old_state, "version": old_version},
        {"signout_state": state, "version": version, "report_version": report_version,
         "signed_out_by": who, "meaning": meaning},
    )  # fmt: skip


def amend_event(
    at: datetime,
    who: str,
    case_id: int,
    patient_id: int | None,
    *,
    old_state: str,
    old_report_version: int,
    old_version: int,
    state: str,
    report_version: int,
    version: int,
    reason: str,
    handouts_superseded: int,
) -> AuditEvent:
    """The `amend` row: the case reopened as a new report version, why, and how many handouts of the
    earlier version were marked superseded (the amendment service and the demo)."""
    return AuditEvent(
        at, who, "amend", "her2_case", str(case_id), case_id, patient_id,
        {"signout_state": old_state, "report_version": old_report_version, "version": old_version},
        {"signout_state": state, "report_version": report_version, "version": version,
         "reason": reason, "handouts_superseded": handouts_superseded},
    )  # fmt: skip
