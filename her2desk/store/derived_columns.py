"""Back-filling a column derived from another, for the migrations that add one.

A search key (`family_name_key`, `mrn_number_key`) is a function of a column people enter; a revision
that adds or redefines one computes it for every stored row, in batches by primary key so memory stays
flat on a large database, writing only the rows whose key changes. Plain Core statements, no audit
rows: the key is derived data, never shown or entered.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

BATCH = 5000


def refresh_derived_column(
    connection: sa.Connection,
    table: str,
    source: str,
    target: str,
    derive: Callable[[str], str | None],
    batch: int = BATCH,
) -> int:
    """Set `target` to `derive(source)` on every row of `table` where it differs; the count changed."""
    rows_of = sa.table(table, sa.column("id", sa.Integer), sa.column(source), sa.column(target))
    changed = 0
    last = None
    while True:
        statement = sa.select(rows_of.c.id, rows_of.c[source], rows_of.c[target])
        if last is not None:
            statement = statement.where(rows_of.c.id > last)
        rows = connection.execute(statement.order_by(rows_of.c.id).limit(batch)).all()
        if not rows:
            return changed
        updates = [{"row": row, "key": new} for row, value, old in rows if (new := derive(value)) != old]
        if updates:
            connection.execute(
                rows_of.update()
                .where(rows_of.c.id == sa.bindparam("row"))
                .values({target: sa.bindparam("key")}),
                updates,
            )
            changed += len(updates)
        last = rows[-1][0]
