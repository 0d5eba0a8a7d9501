"""What every workflow dialog shares: the dialog whose main button asks a service to act, the reason
box, refusals in words, and the warning about changing results someone else entered.

Sign-out, adjudication and amendment (`signout`) and the patient correction (`patient`) are built on
these; they live here, not in one of those features, so that neither feature imports the other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
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

from her2desk.domain.records import CaseConflictError, StoredCase
from her2desk.domain.workflow import MIN_REASON_CHARS, Actor, Role, WorkflowError
from her2desk.gui.common.dialogs import conflict_text
from her2desk.gui.common.domain_text import say_error
from her2desk.gui.common.fields import ERROR_STYLE
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from her2desk.services.signout_service import WorkflowResult


# Shown before a pathologist changes results someone else entered (the four-eyes rule is on).
SELF_VERIFICATION_WARNING = QT_TRANSLATE_NOOP(
    "Workflow",
    "If you change the results, another pathologist must sign them out "
    "(lab setting: allow self-verification).",
)


def results_change_warning(actor: Actor | None, stored: StoredCase | None, allowed: bool) -> str:
    """`SELF_VERIFICATION_WARNING` when saving changed results would stop `actor` signing `stored` out:
    a pathologist who is not already its enterer, on a case they may edit, with self-verification off
    (`allowed` False). "" otherwise (the local user never signs out; an enterer already cannot)."""
    if allowed or actor is None or actor.role is not Role.PATHOLOGIST or stored is None:
        return ""
    if stored.read_only or stored.entered_by_user_id == actor.user_id:
        return ""
    return translate("Workflow", SELF_VERIFICATION_WARNING)


def refusal_text(error: Exception) -> str:
    """Why the service refused, in words (never a traceback)."""
    if isinstance(error, WorkflowError):
        return translate("Workflow", "Refused: {reasons}.").format(reasons=say_error(error))
    if isinstance(error, CaseConflictError):
        return conflict_text(error) + " " + translate("Workflow", "Close this dialog and reopen the case.")
    if isinstance(error, LookupError):
        return translate("Workflow", "Refused: {reasons}.").format(reasons=say_error(error))
    return translate(
        "Workflow", "The database could not be written: {reason}. Nothing was changed; try again."
    ).format(reason=error)


def text_label(text: str, name: str) -> QLabel:
    widget = QLabel(text)
    widget.setAccessibleName(name)
    widget.setWordWrap(True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


_Outcome = TypeVar("_Outcome")  # what the service returns when it acts


class WorkflowDialog(QDialog, Generic[_Outcome]):
    """A dialog whose main button asks the service to act and shows any refusal in the dialog."""

    def __init__(self, title: str, action_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # `title` and `action_text` are English (marked with QT_TRANSLATE_NOOP "Workflow" by the caller):
        # the accessible names stay English, the words shown are in the interface's language.
        self.setWindowTitle(translate("Workflow", title))
        self.setAccessibleName(title)
        self.setMinimumWidth(480)  # word-wrapped labels need a width to compute their height from
        self.result_value: _Outcome | None = None
        self.signature_form: QFormLayout | None = None  # the form holding the password, if any
        self.problem = text_label("", "Problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.action_button = QPushButton(translate("Workflow", action_text))
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

    def perform(self) -> _Outcome:  # pragma: no cover - every dialog overrides it
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
        self.meaning = text_label(
            translate(
                "Workflow",
                "Signing as {user}. Your password is your electronic signature, and it means: “{meaning}”",
            ).format(user=actor.username, meaning=translate("Workflow", meaning)),
            "Meaning of the signature",
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        caption = QLabel(translate("Workflow", "&Password:"))
        caption.setBuddy(self.password)
        form.addRow(self.meaning)
        form.addRow(caption, self.password)
        self.signature_form = form
        return self.password

    def refuse_whatever_typed(self, text: str) -> None:
        """The action would be refused whatever is typed, for the reasons `text` gives: the password
        and what it means are hidden (a password cannot help), the main button is disabled, and
        `text` is shown. "" offers them again (the problem shown, if any, stays)."""
        blocked = bool(text)
        form = self.signature_form
        if form is not None:
            if blocked:
                self.password.clear()
            form.setRowVisible(self.meaning, not blocked)
            form.setRowVisible(self.password, not blocked)
        self.action_button.setEnabled(not blocked)
        self.action_button.setDefault(not blocked)
        if blocked:
            self.show_problem(text)
            self.cancel_button.setFocus()

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


class ReasonBox(QWidget):
    """A reason with a live count of characters against the minimum the workflow asks for."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName(name)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.edit.fontMetrics().height() * 5)
        self.counter = text_label("", f"{name} length")
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
        count = (
            translate("Workflow", "1 character")
            if n == 1
            else translate("Workflow", "{count} characters").format(count=n)
        )
        if short:
            count = translate("Workflow", "{count}, at least {minimum} needed").format(
                count=count, minimum=MIN_REASON_CHARS
            )
        self.counter.setText(count)
        self.counter.setStyleSheet(ERROR_STYLE if short else "")
