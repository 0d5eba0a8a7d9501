"""Reading the audit trail for the audit viewer and its CSV export.

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

from her2desk.domain.audit_query import AuditQuery, AuditRecord
from her2desk.exchange.csv_audit import write_audit_csv_file
from her2desk.store.audit_trail import Bounds, count_events, distinct_actions, distinct_users, event_page
from her2desk.store.database import Database

MAX_PAGE = 1000
EXPORT_BATCH = 1000


class AuditService:
    """Filter, count, page and export the audit trail of one database (read-only).

    `zone`: the zone whose calendar days the date filters mean (None: this computer's zone).
    """

    def __init__(self, database: Database, zone: tzinfo | None = None) -> None:
        self.database = database
        self.zone = zone

    def _bounds(self, query: AuditQuery) -> Bounds:
        return query.utc_bounds(self.zone)

    # -- reading ---------------------------------------------------------------------------------

    def count(self, query: AuditQuery) -> int:
        with self.database.engine.connect() as connection:
            return count_events(connection, query, self._bounds(query))

    def page(self, query: AuditQuery, offset: int, limit: int) -> list[AuditRecord]:
        """Rows `offset`..`offset+limit` of the filtered trail, newest first (see the module docstring)."""
        if offset < 0:
            raise ValueError(f"offset must be 0 or more, not {offset}")
        if not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit must be 1 to {MAX_PAGE}, not {limit}")
        with self.database.engine.connect() as connection:
            return event_page(connection, query, self._bounds(query), offset, limit)

    def iter_all(self, query: AuditQuery, batch: int = EXPORT_BATCH) -> Iterator[AuditRecord]:
        """Every matching row, newest first, read in batches below the last id seen.

        Rows written while the export runs have higher ids and are not included: the export is the
        trail as it stood when it started (the table is append-only, so nothing below can change).
        """
        last_id: int | None = None
        while True:
            with self.database.engine.connect() as connection:
                rows = event_page(connection, query, self._bounds(query), 0, batch, below_id=last_id)
            yield from rows
            if len(rows) < batch:
                return
            last_id = rows[-1].id

    def actions(self) -> list[str]:
        """The actions present in the trail (for the viewer's filter), alphabetical."""
        with self.database.engine.connect() as connection:
            return distinct_actions(connection)

    def users(self) -> list[str]:
        """The user names present in the trail, alphabetical (includes "(not signed in)" and "local")."""
        with self.database.engine.connect() as connection:
            return distinct_users(connection)

    def export_csv(self, query: AuditQuery, path: Path) -> int:
        """Write the filtered trail to `path` (see `exchange.csv_audit`); returns the number of rows."""
        return write_audit_csv_file(path, self.iter_all(query), self.zone)
