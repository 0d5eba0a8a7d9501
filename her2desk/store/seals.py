"""Seals: the hash of each case's and patient's clinical rows as the last audited write left them.

Clinical rows change legitimately, so they cannot be chained themselves; instead every write
transaction that audits a change to a case or patient appends, at commit, a `record_seal` row (in the
chain) with the hash of that subject's current rows (`state_hash`). A case's state is its `her2_case`
row with its specimen, IHC, ISH, ISH count and interpretation rows; a patient's is the patient row (a
case's state names its patient by id). `db check` recomputes every current state and compares it with
the last seal: an UPDATE, INSERT or DELETE made with no audited write (a SQL prompt, another program)
shows as a mismatch, or as a case with no seal at all.

Each state is the canonical form (`chain.canonical_row`) of every column of its rows, with the same
rules as the chain, so a revision that adds a nullable column leaves every state as it was; one that
fills a column of these tables must seal again (`seal_all`), unless the column is derived from a
sealed one and left out of the state (`UNSEALED`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from her2desk.store.chain import KINDS, append, converters, digest_of
from her2desk.store.driver import driver_connection

# (table, key column, ORDER BY); the first table of each subject is the one whose rows define it.
SUBJECT_TABLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "case": (
        ("her2_case", "id", "id"),
        ("specimen", "case_id", "case_id"),
        ("ihc_result", "case_id", "case_id"),
        ("ish_result", "case_id", "case_id"),
        ("interpretation", "case_id", "case_id"),
        ("ish_count", "case_id", "case_id, observer"),
    ),
    "patient": (("patient", "id", "id"),),
}
# Search keys added after seals existed, derived from a sealed column (`patient.mrn_number_key` from
# `mrn`, revision 0013; a case's copy of its patient's `family_name_key`, revision 0014): left out of
# the state, so filling them kept every seal valid and changes nothing a seal protects (a key altered
# by hand misleads only the search, never a record; `db check` reports a stale case copy).
UNSEALED: dict[str, frozenset[str]] = {
    "patient": frozenset({"mrn_number_key"}),
    "her2_case": frozenset({"family_name_key"}),
}
MANY_ROWS = frozenset({"ish_count"})  # a list of rows per case; the others are one row or none
EMPTY_STATE = digest_of({})  # a subject whose rows are gone (deleted through the program)
CHUNK = 500


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@functools.cache
def _plan(table: str, names: tuple[str, ...]) -> tuple[tuple[str, int, Callable[[Any], Any]], ...]:
    """(name, position in the row, converter) of the sealed columns the schema knows, for one shape
    of `SELECT *` result: worked out once per table, not once per seal."""
    skip = UNSEALED.get(table, frozenset())
    convert = {name: fn for name, fn in converters(KINDS[table]) if name not in skip}
    return tuple((name, i, convert[name]) for i, name in enumerate(names) if name in convert)


def _rows(cursor: Any, table: str, key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    names = tuple(d[0] for d in cursor.description)
    index = names.index(key)
    columns = _plan(table, names)
    while batch := cursor.fetchmany(2000):
        for row in batch:
            out = {}
            for name, i, to_canonical in columns:
                value = row[i]
                if value is not None:
                    out[name] = to_canonical(value)
            yield int(row[index]), out


def _states(streams: list[tuple[str, Iterator[tuple[int, dict[str, Any]]]]]) -> Iterator[tuple[int, str]]:
    """Merge the per-table streams (each ordered by subject id) into (subject id, state hash)."""
    main_table, main = streams[0]
    pending: list[tuple[int, dict[str, Any]] | None] = [next(s, None) for _, s in streams[1:]]
    for subject_id, main_row in main:
        document: dict[str, Any] = {main_table: main_row}
        for i, (table, stream) in enumerate(streams[1:]):
            rows = []
            while (head := pending[i]) is not None and head[0] <= subject_id:
                key, row = head
                if key == subject_id:
                    rows.append(row)
                pending[i] = next(stream, None)
            if rows:
                document[table] = rows if table in MANY_ROWS else rows[0]
        yield subject_id, digest_of(document)


def _open(connection: Connection, sql: str, params: tuple[Any, ...], name: str, stream: bool) -> Any:
    dbapi = driver_connection(connection)
    if stream and connection.dialect.name != "sqlite":
        cursor = dbapi.cursor(name=name)  # server side: the whole table never sits in memory
        cursor.itersize = 2000
    else:
        cursor = dbapi.cursor()
    cursor.execute(sql, params)
    return cursor


def state_hashes(
    connection: Connection, subject: str, ids: Iterable[int] | None = None
) -> Iterator[tuple[int, str]]:
    """(id, state hash) of the stored cases or patients: all of them (ordered by id, streamed), or
    those in `ids` (missing ones are left out)."""
    mark = "?" if connection.dialect.name == "sqlite" else "%s"
    chunks: list[list[int] | None] = [None]
    if ids is not None:
        wanted = sorted(set(ids))
        chunks = [wanted[i : i + CHUNK] for i in range(0, len(wanted), CHUNK)]
    for chunk in chunks:
        cursors = []
        try:
            streams = []
            for table, key, order in SUBJECT_TABLES[subject]:
                where = ""
                params: tuple[int, ...] = ()
                if chunk is not None:
                    where = f" WHERE {key} IN ({', '.join(mark for _ in chunk)})"
                    params = tuple(chunk)
                sql = f"SELECT * FROM {table}{where} ORDER BY {order}"
                cursor = _open(connection, sql, params, f"her2desk_state_{table}", chunk is None)
                cursors.append(cursor)
                streams.append((table, _rows(cursor, table, key)))
            yield from _states(streams)
        finally:
            for cursor in cursors:
                cursor.close()


def seal(connection: Connection, subjects: Iterable[tuple[str, int]]) -> None:
    """Append a seal for each (subject, id) with its current state (EMPTY_STATE when it is gone)."""
    now = _utc_now()
    rows: list[dict[str, Any]] = []
    for subject in ("patient", "case"):
        ids = sorted(i for s, i in subjects if s == subject)
        if not ids:
            continue
        found = dict(state_hashes(connection, subject, ids))
        rows.extend(
            {"subject": subject, "subject_id": i, "state_hash": found.get(i, EMPTY_STATE), "sealed_at": now}
            for i in ids
        )
    append(connection, "record_seal", rows)


def seal_all(connection: Connection, batch: int = 5000) -> int:
    """Seal every stored case and patient (the upgrade that introduces seals); returns how many."""
    now = _utc_now()
    sealed = 0
    for subject in ("patient", "case"):
        rows: list[dict[str, Any]] = []
        for subject_id, state in state_hashes(connection, subject):
            rows.append({"subject": subject, "subject_id": subject_id, "state_hash": state, "sealed_at": now})
            if len(rows) >= batch:
                append(connection, "record_seal", rows)
                sealed += len(rows)
                rows = []
        append(connection, "record_seal", rows)
        sealed += len(rows)
    return sealed
