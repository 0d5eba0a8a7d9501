"""Automatic accession numbers for new cases saved without one, from the lab's pattern (a lab setting).

A typed accession always wins; only a new case whose accession is left empty gets a number, and only
while the `accession_pattern` setting is set (otherwise the empty accession is refused as before). The
number is drawn inside the save's write transaction (`store.accession_counters`), first, before
anything that appends to the audit chain, so it is stored, audited and committed with the case or not
at all: a save that fails hands out no number anyone has seen. A number someone already typed by hand
for another case is skipped, so a drawn number never repeats a stored accession.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import Connection

from her2desk.domain.accession_pattern import AccessionPattern
from her2desk.domain.case import CaseEntry
from her2desk.domain.identifiers import accession_problem
from her2desk.domain.phrases import Phrase
from her2desk.domain.problems import Problem
from her2desk.domain.records import CaseInvalidError
from her2desk.services.lab_settings_service import read_lab_settings
from her2desk.store.accession_counters import accession_taken, draw_number

MAX_SKIPPED = 1000  # numbers already typed by hand that one draw steps over before giving up


def wants_number(entry: CaseEntry, expected_version: int | None) -> bool:
    """A new case whose accession was left empty: the pattern, if the lab set one, numbers it."""
    return expected_version is None and not entry.accession.strip()


def pattern_in_force(connection: Connection) -> AccessionPattern | None:
    """The lab's pattern read on `connection` (None: automatic numbers are off, or the stored value is
    unusable, which `load_checked` reports)."""
    settings, _problems = read_lab_settings(connection)
    try:
        return settings.accession_numbering
    except ValueError:
        return None


def sample_entry(entry: CaseEntry, pattern: AccessionPattern, on: date) -> CaseEntry:
    """`entry` with the pattern's first number, to check everything else before the transaction."""
    return replace(entry, accession=pattern.accession(on, 1))


def numbered(connection: Connection, entry: CaseEntry, pattern: AccessionPattern, on: date) -> CaseEntry:
    """`entry` with the next free number of the pattern's counter for the date `on`, drawn in the
    caller's write transaction."""
    key = pattern.counter_key(on)
    for _ in range(MAX_SKIPPED):
        accession = pattern.accession(on, draw_number(connection, key))
        problem = accession_problem(accession)
        if problem is not None:  # a plain {seq} that has outgrown the length limit
            raise CaseInvalidError(
                (
                    Problem(
                        "accession",
                        Phrase(
                            "the next automatic accession number {accession} cannot be used (an accession "
                            "number {problem}); "
                            "type the accession number, and ask an administrator to change the pattern",
                            accession=accession,
                            problem=problem,
                        ),
                    ),
                )
            )
        if not accession_taken(connection, accession):
            return replace(entry, accession=accession)
    raise CaseInvalidError(
        (
            Problem(
                "accession",
                Phrase(
                    "the next {count} automatic accession numbers were all typed for other cases; "
                    "type the accession number",
                    count=MAX_SKIPPED,
                ),
            ),
        )
    )
