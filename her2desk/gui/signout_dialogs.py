"""The sign-out, adjudication and amendment dialogs (issue 5).

Each dialog shows what is being signed or changed and asks for what the service needs. Pressing its
main button calls the service; a refusal (a workflow rule, someone else's change, a wrong password, a
database problem) is shown in words inside the dialog, which stays open with the entries kept, so the
person can correct them or cancel. Only a success closes it (`result_value` then holds the result).
The password is passed straight to the service: never stored, shown or logged.

`exec_dialog` is the one place a dialog is run modally, so tests can drive the real widgets instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.blinded_recount import SAME_OBSERVER_NOTE
from her2desk.domain.case_checks import check_case
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
from her2desk.domain.labels import readable_warnings
from her2desk.domain.numbers import format_decimal
from her2desk.domain.records import CaseConflictError, StoredCase
from her2desk.domain.vocabulary import Status
from her2desk.domain.workflow import ADJUDICABLE_FINAL, MIN_REASON_CHARS, Actor, Role, WorkflowError
from her2desk.gui.dialogs import conflict_text
from her2desk.gui.fields import ERROR_STYLE
from her2desk.gui.labels import label

if TYPE_CHECKING:
    from her2desk.services.signout_service import SignOutService, WorkflowResult

SIGNATURE_MEANING_TEXT = "I have reviewed this result and sign it out."
ADJUDICATION_MEANING_TEXT = (
    "I have reviewed the results and decide the final status given here, for the reason given."
)
AMENDMENT_MEANING_TEXT = "I reopen this signed-out report for correction, for the reason given."
FINAL_STATUSES = (Status.POSITIVE, Status.NEGATIVE, Status.INDETERMINATE)
assert set(FINAL_STATUSES) == set(ADJUDICABLE_FINAL)


# Shown before a pathologist changes results someone else entered (the four-eyes rule is on).
SELF_VERIFICATION_WARNING = (
    "If you change the results, another pathologist must sign them out "
    "(lab setting: allow self-verification)."
)


def results_change_warning(actor: Actor | None, stored: StoredCase | None, allowed: bool) -> str:
    """`SELF_VERIFICATION_WARNING` when saving changed results would stop `actor` signing `stored` out:
    a pathologist who is not already its enterer, on a case they may edit, with self-verification off
    (`allowed` False). "" otherwise (the local user never signs out; an enterer already cannot)."""
    if allowed or actor is None or actor.role is not Role.PATHOLOGIST or stored is None:
        return ""
    if stored.read_only or stored.entered_by_user_id == actor.user_id:
        return ""
    return SELF_VERIFICATION_WARNING


def case_notes(stored: StoredCase, settings: GuidelineSettings = DEFAULT_SETTINGS) -> list[str]:
    """What the pathologist should see before signing, each once and in words: the case check's own
    warnings (pre-analytics, controls, clone), the warnings of the result being signed and its comments.

    The case check also repeats the engine's warnings; those are taken from the stored result, the one
    being signed, so a warning is never listed twice. Field keys ("stained_pct: ...") become labels
    ("Stained percent: ..."). The check is made with `settings`: the rule settings the stored result was
    interpreted with.
    """
    check = check_case(stored.entry, None, settings)
    engine = set(check.interpretation.warnings)
    case_only = [w for w in check.warnings if w not in engine]
    notes = readable_warnings([*case_only, *stored.interpretation.warnings])
    notes.extend(stored.interpretation.comments)
    return list(dict.fromkeys(notes))


def result_rules(service: SignOutService, stored: StoredCase) -> tuple[GuidelineSettings, str]:
    """The rule settings the stored result was made with, and a note when the lab's have changed since
    (`RuleSettingsService.for_result`); her2desk's defaults, with a note, if they cannot be read."""
    from her2desk.services.bundle import Services

    try:
        return Services(service.database).rule_settings.for_result(stored.interpretation.rules_version)
    except Exception as error:  # an unreachable database: the stored warnings and comments still show
        return DEFAULT_SETTINGS, f"The lab's rule settings could not be read ({error})."


def exec_dialog(dialog: QDialog) -> int:
    """Run a dialog modally (replaced in tests by code that types into it and presses its buttons)."""
    return dialog.exec()


def refusal_text(error: Exception) -> str:
    """Why the service refused, in words (never a traceback)."""
    if isinstance(error, WorkflowError):
        reasons = error.reasons or [str(error)]
        return "Refused: " + "; ".join(reasons) + "."
    if isinstance(error, CaseConflictError):
        return conflict_text(error) + " Close this dialog and reopen the case."
    if isinstance(error, LookupError):
        return f"Refused: {error}."
    return f"The database could not be written: {error}. Nothing was changed; try again."


def _text_label(text: str, name: str) -> QLabel:
    widget = QLabel(text)
    widget.setAccessibleName(name)
    widget.setWordWrap(True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def case_summary(stored: StoredCase) -> str:
    """Accession, patient, specimen, the reported result (what will be signed out) and the engine's
    result beside it, with the adjudication's reason."""
    entry, result = stored.entry, stored.interpretation
    patient = entry.patient.display_name
    specimen = ", ".join(label(v) for v in (entry.specimen.site, entry.specimen.procedure) if v is not None)
    numbers = []
    if result.ish_group is not None:
        numbers.append(f"ISH group {result.ish_group}")
    if result.ratio is not None:
        numbers.append(f"ratio {format_decimal(result.ratio)}")
    if result.her2_average is not None:
        numbers.append(f"HER2 per cell {format_decimal(result.her2_average)}")
    reported = stored.reported
    lines = [
        f"Case {entry.accession}, report version {stored.report_version}",
        f"Patient: {patient} (MRN {entry.patient.mrn})",
        f"Specimen: {specimen or 'not given'}",
        f"Reported result: {reported.label()}"
        + (
            f", adjudicated by {reported.adjudication.by}"
            if reported.adjudication and reported.adjudication.by
            else ""
        ),
        f"Guideline result: {label(result.status) if result.status else 'no result'}"
        + (f" ({', '.join(numbers)})" if numbers else ""),
    ]
    if result.descriptor is not None:
        lines.append(f"Guideline descriptor: {label(result.descriptor)}")
    if stored.adjudicated_status is not None:
        lines.append(f"Adjudication reason: {stored.adjudication_reason or ''}")
    if stored.one_person_counted_both:
        lines.append(SAME_OBSERVER_NOTE)
    return "\n".join(lines)


class WorkflowDialog(QDialog):
    """A dialog whose main button asks the service to act and shows any refusal in the dialog."""

    def __init__(self, title: str, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(480)  # word-wrapped labels need a width to compute their height from
        self.result_value: WorkflowResult | None = None
        self.problem = _text_label("", "Problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.action_button = QPushButton(action_text)
        self.action_button.setAccessibleName(action_text.replace("&", ""))
        self.action_button.setDefault(True)
        self.buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.action_button.clicked.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.body)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def perform(self) -> WorkflowResult:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def attempt(self) -> bool:
        """Ask the service; close on success, otherwise say why and keep everything typed."""
        try:
            self.result_value = self.perform()
        except Exception as error:  # refused or failed: the dialog says so in words and stays open
            self.show_problem(refusal_text(error))
            return False
        self.accept()
        return True

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def add_signature(self, actor: Actor, meaning: str, form: QFormLayout) -> QLineEdit:
        """The password as an electronic signature: what signing means, then the field (last in the
        form, so Enter after typing it presses the dialog's main button)."""
        self.meaning = _text_label(
            f"Signing as {actor.username}. Your password is your electronic signature, and it means: "
            f"“{meaning}”",
            "Meaning of the signature",
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        caption = QLabel("&Password:")
        caption.setBuddy(self.password)
        form.addRow(self.meaning)
        form.addRow(caption, self.password)
        return self.password

    def signed(self, call: Callable[[str], WorkflowResult]) -> WorkflowResult:
        """Call the service with the typed password; on a refusal, select it for retyping."""
        try:
            return call(self.password.text())
        except WorkflowError:
            self.password.selectAll()
            self.password.setFocus()
            raise

    def done(self, result: int) -> None:  # closing, either way: no password outlives the dialog
        password = getattr(self, "password", None)
        if password is not None:
            password.clear()
        super().done(result)


class SignOutDialog(WorkflowDialog):
    """The electronic signature: the case and its result, the meaning of signing, the password."""

    def __init__(
        self,
        service: SignOutService,
        actor: Actor,
        stored: StoredCase,
        foreseen: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Sign out case", "&Sign out", parent)
        self.service, self.actor, self.stored = service, actor, stored
        self.summary = _text_label(case_summary(stored), "Case to sign out")
        self.meaning = _text_label(
            f"Signing as {actor.username}. Your password is your electronic signature, and it means: "
            f"“{SIGNATURE_MEANING_TEXT}”",
            "Meaning of the signature",
        )
        settings, rules_note = result_rules(service, stored)
        notes = ([rules_note] if rules_note else []) + case_notes(stored, settings)
        self.notes = _text_label(
            "Warnings and comments:\n" + "\n".join(f"• {n}" for n in notes) if notes else "No warnings.",
            "Warnings and comments",
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        form = QFormLayout()
        caption = QLabel("&Password:")
        caption.setBuddy(self.password)
        form.addRow(caption, self.password)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.notes)
        self.body.addWidget(self.meaning)
        self.body.addLayout(form)
        if foreseen:
            self.show_problem("This case cannot be signed out yet: " + "; ".join(foreseen) + ".")
        self.password.setFocus()

    def perform(self) -> WorkflowResult:
        try:
            return self.service.sign_out(
                self.actor, self.stored.entry.accession, self.password.text(), self.stored.version
            )
        except WorkflowError:
            self.password.selectAll()
            self.password.setFocus()
            raise


class ReasonBox(QWidget):
    """A reason with a live count of characters against the minimum the workflow asks for."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(name)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().height() * 5)
        self.counter = _text_label("", f"{name} length")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.counter)
        self.edit.textChanged.connect(self._count)
        self._count()

    def text(self) -> str:
        return self.edit.toPlainText()

    def _count(self) -> None:
        n = len(self.text().strip())
        short = n < MIN_REASON_CHARS
        more = f", at least {MIN_REASON_CHARS} needed" if short else ""
        self.counter.setText(f"{n} character{'s' if n != 1 else ''}{more}")
        self.counter.setStyleSheet(ERROR_STYLE if short else "")


class AdjudicationDialog(WorkflowDialog):
    """The pathologist's final status and reason, recorded beside the engine's result."""

    def __init__(
        self, service: SignOutService, actor: Actor, stored: StoredCase, parent: QWidget | None = None
    ) -> None:
        super().__init__("Adjudicate case", "&Record adjudication", parent)
        self.service, self.actor, self.stored = service, actor, stored
        self.summary = _text_label(case_summary(stored), "Case to adjudicate")
        note = _text_label(
            "The adjudicated status is kept beside the guideline result, never in its place. Saving changed "
            "results later voids it.",
            "About adjudication",
        )
        self.final = QComboBox()
        self.final.setAccessibleName("Final status")
        self.final.addItem("—")
        for status in FINAL_STATUSES:
            self.final.addItem(label(status))
        if stored.adjudicated_status in FINAL_STATUSES:
            self.final.setCurrentIndex(FINAL_STATUSES.index(stored.adjudicated_status) + 1)
        self.reason = ReasonBox("Adjudication reason")
        form = QFormLayout()
        for caption_text, widget, buddy in (
            ("&Final status:", self.final, self.final),
            ("&Reason:", self.reason, self.reason.edit),
        ):
            caption = QLabel(caption_text)
            caption.setBuddy(buddy)
            form.addRow(caption, widget)
        self.add_signature(actor, ADJUDICATION_MEANING_TEXT, form)
        self.body.addWidget(self.summary)
        self.body.addWidget(note)
        self.body.addLayout(form)
        self.final.setFocus()

    def chosen(self) -> Status | None:
        index = self.final.currentIndex()
        return FINAL_STATUSES[index - 1] if index > 0 else None

    def perform(self) -> WorkflowResult:
        final = self.chosen()
        if final is None:
            raise WorkflowError(["choose the final status: positive, negative or indeterminate"])
        return self.signed(
            lambda password: self.service.adjudicate(
                self.actor,
                self.stored.entry.accession,
                final,
                self.reason.text(),
                self.stored.version,
                password=password,
            )
        )


class AmendmentDialog(WorkflowDialog):
    """Reopen a signed-out case for correction as a new report version, with a reason."""

    def __init__(
        self, service: SignOutService, actor: Actor, stored: StoredCase, parent: QWidget | None = None
    ) -> None:
        super().__init__("Amend case", "&Amend", parent)
        self.service, self.actor, self.stored = service, actor, stored
        self.summary = _text_label(case_summary(stored), "Case to amend")
        version = stored.report_version
        note = _text_label(
            f"Report version {version} stays on record as it was signed out. The case opens for correction "
            f"as version {version + 1}, which must be signed out again; handouts printed so far are marked "
            "superseded.",
            "About amendment",
        )
        try:
            allowed = service.self_verification_allowed()
        except Exception:  # unreadable: warn, as the service will then use the cautious default
            allowed = False
        # The amended case is open for editing, so the warning applies whoever entered it before.
        self.self_verification = _text_label(
            "" if allowed or actor.role is not Role.PATHOLOGIST else SELF_VERIFICATION_WARNING,
            "About signing out the amended results",
        )
        self.self_verification.setVisible(bool(self.self_verification.text()))
        self.reason = ReasonBox("Amendment reason")
        form = QFormLayout()
        caption = QLabel("&Reason:")
        caption.setBuddy(self.reason.edit)
        form.addRow(caption, self.reason)
        self.add_signature(actor, AMENDMENT_MEANING_TEXT, form)
        self.body.addWidget(self.summary)
        self.body.addWidget(note)
        self.body.addWidget(self.self_verification)
        self.body.addLayout(form)
        self.reason.edit.setFocus()

    def perform(self) -> WorkflowResult:
        return self.signed(
            lambda password: self.service.amend(
                self.actor,
                self.stored.entry.accession,
                self.reason.text(),
                self.stored.version,
                password=password,
            )
        )
