"""Verify the chain (`chain.py`) and the seals (`seals.py`): what `her2desk db check` reports.

The walk reads the five chained tables in position order (one consistent snapshot), recomputes each
row's hash, and checks that positions run 1, 2, 3, ... without gaps or repeats and that each row links
to the one before it. The first problem found is "the first broken link"; the walk then continues from
that row so later problems are counted too. The head must be where the chain ends. Then every current
case and patient is hashed and compared with its last seal, and every case's copy of its patient's
name search key with the patient's (`case_name_keys`: derived, so not sealed).

With a digest written down earlier (`head_digest`), the walk also proves that the record still
contains what that digest committed to: some row, reached with no broken link before it, hashes to it.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from her2desk.store.case_name_keys import missing_name_key_triggers, stale_case_name_keys
from her2desk.store.chain import CHAINED_TABLES, GENESIS, read_head, row_hash
from her2desk.store.driver import driver_connection
from her2desk.store.seals import EMPTY_STATE, state_hashes

DIGEST_PREFIX = "sha256:"
SHOWN = 20  # problems listed one by one; the rest are counted


@dataclass(frozen=True)
class HeadDigest:
    """The chain's head: what a lab writes down (or a report prints) to anchor the record outside."""

    position: int
    hash: str

    @property
    def text(self) -> str:
        return f"{DIGEST_PREFIX}{self.hash}"

    def __str__(self) -> str:
        return f"{self.text} at record position {self.position}"


@dataclass
class RecordCheck:
    """The outcome of a walk; `problems` is empty when the record is intact."""

    rows: int = 0
    head: HeadDigest | None = None
    problems: list[str] = field(default_factory=list)
    digest_position: int | None = None  # where the given digest was found, if it was
    more: int = 0  # problems beyond those listed

    def add(self, problem: str) -> None:
        if len(self.problems) < SHOWN:
            self.problems.append(problem)
        else:
            self.more += 1

    @property
    def ok(self) -> bool:
        return not self.problems


def parse_digest(text: str) -> str:
    """The hex hash of a digest as written ("sha256:<64 hex>", or the hex alone); ValueError if not."""
    value = text.strip().lower()
    value = value.removeprefix(DIGEST_PREFIX).split()[0] if value else ""
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError(f"{text!r} is not a record digest; expected sha256: followed by 64 hex digits")
    return value


def head_digest(connection: Connection) -> HeadDigest | None:
    head = read_head(connection)
    return None if head is None else HeadDigest(*head)


def _label(table: str, row: dict[str, Any]) -> str:
    if table == "audit":
        what = f"{row.get('action')} of {row.get('table_name')} {row.get('record')}, {row.get('at')}"
    elif table == "record_seal":
        what = f"seal of {row.get('subject')} {row.get('subject_id')}"
    else:
        what = f"case id {row.get('case_id')}, report version {row.get('report_version')}"
    return f"{table} row {row.get('id')} ({what}) at position {row.get('chain_seq')}"


def _stream(connection: Connection, table: str) -> Iterator[tuple[int, str, dict[str, Any]]]:
    dbapi = driver_connection(connection)
    if connection.dialect.name == "sqlite":
        cursor = dbapi.cursor()
    else:
        cursor = dbapi.cursor(name=f"her2desk_chain_{table}")
        cursor.itersize = 2000
    try:
        cursor.execute(f"SELECT * FROM {table} WHERE chain_seq IS NOT NULL ORDER BY chain_seq, id")
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(2000):
            for values in batch:
                row = dict(zip(names, values, strict=True))
                yield int(row["chain_seq"]), table, row
    finally:
        cursor.close()


def _unchained(connection: Connection, check: RecordCheck) -> None:
    for table in CHAINED_TABLES:
        rows = connection.exec_driver_sql(
            f"SELECT id FROM {table} WHERE chain_seq IS NULL OR prev_hash IS NULL OR row_hash IS NULL "
            "ORDER BY id"
        ).fetchall()
        for (row_id,) in rows:
            check.add(f"{table} row {row_id} is not in the chain: it was written behind the program's back")


def _walk(connection: Connection, check: RecordCheck, digest: str | None) -> dict[tuple[str, int], Any]:
    """Verify every link; returns the last seal of each subject: (state hash, position, sealed at)."""
    expected, prev, broken = 1, GENESIS, False
    seals: dict[tuple[str, int], Any] = {}
    streams = [_stream(connection, t) for t in CHAINED_TABLES]
    for position, table, row in heapq.merge(*streams, key=lambda item: item[0]):
        check.rows += 1
        problem = None
        if position < expected:
            problem = f"{_label(table, row)}: that position is already taken (a row added or replaced)"
        elif position > expected:
            problem = (
                f"position {expected}" + (f" to {position - 1}" if position - 1 > expected else "")
                + f" missing before {_label(table, row)}: rows were removed"
            )  # fmt: skip
        elif row["prev_hash"] != prev:
            problem = f"{_label(table, row)}: does not link to the row before it"
        computed = row_hash(table, position, row["prev_hash"], row)
        if problem is None and computed != row["row_hash"]:
            problem = f"{_label(table, row)}: its contents do not match its hash (changed after writing)"
        if problem is not None:
            check.add(("first broken link: " if not broken else "") + problem)
            broken = True
        elif digest is not None and computed == digest and check.digest_position is None and not broken:
            check.digest_position = position
        if position >= expected:
            expected, prev = position + 1, row["row_hash"]
        if table == "record_seal":
            seals[(row["subject"], int(row["subject_id"]))] = (row["state_hash"], position, row["sealed_at"])
    head = read_head(connection)
    if head is None:
        check.add("the chain head is missing (chain_head row 1 was deleted)")
    else:
        check.head = HeadDigest(*head)
        if head != (expected - 1, prev):
            check.add(
                f"the chain ends at position {expected - 1} but its head says {head[0]}"
                + (": rows were removed from the end" if head[0] > expected - 1 else "")
                + ("" if head[0] != expected - 1 else ": the head or the last row was changed")
            )
    return seals


def _accessions(connection: Connection, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join(str(int(i)) for i in ids)
    rows = connection.exec_driver_sql(f"SELECT id, accession FROM her2_case WHERE id IN ({marks})")
    return {int(i): a for i, a in rows}


def _compare_seals(connection: Connection, check: RecordCheck, seals: dict[tuple[str, int], Any]) -> None:
    changed: list[tuple[str, int, Any]] = []
    for subject in ("patient", "case"):
        for subject_id, state in state_hashes(connection, subject):
            last = seals.pop((subject, subject_id), None)
            if last is None or last[0] != state:
                changed.append((subject, subject_id, last))
    accessions = _accessions(connection, [i for s, i, _ in changed[:SHOWN] if s == "case"])
    for subject, subject_id, last in changed:
        name = f"case {accessions[subject_id]}" if subject_id in accessions else f"{subject} id {subject_id}"
        if last is None:
            check.add(f"{name}: stored with no audited write (it has no seal)")
        else:
            check.add(
                f"{name}: its clinical rows differ from what the last audited write left "
                f"(sealed at position {last[1]}, {last[2]}): changed behind the "
                "program's back"
            )
    for (subject, subject_id), last in sorted(seals.items()):
        if last[0] != EMPTY_STATE:
            check.add(f"{subject} id {subject_id}: removed with no audited write")


def _compare_name_keys(connection: Connection, check: RecordCheck) -> None:
    """Every case's copy of its patient's name key (`case_name_keys`): derived, so not sealed, but a
    stale copy hides the case from a name search, and a missing trigger makes the next one stale."""
    for name in missing_name_key_triggers(connection):
        check.add(
            f"search key protection missing: trigger {name}; cases saved from now on may not be found "
            "by family name (restore it with the program's migration)"
        )
    for accession in stale_case_name_keys(connection, SHOWN):
        check.add(
            f"case {accession}: its copy of the patient's family-name search key differs from the "
            "patient's (changed by hand): a name search may not find it"
        )


def verify_record(engine: Engine, digest: str | None = None) -> RecordCheck:
    """Walk the chain and compare the seals, in one consistent snapshot (see the module docstring).
    `digest`: a hex hash from `parse_digest`; the check then also reports where it was found."""
    check = RecordCheck()
    options: dict[str, Any] = {}
    if engine.dialect.name != "sqlite":
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    with engine.connect().execution_options(**options) as connection, connection.begin():
        _unchained(connection, check)
        seals = _walk(connection, check, digest)
        _compare_seals(connection, check, seals)
        _compare_name_keys(connection, check)
    if digest is not None and check.digest_position is None:
        check.add(
            f"the record does not contain what digest {DIGEST_PREFIX}{digest} committed to: the chain was "
            "rewritten or broken before that point, or the digest is from another database"
        )
    return check
