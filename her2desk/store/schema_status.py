"""Schema versions known to this program, readable without importing Alembic.

The GUI's cold start must be fast, so a database whose schema is current is recognised with one plain
SELECT of `alembic_version` compared against `HEAD_REVISION`; Alembic is imported only to migrate.
The revision ids themselves are in `revision_ids.py` (importable without SQLAlchemy).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, inspect, text

from her2desk.store.revision_ids import HEAD_REVISION, KNOWN_REVISIONS, SCHEMA_MARKER_KEY, SCHEMA_MARKER_VALUE

__all__ = ["HEAD_REVISION", "KNOWN_REVISIONS", "SCHEMA_MARKER_KEY", "SCHEMA_MARKER_VALUE"]


class SchemaState(StrEnum):
    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"
    FOREIGN = "foreign"


@dataclass(frozen=True)
class SchemaStatus:
    state: SchemaState
    revision: str | None


def read_schema_status(connection: Connection) -> SchemaStatus:
    """Classify the database behind `connection` in as few queries as possible."""
    inspector = inspect(connection)
    if not inspector.has_table("alembic_version"):
        tables = inspector.get_table_names()
        return SchemaStatus(SchemaState.EMPTY if not tables else SchemaState.FOREIGN, None)
    rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) != 1:
        return SchemaStatus(SchemaState.FOREIGN, None)
    revision = rows[0]
    if revision == HEAD_REVISION:
        return SchemaStatus(SchemaState.CURRENT, revision)
    if revision in KNOWN_REVISIONS:
        return SchemaStatus(SchemaState.OLDER, revision)
    return SchemaStatus(SchemaState.NEWER, revision)
