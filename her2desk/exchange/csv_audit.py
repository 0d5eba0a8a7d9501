"""The audit trail as a CSV file, for reading in a spreadsheet (not for importing anywhere).

UTF-8 with a header row; times in ISO 8601 with their UTC offset, in the zone the viewer shows
(`zone` None: this computer's zone); `old` and `new` as the JSON text the audit stored.

Because the file is meant to be opened in a spreadsheet, a cell that a spreadsheet would take for a
formula (first character = + - @, or a tab or carriage return) gets a leading apostrophe: a user name
or a typed value such as "=HYPERLINK(...)" then shows as text instead of running. The apostrophe
changes the value, so this file must not be read back by a program as the exact trail; the database
is the record.

The file is written under a temporary name beside the target and renamed when complete, so a failed
export never leaves a truncated file that looks like a good one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import tzinfo
from pathlib import Path
from typing import IO

from her2desk.domain.audit_query import AuditRecord, action_label, table_label

HEADER = ("id", "time", "user", "action", "action_name", "accession", "table", "record", "old", "new")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class AuditExportError(Exception):
    """The file could not be written; the message says which file and why. Nothing was left behind."""


def defuse(cell: str) -> str:
    """Prefix a formula-looking cell with an apostrophe (see the module docstring)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def audit_row(entry: AuditRecord, zone: tzinfo | None = None) -> list[str]:
    when = entry.when.astimezone(zone).isoformat(timespec="seconds")
    cells = [
        str(entry.id),
        when,
        entry.who,
        entry.action,
        action_label(entry.action),
        entry.accession or "",
        table_label(entry.table),
        entry.record,
        entry.old_json or "",
        entry.new_json or "",
    ]
    return [defuse(cell) for cell in cells]


def write_audit_csv(stream: IO[str], entries: Iterable[AuditRecord], zone: tzinfo | None = None) -> int:
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(HEADER)
    count = 0
    for entry in entries:
        writer.writerow(audit_row(entry, zone))
        count += 1
    return count


def write_audit_csv_file(path: Path, entries: Iterable[AuditRecord], zone: tzinfo | None = None) -> int:
    """Write the file (temporary name, then rename); returns the number of rows after the header."""
    path = Path(path)
    if path.is_dir():
        raise AuditExportError(f"{path} is a folder; give a file name")
    partial = path.with_name(path.name + ".part")
    try:
        with partial.open("w", encoding="utf-8", newline="") as stream:
            count = write_audit_csv(stream, entries, zone)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise AuditExportError(f"cannot write {path}: {error.strerror or error}; nothing exported") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return count
