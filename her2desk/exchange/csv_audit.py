"""The audit trail as a CSV file, for reading in a spreadsheet (not for importing anywhere).

UTF-8 with a header row; times in ISO 8601 with their UTC offset, in the zone the viewer shows
(`zone` None: this computer's zone); `old` and `new` as the JSON text the audit stored.

`record` is the stored database key; the last two columns name it as the lab does: `record_name` (the
row's subject in words, "specimen of S26-00101", as the viewer shows it) and `record_user` (the user
name of a user row). They were added after the others, so the first ten columns keep their names and
places for readers of older files.

Because the file is meant to be opened in a spreadsheet, a cell that a spreadsheet would take for a
formula (first character = + - @, or a tab or carriage return) gets a leading apostrophe
(`exchange.spreadsheet`, shared with the case export): a user name or a typed value such as
"=HYPERLINK(...)" then shows as text instead of running. The database, not this file, is the record.

The file is written into a new private file (0600) beside the target and renamed when complete
(`her2desk.files`), so a failed export never leaves a truncated file that looks like a good one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import tzinfo
from pathlib import Path
from typing import IO

from her2desk.domain.audit_query import AuditRecord, action_label, table_label
from her2desk.exchange.spreadsheet import defuse
from her2desk.files import private_text

HEADER = (
    "id", "time", "user", "action", "action_name", "accession", "table", "record", "old", "new",
    "record_name", "record_user",
)  # fmt: skip


class AuditExportError(Exception):
    """The file could not be written; the message says which file and why. Nothing was left behind."""


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
        entry.subject,
        entry.user_name or "",
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
    try:
        with private_text(path) as stream:
            count = write_audit_csv(stream, entries, zone)
    except OSError as error:
        raise AuditExportError(f"cannot write {path}: {error.strerror or error}; nothing exported") from None
    return count
