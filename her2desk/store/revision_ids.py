"""Schema revision ids known to this program, as plain constants (no SQLAlchemy, no Alembic).

They live apart from `schema_status.py` so the GUI's fast first page (`first_page.py`, stdlib `sqlite3`
only) can check a file's revision before SQLAlchemy is imported. A test checks that `HEAD_REVISION`
equals the head of the migration scripts, so the two cannot drift.
"""

from __future__ import annotations

# Oldest first; the last one is the head. Add each new Alembic revision id here.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
SCHEMA_MARKER_KEY = "schema"
SCHEMA_MARKER_VALUE = "her2desk"
DEMO_KEY = "demo"
