"""Case ▸ Correct patient details… as the new-user tester met it: a technologist saves a case with a
typo in the family name, corrects it in the form, is refused (the MRN belongs to "Exmaple"), corrects
the stored patient through the new action, and saves the case under the corrected name.

Real SQLite file, real users, real window and dialog driven by accessible name; only the dialog's modal
loop (`patient_actions.exec_dialog`) is replaced by code that types into the dialog and presses its buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QPushButton
from sqlalchemy import select
from support.qt_fixtures import dialog_queue

from her2desk.domain.workflow import Actor, Role
from her2desk.gui.patient import patient_actions
from her2desk.services.auth_service import AuthService
from her2desk.store.database import Database, open_database
from her2desk.store.schema import AuditRow

ACCESSION = "S26-000103"
MRN = "MRN10003"
REASON = "family name misspelt at registration"


@dataclass
class Lab:
    database: Database
    admin: Actor
    tech: Actor


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    database = open_database(str(tmp_path / "lab.sqlite3"))
    auth = AuthService(database)
    auth.create_user("ada", "admin-pass-1", Role.ADMINISTRATOR, "Ada Admin")
    admin = auth.login("ada", "admin-pass-1").actor
    auth.create_user("tom", "tech-pass-1", Role.TECHNOLOGIST, "Tom Tech", by=admin)
    tech = auth.login("tom", "tech-pass-1").actor
    yield Lab(database, admin, tech)
    database.close()


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch, qtbot) -> list[Callable[[QDialog], None]]:
    """Functions that each drive one correction dialog (see `qt_fixtures.dialog_queue`)."""
    return dialog_queue(monkeypatch, qtbot, patient_actions)


def type_case(ui, form, family_name: str) -> None:
    for name, text in (
        ("Accession number", ACCESSION),
        ("MRN", MRN),
        ("Family name", family_name),
        ("Given name", "Carol"),
        ("Birth date", "1980-02-29"),
    ):
        ui.type(form, name, text)
    ui.choose(form, "Sex", "Female")
    ui.choose(form, "Procedure", "Core needle biopsy")
    ui.choose(form, "Site", "Breast")
    ui.choose(form, "Laterality", "Left")
    ui.type(form, "Collection date", "2026-01-15")
    ui.type(form, "Antibody clone", "4B5")
    ui.choose(form, "IHC score", "3+")
    ui.type(form, "Stained percent", "80")


def reason_box(qtbot, dialog: QDialog, text: str) -> None:
    (edit,) = [w for w in dialog.findChildren(QPlainTextEdit) if w.accessibleName() == "Correction reason"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def press_correct(qtbot, dialog: QDialog) -> None:
    (button,) = [w for w in dialog.findChildren(QPushButton) if w.accessibleName() == "Correct"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def problem(dialog: QDialog) -> str:
    (label,) = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == "Problem"]
    return label.text() if label.isVisibleTo(dialog) else ""


def test_tester_corrects_a_typo_in_the_family_name(lab: Lab, open_window, drive, ui, qtbot) -> None:
    window = open_window(lab, lab.tech)
    messages: list[str] = []
    window.new_action.trigger()
    window.editor.status_message.connect(messages.append)
    form = window.editor.form
    type_case(ui, form, "Exmaple")
    window.save_action.trigger()
    saved = window.service.load(ACCESSION)
    assert saved is not None
    assert saved.entry.patient.family_name == "Exmaple"

    ui.type(form, "Family name", "Example")
    window.save_action.trigger()
    assert messages[-1].startswith(f"Not saved: MRN: MRN {MRN} belongs to Exmaple, Carol (born 1980-02-29)")
    assert "the family name entered for case S26-000103 differs." in messages[-1]
    assert "Case ▸ Correct patient details…" in messages[-1]
    assert window.service.load(ACCESSION).entry.patient.family_name == "Exmaple"
    ui.type(form, "Block", "A2")  # another unsaved change, which the correction must not drop

    def first_try(dialog: QDialog) -> None:
        assert ui.text(dialog, "Family name") == "Exmaple"  # the stored details, prefilled
        assert ui.text(dialog, "Birth date") == "1980-02-29"
        ui.type(dialog, "Family name", "")
        reason_box(qtbot, dialog, "typo")
        press_correct(qtbot, dialog)
        assert dialog.isVisible()
        assert ui.message(dialog, "Family name") == "Required"
        ui.type(dialog, "Family name", "Example")
        press_correct(qtbot, dialog)
        assert dialog.isVisible()
        assert ui.message(dialog, "Family name") == ""
        assert "needs a reason of at least 10 characters" in problem(dialog)
        reason_box(qtbot, dialog, REASON)
        press_correct(qtbot, dialog)
        assert not dialog.isVisible()

    drive.append(first_try)
    window.menus["case"].aboutToShow.emit()
    assert window.patient_actions.action.isEnabled()
    window.patient_actions.action.trigger()
    assert not drive
    assert (
        "Corrected patient MRN10003 (Exmaple, Carol → Example, Carol) on 1 case"
        in window.statusBar().currentMessage()
    )
    assert (ui.text(form, "Family name"), ui.text(form, "Block")) == ("Example", "A2")  # edits kept
    assert window.has_unsaved_changes()

    window.save_action.trigger()
    stored = window.service.load(ACCESSION)
    assert stored.entry.patient.family_name == "Example"
    assert messages[-1].startswith(f"Saved case {ACCESSION}")
    assert (stored.entry.specimen.block, stored.version) == ("A2", saved.version + 1)
    assert not window.has_unsaved_changes()
    with lab.database.reader() as session:
        (row,) = session.scalars(select(AuditRow).where(AuditRow.action == "patient-corrected"))
        assert (row.who, row.table_name) == ("tom", "patient")


def test_a_saved_case_is_reloaded_with_the_corrected_name(lab: Lab, open_window, drive, ui, qtbot) -> None:
    window = open_window(lab, lab.tech)
    window.new_action.trigger()
    form = window.editor.form
    type_case(ui, form, "Exmaple")
    window.save_action.trigger()
    assert not window.has_unsaved_changes()

    def correct(dialog: QDialog) -> None:
        ui.type(dialog, "Family name", "Example")
        ui.type(dialog, "Birth date", "1980-02-30")
        reason_box(qtbot, dialog, REASON)
        press_correct(qtbot, dialog)
        assert "is not a date" in ui.message(dialog, "Birth date")
        ui.type(dialog, "Birth date", "1980-02-29")
        press_correct(qtbot, dialog)

    drive.append(correct)
    assert window.patient_actions.correct()
    assert ui.text(form, "Family name") == "Example"
    assert not window.has_unsaved_changes()


def test_cancel_changes_nothing_and_an_administrator_is_not_offered_it(
    lab: Lab, open_window, drive, ui, qtbot
) -> None:
    window = open_window(lab, lab.tech)
    window.new_action.trigger()
    type_case(ui, window.editor.form, "Exmaple")
    window.save_action.trigger()

    def cancel(dialog: QDialog) -> None:
        ui.type(dialog, "Family name", "Example")
        dialog.reject()

    drive.append(cancel)
    assert not window.patient_actions.correct()
    assert window.service.load(ACCESSION).entry.patient.family_name == "Exmaple"
    assert "nothing was changed" in window.statusBar().currentMessage()

    assert patient_actions.refusals(lab.admin, window.current_case()) == ["an administrator may not edit"]
    assert patient_actions.refusals(lab.tech, None) == ["open a stored case first"]
