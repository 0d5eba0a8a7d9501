"""Case entry: the form beside its live interpretation, and the rules for saving and leaving.

Every change re-checks the whole case with the domain (pure and fast), so the panel and the
messages beside the fields always agree with what a save would do. Saving goes through the service,
which checks again and refuses stale copies; nothing is overwritten behind anyone's back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QSplitter, QVBoxLayout, QWidget

from her2desk.domain.case import CaseEntry
from her2desk.domain.case_checks import CaseCheck
from her2desk.domain.inputs import INPUT_FIELDS
from her2desk.domain.problems import Problem
from her2desk.domain.records import CaseConflictError, CaseInvalidError, StoredCase
from her2desk.domain.vocabulary import NextStep
from her2desk.domain.workflow import WorkflowError
from her2desk.gui import dialogs
from her2desk.gui.case_form import CaseForm
from her2desk.gui.interpretation_panel import InterpretationPanel

if TYPE_CHECKING:
    from her2desk.services.case_service import CaseService


class CaseEditor(QWidget):
    """Edits one case against a service. `saved` carries what the store now holds."""

    saved = Signal(object)
    status_message = Signal(str)
    history_requested = Signal(str)

    def __init__(self, service: CaseService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.form = CaseForm()
        self.panel = InterpretationPanel()
        self.stored: StoredCase | None = None
        self.check: CaseCheck | None = None
        self.errors: list[Problem] = []
        self._store_errors: list[Problem] = []
        self._show_all = False
        self._baseline: dict[str, str] = {}
        self._trusted = True

        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        panel_scroll = QScrollArea()
        panel_scroll.setWidget(self.panel)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        panel_scroll.setMinimumWidth(380)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(panel_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.form.changed.connect(self._on_changed)
        self.form.find_patient_requested.connect(self.find_patient)
        self.form.history_requested.connect(self.history_requested)
        self.new_case()

    # -- state -----------------------------------------------------------------------------------

    @property
    def version(self) -> int | None:
        return self.stored.version if self.stored else None

    def is_dirty(self) -> bool:
        return self.form.raw_values() != self._baseline

    def new_case(self) -> None:
        self._start(None, CaseEntry())

    def open_case(self, stored: StoredCase) -> None:
        self._start(stored, stored.entry)

    def _start(self, stored: StoredCase | None, entry: CaseEntry) -> None:
        self.stored = stored
        self._store_errors = []
        self._show_all = stored is not None
        self.form.load(entry)
        self._baseline = self.form.raw_values()
        accession = self.form.rows["accession"].input
        # A stored case is known by its accession; changing it would be a different case.
        accession.setReadOnly(stored is not None)  # type: ignore[union-attr]
        accession.setToolTip("The accession of a stored case cannot be changed" if stored else "")
        (self.form.rows["patient.mrn"].input if stored else accession).setFocus()

    def confirm_leave(self) -> bool:
        """True when the person may leave this case (saved, discarded, or nothing changed)."""
        if not self.is_dirty():
            return True
        choice = dialogs.ask_unsaved(self, self.form.rows["accession"].text())
        if choice is dialogs.UnsavedChoice.SAVE:
            return self.save()
        return choice is dialogs.UnsavedChoice.DISCARD

    # -- checking --------------------------------------------------------------------------------

    def _on_changed(self) -> None:
        self._store_errors = []
        self.refresh()

    def refresh(self) -> None:
        """Re-read the form, re-check the case and show the result (runs on every keystroke)."""
        entry, parse_problems = self.form.read()
        self.check = self.service.check(entry)
        parsed_fields = {p.field for p in parse_problems}
        self._trusted = not parsed_fields & set(INPUT_FIELDS)
        self.errors = [
            *parse_problems,
            *(e for e in self.check.errors if e.field not in parsed_fields),
            *self._store_errors,
        ]
        wanted = self.check.interpretation.next_step is NextStep.RECOUNT
        self.form.set_second_count_wanted(wanted)
        self._show_problems()

    def _show_problems(self) -> None:
        by_field: dict[str, str] = {}
        for problem in self.errors:
            row = self.form.rows.get(problem.field)
            if row is None or not (self._show_all or row.text().strip()):
                continue
            by_field.setdefault(problem.field, _sentence(problem.message))
        warnings: dict[str, str] = {}
        for text in self.check.warnings if self.check else ():
            name, sep, message = text.partition(": ")
            if sep and name in self.form.rows:
                warnings.setdefault(name, _sentence(message))
        self.form.show_problems(by_field, warnings)
        self.panel.show_check(
            self.check,
            [self._describe(p.field, p.message) for p in self.errors],
            [self._describe(*_split_warning(w)) for w in self.check.warnings] if self.check else [],
            trusted=self._trusted,
        )

    def _describe(self, field: str, message: str) -> str:
        row = self.form.rows.get(field)
        name = row.input.accessibleName() if row else field
        return f"{name}: {message}" if name else message

    # -- actions ---------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save if the case has no errors; otherwise show them all and go to the first one."""
        self.refresh()
        if self.errors:
            return self._refuse(f"Not saved: {len(self.errors)} problem(s) to fix first")
        if self.stored is not None and not self.is_dirty():
            # Saving an unchanged case would only add a version and an audit row that say nothing.
            self.status_message.emit(f"Nothing to save: case {self.stored.entry.accession} is unchanged")
            return True
        entry, _ = self.form.read()
        try:
            stored = self.service.save(entry, self.version)
        except CaseConflictError as conflict:
            self.status_message.emit(dialogs.conflict_text(conflict))
            if dialogs.ask_conflict(self, conflict):
                self.reload()
            return False
        except WorkflowError as refused:  # e.g. a signed-out case is read-only until amended
            message = "; ".join(refused.reasons)
            self.status_message.emit(f"Not saved: {message}")
            dialogs.show_error(self, "Case not saved", f"The case was not saved: {message}.")
            return False
        except CaseInvalidError as invalid:
            self._store_errors = [p for p in invalid.problems if isinstance(p, Problem)]
            self.refresh()
            return self._refuse(f"Not saved: {invalid}")
        except Exception as error:  # the database is unreachable, locked, full...: say so, keep the entries
            message = f"The case was not saved: {error}. Your entries are still on screen; try again."
            self.status_message.emit("Not saved: the database could not be written")
            dialogs.show_error(self, "Case not saved", message)
            return False
        self.open_case(stored)
        self.status_message.emit(f"Saved case {stored.entry.accession} (version {stored.version})")
        self.saved.emit(stored)
        return True

    def _refuse(self, message: str) -> bool:
        self._show_all = True
        self._show_problems()
        first = self.form.first_field(p.field for p in self.errors)
        if first is not None:
            first.input.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status_message.emit(message)
        return False

    def reload(self) -> None:
        """Replace what is on screen with the stored version of this case."""
        accession = self.stored.entry.accession if self.stored else self.form.rows["accession"].text()
        current = self.service.load(accession)
        if current is None:
            self.status_message.emit(f"Case {accession} is no longer stored")
            return
        self.open_case(current)
        self.status_message.emit(f"Reloaded case {accession} (version {current.version})")

    def find_patient(self, mrn: str) -> None:
        mrn = mrn.strip()
        if not mrn:
            self.status_message.emit("Type an MRN first, then Find patient")
            self.form.rows["patient.mrn"].input.setFocus()
            return
        try:
            patient = self.service.find_patient(mrn)
        except Exception as error:  # the database is unreachable or locked: say so, keep the form
            self.status_message.emit(f"The patient could not be looked up: {error}")
            return
        if patient is None:
            self.status_message.emit(f"No patient with MRN {mrn} yet: a new patient will be recorded")
            self.form.rows["patient.family_name"].input.setFocus()
            return
        self.form.fill_patient(patient)
        self.status_message.emit(f"Found patient {patient.display_name} (MRN {mrn})")
        self.form.rows["procedure"].input.setFocus()


def _split_warning(text: str) -> tuple[str, str]:
    """Warnings read "field: message" when they concern one field."""
    name, sep, message = text.partition(": ")
    return (name, message) if sep and " " not in name else ("", text)


def _sentence(message: str) -> str:
    return message[:1].upper() + message[1:] if message else message
