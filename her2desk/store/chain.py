"""Tamper evidence: one hash chain over every record that must not change once written.

Every row of `audit`, `e_signature`, `case_version`, `handout_print` and `record_seal` carries its
position in one global chain (`chain_seq`), the hash of the row before it (`prev_hash`) and its own
hash (`row_hash`): SHA-256 over a canonical serialisation (`canonical`) of the table name, the
position, `prev_hash` and every column except `id` (a surrogate the database assigns, referred to by
nothing) and `row_hash`; `handout_print.superseded` is left out too, because an amendment or a patient
correction legitimately sets it later (each such change is an audited event). Changing, removing,
replacing or adding a row anywhere breaks the chain at that row; removing rows from the end is caught
by the head (`chain_head`, one row: the last position and hash), which every append moves in the same
transaction. Someone who can write the database can still rewrite the whole chain consistently, so
the head's hash is also the lab's external anchor (`her2desk db digest`, printed on reports and
handouts): a record that still contains what a written-down digest committed to has, at that
position, a row whose hash is that digest.

One chain rather than one per table: a single head makes one digest a lab can write down, and every
append already happens inside a write transaction. Appends stay linear under concurrent writers
because the head row is read under the writer's lock (SQLite: BEGIN IMMEDIATE already serialises
writers; PostgreSQL: SELECT ... FOR UPDATE on the head row, held until commit), so positions are
handed out one transaction at a time.

Clinical rows are not chained (they change legitimately), but each write transaction that audits a
change seals the state of every case and patient it touched (`seals.py`): a `record_seal` row, in the
chain, holding the hash of that case's (patient's) clinical rows at commit. `db check` recomputes the
hash of the current rows and compares it with the last seal, so a direct UPDATE with no audit shows.

Canonical form: JSON with sorted keys, no spaces, UTF-8; datetimes as ISO text in UTC ending in "Z"
with microseconds, dates as ISO text, decimals and enumerations as their stored text, booleans as
true/false, integers as numbers; NULL columns are left out, so a later revision that adds a nullable
column changes no existing hash (one that fills a new column of these tables must re-chain).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Engine, Integer, event
from sqlalchemy.pool import Pool

from her2desk.store.driver import driver_connection
from her2desk.store.schema import Base, ChainHead

GENESIS = "0" * 64
CHAINED_TABLES = ("audit", "e_signature", "case_version", "handout_print", "record_seal")
CHAIN_COLUMNS = ("chain_seq", "prev_hash", "row_hash")
# Not hashed: the surrogate id and the hash itself; a handout's superseded flag (see above).
UNHASHED = {"id", "row_hash", "chain_seq", "prev_hash", "superseded"}

_HEAD_KEY = "her2desk.chain_head"  # (position, hash) of the head this transaction holds
_TOUCHED_KEY = "her2desk.touched"  # {("case" | "patient", id)} to seal at commit


def _kind(column: Any) -> str:
    kind = column.type
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, Integer):
        return "int"
    return "text"


def column_kinds(table: str) -> dict[str, str]:
    """How each column of `table` is written in the canonical form (from the schema's column types)."""
    return {c.name: _kind(c) for c in Base.metadata.tables[table].columns}


KINDS = {t: column_kinds(t) for t in (*CHAINED_TABLES, "patient", "her2_case", "specimen", "ihc_result",
                                      "ish_result", "ish_count", "interpretation")}  # fmt: skip
HASHED = {t: {c: k for c, k in KINDS[t].items() if c not in UNHASHED} for t in CHAINED_TABLES}
# Columns the database would fill in if an insert left them out: the hash must see their value.
DEFAULTED = {
    t: {c.name for c in Base.metadata.tables[t].columns if c.server_default is not None} - UNHASHED
    for t in CHAINED_TABLES
}


def _datetime(value: Any) -> str:
    if value.__class__ is str and len(value) == 26 and value[10] == " ":
        return f"{value[:10]}T{value[11:]}Z"  # SQLite's stored form, the common case: no parsing
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(timespec="microseconds") + "Z"


def _date(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.date()
    return (date.fromisoformat(value) if isinstance(value, str) else value).isoformat()


def _text(value: Any) -> str:
    if value.__class__ is str:
        return value
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


_CONVERT: dict[str, Callable[[Any], Any]] = {
    "datetime": _datetime,
    "date": _date,
    "bool": bool,
    "int": int,
    "text": _text,
}


def canonical_value(kind: str, value: Any) -> Any:
    """The value as the canonical form writes it, whether it comes from Python or from either driver
    (SQLite hands back dates and datetimes as text and booleans as 0/1)."""
    return None if value is None else _CONVERT[kind](value)


def converters(kinds: Mapping[str, str]) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    return tuple((column, _CONVERT[kind]) for column, kind in kinds.items())


def canonical_row(kinds: Mapping[str, str], values: Mapping[str, Any]) -> dict[str, Any]:
    """The non-NULL columns of one row named in `kinds`, in canonical form."""
    return canonical_with(converters(kinds), values)


def canonical_with(
    columns: Sequence[tuple[str, Callable[[Any], Any]]], values: Mapping[str, Any]
) -> dict[str, Any]:
    """`canonical_row` with the converters worked out once (`converters`): the hot loop."""
    out = {}
    for column, convert in columns:
        value = values.get(column)
        if value is not None:
            out[column] = convert(value)
    return out


_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def digest_of(document: Any) -> str:
    """SHA-256 (hex) of the canonical JSON of `document`: sorted keys, no spaces, UTF-8."""
    return hashlib.sha256(_ENCODER.encode(document).encode("utf-8")).hexdigest()


_HASHED = {t: converters(kinds) for t, kinds in HASHED.items()}


def row_hash(table: str, position: int, prev_hash: str, values: Mapping[str, Any]) -> str:
    """The hash of one chained row at `position`, linked to `prev_hash`."""
    return digest_of(
        {
            "table": table,
            "position": position,
            "prev": prev_hash,
            "row": canonical_with(_HASHED[table], values),
        }
    )


# -- writing ---------------------------------------------------------------------------------------


def driver_value(value: Any, sqlite: bool) -> Any:
    """The value as the driver stores it (the same text SQLAlchemy's column types write on SQLite)."""
    kind = value.__class__
    if kind is str or kind is int or value is None:  # most values: as they are (the checks below agree)
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds") if sqlite else value
    if isinstance(value, date):
        return value.isoformat() if sqlite else value
    if value is not None and not isinstance(value, (str, int, bool, float)):
        return str(value)  # Decimal -> its exact text
    return value


def _cursor(connection: Connection) -> Any:
    return driver_connection(connection).cursor()


def _head(connection: Connection, cursor: Any) -> list[Any]:
    """This transaction's view of the head, locked for it on first use (see the module docstring)."""
    head = connection.info.get(_HEAD_KEY)
    if head is None:
        lock = "" if connection.dialect.name == "sqlite" else " FOR UPDATE"
        cursor.execute(f"SELECT position, head_hash FROM chain_head WHERE id = 1{lock}")
        row = cursor.fetchone()
        if row is None:
            raise RuntimeError("the chain head row is missing; run `her2desk db check`")
        head = connection.info[_HEAD_KEY] = [int(row[0]), row[1]]
    return head


@functools.cache
def _append_sql(table: str, sqlite: bool) -> tuple[tuple[str, ...], str, str]:
    """The columns an append writes (besides the chain's), its INSERT and the head's UPDATE."""
    columns = tuple(c for c in KINDS[table] if c != "id" and c not in CHAIN_COLUMNS)
    mark = "?" if sqlite else "%s"
    names = ", ".join((*columns, *CHAIN_COLUMNS))
    marks = ", ".join(mark for _ in range(len(columns) + 3))
    return (
        columns,
        f"INSERT INTO {table} ({names}) VALUES ({marks})",
        f"UPDATE chain_head SET position = {mark}, head_hash = {mark} WHERE id = 1",
    )


def append(connection: Connection, table: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` into the chained `table`, linked to the head, in the caller's transaction.

    Each row must name every column the database would otherwise default (its value is hashed).
    Audit rows about a case or a patient mark it for sealing at commit (`seals.py`)."""
    if not rows:
        return
    missing = DEFAULTED[table] - set(rows[0])
    if missing:
        raise ValueError(f"{table} rows must give {', '.join(sorted(missing))} (hashed)")
    sqlite = connection.dialect.name == "sqlite"
    columns, insert, move_head = _append_sql(table, sqlite)
    cursor = _cursor(connection)
    try:
        head = _head(connection, cursor)
        position, prev = head
        params = []
        for row in rows:
            position += 1
            digest = row_hash(table, position, prev, row)
            params.append((*[driver_value(row.get(c), sqlite) for c in columns], position, prev, digest))
            prev = digest
        cursor.executemany(insert, params)
        cursor.execute(move_head, (position, prev))
        head[:] = [position, prev]
    finally:
        cursor.close()
    if table == "audit":
        touch(connection, _subjects(rows))


def _subjects(audit_rows: Iterable[Mapping[str, Any]]) -> set[tuple[str, int]]:
    subjects = set()
    for row in audit_rows:
        if row.get("case_id") is not None:
            subjects.add(("case", int(row["case_id"])))
        if row.get("table_name") == "patient" and row.get("patient_id") is not None:
            subjects.add(("patient", int(row["patient_id"])))
    return subjects


def touch(connection: Connection, subjects: Iterable[tuple[str, int]]) -> None:
    """Mark cases/patients whose clinical rows this transaction changed: sealed when it commits."""
    connection.info.setdefault(_TOUCHED_KEY, set()).update(subjects)


@event.listens_for(Engine, "commit")
def _seal_before_commit(connection: Connection) -> None:
    touched = connection.info.pop(_TOUCHED_KEY, None)
    try:
        if touched:
            from her2desk.store.seals import seal  # here: seals imports this module

            seal(connection, touched)
    finally:
        connection.info.pop(_HEAD_KEY, None)


@event.listens_for(Engine, "rollback")
def _forget_on_rollback(connection: Connection) -> None:
    connection.info.pop(_TOUCHED_KEY, None)
    connection.info.pop(_HEAD_KEY, None)


@event.listens_for(Pool, "reset")
def _forget_on_reset(_dbapi_connection: Any, record: Any, _state: Any) -> None:
    record.info.pop(_TOUCHED_KEY, None)
    record.info.pop(_HEAD_KEY, None)


@event.listens_for(ChainHead.__table__, "after_create")
def _genesis(_table: Any, connection: Connection, **_kw: Any) -> None:
    connection.execute(ChainHead.__table__.insert().values(id=1, position=0, head_hash=GENESIS))


def read_head(connection: Connection) -> tuple[int, str] | None:
    """(position, hash) of the chain's head, or None when the head row is gone."""
    row = connection.exec_driver_sql("SELECT position, head_hash FROM chain_head WHERE id = 1").fetchone()
    return None if row is None else (int(row[0]), str(row[1]))


def chain_existing(connection: Connection, table: str, batch: int = 5000) -> int:
    """Link the rows of `table` written before chaining existed, in id order, after the current head
    (the upgrade that introduces the chain; the caller lifts any append-only trigger). Returns how
    many. Batched: `batch` rows read, hashed and updated at a time."""
    sqlite = connection.dialect.name == "sqlite"
    mark = "?" if sqlite else "%s"
    cursor = _cursor(connection)
    done, last_id = 0, 0
    try:
        head = _head(connection, cursor)
        while True:
            cursor.execute(
                f"SELECT * FROM {table} WHERE id > {mark} AND chain_seq IS NULL "
                f"ORDER BY id LIMIT {int(batch)}",
                (last_id,),
            )
            names = [d[0] for d in cursor.description]
            rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
            if not rows:
                break
            position, prev = head
            params = []
            for row in rows:
                position += 1
                digest = row_hash(table, position, prev, row)
                params.append((position, prev, digest, row["id"]))
                prev = digest
            cursor.executemany(
                f"UPDATE {table} SET chain_seq = {mark}, prev_hash = {mark}, row_hash = {mark} "
                f"WHERE id = {mark}",
                params,
            )
            cursor.execute(
                f"UPDATE chain_head SET position = {mark}, head_hash = {mark} WHERE id = 1", (position, prev)
            )
            head[:] = [position, prev]
            done += len(rows)
            last_id = rows[-1]["id"]
    finally:
        cursor.close()
    return done
