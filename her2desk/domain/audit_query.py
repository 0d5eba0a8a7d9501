"""What an auditor asks of the audit trail, and the rows it gets back, as plain values.

Dates are calendar days as the person at the workstation reads them: `date_from` and `date_to` are
both inclusive and are local days, in the zone the times are shown in (the workstation's own zone
unless a caller passes another). The store keeps naive UTC, so `utc_bounds` turns the two days into
a half-open UTC interval [start of date_from, start of the day after date_to). A day that starts or
ends at a daylight-saving change is still exactly that local day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from her2desk.domain.phrases import Phrase

# Readable names for the audit actions that services write; unknown ones are shown as they are. Phrases,
# so the audit views say them in the interface's language (an export keeps the English).
ACTION_LABELS: dict[str, str] = {
    "login": Phrase("Signed in"),
    "login-failed": Phrase("Failed sign-in"),
    "login-refused": Phrase("Sign-in refused (too soon or locked)"),
    "account-locked": Phrase("Account locked (wrong passwords)"),
    "account-unlocked": Phrase("Account unlocked"),
    "logout": Phrase("Signed off"),
    "lock": Phrase("Screen locked"),
    "unlock": Phrase("Screen unlocked"),
    "sign-out": Phrase("Report signed out"),
    "signature-failed": Phrase("Failed signature"),
    "sign-out-refused": Phrase("Sign-out refused"),
    "adjudicate-refused": Phrase("Adjudication refused"),
    "amend-refused": Phrase("Amendment refused"),
    "adjudicate": Phrase("Adjudicated"),
    "amend": Phrase("Amended"),
    "handout": Phrase("Handout printed"),
    "setting": Phrase("Lab setting changed"),
    "db-roles": Phrase("Database roles set up"),
    "insert": Phrase("Record created"),
    "update": Phrase("Record changed"),
    "delete": Phrase("Record deleted"),
}

# Readable names for the tables an audit row names.
TABLE_LABELS: dict[str, str] = {
    "her2_case": Phrase("case"),
    "patient": Phrase("patient"),
    "specimen": Phrase("specimen"),
    "ihc_result": Phrase("IHC result"),
    "ish_result": Phrase("ISH result"),
    "ish_count": Phrase("ISH count"),
    "interpretation": Phrase("interpretation"),
    "app_user": Phrase("user"),
    "lab_setting": Phrase("lab setting"),
}


# Tables whose audit rows belong to one case (the `case_id` column): named by the case's accession.
CASE_CHILD_TABLES = frozenset({"specimen", "ihc_result", "ish_result", "ish_count", "interpretation"})


def action_label(action: str) -> str:
    """ "login-failed" -> "Failed sign-in"; an action not known here keeps its stored name."""
    return ACTION_LABELS.get(action, action)


def table_label(table: str) -> str:
    return TABLE_LABELS.get(table, table)


class AuditQueryError(ValueError):
    """A filter value that cannot be used; the message names the field and what is allowed."""


def parse_day(text: str, field: str) -> date | None:
    """A filter date typed as YYYY-MM-DD ('' = no limit)."""
    value = text.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise AuditQueryError(f"{field}: use a date as YYYY-MM-DD, for example 2026-03-31") from None


@dataclass(frozen=True)
class AuditQuery:
    """Filters of the audit viewer; None or '' means "any". All given filters must match.

    `accession` limits the trail to one case, including its patient's rows (as a case's history shows
    them); `text` matches anywhere in the record id or the old and new values, ignoring case (on SQLite only
    the case of ASCII letters).
    """

    who: str | None = None
    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    accession: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise AuditQueryError(
                f"date from ({self.date_from.isoformat()}) is after date to ({self.date_to.isoformat()})"
            )

    def utc_bounds(self, zone: tzinfo | None = None) -> tuple[datetime | None, datetime | None]:
        """Naive-UTC [start, end) for the local days asked for; `zone` None = this computer's zone."""
        start = _local_midnight_utc(self.date_from, zone) if self.date_from else None
        end = _local_midnight_utc(self.date_to + timedelta(days=1), zone) if self.date_to else None
        return start, end


def _local_midnight_utc(day: date, zone: tzinfo | None) -> datetime:
    midnight = datetime.combine(day, time())
    local = midnight.astimezone() if zone is None else midnight.replace(tzinfo=zone)
    return local.astimezone(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class AuditRecord:
    """One audit row as the viewer and the export show it; `when` is aware (UTC).

    `old_json` and `new_json` are the JSON text as stored (the export writes it unchanged, which
    keeps a 200,000-row export from decoding and re-encoding every value); `old` and `new` decode it.

    `record` is the database key as stored. The names a person knows the subject by come with the row,
    read in the same query as the page: `accession` (the case of `case_id`), `user_name` (the account
    a user row is about) and `patient_mrn` (the patient of a patient row); None when there is no such
    row (any more). `subject` puts them in words.
    """

    id: int
    when: datetime
    who: str
    action: str
    table: str
    record: str
    accession: str | None
    old_json: str | None
    new_json: str | None
    case_id: int | None = None
    patient_id: int | None = None
    user_name: str | None = None
    patient_mrn: str | None = None

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    @property
    def subject(self) -> str:
        return subject(self)

    @property
    def old(self) -> dict[str, Any] | None:
        return _decoded(self.old_json)

    @property
    def new(self) -> dict[str, Any] | None:
        return _decoded(self.new_json)


def _decoded(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}


def describe_changes(entry: AuditRecord) -> list[str]:
    """The row's values in words, one line per field: "field: old -> new" (or just the value)."""
    old = entry.old or {}
    new = entry.new or {}
    lines = []
    for key in sorted(set(old) | set(new), key=lambda k: (k not in new, k)):
        before, after = old.get(key), new.get(key)
        if key in old and key in new:
            lines.append(f"{key}: {_shown(before)} → {_shown(after)}")
        elif key in new:
            lines.append(f"{key}: {_shown(after)}")
        else:
            lines.append(f"{key}: was {_shown(before)}")
    return lines


def _shown(value: Any) -> str:
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def subject(record: AuditRecord) -> str:
    """Which record an audit row is about, in the words a lab uses: "case S26-00101", "specimen of
    S26-00101", "ISH count (observer 2) of S26-00101", "user tom", "patient MRN DEMO000001".

    A database id is never shown bare: a subject whose row no longer resolves says so in words, and
    a user row without an account (a sign-in with an unknown user name) says that. Records keyed by a
    name rather than an id (lab settings, database metadata) are shown with that name.
    """
    label = table_label(record.table)
    if record.table == "her2_case":
        if record.accession:
            return Phrase("case {accession}", accession=record.accession)
        if not record.record.strip().isdigit():  # a row about many cases ("demo 1-40"), not one id
            return Phrase("cases {cases}", cases=record.record)
        return Phrase("case no longer in the database")
    if record.table in CASE_CHILD_TABLES:
        what: str = label
        if record.table == "ish_count":
            observer = _observer(record.record)
            if observer:
                what = Phrase("{table} (observer {observer})", table=label, observer=observer)
        if record.accession:
            return Phrase("{what} of {accession}", what=what, accession=record.accession)
        if record.case_id is not None:
            return Phrase("{what} of a case no longer in the database", what=what)
        return Phrase("{what} of an unknown case", what=what)
    if record.table == "app_user":
        if record.user_name:
            return Phrase("user {name}", name=record.user_name)
        if record.record.strip():
            return Phrase("user account no longer in the database")
        return Phrase("user: no such account")
    if record.table == "patient":
        if record.patient_mrn:
            return Phrase("patient MRN {mrn}", mrn=record.patient_mrn)
        return Phrase("patient no longer in the database")
    return Phrase("{table} {record}", table=label, record=record.record) if record.record else label


def _observer(record: str) -> str | None:
    """The observer of an ISH count row stored by the case writer as "<case id>/<observer>"."""
    _case, sep, observer = record.partition("/")
    return observer if sep and observer else None
