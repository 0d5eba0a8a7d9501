"""The main window: worklist, case entry and patient history as tabs, with menus and a status bar.

It wires the views together and owns the rules for moving between cases (never lose unsaved
changes) and between users (File ▸ Switch user, the idle lock of `idle_lock`); the views themselves
are layout and their own small jobs. The signed-in user is `actor`; `service` is a `CaseService`
built for that user, so every save records who entered it.

The features beyond the three tabs (sign-out, patient correction, handouts, audit, administration, the
rule watch) live in their own folders under `gui/`, are typed against `shell.host.FeatureHost` (which
this window implements) and are installed by `_install_features`; the window keeps each one in an
attribute declared on the class.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.records import StoredCase, WorklistQuery, WorklistRow
from her2desk.domain.workflow import Action, Actor, Role, role_refusals
from her2desk.gui.common import dialogs
from her2desk.gui.common.domain_text import say_all
from her2desk.gui.common.labels import role_label
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.gui.common.workers import TaskRunner
from her2desk.gui.shell.case_service_proxy import PendingService
from her2desk.gui.shell.status_bar import MessageStatusBar
from her2desk.gui.worklist.worklist_model import WorklistModel
from her2desk.gui.worklist.worklist_view import EMPTY_HINT, WorklistView

if TYPE_CHECKING:
    from her2desk.domain.case import PatientDetails
    from her2desk.domain.lab_settings import LabSettings
    from her2desk.gui.case_entry.case_editor import CaseEditor
    from her2desk.gui.case_entry.rule_watch import RuleWatch
    from her2desk.gui.handouts.handout_actions import HandoutActions
    from her2desk.gui.history.history_view import HistoryView
    from her2desk.gui.patient.patient_actions import PatientActions
    from her2desk.gui.reports.report_actions import ReportActions
    from her2desk.gui.shell.idle_lock import IdleLock
    from her2desk.gui.signout.signout_actions import SignOutActions
    from her2desk.services.case_service import CaseService
    from her2desk.services.signout_service import SignOutService

T = TypeVar("T")
GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
STATUS_TIMEOUT_MS = 10_000


class MainWindow(QMainWindow):
    # The features, installed by `_install_features` and kept as long as the window (tests use them too).
    signout_actions: SignOutActions
    patient_actions: PatientActions
    handout_actions: HandoutActions
    report_actions: ReportActions
    audit_log_action: QAction
    case_record_action: QAction
    rule_watch: RuleWatch

    def __init__(
        self,
        service: CaseService,
        *,
        demo: bool = False,
        location: str = "",
        first_page: list[WorklistRow] | None = None,
        actor: Actor | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`first_page`: the default worklist's first page if already read (see `store.first_page`).
        `actor`: the signed-in user (None: the local user of a window built without sign-in, as in
        tests of the case form; such a window can enter cases but never sign out)."""
        super().__init__(parent)
        self.service = service
        self._actor = actor
        self._workflow: SignOutService | None = None
        self.setWindowTitle(
            translate("MainWindow", "her2desk — DEMO (synthetic data)") if demo else "her2desk"
        )
        self.runner = TaskRunner(parent=self)
        self.worklist_model = WorklistModel(service, self.runner, self)
        # First: the queries run while the window is built.
        self.worklist_model.set_query(WorklistQuery(), first_page=first_page)
        self.worklist = WorklistView(self.worklist_model)
        # The case form and the history are built when first needed, not before the first paint.
        self._editor: CaseEditor | None = None
        self._history: HistoryView | None = None
        self._case_listeners: list[Callable[[], object]] = []  # see `on_case_changed`
        self.case_tab = _Holder("Case entry")
        self.history_tab = _Holder("Patient history view")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Views")
        self.tabs.addTab(self.worklist, translate("MainWindow", "Worklist"))
        self.tabs.addTab(self.case_tab, translate("MainWindow", "Case"))
        self.tabs.addTab(self.history_tab, translate("MainWindow", "Patient history"))
        self.tabs.currentChanged.connect(self._on_tab)
        # A stack, so the idle lock can put its screen in place of the tabs (see `idle_lock`).
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tabs)
        self.setCentralWidget(self.pages)
        self.idle_lock: IdleLock | None = None
        self._shown_once = False
        self._build_menus()
        self.setStatusBar(MessageStatusBar(self))
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # indeterminate: a count of a large worklist has no known length
        self.busy.setMaximumWidth(120)
        self.busy.setAccessibleName("Counting cases")
        self.busy.setVisible(False)
        self.statusBar().addPermanentWidget(self.busy)
        self.user_label = QLabel()
        self.user_label.setAccessibleName("Signed-in user")
        self.statusBar().addPermanentWidget(self.user_label)
        self._show_actor()
        self._apply_role()
        if demo:  # so a tester can switch user and try the workflow as each person
            accounts = QLabel(_demo_accounts_label())
            accounts.setAccessibleName("Demo accounts")
            accounts.setToolTip(_demo_accounts_text())  # every account a tester can switch to
            self.statusBar().addPermanentWidget(accounts)
        where = QLabel((translate("MainWindow", "DEMO DATA — ") if demo else "") + _short_location(location))
        where.setToolTip(location)  # the whole address; the bar keeps room for messages
        where.setAccessibleName("Database")
        self.statusBar().addPermanentWidget(where)

        self.worklist.open_requested.connect(self.open_case_id)
        self.worklist_model.load_failed.connect(self.show_message)
        self.worklist_model.modelReset.connect(lambda: self.busy.setVisible(True))
        self.worklist_model.count_known.connect(lambda _n: self.busy.setVisible(False))
        self.worklist_model.load_failed.connect(lambda _m: self.busy.setVisible(False))
        self.busy.setVisible(self.worklist_model.total is None)
        self._restore_geometry()
        self._install_features()

    def _install_features(self) -> None:
        """Each feature adds its menu actions (only Qt's core classes at import: its dialogs and services
        load when first used, not before the first paint)."""
        from her2desk.gui.admin import admin_actions
        from her2desk.gui.audit import audit_actions
        from her2desk.gui.case_entry import rule_watch
        from her2desk.gui.handouts import handout_actions
        from her2desk.gui.patient import patient_actions
        from her2desk.gui.reports import report_actions
        from her2desk.gui.signout import signout_actions

        self.signout_actions = signout_actions.install(self)
        self.patient_actions = patient_actions.install(self)
        self.handout_actions = handout_actions.install(self)
        self.report_actions = report_actions.install(self)
        self.audit_log_action, self.case_record_action = audit_actions.install(self)
        admin_actions.install(self)
        self.rule_watch = rule_watch.install(self)

    # -- the host of the features (`shell.host.FeatureHost`) --------------------------------------

    def widget(self) -> QMainWindow:
        return self

    def case_tab_showing(self) -> bool:
        return self.tabs.currentWidget() is self.case_tab

    def fill_patient(self, mrn: str, details: PatientDetails) -> None:
        form = self.editor.form
        if form.rows["patient.mrn"].text().strip() == mrn:
            form.fill_patient(details)

    def refresh_open_case(self) -> None:
        if self._editor is not None:
            self._editor.refresh()

    def on_view_changed(self, slot: Callable[[], object]) -> None:
        self.tabs.currentChanged.connect(lambda _index: slot())

    def on_selection_changed(self, slot: Callable[[], object]) -> None:
        self.worklist.table.selectionModel().selectionChanged.connect(lambda *_args: slot())
        self.worklist_model.modelReset.connect(slot)

    def on_case_changed(self, slot: Callable[[], object]) -> None:
        self._case_listeners.append(slot)
        if self._editor is not None:
            self._editor.case_changed.connect(slot)

    # -- services for the features (sign-out, audit, handouts, administration) --------------------

    def workflow_service(self) -> SignOutService:
        """The sign-out service on this window's database (built on first use: not on the start path)."""
        if self._workflow is None:
            from her2desk.services.bundle import Services

            self._workflow = Services.of(self.service).signout
        return self._workflow

    def lab_settings(self) -> LabSettings:
        """The lab's settings as stored now (re-read each time: an administrator may change them)."""
        from her2desk.services.bundle import Services

        return Services.of(self.service).lab_settings.load()

    def lab_settings_changed(self) -> None:
        """This window's settings dialog closed (maybe saved): settings it applies itself are read again.
        Other workstations notice within a minute (see `idle_lock`)."""
        if self.idle_lock is not None:
            self.idle_lock.reread_interval()
        self.rule_watch.reread()  # changed rules: the open case is interpreted with them at once

    def current_case(self) -> StoredCase | None:
        """The stored case open in the case tab, if any."""
        return self._editor.stored if self._editor is not None else None

    def selected_accessions(self) -> list[str]:
        """The accessions of the rows selected in the worklist, in worklist order."""
        return self.worklist.selected_accessions()

    def after_workflow(self, accession: str) -> None:
        """A feature changed a case (signed out, amended...): reload it if open, refresh the list."""
        open_case = self.current_case()
        if open_case is not None and open_case.entry.accession == accession:
            current = self.try_read(
                lambda: self.service.load(accession), f"case {accession} could not be read"
            )
            if current is not None:
                self.editor.open_case(current)
        self.worklist_model.refresh()
        self.bring_to_front()  # the feature's dialog has closed: shortcuts must reach this window again

    # -- the signed-in user ------------------------------------------------------------------------

    def _show_actor(self) -> None:
        actor = self.actor
        self.user_label.setText(_signed_in(actor) if actor is not None else "")
        self.user_label.setVisible(actor is not None)

    def edit_refusal(self) -> str:
        """Why the signed-in user may not enter or change cases (their role), for the banner; "" if so."""
        reason = self._edit_refusal_reason()
        return translate("MainWindow", "Read-only: {reason}.").format(reason=reason) if reason else ""

    def _edit_refusal_reason(self) -> str:
        if self.actor is None or not role_refusals(self.actor, Action.EDIT):
            return ""
        if self.actor.role is Role.ADMINISTRATOR:
            return translate(
                "MainWindow", "administrators manage users and settings; they do not enter cases"
            )
        return say_all(role_refusals(self.actor, Action.EDIT))

    def _apply_role(self) -> None:
        """New case, Save, the case form and the empty worklist's hint follow what the user may do."""
        refusal = self.edit_refusal()
        self.new_action.setEnabled(not refusal)
        self.save_action.setEnabled(not refusal)
        tip = f"{self._edit_refusal_reason()}." if refusal else ""
        self.new_action.setStatusTip(tip)
        self.save_action.setStatusTip(tip)
        self.worklist.set_empty_hint(
            translate("MainWindow", "No cases yet. Cases are entered by technologists and pathologists.")
            if refusal
            else translate("Worklist", EMPTY_HINT)
        )
        if self._editor is not None:
            self._editor.set_edit_refusal(refusal)

    def bring_to_front(self) -> None:
        """After a dialog (the login of Switch user, the sign-in) make this the active window, so its
        shortcuts (Ctrl+Shift+S...) reach it: without a window manager nothing else would."""
        if self.isVisible():
            self.raise_()
            self.activateWindow()

    def has_unsaved_changes(self) -> bool:
        return self._editor is not None and self._editor.is_dirty()

    @property
    def actor(self) -> Actor | None:
        """The signed-in user with their session. A window painted before its service opened (the
        demo's fast start) knows who signs in before the sign-in has made the session: the service,
        once open, holds the signed-in actor."""
        actor = self._actor
        if actor is not None and actor.session_token is None:
            service = self.service
            opened = service.is_open() if isinstance(service, PendingService) else True
            signed = getattr(service, "actor", None) if opened else None
            if signed is not None and signed.user_id == actor.user_id and signed.session_token:
                self._actor = actor = signed
        return actor

    @actor.setter
    def actor(self, actor: Actor | None) -> None:
        self._actor = actor

    def end_session(self, reason: str) -> None:
        """End the signed-in user's session (switching user, locking, closing); best effort: a session
        that cannot be ended now expires by itself."""
        actor = self.actor
        if actor is None or not actor.session_token:
            return
        from her2desk.services.bundle import Services

        try:
            Services.of(self.service).auth.end_session(actor, reason)
        except Exception:  # the database is unreachable: the session will expire by itself
            return

    def renew_session(self, actor: Actor) -> None:
        """The same user signed in again (after the idle lock): their new session, nothing else changes
        (the case form keeps whatever was typed)."""
        from her2desk.services.bundle import Services

        service = Services.of(self.service).for_actor(actor).cases
        self.actor = actor
        self.service = service
        self._workflow = None
        self.worklist_model.source = service
        if self._history is not None:
            self._history.service = service
        if self._editor is not None:
            self._editor.service = service

    def switch_user(self, *, discard_unsaved: bool = False) -> bool:
        """Sign out and let someone sign in (File ▸ Switch user, or the lock screen). Unsaved changes
        are asked about first (Save saves them as the current user) unless the caller already had
        them discarded; Cancel on the login keeps the current user. True when another sign-in happened."""
        if not discard_unsaved and self._editor is not None and not self._editor.confirm_leave():
            return False
        from her2desk.gui.shell import login_dialog
        from her2desk.services.bundle import Services

        auth = self.try_read(lambda: Services.of(self.service).auth, "The database could not be opened")
        if auth is None:
            return False
        session = login_dialog.run_login(
            auth,
            self,
            title=translate("MainWindow", "Switch user"),
            intro=translate(
                "MainWindow",
                "Sign in as the person who will use the program now. Cancel keeps the current user.",
            ),
            cancel_text=QT_TRANSLATE_NOOP("SignIn", "Cancel"),  # English: the button's accessible name
        )
        if session is None:
            return False
        self.end_session("switched user")
        self.sign_in_as(session.actor)
        return True

    def sign_in_as(self, actor: Actor) -> None:
        """Make `actor` the window's user: a service built for them, the views following it."""
        from her2desk.services.bundle import Services

        service = Services.of(self.service).for_actor(actor).cases
        self.actor = actor
        self.service = service
        self._workflow = None
        self.worklist_model.source = service
        if self._history is not None:
            self._history.service = service
        if self._editor is not None:
            self._editor.service = service
            stored = self._editor.stored
            if stored is None:
                self._editor.new_case()
            else:  # the stored version again: a previous user's discarded edits must not linger
                accession = stored.entry.accession
                current = self.try_read(lambda: service.load(accession), "The case could not be read")
                if current is not None:
                    self._editor.open_case(current)
                else:
                    self._editor.new_case()
        self._show_actor()
        self._apply_role()
        self.worklist_model.refresh()
        self.show_message(_signed_in(actor))
        self.bring_to_front()

    def start_idle_lock(self, interval_ms: int | None = None) -> None:
        """Lock after the lab's idle time (`interval_ms` overrides it: tests). Only for a signed-in user."""
        if self.actor is None or self.idle_lock is not None:
            return
        from her2desk.gui.shell.idle_lock import IdleLock

        self.idle_lock = IdleLock(self, interval_ms)

    # -- views built on first use ------------------------------------------------------------

    @property
    def editor(self) -> CaseEditor:
        if self._editor is None:
            from her2desk.gui.case_entry.case_editor import CaseEditor

            self._editor = CaseEditor(self.service)
            self._editor.set_edit_refusal(self.edit_refusal())
            self._editor.saved.connect(self._on_saved)
            self._editor.status_message.connect(self.show_message)
            self._editor.history_requested.connect(self.show_history)
            self.case_tab.hold(self._editor)
            for listener in self._case_listeners:  # the features following the open case
                self._editor.case_changed.connect(listener)
                listener()
        return self._editor

    @property
    def history(self) -> HistoryView:
        if self._history is None:
            from her2desk.gui.history.history_view import HistoryView

            self._history = HistoryView(self.service)
            self._history.open_requested.connect(self.open_accession)
            self.history_tab.hold(self._history)
        return self._history

    def _on_tab(self, _index: int) -> None:
        current = self.tabs.currentWidget()
        if current is self.case_tab:
            self.editor.form.rows["accession"].input.setFocus()
        elif current is self.history_tab:
            mrn = self._open_mrn()
            if mrn and mrn != self.history.mrn:  # follow the case open in the Case tab
                self.try_read(lambda: self.history.show_patient(mrn), "The patient history could not be read")
            self.history.table.setFocus()

    def _open_mrn(self) -> str:
        """The MRN of the case in the Case tab: the stored case's, else the one being typed."""
        if self._editor is None:
            return ""
        if self._editor.stored is not None:
            return self._editor.stored.entry.patient.mrn
        return self._editor.form.rows["patient.mrn"].text().strip()

    # -- menus -----------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: Callable[..., object] | None,  # connected to triggered(checked)
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        """File, Case, View, Tools and Help menus; `self.menus` lets each feature add its actions."""
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        self.new_action = self._action(
            translate("MainWindow", "&New case"), QKeySequence.StandardKey.New, self.new_case
        )
        self.save_action = self._action(
            translate("MainWindow", "&Save"), QKeySequence.StandardKey.Save, self.save_case
        )
        self.open_action = self._action(
            translate("MainWindow", "&Open selected case"),
            "Ctrl+O",
            self.open_selected,
            translate("MainWindow", "Open the case selected in the worklist"),
        )
        self.quit_action = self._action(
            translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit, self.close
        )
        self.switch_user_action = self._action(
            translate("MainWindow", "S&witch user…"),
            None,
            lambda: self.switch_user(),
            translate("MainWindow", "Sign out and let someone else sign in"),
        )
        for action in (self.new_action, self.open_action, self.save_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.switch_user_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        case_menu = bar.addMenu(translate("MainWindow", "&Case"))

        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        self.find_action = self._action(
            translate("MainWindow", "&Find in worklist"), QKeySequence.StandardKey.Find, self.find_in_worklist
        )
        self.refresh_action = self._action(
            translate("MainWindow", "&Refresh worklist"), QKeySequence.StandardKey.Refresh, self.refresh
        )
        view_menu.addAction(self.find_action)
        view_menu.addAction(self.refresh_action)
        view_menu.addSeparator()
        for number, (title, widget) in enumerate(
            (
                (translate("MainWindow", "&Worklist"), self.worklist),
                (translate("MainWindow", "&Case"), self.case_tab),
                (translate("MainWindow", "Patient &history"), self.history_tab),
            ),
            1,
        ):
            view_menu.addAction(
                self._action(title, f"Ctrl+{number}", lambda _=False, w=widget: self.tabs.setCurrentWidget(w))
            )

        tools_menu = bar.addMenu(translate("MainWindow", "&Tools"))
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        self.menus = {
            "file": file_menu,
            "case": case_menu,
            "view": view_menu,
            "tools": tools_menu,
            "help": help_menu,
        }
        self.about_action = self._action(
            translate("MainWindow", "&About her2desk"), None, lambda: dialogs.show_about(self)
        )
        self.shortcuts_action = self._action(
            translate("MainWindow", "&Keyboard shortcuts"),
            QKeySequence.StandardKey.HelpContents,
            lambda: dialogs.show_shortcuts(self),
        )
        self.preferences_action = self._action(
            translate("MainWindow", "&Preferences…"),
            None,
            self.show_preferences,
            translate("MainWindow", "Your own choices on this computer, such as the language"),
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        tools_menu.addAction(self.preferences_action)
        tools_menu.addSeparator()
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.about_action)

    # -- actions ---------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def show_preferences(self) -> None:
        from her2desk.gui.shell.preferences_dialog import show_preferences

        if show_preferences(self):
            self.show_message(
                translate("MainWindow", "Preferences saved; a new language takes effect at the next start")
            )

    def new_case(self) -> None:
        if self.editor.confirm_leave():
            self.editor.new_case()
            self.tabs.setCurrentWidget(self.case_tab)
            self.editor.form.rows["accession"].input.setFocus()

    def save_case(self) -> None:
        self.tabs.setCurrentWidget(self.case_tab)
        self.editor.save()

    def find_in_worklist(self) -> None:
        self.tabs.setCurrentWidget(self.worklist)
        self.worklist.search.setFocus()
        self.worklist.search.selectAll()

    def refresh(self) -> None:
        self.worklist_model.refresh()

    def open_selected(self) -> None:
        case_id = self.worklist.selected_case_id()
        if case_id is not None:
            self.open_case_id(case_id)

    def open_case_id(self, case_id: int) -> None:
        if self.editor.confirm_leave():
            self._open(lambda: self.service.load_by_id(case_id), f"case #{case_id}")

    def open_accession(self, accession: str) -> None:
        if self.editor.confirm_leave():
            self._open(lambda: self.service.load(accession), f"case {accession}")

    def _open(self, load: Callable[[], StoredCase | None], what: str) -> None:
        stored = self.try_read(load, f"{what} could not be read")
        if stored is None:
            self.show_message(f"{what} is not stored")
            return
        self.editor.open_case(stored)
        self.tabs.setCurrentWidget(self.case_tab)
        self.show_message(
            translate("MainWindow", "Opened case {accession} (report version {version})").format(
                accession=stored.entry.accession, version=stored.report_version
            )
        )

    def show_history(self, mrn: str) -> None:
        def load() -> bool:
            self.history.show_patient(mrn)
            return True

        if self.try_read(load, "The patient history could not be read"):
            self.tabs.setCurrentWidget(self.history_tab)

    def try_read(self, read: Callable[[], T], failure: str) -> T | None:
        """Run a quick read; if the database fails, say so in words and carry on."""
        try:
            return read()
        except Exception as error:  # unreachable, locked or damaged database: never a traceback
            self.show_message(failure)
            dialogs.show_error(self, translate("MainWindow", "Database problem"), f"{failure}: {error}")
            return None

    def _on_saved(self, _stored: StoredCase) -> None:
        self.worklist_model.refresh()

    # -- window state ----------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._shown_once:  # shown after the sign-in dialog closed: take the keyboard
            self._shown_once = True
            self.bring_to_front()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.idle_lock is not None and self.idle_lock.locked and self.has_unsaved_changes():
            # Only the signed-in user may decide about their unsaved entries: unlock first.
            self.idle_lock.screen.say(
                translate("MainWindow", "There are unsaved changes: unlock to save or discard them first.")
            )
            event.ignore()
            return
        if self._editor is not None and not self._editor.confirm_leave():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        settings.sync()
        if self.idle_lock is not None:
            self.idle_lock.stop()
        self.runner.wait()
        self.end_session("signed out")
        event.accept()


def _signed_in(actor: Actor) -> str:
    """'Signed in as NAME (role)', the role in words of the interface's language."""
    return translate("MainWindow", "Signed in as {user} ({role})").format(
        user=actor.username, role=role_label(actor.role)
    )


def _short_location(location: str) -> str:
    """A SQLite file by its name (the folder is in the tooltip); a server address as it is (redacted)."""
    if location.startswith("sqlite:"):
        return location.rsplit("/", 1)[-1] or location
    return location


class _Holder(QWidget):
    """A tab's page that receives its real view on first use."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, view: QWidget) -> None:
        self._layout.addWidget(view)
        view.show()  # at once, not at the next turn of the event loop
        self.setFocusProxy(view)


def _demo_accounts_label() -> str:
    """The status bar's short word on the demo accounts (as `demo.demo_accounts_label`, translated)."""
    from her2desk.demo import DEMO_PASSWORD

    return translate("MainWindow", "Demo accounts: password {password}").format(password=DEMO_PASSWORD)


def _demo_accounts_text() -> str:
    """Every demo account and the password (as `demo.demo_accounts_text`, translated): the tooltip."""
    from her2desk.demo import DEMO_PASSWORD, demo_account_names

    return translate("MainWindow", "Demo accounts (password {password}): {names}").format(
        password=DEMO_PASSWORD, names=demo_account_names()
    )
