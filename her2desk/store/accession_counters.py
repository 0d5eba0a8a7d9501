"""The automatic accession counters (`schema.AccessionCounter`): draw the next number of a counter key.

Runs in the caller's write transaction (a new case's save), so a number belongs to the case saved with
it: if the save rolls back, so does the draw, and nobody has seen that number. Two workstations drawing
at once never get the same number: on SQLite the save began with BEGIN IMMEDIATE (one writer at a
time); on PostgreSQL the upsert (INSERT ... ON CONFLICT DO UPDATE ... RETURNING) locks the counter row
until commit, so the second drawer waits and then reads the first one's committed number.

Lock order (see `throttle.py`): a save draws its number before anything appends to the audit chain
(`chain.py` locks the chain head), never after; two saves taking them in opposite orders would deadlock.
"""

from __future__ import annotations

from sqlalchemy import Connection, select

from her2desk.store.schema import AccessionCounter, Case

_table = AccessionCounter.__table__


def draw_number(connection: Connection, key: str) -> int:
    """Move the counter `key` one forward (creating it at 1) and return its new value."""
    from sqlalchemy.dialects import postgresql, sqlite  # here: the database module's import stays light

    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(_table)
        .values(prefix=key, last_number=1)
        .on_conflict_do_update(
            index_elements=[_table.c.prefix], set_={"last_number": _table.c.last_number + 1}
        )
        .returning(_table.c.last_number)
    )
    return int(connection.execute(statement).scalar_one())


def accession_taken(connection: Connection, accession: str) -> bool:
    """Whether a stored case already has `accession` (typed by hand before the pattern reached it)."""
    table = Case.__table__
    return connection.execute(select(table.c.id).where(table.c.accession == accession)).first() is not None


def last_number(connection: Connection, key: str) -> int | None:
    """The last number drawn from `key`, or None before the first."""
    return connection.execute(select(_table.c.last_number).where(_table.c.prefix == key)).scalar_one_or_none()
