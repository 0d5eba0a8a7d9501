"""Leaving a case with unsaved changes asks first; a save over someone else's change is refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.records import CaseConflictError
from her2desk.domain.vocabulary import IhcScore, Laterality, Procedure, Sex, Site
from her2desk.gui.common import dialogs
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.case_service import CaseService, open_case_service


def stored_case(service: CaseService, accession: str = "S26-000500") -> CaseEntry:
    entry = CaseEntry(
        accession=accession,
        patient=PatientDetails("SYN-500", "Testpatient-Beta", "Sam", date(1962, 3, 4), Sex.FEMALE),
        specimen=SpecimenDetails(
            procedure=Procedure.SURGICAL_RESECTION,
            site=Site.BREAST,
            laterality=Laterality.RIGHT,
            collected_on=date(2026, 2, 1),
            block="B1",
        ),
        ihc=IhcDetails(clone="4B5", score=IhcScore.THREE_PLUS, stained_pct=Decimal(80)),
    )
    service.save(entry, None)
    return entry


def open_in_window(window: MainWindow, service: CaseService, accession: str) -> None:
    stored = service.load(accession)
    assert stored is not None
    window.open_case_id(stored.case_id)
    assert window.editor.form.rows["accession"].text() == accession


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> tuple[list[dialogs.UnsavedChoice], list[str]]:
    """(queue, asked): each unsaved-changes question is recorded and answered from the queue."""
    queue: list[dialogs.UnsavedChoice] = []
    asked: list[str] = []

    def ask(_parent: object, accession: str) -> dialogs.UnsavedChoice:
        asked.append(accession)
        return queue.pop(0)

    monkeypatch.setattr(dialogs, "ask_unsaved", ask)
    return queue, asked


def test_leaving_a_changed_case_asks_and_cancel_keeps_it(window: MainWindow, service, ui, answers) -> None:
    queue, asked = answers
    stored_case(service)
    open_in_window(window, service, "S26-000500")
    ui.type(window.editor.form, "Block", "B2")
    assert window.editor.is_dirty()

    queue.append(dialogs.UnsavedChoice.CANCEL)
    window.new_action.trigger()
    assert asked == ["S26-000500"]
    assert ui.text(window.editor.form, "Block") == "B2"  # still there, still unsaved

    queue.append(dialogs.UnsavedChoice.DISCARD)
    window.new_action.trigger()
    assert ui.text(window.editor.form, "Accession number") == ""
    assert service.load("S26-000500").entry.specimen.block == "B1"


def test_leaving_and_choosing_save_saves(window: MainWindow, service, ui, answers) -> None:
    queue, asked = answers
    stored_case(service)
    open_in_window(window, service, "S26-000500")
    ui.type(window.editor.form, "Block", "B3")
    queue.append(dialogs.UnsavedChoice.SAVE)
    window.new_action.trigger()
    assert asked == ["S26-000500"]
    assert service.load("S26-000500").entry.specimen.block == "B3"


def test_the_accession_of_a_stored_case_is_read_only(window: MainWindow, service, ui, qtbot) -> None:
    stored_case(service)
    open_in_window(window, service, "S26-000500")
    field = ui.find(window.editor.form, "Accession number")
    assert field.isReadOnly()
    qtbot.keyClicks(field, "X")
    assert field.text() == "S26-000500"
    window.new_action.trigger()
    assert not field.isReadOnly()


def test_no_question_when_nothing_changed(window: MainWindow, service, ui, answers) -> None:
    _queue, asked = answers
    stored_case(service)
    open_in_window(window, service, "S26-000500")
    ui.type(window.editor.form, "Block", "B2")
    ui.type(window.editor.form, "Block", "B1")  # typed back to what is stored
    window.new_action.trigger()
    assert asked == []


def test_saving_an_unchanged_case_adds_no_version(window: MainWindow, service, ui) -> None:
    stored_case(service)
    open_in_window(window, service, "S26-000500")
    audit_before = len(service.audit_for_case("S26-000500"))
    assert window.editor.save()
    assert service.load("S26-000500").version == 1
    assert len(service.audit_for_case("S26-000500")) == audit_before
    ui.type(window.editor.form, "Block", "B9")
    assert window.editor.save()
    assert service.load("S26-000500").version == 2


def test_closing_the_window_with_unsaved_changes_asks(window: MainWindow, ui, answers) -> None:
    queue, asked = answers
    ui.type(window.editor.form, "Accession number", "S26-000777")
    queue.append(dialogs.UnsavedChoice.CANCEL)
    window.close()
    assert asked == ["S26-000777"]
    assert window.isVisible()


def test_conflict_from_another_workstation_is_shown_and_nothing_is_overwritten(
    window: MainWindow, service: CaseService, db_path, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored_case(service)
    open_in_window(window, service, "S26-000500")
    ui.type(window.editor.form, "Block", "MINE")

    other = open_case_service(str(db_path), user="dr-other")
    try:
        theirs = other.load("S26-000500")
        specimen = replace(theirs.entry.specimen, block="THEIRS")
        other.save(theirs.entry.with_changes(specimen=specimen), theirs.version)
    finally:
        other.close()

    conflicts: list[CaseConflictError] = []

    def ask_conflict(_parent: object, conflict: CaseConflictError) -> bool:
        conflicts.append(conflict)
        return False  # keep my edits on screen

    monkeypatch.setattr(dialogs, "ask_conflict", ask_conflict)
    window.save_action.trigger()
    assert len(conflicts) == 1
    assert conflicts[0].changed_by == "dr-other"
    assert conflicts[0].changed_at.astimezone().date() == date.today()
    text = dialogs.conflict_text(conflicts[0])
    assert "dr-other" in text
    assert "nothing was overwritten" in text
    assert service.load("S26-000500").entry.specimen.block == "THEIRS"
    assert ui.text(window.editor.form, "Block") == "MINE"
    assert "dr-other" in window.statusBar().currentMessage()

    monkeypatch.setattr(dialogs, "ask_conflict", lambda *_a: True)  # now: reload
    window.save_action.trigger()
    assert ui.text(window.editor.form, "Block") == "THEIRS"
    assert not window.editor.is_dirty()
    assert window.editor.version == service.load("S26-000500").version


def test_duplicate_accession_is_refused_beside_the_accession(window: MainWindow, service, ui) -> None:
    stored_case(service)
    form = window.editor.form
    for name, text in (
        ("Accession number", "S26-000500"),
        ("MRN", "SYN-501"),
        ("Family name", "Testpatient-Gamma"),
        ("Given name", "Gail"),
        ("Birth date", "1980-01-01"),
    ):
        ui.type(form, name, text)
    ui.choose(form, "Procedure", "Core needle biopsy")
    ui.choose(form, "Site", "Breast")
    ui.choose(form, "Laterality", "Left")
    ui.choose(form, "IHC score", "0")
    window.save_action.trigger()
    assert "already stored" in ui.message(form, "Accession number")
    assert service.load("S26-000500").entry.patient.mrn == "SYN-500"


def test_a_database_failure_on_save_is_reported_and_the_entries_stay(
    window: MainWindow, service: CaseService, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored_case(service)
    open_in_window(window, service, "S26-000500")
    ui.type(window.editor.form, "Block", "B9")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))

    def unavailable(*_args: object) -> None:
        raise OSError("disk I/O error")

    monkeypatch.setattr(service, "save", unavailable)
    window.save_action.trigger()
    assert len(errors) == 1
    assert "disk I/O error" in errors[0]
    assert ui.text(window.editor.form, "Block") == "B9"
    assert window.editor.is_dirty()


def test_a_database_held_by_another_workstation_is_reported_in_words(
    window: MainWindow, service: CaseService, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another workstation holds the write lock for longer than this one waits: the save says so in
    words (the same error display as any failed save) and the entries stay."""
    import sqlite3

    from her2desk.store import engine as store_engine

    stored_case(service)
    open_in_window(window, service, "S26-000500")
    ui.type(window.editor.form, "Block", "B9")
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))
    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 300)
    service.database.engine.dispose()  # new connections wait 0.3 s, not 10 s
    other = sqlite3.connect(service.database.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        window.save_action.trigger()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert len(errors) == 1
    assert "the database is busy: another workstation is writing to it" in errors[0]
    assert "database is locked" not in errors[0]
    assert ui.text(window.editor.form, "Block") == "B9"
    assert window.editor.is_dirty()


def test_a_database_failure_on_open_is_reported(
    window: MainWindow, service: CaseService, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, text: errors.append(text))

    def unavailable(*_args: object) -> None:
        raise OSError("database is locked")

    monkeypatch.setattr(service, "load", unavailable)
    window.open_accession("S26-000500")
    assert errors == ["case S26-000500 could not be read: database is locked"]
    assert not window.editor.isVisible()


def test_a_signed_out_case_is_not_saved_and_says_why(
    window: MainWindow, service, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    from her2desk.domain.workflow import Role
    from her2desk.services.auth_service import AuthService
    from her2desk.services.signout_service import SignOutService

    stored_case(service)
    auth = AuthService(service.database)
    auth.create_user("ada", "admin-pass-1", Role.ADMINISTRATOR)
    admin = auth.login("ada", "admin-pass-1").actor
    auth.create_user("pia", "pia-pass-1", Role.PATHOLOGIST, by=admin)
    pathologist = auth.login("pia", "pia-pass-1").actor
    SignOutService(service.database).sign_out(pathologist, "S26-000500", "pia-pass-1", 1)
    open_in_window(window, service, "S26-000500")
    # Signed out: the form is read-only (issue 5 GUI), and Save says why without a database error.
    block = ui.find(window.editor.form, "Block")
    assert block.isReadOnly()
    ui.qtbot.keyClicks(block, "7")
    assert block.text() == "B1"
    assert not window.editor.save()
    message = window.statusBar().currentMessage()
    assert "signed out: amend it to change it" in message
    assert "database could not be written" not in message
    assert service.load("S26-000500").entry.specimen.block == "B1"
