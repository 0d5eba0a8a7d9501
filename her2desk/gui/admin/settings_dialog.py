"""Tools ▸ Lab settings: every lab setting with its label; editable and saved only by an administrator.

Three tabs: General (workflow and handout), Rules (the rules her2desk lets a lab configure:
`domain.rule_settings`, one row per setting, in words) and Report comments (each comment text in a
multi-line editor). The rules version the rules and comments give is shown; it is stored with every
result, so a change of a rule or a text shows up as a new version.

Everyone else sees the same form read-only (the settings decide who signs out, what reaches the
patient and how results are interpreted, so staff should be able to see them). Every value is checked
with the domain's rules before anything is written; a value that is not allowed is shown beside its
field and nothing is saved. Save writes all changed settings in one transaction
(`LabSettingsService.update_many`), which checks the administrator's role again in the database.
`run_modal` is the one place a modal loop starts, so tests replace it and drive the dialog directly.
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
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.lab_settings import (
    LANGUAGES,
    MAX_TEXT_CHARS,
    PAPER_SIZES,
    SETTING_LABELS,
    SETTING_NAMES,
    WHOLE_NUMBER_RANGES,
    LabSettingError,
    format_setting,
)
from her2desk.domain.rule_settings import (
    RULE_SETTING_LABELS,
    RULE_SETTINGS,
    RULE_SETTINGS_BY_NAME,
    RULES_SECTION,
    format_rule_value,
    parse_any_setting,
    rule_problems,
    rule_value,
    rules_version,
    with_rule_values,
)
from her2desk.domain.workflow import Actor, Role
from her2desk.gui.common.domain_text import say, say_error
from her2desk.gui.common.fields import message_label, show_message
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from her2desk.services.lab_settings_service import LabSettingsService

BOOLEAN_SETTINGS = ("allow_self_verification", "allow_preliminary_handouts")
# English, marked for pyside6-lupdate; shown through translate("LabSettings", ...). The settings' own labels
# are the domain's phrases (`SETTING_LABELS`, `RULE_SETTING_LABELS`), shown through `say`; the accessible
# names stay English.
READ_ONLY_NOTE = QT_TRANSLATE_NOOP(
    "LabSettings", "Only an administrator can change the lab settings; they are shown here read-only."
)
ADMIN_NOTE = QT_TRANSLATE_NOOP(
    "LabSettings", "These settings apply at once to every workstation on this database. Changes are audited."
)
RULES_NOTE = QT_TRANSLATE_NOOP(
    "LabSettings",
    "Rules the guideline leaves to the laboratory (her2desk's defaults shown until changed). Every "
    "result is stored with the rules version these settings give, so it can always be re-derived.",
)
COMMENTS_NOTE = QT_TRANSLATE_NOOP(
    "LabSettings",
    "The comments printed with a result on the pathology report (not the patient handout). Replace "
    "the paraphrases with your laboratory's exact wording.",
)
HINTS = {
    "lab_name": QT_TRANSLATE_NOOP(
        "LabSettings",
        "printed on the patient handout",
    ),
    "lab_contact": QT_TRANSLATE_NOOP(
        "LabSettings",
        "the handout's contact line, e.g. Call 555-0100, Monday to Friday",
    ),
    "allow_self_verification": QT_TRANSLATE_NOOP(
        "LabSettings",
        "one-person labs: whoever entered the results may sign them out",
    ),
    "allow_preliminary_handouts": QT_TRANSLATE_NOOP(
        "LabSettings",
        "a case not signed out may get a page marked PRELIMINARY — NOT FINAL",
    ),
    "idle_lock_minutes": QT_TRANSLATE_NOOP(
        "LabSettings",
        "the window locks after this many idle minutes (1-240)",
    ),
    "handout_language": QT_TRANSLATE_NOOP(
        "LabSettings",
        "the language a new handout starts in",
    ),
    "lab_name_en": QT_TRANSLATE_NOOP(
        "LabSettings",
        "the lab's name on English handouts; empty: the lab name above",
    ),
    "lab_contact_en": QT_TRANSLATE_NOOP(
        "LabSettings",
        "the contact line on English handouts; empty: the contact line above",
    ),
    "lab_name_es": QT_TRANSLATE_NOOP(
        "LabSettings",
        "the lab's name on Spanish handouts; empty: the lab name above (the preview warns)",
    ),
    "lab_contact_es": QT_TRANSLATE_NOOP(
        "LabSettings",
        "the contact line on Spanish handouts; empty: the contact line above (the preview warns)",
    ),
    "paper_size": QT_TRANSLATE_NOOP(
        "LabSettings",
        "a4, letter, or auto: the paper of this computer's locale (US Letter in the US, Canada, "
        "Mexico and a few more; A4 elsewhere)",
    ),
    "lockout_after_failures": QT_TRANSLATE_NOOP(
        "LabSettings",
        "wrong passwords in a row (sign-in and signature) before an administrator "
        "must unlock the account (3-20)",
    ),
    "accession_pattern": QT_TRANSLATE_NOOP(
        "LabSettings",
        "a new case saved with an empty accession gets the next number, e.g. H{yy}-{seq:06} "
        "gives H26-000001: {yy} or {yyyy} the year, {seq:06} the counter (restarts each year when the "
        "pattern has one); empty: every accession is typed",
    ),
    "failure_delay_seconds": QT_TRANSLATE_NOOP(
        "LabSettings",
        "seconds the next attempt waits after a second wrong password in a row, "
        "doubling after each further one (0-60)",
    ),
}
CHOICES = {"handout_language": LANGUAGES, "paper_size": PAPER_SIZES}  # the values a combo box offers
COMMENT_LINES = 5  # each comment editor's height in lines of text

Input = QLineEdit | QCheckBox | QComboBox | QPlainTextEdit


def run_modal(dialog: QDialog) -> int:
    return dialog.exec()


def _labels() -> dict[str, str]:
    return {**SETTING_LABELS, **RULE_SETTING_LABELS}


class SettingsDialog(QDialog):
    """The lab settings form. `on_saved(text)` receives the status-bar text after a successful save."""

    def __init__(
        self,
        service: LabSettingsService,
        actor: Actor | None,
        parent: QWidget | None = None,
        on_saved: Callable[[str], None] | None = None,
    ) -> None:
        from her2desk.services.bundle import Services

        super().__init__(parent)
        self.service = service
        self.rule_service = Services(service.database).rule_settings
        self.actor = actor
        self.on_saved = on_saved
        self.editable = actor is not None and actor.role is Role.ADMINISTRATOR
        self.setWindowTitle(translate("LabSettings", "Lab settings"))
        self.setAccessibleName("Lab settings")
        settings, problems = service.load_checked()
        rules, rule_problems_found = self.rule_service.load_checked()
        self.settings = settings
        self.rules = rules
        self.inputs: dict[str, Input] = {}
        self.messages: dict[str, QLabel] = {}
        note = QLabel(translate("LabSettings", ADMIN_NOTE if self.editable else READ_ONLY_NOTE))
        note.setWordWrap(True)
        note.setAccessibleName("Lab settings note")
        found = problems + rule_problems_found
        self.problems = QLabel(
            "\n".join(
                translate("LabSettings", "Stored value not used: {problem}").format(problem=p) for p in found
            )
        )
        self.problems.setAccessibleName("Lab settings problems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(bool(found))
        self.version = QLabel()
        self.version.setAccessibleName("Rules version")
        self.version.setWordWrap(True)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Lab settings pages")
        self.tabs.addTab(self._general_page(), translate("LabSettings", "&General"))
        self.tabs.addTab(self._rules_page(), translate("LabSettings", "&Rules"))
        self.tabs.addTab(self._comments_page(), translate("LabSettings", "Report &comments"))

        self.message = message_label("Lab settings")
        self.save_button = QPushButton(translate("LabSettings", "&Save"))
        self.save_button.setAccessibleName("Save lab settings")
        self.save_button.setVisible(self.editable)
        self.save_button.setDefault(self.editable)
        self.close_button = QPushButton(
            translate("LabSettings", "&Close") if not self.editable else translate("LabSettings", "Cancel")
        )
        self.close_button.setAccessibleName("Close lab settings")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.problems)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.version)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self._fill()
        self.resize(760, 620)

    # -- building ----------------------------------------------------------------------------------

    def _add(self, name: str, label: str, widget: Input, hint: str) -> QVBoxLayout:
        """Register one setting's input (named by its label) and its message; the two as a column."""
        widget.setAccessibleName(label)
        widget.setToolTip(translate("LabSettings", hint) if hint in HINTS.values() else hint)
        if isinstance(widget, QPlainTextEdit):
            widget.setReadOnly(not self.editable)  # a long text can still be scrolled and selected
        else:
            widget.setEnabled(self.editable)
        self.inputs[name] = widget
        self.messages[name] = message_label(label)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.messages[name])
        return column

    def _general_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        for name in SETTING_NAMES:
            label = SETTING_LABELS[name]
            form.addRow(f"{say(label)}:", self._add(name, label, self._input(name), HINTS.get(name, "")))
        return page

    def _input(self, name: str) -> Input:
        if name in BOOLEAN_SETTINGS:
            return QCheckBox(translate("LabSettings", HINTS[name]))
        if name in CHOICES:
            combo = QComboBox()
            combo.addItems(list(CHOICES[name]))
            return combo
        field = QLineEdit()
        if name not in WHOLE_NUMBER_RANGES:
            field.setMaxLength(MAX_TEXT_CHARS + 50)  # room to show the "at most" message, not a silent cut
        return field

    def _scrolled(self, inner: QWidget, note: str, name: str) -> QWidget:
        page = QWidget()
        page.setAccessibleName(name)
        layout = QVBoxLayout(page)
        text = QLabel(note)
        text.setWordWrap(True)
        layout.addWidget(text)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)
        return page

    def _rules_page(self) -> QWidget:
        inner = QWidget()
        form = QFormLayout(inner)
        for spec in RULE_SETTINGS:
            if spec.section != RULES_SECTION:
                continue
            allowed = spec.allowed()
            if spec.kind is bool:
                widget: Input = QCheckBox(translate("LabSettings", "yes"))
                form.addRow(f"{say(spec.label)}:", self._add(spec.name, spec.label, widget, spec.name))
                continue
            edit = QLineEdit()
            edit.setPlaceholderText(say(allowed))
            edit.setMaxLength(40)
            hint = f"{spec.name}: {say(allowed)}"
            form.addRow(f"{say(spec.label)}:", self._add(spec.name, spec.label, edit, hint))
        return self._scrolled(inner, translate("LabSettings", RULES_NOTE), "Rules page")

    def _comments_page(self) -> QWidget:
        inner = QWidget()
        column = QVBoxLayout(inner)
        for spec in RULE_SETTINGS:
            if spec.kind is not str:
                continue
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * COMMENT_LINES + 12)
            caption = QLabel(f"{say(spec.label)}:")
            caption.setBuddy(edit)
            caption.setWordWrap(True)
            column.addWidget(caption)
            column.addLayout(self._add(spec.name, spec.label, edit, f"{spec.name}: {say(spec.allowed())}"))
        column.addStretch(1)
        return self._scrolled(inner, translate("LabSettings", COMMENTS_NOTE), "Report comments page")

    # -- values ------------------------------------------------------------------------------------

    def _loaded_text(self, name: str) -> str:
        if name in RULE_SETTINGS_BY_NAME:
            return format_rule_value(rule_value(self.rules, name))
        return format_setting(getattr(self.settings, name))

    def _fill(self) -> None:
        for name, widget in self.inputs.items():
            text = self._loaded_text(name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(text == "true")
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(text)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(text)
            else:
                widget.setText(text)
                widget.setCursorPosition(0)
        self._show_version(self.rules)

    def _show_version(self, rules: GuidelineSettings) -> None:
        self.version.setText(
            translate(
                "LabSettings",
                "Rules version: {version} (stored with every result interpreted with these rules and "
                "comments; a change gives a new version)",
            ).format(version=rules_version(rules))
        )

    def raw_values(self) -> dict[str, str]:
        """What the form holds now, as the text the settings are parsed from."""
        values: dict[str, str] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QCheckBox):
                values[name] = format_setting(widget.isChecked())
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentText()
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
            else:
                values[name] = widget.text()
        return values

    def changes(self) -> dict[str, str]:
        """The settings whose value differs from the one loaded (raw text, not yet checked)."""
        raw_values = self.raw_values().items()
        return {name: raw for name, raw in raw_values if raw.strip() != self._loaded_text(name).strip()}

    def problems_found(self) -> dict[str, str]:
        """Each changed setting's problem, in words, by name; then ranges turned upside down."""
        found: dict[str, str] = {}
        typed: dict[str, object] = {}
        for name, raw in self.changes().items():
            try:
                typed[name] = parse_any_setting(name, raw)
            except LabSettingError as error:
                found[name] = say(error.why)
        rules = {k: v for k, v in typed.items() if k in RULE_SETTINGS_BY_NAME}
        if rules and not found:
            for problem in rule_problems(with_rule_values(self.rules, rules)):
                name = problem.split(" ", 1)[0]
                found.setdefault(name, say(problem))
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
            show_message(
                self.message, translate("LabSettings", "Nothing was saved: correct the values marked in red.")
            )
            first = next(iter(problems))
            self._show_page_of(first)
            self.inputs[first].setFocus()
            return False
        changes = self.changes()
        if not changes:
            show_message(self.message, "")
            self.accept()
            return True
        try:
            self.settings = self.service.update_many(self.actor, changes)
            self.rules = self.rule_service.load()
        except (WorkflowError, LabSettingError) as error:
            show_message(
                self.message,
                translate("LabSettings", "Nothing was saved: {reason}").format(reason=say_error(error)),
            )
            return False
        except Exception as error:  # an unreachable or locked database: in words, never a traceback
            show_message(
                self.message,
                translate(
                    "LabSettings", "Nothing was saved; the database could not be written: {reason}"
                ).format(reason=error),
            )
            return False
        show_message(self.message, "")
        if self.on_saved is not None:
            labels = ", ".join(say(_labels()[name]) for name in changes)
            ruled = set(changes) & set(RULE_SETTING_LABELS)
            version = (
                translate("LabSettings", " (rules version {version})").format(
                    version=rules_version(self.rules)
                )
                if ruled
                else ""
            )
            self.on_saved(
                translate("LabSettings", "Lab settings saved: {labels}{version}").format(
                    labels=labels, version=version
                )
            )
        self.accept()
        return True

    def _show_page_of(self, name: str) -> None:
        widget: QWidget | None = self.inputs[name]
        while widget is not None:
            index = self.tabs.indexOf(widget)
            if index >= 0:
                self.tabs.setCurrentIndex(index)
                return
            widget = widget.parentWidget()


def show_lab_settings(
    service: LabSettingsService,
    actor: Actor | None,
    parent: QWidget | None,
    on_saved: Callable[[str], None] | None,
) -> SettingsDialog:
    dialog = SettingsDialog(service, actor, parent, on_saved)
    run_modal(dialog)
    return dialog
