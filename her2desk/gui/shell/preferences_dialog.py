"""Tools ▸ Preferences…: this person's own choices on this computer (QSettings), not the lab's.

Only the interface language for now. The window's words are chosen once, at start (see
`gui.common.translation`), so the dialog says honestly that a change takes effect at the next start
rather than half-translating the open windows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from her2desk.gui.common import translation


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Preferences", "Preferences"))
        self.setAccessibleName("Preferences")
        self.setMinimumWidth(420)  # room for the note on two lines at most
        self.language = QComboBox()
        self.language.setAccessibleName("Language")
        system = translation.LANGUAGE_NAMES[translation.resolved_language(translation.SYSTEM)]
        self.language.addItem(
            QCoreApplication.translate("Preferences", "As the system ({language})").format(language=system),
            translation.SYSTEM,
        )
        for code, name in translation.LANGUAGE_NAMES.items():  # each in its own words, never a code
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(translation.preferred_language())))
        caption = QLabel(QCoreApplication.translate("Preferences", "&Language"))
        caption.setBuddy(self.language)
        self.note = QLabel()
        self.note.setAccessibleName("Language note")
        self.note.setWordWrap(True)
        self.language.currentIndexChanged.connect(self._on_change)
        form = QFormLayout()
        form.addRow(caption, self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def chosen(self) -> str:
        data = self.language.currentData()
        return data if isinstance(data, str) else translation.SYSTEM

    def _on_change(self) -> None:
        changed = translation.resolved_language(self.chosen()) != translation.active_language()
        self.note.setText(
            QCoreApplication.translate(
                "Preferences", "The new language takes effect the next time the program starts."
            )
            if changed
            else ""
        )
        self.adjustSize()  # the note's lines get their height (a shown dialog does not grow by itself)

    def accept(self) -> None:
        translation.set_preferred_language(self.chosen())
        super().accept()


def show_preferences(parent: QWidget) -> bool:
    """Ask; True when the person saved a choice."""
    return PreferencesDialog(parent).exec() == QDialog.DialogCode.Accepted
