"""The `lab_setting` table: one row per setting the lab changed from her2desk's default (name, text
value, when and by whom). The services parse and check the values (`domain.lab_settings`,
`domain.rule_settings`); this module only reads and writes the rows, in the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, text, update

from her2desk.store.driver import driver_connection
from her2desk.store.schema import LabSetting

SETTINGS_LOCK_KEY = 0x48455233  # PostgreSQL advisory lock: one settings change at a time


def setting_rows(connection: Connection) -> list[tuple[str, str]]:
    """Every stored (name, value), the names of newer programs' settings included.

    Sent straight to the driver: every case save reads them in its transaction (the rules in force),
    and SQLAlchemy's per-statement bookkeeping cost several times the query itself."""
    cursor = driver_connection(connection).cursor()
    try:
        cursor.execute("SELECT name, value FROM lab_setting")
        return [(name, value) for name, value in cursor.fetchall()]
    finally:
        cursor.close()


def stored_setting(connection: Connection, name: str) -> str | None:
    """The stored text of `name`, or None while it has its default."""
    statement = select(LabSetting.value).where(LabSetting.name == name)
    return connection.execute(statement).scalar_one_or_none()


def put_setting(
    connection: Connection, name: str, value: str, who: str, now: datetime, *, stored: bool
) -> None:
    """Store `value` for `name` (`stored`: a row exists already and is updated, else one is added)."""
    table = LabSetting.__table__
    row = {"value": value, "changed_at": now, "changed_by": who}
    if stored:
        connection.execute(update(table).where(table.c.name == name).values(**row))
    else:
        connection.execute(insert(table).values(name=name, **row))


def lock_settings(connection: Connection) -> None:
    """Serialise settings changes on PostgreSQL for the rest of the transaction (SQLite's single
    writer does it already)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SETTINGS_LOCK_KEY})
