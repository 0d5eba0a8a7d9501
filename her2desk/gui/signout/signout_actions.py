"""Case menu ▸ Sign out…, Adjudicate… and Amend… for the case open in the Case tab.

The actions are enabled only when the signed-in user's role and the open case's state allow them
(the same guards as `domain.workflow`, which the service applies again: this only spares people a
button that can never work). A window without a signed-in user (`window.actor` None) never offers
them. The dialogs (`signout_dialogs`) talk to `window.workflow_service()`; on success the window
reloads the case and the worklist (`window.after_workflow`) and says what happened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from her2desk.domain import workflow
from her2desk.domain.records import StoredCase
from her2desk.domain.workflow import Action, Actor, CaseFacts
from her2desk.gui.common.domain_text import say_all
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from her2desk.gui.shell.host import FeatureHost
    from her2desk.gui.signout import signout_dialogs

SIGN_OUT_SHORTCUT = "Ctrl+Shift+S"


def facts_of(stored: StoredCase) -> CaseFacts:
    return CaseFacts(
        state=stored.signout_state,
        entered_by=stored.entered_by_user_id,
        engine_status=stored.interpretation.status,
        adjudicated_status=stored.adjudicated_status,
        ihc=stored.entry.ihc.score,
        ish_group=stored.interpretation.ish_group,
    )


def refusals(actor: Actor | None, stored: StoredCase | None, action: Action) -> list[str]:
    """Why `action` cannot be offered now (empty: offer it). Mirrors the role and state guards."""
    if actor is None:
        return [translate("SignOutActions", "sign in to sign out, adjudicate or amend")]
    if stored is None:
        return [translate("SignOutActions", "open a stored case first")]
    reasons = workflow.role_refusals(actor, action) + workflow.transition_refusals(
        stored.signout_state, action
    )
    if action is Action.ADJUDICATE and not reasons:
        reasons = workflow.not_already_final(facts_of(stored))
    return reasons


class SignOutActions:
    """The three actions and the rules for enabling them, bound to one window."""

    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.sign_out_action = self._add(
            translate("SignOutActions", "&Sign out…"), SIGN_OUT_SHORTCUT, self.sign_out
        )
        self.adjudicate_action = self._add(translate("SignOutActions", "A&djudicate…"), None, self.adjudicate)
        self.amend_action = self._add(translate("SignOutActions", "A&mend…"), None, self.amend)
        menu = window.menus["case"]
        menu.aboutToShow.connect(self.update)
        window.on_view_changed(self.update)
        window.on_case_changed(self.update)
        self.update()

    def _add(self, text: str, shortcut: str | None, slot) -> QAction:
        action = QAction(text, self.window.widget())
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.window.menus["case"].addAction(action)
        return action

    # -- enabling --------------------------------------------------------------------------------

    def update(self) -> None:
        stored = self.window.current_case()
        for action, what in (
            (self.sign_out_action, Action.SIGN_OUT),
            (self.adjudicate_action, Action.ADJUDICATE),
            (self.amend_action, Action.AMEND),
        ):
            reasons = refusals(self.window.actor, stored, what)
            action.setEnabled(not reasons)
            tip = say_all(reasons)
            action.setStatusTip(tip[:1].upper() + tip[1:] if tip else "")
            action.setToolTip(tip or action.text().replace("&", "").rstrip("…"))

    # -- running ---------------------------------------------------------------------------------

    def _ready(self, action: Action, verb: str) -> tuple[Actor, StoredCase] | None:
        """The actor and the open case if `action` may be tried; otherwise say why in the status bar.
        `verb`: English, marked for translation in "SignOutActions" (e.g. "sign out")."""
        verb = translate("SignOutActions", verb)
        self.update()
        actor, stored = self.window.actor, self.window.current_case()
        reasons = refusals(actor, stored, action)
        if reasons or actor is None or stored is None:
            self.window.show_message(
                translate("SignOutActions", "Cannot {verb}: {reasons}").format(
                    verb=verb, reasons=say_all(reasons)
                )
            )
            return None
        if self.window.has_unsaved_changes():
            self.window.show_message(
                translate(
                    "SignOutActions",
                    "Case {accession} has unsaved changes: save them (Ctrl+S) before you {verb} it",
                ).format(accession=stored.entry.accession, verb=verb)
            )
            return None
        return actor, stored

    def _run(self, dialog: signout_dialogs.WorkflowDialog, accession: str, done: str) -> bool:
        """Run `dialog`; `done`: what to say after, English marked for translation in "SignOutActions",
        with {accession} and {version}."""
        from her2desk.gui.signout import signout_dialogs  # on first use: not on the way to the first paint

        accepted = signout_dialogs.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        result = dialog.result_value
        dialog.deleteLater()
        if not accepted or result is None:
            self.window.show_message(
                translate("SignOutActions", "Case {accession}: nothing was changed").format(
                    accession=accession
                )
            )
            return False
        self.window.after_workflow(accession)
        self.window.show_message(
            translate("SignOutActions", done).format(accession=accession, version=result.report_version)
        )
        self.update()
        return True

    def sign_out(self) -> bool:
        ready = self._ready(Action.SIGN_OUT, QT_TRANSLATE_NOOP("SignOutActions", "sign out"))
        if ready is None:
            return False
        actor, stored = ready
        from her2desk.gui.signout import signout_dialogs

        dialog = signout_dialogs.SignOutDialog(
            self.window.workflow_service(), actor, stored, parent=self.window.widget()
        )
        return self._run(
            dialog,
            stored.entry.accession,
            QT_TRANSLATE_NOOP("SignOutActions", "Signed out case {accession} (report version {version})"),
        )

    def adjudicate(self) -> bool:
        ready = self._ready(Action.ADJUDICATE, QT_TRANSLATE_NOOP("SignOutActions", "adjudicate"))
        if ready is None:
            return False
        actor, stored = ready
        from her2desk.gui.signout import signout_dialogs

        dialog = signout_dialogs.AdjudicationDialog(
            self.window.workflow_service(), actor, stored, parent=self.window.widget()
        )
        return self._run(
            dialog,
            stored.entry.accession,
            QT_TRANSLATE_NOOP("SignOutActions", "Adjudicated case {accession} (report version {version})"),
        )

    def amend(self) -> bool:
        ready = self._ready(Action.AMEND, QT_TRANSLATE_NOOP("SignOutActions", "amend"))
        if ready is None:
            return False
        actor, stored = ready
        from her2desk.gui.signout import signout_dialogs

        dialog = signout_dialogs.AmendmentDialog(
            self.window.workflow_service(), actor, stored, parent=self.window.widget()
        )
        if not self._run(
            dialog,
            stored.entry.accession,
            QT_TRANSLATE_NOOP("SignOutActions", "Amended case {accession} (report version {version})"),
        ):
            return False
        self.window.show_message(
            translate(
                "SignOutActions",
                "Amended case {accession}: it is open for correction as report version {version}; "
                "sign it out again when it is done",
            ).format(accession=stored.entry.accession, version=stored.report_version + 1)
        )
        return True


def install(window: FeatureHost) -> SignOutActions:
    """Add Sign out…, Adjudicate… and Amend… to the Case menu."""
    return SignOutActions(window)
