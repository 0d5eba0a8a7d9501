"""Reading the audit trail: the SQL behind the audit viewer and its export (`services.audit_service`,
whose docstring explains the order, the paging and the indexes used).

`bounds` are the date filter's edges in naive UTC, worked out by the caller from the query and the
zone whose calendar days it means (`AuditQuery.utc_bounds`).

Each row comes with the names a person knows its subject by (the case's accession, the user name of a
user row, the MRN of a patient row), joined to the page in the same statement: one query per page
however many rows it has, each name found through a primary key.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, and_, cast, false, func, or_, select

from her2desk.domain.audit_query import AuditQuery, AuditRecord
from her2desk.store.mapping import aware
from her2desk.store.schema import AuditRow, Case, Patient, User

Bounds = tuple[datetime | None, datetime | None]

_audit = AuditRow.__table__
_case = Case.__table__
_user = User.__table__
_patient = Patient.__table__


def _conditions(connection: Connection, query: AuditQuery, bounds: Bounds) -> list[ColumnElement[bool]]:
    c = _audit.c
    conditions: list[ColumnElement[bool]] = []
    if query.who:
        conditions.append(c.who == query.who)
    if query.action:
        conditions.append(c.action == query.action)
    start, end = bounds
    if start is not None:
        conditions.append(c.at >= start)
    if end is not None:
        conditions.append(c.at < end)
    accession = (query.accession or "").strip()
    if accession:
        found = connection.execute(
            select(_case.c.id, _case.c.patient_id).where(_case.c.accession == accession)
        ).one_or_none()
        if found is None:
            conditions.append(false())
        else:
            # The case's rows and its patient's, as the case's own history shows them.
            conditions.append(
                or_(
                    c.case_id == found.id,
                    and_(c.table_name == "patient", c.patient_id == found.patient_id),
                )
            )
    text = (query.text or "").strip()
    if text:
        # Case is ignored: ILIKE on PostgreSQL; SQLite's LIKE already ignores ASCII case (as far as
        # its lower() would go), and without lower() it is four times faster on a large table.
        pattern = "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"
        postgres = connection.dialect.name == "postgresql"
        conditions.append(
            or_(
                *(
                    column.ilike(pattern, escape="/") if postgres else column.like(pattern, escape="/")
                    for column in (c.record, c.old, c.new)
                )
            )
        )
    return conditions


def _record(row: Any) -> AuditRecord:
    return AuditRecord(
        id=row.id,
        when=aware(row.at),
        who=row.who,
        action=row.action,
        table=row.table_name,
        record=row.record,
        accession=row.accession,
        old_json=row.old,
        new_json=row.new,
        case_id=row.case_id,
        patient_id=row.patient_id,
        user_name=row.user_name,
        patient_mrn=row.patient_mrn,
    )


def _rows(conditions: list[ColumnElement[bool]], offset: int, limit: int) -> Any:
    """The page of audit rows first, then their names (accession, user name, MRN): the joins never
    decide the plan (with stale statistics PostgreSQL joined every matching row before sorting,
    seconds on 200,000). A user row's `record` is the user's id as text, so the id is cast to text
    (never the record to a number: lab settings and metadata rows have names there)."""
    page = (
        select(_audit)
        .where(*conditions)
        .order_by(_audit.c.id.desc())
        .offset(offset)
        .limit(limit)
        .subquery("page")
    )
    user = and_(page.c.table_name == "app_user", page.c.record == cast(_user.c.id, String))
    patient = and_(page.c.table_name == "patient", _patient.c.id == page.c.patient_id)
    return (
        select(
            page,
            _case.c.accession,
            _user.c.username.label("user_name"),
            _patient.c.mrn.label("patient_mrn"),
        )
        .select_from(
            page.outerjoin(_case, _case.c.id == page.c.case_id)
            .outerjoin(_user, user)
            .outerjoin(_patient, patient)
        )
        .order_by(page.c.id.desc())
    )


def count_events(connection: Connection, query: AuditQuery, bounds: Bounds) -> int:
    statement = select(func.count()).select_from(_audit).where(*_conditions(connection, query, bounds))
    return int(connection.execute(statement).scalar_one())


def event_page(
    connection: Connection,
    query: AuditQuery,
    bounds: Bounds,
    offset: int,
    limit: int,
    *,
    below_id: int | None = None,
) -> list[AuditRecord]:
    """Rows `offset`..`offset+limit` of the filtered trail, newest first; with `below_id` only rows
    older than that one (the export's batches)."""
    conditions = _conditions(connection, query, bounds)
    if below_id is not None:
        conditions.append(_audit.c.id < below_id)
    return [_record(row) for row in connection.execute(_rows(conditions, offset, limit))]


def distinct_actions(connection: Connection) -> list[str]:
    statement = select(_audit.c.action).distinct().order_by(_audit.c.action)
    return list(connection.execute(statement).scalars())


def distinct_users(connection: Connection) -> list[str]:
    statement = select(_audit.c.who).distinct().order_by(_audit.c.who)
    return list(connection.execute(statement).scalars())
