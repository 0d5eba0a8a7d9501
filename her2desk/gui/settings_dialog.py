"""Tools ▸ Lab settings: every lab setting with its label; editable and saved only by an administrator.

Everyone else sees the same form read-only (the settings decide who signs out and what reaches the
patient, so staff should be able to see them). Every value is checked with the domain's rules before
anything is written; a value that is not allowed is shown beside its field and nothing is saved.
Save writes all changed settings in one transaction (`LabSettingsService.update_many`), which checks
the administrator's role again in the database. `run_modal` is the one place a modal loop starts, so
tests replace it and drive the dialog directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.lab_settings import (
    LANGUAGES,
    MAX_TEXT_CHARS,
    SETTING_LABELS,
    SETTING_NAMES,
    WHOLE_NUMBER_RANGES,
    LabSettingError,
    LabSettings,
    format_setting,
    parse_setting,
)
from her2desk.domain.workflow import Actor, Role
from her2desk.gui.fields import message_label, show_message

if TYPE_CHECKING:
    from her2desk.services.lab_settings_service import LabSettingsService

BOOLEAN_SETTINGS = ("allow_self_verification", "allow_preliminary_handouts")
READ_ONLY_NOTE = "Only an administrator can change the lab settings; they are shown here read-only."
ADMIN_NOTE = "These settings apply at once to every workstation on this database. Changes are audited."
HINTS = {
    "lab_name": "printed on the patient handout",
    "lab_contact": "the handout's contact line, e.g. Call 555-0100, Monday to Friday",
    "allow_self_verification": "one-person labs: whoever entered the results may sign them out",
    "allow_preliminary_handouts": "a case not signed out may get a page marked PRELIMINARY — NOT FINAL",
    "idle_lock_minutes": "the window locks after this many idle minutes (1-240)",
    "handout_language": "the language a new handout starts in",
    "lockout_after_failures": "wrong passwords in a row (sign-in and signature) before an administrator "
    "must unlock the account (3-20)",
    "failure_delay_seconds": "seconds the next attempt waits after a second wrong password in a row, "
    "doubling after each further one (0-60)",
}


def run_modal(dialog: QDialog) -> int:
    return dialog.exec()


class SettingsDialog(QDialog):
    """The lab settings form. `on_saved(text)` receives the status-bar text after a successful save."""

    def __init__(
        self,
        service: LabSettingsService,
        actor: Actor | None,
        parent: QWidget | None = None,
        on_saved: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.actor = actor
        self.on_saved = on_saved
        self.editable = actor is not None and actor.role is Role.ADMINISTRATOR
        self.setWindowTitle("Lab settings")
        self.setAccessibleName("Lab settings")
        settings, problems = service.load_checked()
        self.settings = settings
        self.inputs: dict[str, QLineEdit | QCheckBox | QComboBox] = {}
        self.messages: dict[str, QLabel] = {}
        note = QLabel(ADMIN_NOTE if self.editable else READ_ONLY_NOTE)
        note.setWordWrap(True)
        note.setAccessibleName("Lab settings note")
        self.problems = QLabel("\n".join(f"Stored value not used: {p}" for p in problems))
        self.problems.setAccessibleName("Lab settings problems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(problems))
        form = QFormLayout()
        for name in SETTING_NAMES:
            label = SETTING_LABELS[name]
            widget = self._input(name)
            widget.setAccessibleName(label)
            widget.setToolTip(HINTS.get(name, ""))
            widget.setEnabled(self.editable)
            self.inputs[name] = widget
            self.messages[name] = message_label(label)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.messages[name])
            form.addRow(f"{label}:", column)
        self.message = message_label("Lab settings")
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save lab settings")
        self.save_button.setVisible(self.editable)
        self.save_button.setDefault(self.editable)
        self.close_button = QPushButton("&Close" if not self.editable else "Cancel")
        self.close_button.setAccessibleName("Close lab settings")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.problems)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self._fill(settings)

    def _input(self, name: str) -> QLineEdit | QCheckBox | QComboBox:
        if name in BOOLEAN_SETTINGS:
            return QCheckBox(HINTS[name])
        if name == "handout_language":
            combo = QComboBox()
            combo.addItems(list(LANGUAGES))
            return combo
        field = QLineEdit()
        if name not in WHOLE_NUMBER_RANGES:
            field.setMaxLength(MAX_TEXT_CHARS + 50)  # room to show the "at most" message, not a silent cut
        return field

    def _fill(self, settings: LabSettings) -> None:
        for name, widget in self.inputs.items():
            value = getattr(settings, name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(str(value))
            else:
                widget.setText(format_setting(value))

    def raw_values(self) -> dict[str, str]:
        """What the form holds now, as the text `parse_setting` reads."""
        values: dict[str, str] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QCheckBox):
                values[name] = format_setting(widget.isChecked())
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentText()
            else:
                values[name] = widget.text()
        return values

    def changes(self) -> dict[str, str]:
        """The settings whose value differs from the one loaded (raw text, not yet checked)."""
        return {
            name: raw
            for name, raw in self.raw_values().items()
            if raw.strip() != format_setting(getattr(self.settings, name))
        }

    def problems_found(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for name, raw in self.changes().items():
            try:
                parse_setting(name, raw)
            except LabSettingError as error:
                found[name] = str(error).removeprefix(f"{name}: ")
        return found

    def save(self) -> bool:
        """Check every field, then save the changed ones together. True when saved (or nothing changed)."""
        from her2desk.domain.workflow import WorkflowError

        if not self.editable:
            return False
        problems = self.problems_found()
        for name, label in self.messages.items():
            show_message(label, problems.get(name, ""))
        if problems:
            show_message(self.message, "Nothing was saved: correct the values marked in red.")
            self.inputs[next(iter(problems))].setFocus()
            return False
        changes = self.changes()
        if not changes:
            show_message(self.message, "")
            self.accept()
            return True
        try:
            self.settings = self.service.update_many(self.actor, changes)
        except (WorkflowError, LabSettingError) as error:
            show_message(self.message, f"Nothing was saved: {error}")
            return False
        except Exception as error:  # an unreachable or locked database: in words, never a traceback
            show_message(self.message, f"Nothing was saved; the database could not be written: {error}")
            return False
        show_message(self.message, "")
        if self.on_saved is not None:
            labels = ", ".join(SETTING_LABELS[name] for name in changes)
            self.on_saved(f"Lab settings saved: {labels}")
        self.accept()
        return True


def show_lab_settings(
    service: LabSettingsService,
    actor: Actor | None,
    parent: QWidget | None,
    on_saved: Callable[[str], None] | None,
) -> SettingsDialog:
    dialog = SettingsDialog(service, actor, parent, on_saved)
    run_modal(dialog)
    return dialog
