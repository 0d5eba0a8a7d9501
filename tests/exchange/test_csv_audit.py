"""The audit CSV as a real file read back with the csv module: header, ISO times with their offset,
old/new as JSON, unicode names, formula-looking cells defused, no partial file on failure."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from her2desk.domain.audit_query import AuditRecord
from her2desk.exchange.csv_audit import HEADER, AuditExportError, defuse, write_audit_csv_file

PLUS_TWO = timezone(timedelta(hours=2))


def _record(i: int, **changes: object) -> AuditRecord:
    values: dict[str, object] = {
        "id": i,
        "when": datetime(2026, 5, 6, 7, 8, 9, tzinfo=UTC),
        "who": "pia",
        "action": "amend",
        "table": "her2_case",
        "record": str(i),
        "accession": "S26-00001",
        "old": {"report_version": 1},
        "new": {"report_version": 2, "reason": "Zählung wiederholt — 王"},
    }
    values.update(changes)
    for side in ("old", "new"):
        value = values.pop(side)
        values[f"{side}_json"] = None if value is None else json.dumps(value, ensure_ascii=False)
    return AuditRecord(**values)  # type: ignore[arg-type]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames or ()) == HEADER
        return list(reader)


def test_rows_read_back_with_times_in_the_zone_and_json_values(tmp_path: Path) -> None:
    target = tmp_path / "audit.csv"
    count = write_audit_csv_file(target, [_record(2), _record(1, who="Åsa.Øster", old=None)], PLUS_TWO)
    assert count == 2
    rows = _read(target)
    assert [r["id"] for r in rows] == ["2", "1"]
    assert rows[0]["time"] == "2026-05-06T09:08:09+02:00"
    assert rows[0]["action"] == "amend"
    assert rows[0]["action_name"] == "Amended"
    assert rows[0]["table"] == "case"
    assert rows[0]["accession"] == "S26-00001"
    assert json.loads(rows[0]["new"]) == {"report_version": 2, "reason": "Zählung wiederholt — 王"}
    assert json.loads(rows[0]["old"]) == {"report_version": 1}
    assert rows[1]["user"] == "Åsa.Øster"
    assert rows[1]["old"] == ""
    assert not (tmp_path / "audit.csv.part").exists()


def test_formula_looking_cells_are_defused(tmp_path: Path) -> None:
    target = tmp_path / "audit.csv"
    write_audit_csv_file(
        target,
        [
            _record(1, who='=HYPERLINK("http://x")', record="+1", accession="@SUM(A1)"),
            _record(2, who="-2", record="\tx"),
        ],
        UTC,
    )
    first, second = _read(target)
    assert first["user"] == '\'=HYPERLINK("http://x")'
    assert first["record"] == "'+1"
    assert first["accession"] == "'@SUM(A1)"
    assert second["user"] == "'-2"
    assert second["record"] == "'\tx"
    assert first["time"] == "2026-05-06T07:08:09+00:00"  # ordinary cells untouched
    assert defuse("S26-1") == "S26-1"
    assert defuse("") == ""


def test_a_folder_or_unwritable_place_is_refused_and_nothing_is_left(tmp_path: Path) -> None:
    with pytest.raises(AuditExportError, match="is a folder"):
        write_audit_csv_file(tmp_path, [_record(1)])
    missing = tmp_path / "no-such-folder" / "audit.csv"
    with pytest.raises(AuditExportError, match="cannot write"):
        write_audit_csv_file(missing, [_record(1)])
    assert not missing.parent.exists()


def test_a_failure_while_reading_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "audit.csv"

    def broken():
        yield _record(1)
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_audit_csv_file(target, broken())
    assert list(tmp_path.iterdir()) == []


def test_the_subject_is_named_in_added_columns_after_the_old_ones(tmp_path: Path) -> None:
    """Readers of older files keep their ten columns in place; the names come after them."""
    assert HEADER[:10] == (
        "id", "time", "user", "action", "action_name", "accession", "table", "record", "old", "new"
    )  # fmt: skip
    assert HEADER[10:] == ("record_name", "record_user")
    target = tmp_path / "audit.csv"
    rows = [
        _record(3, table="specimen", record="7", case_id=7),
        _record(2, action="login", table="app_user", record="3", accession=None, user_name="tom"),
        _record(1, action="update", table="app_user", record="44", accession=None),
    ]
    write_audit_csv_file(target, rows)
    read = _read(target)
    assert [(r["accession"], r["record"], r["record_name"], r["record_user"]) for r in read] == [
        ("S26-00001", "7", "specimen of S26-00001", ""),
        ("", "3", "user tom", "tom"),
        ("", "44", "user account no longer in the database", ""),
    ]
