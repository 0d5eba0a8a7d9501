"""The `rule_set` table (schema revision 0007): every set of lab rule settings ever in force.

A result's rules version ends in the fingerprint of the rule settings it was computed with
(`domain.rule_settings`); this table keeps the canonical JSON of each fingerprint, so the settings can
be loaded back and the result re-derived. Rows are only ever added: `record_rule_set` inserts a
fingerprint if it is absent (in the caller's transaction: a settings change, a case save), and a
fingerprint, once taken, always names the same settings.
"""

from __future__ import annotations

import functools
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Connection

from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.rule_settings import canonical_json, fingerprint
from her2desk.store.chain import driver_value
from her2desk.store.driver import driver_connection

RULE_SET = sa.table(
    "rule_set",
    sa.column("fingerprint", sa.String),
    sa.column("settings", sa.Text),
    sa.column("recorded_at", sa.DateTime),
    sa.column("recorded_by", sa.String),
)


def record_rule_set(
    connection: Connection, fingerprint: str, settings_json: str, who: str, now: datetime
) -> None:
    """Insert the rule set `fingerprint` unless it is recorded already (concurrent writers included).

    INSERT .. ON CONFLICT DO NOTHING (SQLite and PostgreSQL spell it alike), sent straight to the
    driver: every save runs it, and SQLAlchemy's execution machinery cost more than the statement."""
    sqlite = connection.dialect.name == "sqlite"
    mark = "?" if sqlite else "%s"
    cursor = driver_connection(connection).cursor()
    try:
        cursor.execute(
            f"INSERT INTO rule_set (fingerprint, settings, recorded_at, recorded_by) "
            f"VALUES ({mark}, {mark}, {mark}, {mark}) ON CONFLICT (fingerprint) DO NOTHING",
            (fingerprint, settings_json, driver_value(now, sqlite), who[:64]),
        )
    finally:
        cursor.close()


_settings_json = functools.lru_cache(maxsize=64)(canonical_json)  # settings are frozen: same JSON


def record_settings(connection: Connection, settings: GuidelineSettings, who: str, now: datetime) -> None:
    """`record_rule_set` for the rule set of `settings`."""
    record_rule_set(connection, fingerprint(settings), _settings_json(settings), who, now)


def rule_set_json(connection: Connection, fingerprint: str) -> str | None:
    """The recorded canonical JSON of `fingerprint`, or None when it was never recorded."""
    statement = sa.select(RULE_SET.c.settings).where(RULE_SET.c.fingerprint == fingerprint)
    return connection.execute(statement).scalar_one_or_none()


def recorded_fingerprints(connection: Connection) -> list[tuple[str, datetime, str]]:
    """Every recorded fingerprint with when and by whom, oldest first."""
    statement = sa.select(RULE_SET.c.fingerprint, RULE_SET.c.recorded_at, RULE_SET.c.recorded_by).order_by(
        RULE_SET.c.recorded_at, RULE_SET.c.fingerprint
    )
    return [(row[0], row[1], row[2]) for row in connection.execute(statement)]
