"""Every question the program asks in a modal dialog, one function each.

Callers use them through this module (`dialogs.ask_unsaved(...)`) so tests can replace a question
with an answer without a modal loop, and so the wording of each question lives in one place.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from her2desk.domain.records import CaseConflictError


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


UNSAVED_BUTTONS = (
    (QMessageBox.StandardButton.Save, "&Save"),
    (QMessageBox.StandardButton.Discard, "&Discard"),
    (QMessageBox.StandardButton.Cancel, "&Cancel"),
)


def unsaved_box(parent: QWidget, accession: str) -> QMessageBox:
    """The unsaved-changes question, not yet asked. Each answer has a mnemonic (Alt+S, Alt+D, Alt+C):
    Qt's standard buttons have none on every platform, and the keyboard must reach all three."""
    what = f"case {accession}" if accession.strip() else "the new case"
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Unsaved changes")
    box.setText(f"You have changed {what} without saving it.")
    box.setInformativeText("Save the changes, discard them, or go back to the case?")
    for standard, text in UNSAVED_BUTTONS:
        box.addButton(standard).setText(text)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_unsaved(parent: QWidget, accession: str) -> UnsavedChoice:
    """The case has unsaved changes and the person is leaving it; Cancel (stay) is the default."""
    answer = unsaved_box(parent, accession).exec()
    if answer == QMessageBox.StandardButton.Save:
        return UnsavedChoice.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def conflict_text(conflict: CaseConflictError) -> str:
    when = conflict.changed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    return (
        f"Case {conflict.accession} was changed by {conflict.changed_by} at {when}, after you opened it. "
        "Your changes were NOT saved and nothing was overwritten."
    )


def ask_conflict(parent: QWidget, conflict: CaseConflictError) -> bool:
    """Someone else saved the case first. True: reload their version (your edits are dropped)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Case changed by someone else")
    box.setText(conflict_text(conflict))
    box.setInformativeText(
        "Reload to see the current version (your edits will be discarded), or keep your edits on screen "
        "to copy them before reloading."
    )
    reload_button = box.addButton("&Reload", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Keep my edits on screen", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload_button)
    box.exec()
    return box.clickedButton() is reload_button


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_about(parent: QWidget) -> None:
    from her2desk import __version__
    from her2desk.domain.guideline_settings import (
        BREAST_GUIDELINE,
        GASTROESOPHAGEAL_GUIDELINE,
        OTHER_SITE_GUIDELINE,
        RULES_VERSION,
    )

    QMessageBox.about(
        parent,
        "About her2desk",
        f"<h3>her2desk {__version__}</h3>"
        "<p>Records, interprets and stores HER2 tumour-marker results.</p>"
        f"<p>Guidelines:<br>{BREAST_GUIDELINE}<br>{GASTROESOPHAGEAL_GUIDELINE}<br>{OTHER_SITE_GUIDELINE}</p>"
        f"<p>Rules: {RULES_VERSION}, with this lab's rule settings (Tools ▸ Lab settings shows the whole "
        "rules version, stored with every result).</p>",
    )


SHORTCUTS = (
    ("Ctrl+N", "new case"),
    ("Ctrl+S", "save the case (refused, with the first problem focused, while any remain)"),
    ("Ctrl+Shift+S", "sign out the open case with your password (pathologists)"),
    ("Ctrl+F", "search the worklist; Down arrow moves into the results, Enter opens a case"),
    ("Ctrl+O", "open the case selected in the worklist"),
    ("Ctrl+P", "handout preview of the open (or the one selected) case, with Print and Save as PDF"),
    ("Ctrl+Shift+P", "chart report preview of the open (or selected) case, with Print and Save as PDF"),
    ("Ctrl+1 / Ctrl+2 / Ctrl+3", "worklist / case / patient history"),
    ("F5", "refresh the worklist"),
    ("Enter in MRN, or Alt+D", "find the patient by MRN"),
    ("Alt+O", "the patient's history (from the case form)"),
    ("Tab / Shift+Tab", "next / previous entry field"),
    ("Alt + underlined letter", "go to that field"),
)


def shortcuts_html() -> str:
    rows = "".join(f"<tr><td><b>{keys}</b>&nbsp;&nbsp;</td><td>{what}</td></tr>" for keys, what in SHORTCUTS)
    return f"<table>{rows}</table>"


def show_shortcuts(parent: QWidget) -> None:
    QMessageBox.information(parent, "Keyboard shortcuts", shortcuts_html())
