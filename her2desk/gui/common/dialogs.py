"""Every question the program asks in a modal dialog, one function each.

Callers use them through this module (`dialogs.ask_unsaved(...)`) so tests can replace a question
with an answer without a modal loop, and so the wording of each question lives in one place.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from her2desk.domain.records import CaseConflictError
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


UNSAVED_BUTTONS = (  # English, marked for pyside6-lupdate; shown through translate("Dialogs", ...)
    (QMessageBox.StandardButton.Save, QT_TRANSLATE_NOOP("Dialogs", "&Save")),
    (QMessageBox.StandardButton.Discard, QT_TRANSLATE_NOOP("Dialogs", "&Discard")),
    (QMessageBox.StandardButton.Cancel, QT_TRANSLATE_NOOP("Dialogs", "&Cancel")),
)


def unsaved_box(parent: QWidget, accession: str) -> QMessageBox:
    """The unsaved-changes question, not yet asked. Each answer has a mnemonic (Alt+S, Alt+D, Alt+C):
    Qt's standard buttons have none on every platform, and the keyboard must reach all three."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Unsaved changes"))
    box.setText(
        translate("Dialogs", "You have changed case {accession} without saving it.").format(
            accession=accession
        )
        if accession.strip()
        else translate("Dialogs", "You have changed the new case without saving it.")
    )
    box.setInformativeText(translate("Dialogs", "Save the changes, discard them, or go back to the case?"))
    for standard, text in UNSAVED_BUTTONS:
        box.addButton(standard).setText(translate("Dialogs", text))
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
    return translate(
        "Dialogs",
        "Case {accession} was changed by {user} at {when}, after you opened it. "
        "Your changes were NOT saved and nothing was overwritten.",
    ).format(accession=conflict.accession, user=conflict.changed_by, when=when)


def ask_conflict(parent: QWidget, conflict: CaseConflictError) -> bool:
    """Someone else saved the case first. True: reload their version (your edits are dropped)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Case changed by someone else"))
    box.setText(conflict_text(conflict))
    box.setInformativeText(
        translate(
            "Dialogs",
            "Reload to see the current version (your edits will be discarded), or keep your edits on "
            "screen to copy them before reloading.",
        )
    )
    reload_button = box.addButton(translate("Dialogs", "&Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Dialogs", "&Keep my edits on screen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload_button)
    box.exec()
    return box.clickedButton() is reload_button


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, translate("Dialogs", "About her2desk"), about_html())


def about_html() -> str:
    """The About box's words (the guideline names are the domain's, as stored with every result)."""
    from her2desk import __version__
    from her2desk.domain.guideline_settings import (
        BREAST_GUIDELINE,
        GASTROESOPHAGEAL_GUIDELINE,
        OTHER_SITE_GUIDELINE,
        RULES_VERSION,
    )

    return translate(
        "Dialogs",
        "<h3>her2desk {version}</h3>"
        "<p>Records, interprets and stores HER2 tumour-marker results.</p>"
        "<p>Guidelines:<br>{guidelines}</p>"
        "<p>Rules: {rules}, with this lab's rule settings (Tools ▸ Lab settings shows the whole "
        "rules version, stored with every result).</p>",
    ).format(
        version=__version__,
        guidelines="<br>".join((BREAST_GUIDELINE, GASTROESOPHAGEAL_GUIDELINE, OTHER_SITE_GUIDELINE)),
        rules=RULES_VERSION,
    )


# English, marked for pyside6-lupdate; shown through translate("Shortcuts", ...).
SHORTCUTS = (
    ("Ctrl+N", QT_TRANSLATE_NOOP("Shortcuts", "new case")),
    (
        "Ctrl+S",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "save the case (refused, with the first problem focused, while any remain)"
        ),
    ),
    (
        "Ctrl+Shift+S",
        QT_TRANSLATE_NOOP("Shortcuts", "sign out the open case with your password (pathologists)"),
    ),
    (
        "Ctrl+F",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "search the worklist; Down arrow moves into the results, Enter opens a case"
        ),
    ),
    ("Ctrl+O", QT_TRANSLATE_NOOP("Shortcuts", "open the case selected in the worklist")),
    (
        "Ctrl+P",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "handout preview of the open (or the one selected) case, with Print and Save as PDF"
        ),
    ),
    (
        "Ctrl+Shift+P",
        QT_TRANSLATE_NOOP(
            "Shortcuts", "chart report preview of the open (or selected) case, with Print and Save as PDF"
        ),
    ),
    ("Ctrl+1 / Ctrl+2 / Ctrl+3", QT_TRANSLATE_NOOP("Shortcuts", "worklist / case / patient history")),
    ("F5", QT_TRANSLATE_NOOP("Shortcuts", "refresh the worklist")),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Enter in MRN, or Alt+D"),
        QT_TRANSLATE_NOOP("Shortcuts", "find the patient by MRN"),
    ),
    ("Alt+O", QT_TRANSLATE_NOOP("Shortcuts", "the patient's history (from the case form)")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("Shortcuts", "next / previous entry field")),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Alt + underlined letter"),
        QT_TRANSLATE_NOOP("Shortcuts", "go to that field"),
    ),
)


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td><b>{translate('Shortcuts', keys)}</b>&nbsp;&nbsp;</td>"
        f"<td>{translate('Shortcuts', what)}</td></tr>"
        for keys, what in SHORTCUTS
    )
    return f"<table>{rows}</table>"


def show_shortcuts(parent: QWidget) -> None:
    QMessageBox.information(parent, translate("Dialogs", "Keyboard shortcuts"), shortcuts_html())
