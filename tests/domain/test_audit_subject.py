"""An audit row's subject in words: accessions and user names, never a bare database id, and a subject
that no longer resolves said so; records keyed by a name (lab settings) keep it."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from her2desk.domain.audit_query import AuditRecord, subject


def _row(table: str, record: str, **names: object) -> AuditRecord:
    return AuditRecord(
        1, datetime(2026, 3, 1, tzinfo=UTC), "tom", "update", table, record,
        names.pop("accession", None), None, None, **names,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (_row("her2_case", "7", accession="S26-00101", case_id=7), "case S26-00101"),
        (_row("specimen", "7", accession="S26-00101", case_id=7), "specimen of S26-00101"),
        (_row("ihc_result", "7", accession="S26-00101", case_id=7), "IHC result of S26-00101"),
        (_row("ish_result", "7", accession="S26-00101", case_id=7), "ISH result of S26-00101"),
        (_row("ish_count", "7/2", accession="S26-00101", case_id=7), "ISH count (observer 2) of S26-00101"),
        (_row("ish_count", "12", accession="S26-00101", case_id=7), "ISH count of S26-00101"),
        (_row("interpretation", "7", accession="S26-00101", case_id=7), "interpretation of S26-00101"),
        (_row("app_user", "3", user_name="tom"), "user tom"),
        (_row("patient", "4", patient_id=4, patient_mrn="DEMO000101"), "patient MRN DEMO000101"),
        (_row("lab_setting", "handout_language"), "lab setting handout_language"),
        # The demo's one summary row about all its cases is not "a case no longer in the database".
        (_row("her2_case", "demo 1-40"), "cases demo 1-40"),
    ],
)
def test_subjects_are_named_as_the_lab_names_them(row: AuditRecord, words: str) -> None:
    assert subject(row) == words
    assert row.subject == words


@pytest.mark.parametrize(
    ("row", "words"),
    [
        (_row("her2_case", "7", case_id=7), "case no longer in the database"),
        (_row("specimen", "7", case_id=7), "specimen of a case no longer in the database"),
        (_row("ish_count", "7/1", case_id=7), "ISH count (observer 1) of a case no longer in the database"),
        (_row("specimen", "7"), "specimen of an unknown case"),
        (_row("app_user", "3"), "user account no longer in the database"),
        (_row("app_user", ""), "user: no such account"),
        (_row("patient", "4", patient_id=4), "patient no longer in the database"),
    ],
)
def test_a_subject_that_does_not_resolve_is_said_in_words_never_as_an_id(
    row: AuditRecord, words: str
) -> None:
    assert subject(row) == words
    database_id = row.record.partition("/")[0]
    assert not database_id or not re.search(rf"\b{database_id}\b", words)
