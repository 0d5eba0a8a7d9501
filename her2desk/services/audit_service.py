"""Reading the audit trail for the audit viewer and its CSV export (issue 5).

Newest first means the order the database wrote the rows (`audit.id`, descending), not the `at`
column: `at` comes from each workstation's clock, which may be a little off on one of them, while the
id is the database's own sequence. The order is therefore stable (ids are unique) and served by the
primary key, so a page is cheap however large the table; `at` is what is shown and what the date
filters compare.

Indexes used: the primary key for order and paging; `ix_audit_case_id` and `ix_audit_patient_id`
for one case's trail. The user, action and date filters of the whole-database view have no index of
their own (the schema is not changed here): they are checked row by row, in one pass over the table
for the count and while walking the primary key for the page. bench/bench_audit.py measures that on
a 200,000-row table (tens of milliseconds; it grows with the table). The index to add first, when
the trail grows large, is one on `audit.at` (date filters, the auditor's usual question); then
`audit.who` and `audit.action`, which would also serve the filter lists (`users`, `actions`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, false, func, or_, select

from her2desk.domain.audit_query import AuditQuery, AuditRecord
from her2desk.exchange.csv_audit import write_audit_csv_file
from her2desk.store.database import Database
from her2desk.store.mapping import aware
from her2desk.store.schema import AuditRow, Case

MAX_PAGE = 1000
EXPORT_BATCH = 1000

_audit = AuditRow.__table__
_case = Case.__table__


class AuditService:
    """Filter, count, page and export the audit trail of one database (read-only).

    `zone`: the zone whose calendar days the date filters mean (None: this computer's zone).
    """

    def __init__(self, database: Database, zone: tzinfo | None = None) -> None:
        self.database = database
        self.zone = zone

    # -- filters ---------------------------------------------------------------------------------

    def _conditions(self, connection: Connection, query: AuditQuery) -> list[ColumnElement[bool]]:
        c = _audit.c
        conditions: list[ColumnElement[bool]] = []
        if query.who:
            conditions.append(c.who == query.who)
        if query.action:
            conditions.append(c.action == query.action)
        start, end = query.utc_bounds(self.zone)
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

    @staticmethod
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
        )

    @staticmethod
    def _rows(conditions: list[ColumnElement[bool]], offset: int, limit: int) -> Any:
        """The page of audit rows first, then their accessions: the join never decides the plan (with
        stale statistics PostgreSQL joined every matching row before sorting, seconds on 200,000)."""
        page = (
            select(_audit)
            .where(*conditions)
            .order_by(_audit.c.id.desc())
            .offset(offset)
            .limit(limit)
            .subquery("page")
        )
        return (
            select(page, _case.c.accession)
            .select_from(page.outerjoin(_case, _case.c.id == page.c.case_id))
            .order_by(page.c.id.desc())
        )

    # -- reading ---------------------------------------------------------------------------------

    def count(self, query: AuditQuery) -> int:
        with self.database.engine.connect() as connection:
            conditions = self._conditions(connection, query)
            statement = select(func.count()).select_from(_audit).where(*conditions)
            return int(connection.execute(statement).scalar_one())

    def page(self, query: AuditQuery, offset: int, limit: int) -> list[AuditRecord]:
        """Rows `offset`..`offset+limit` of the filtered trail, newest first (see the module docstring)."""
        if offset < 0:
            raise ValueError(f"offset must be 0 or more, not {offset}")
        if not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit must be 1 to {MAX_PAGE}, not {limit}")
        with self.database.engine.connect() as connection:
            statement = self._rows(self._conditions(connection, query), offset, limit)
            return [self._record(row) for row in connection.execute(statement)]

    def iter_all(self, query: AuditQuery, batch: int = EXPORT_BATCH) -> Iterator[AuditRecord]:
        """Every matching row, newest first, read in batches below the last id seen.

        Rows written while the export runs have higher ids and are not included: the export is the
        trail as it stood when it started (the table is append-only, so nothing below can change).
        """
        last_id: int | None = None
        while True:
            with self.database.engine.connect() as connection:
                conditions = self._conditions(connection, query)
                if last_id is not None:
                    conditions.append(_audit.c.id < last_id)
                rows = connection.execute(self._rows(conditions, 0, batch)).all()
            yield from (self._record(row) for row in rows)
            if len(rows) < batch:
                return
            last_id = rows[-1].id

    def actions(self) -> list[str]:
        """The actions present in the trail (for the viewer's filter), alphabetical."""
        with self.database.engine.connect() as connection:
            statement = select(_audit.c.action).distinct().order_by(_audit.c.action)
            return list(connection.execute(statement).scalars())

    def users(self) -> list[str]:
        """The user names present in the trail, alphabetical (includes "(not signed in)" and "local")."""
        with self.database.engine.connect() as connection:
            statement = select(_audit.c.who).distinct().order_by(_audit.c.who)
            return list(connection.execute(statement).scalars())

    def export_csv(self, query: AuditQuery, path: Path) -> int:
        """Write the filtered trail to `path` (see `exchange.csv_audit`); returns the number of rows."""
        return write_audit_csv_file(path, self.iter_all(query), self.zone)
