"""Signing in to the desktop program, switching user and the idle lock, on real SQLite files.

The modal entry points (`login_dialog.run_login`, `run_first_administrator`, `idle_lock.confirm_discard`)
are replaced by functions that show the real dialog non-modally and fill it in as a person would, by
accessible names; nothing here waits on a modal loop.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from sqlalchemy import select
from support.qt_fixtures import close_window, login_answer, new_signed_in_user, signed_in_window

from her2desk.demo.seed import seed_demo
from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.vocabulary import IhcScore, Laterality, Procedure, Sex, Site
from her2desk.domain.workflow import Actor, Role, WorkflowError
from her2desk.gui import app as gui_app
from her2desk.gui.common import dialogs
from her2desk.gui.shell import idle_lock, login_dialog
from her2desk.gui.shell.case_service_proxy import PendingService
from her2desk.gui.shell.login_dialog import LOGIN_FAILED_TEXT, FirstAdministratorDialog, LoginDialog
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.auth_service import AuthenticationError, AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.demo_accounts import DEMO_PATHOLOGIST
from her2desk.store.schema import AuditRow, Case

PASSWORD = "correct-horse-1"
ENTRY = CaseEntry(
    accession="S26-000501",
    patient=PatientDetails("SYN-501", "Testpatient-Login", "Zoë", date(1980, 5, 6), Sex.FEMALE),
    specimen=SpecimenDetails(
        procedure=Procedure.CORE_NEEDLE_BIOPSY, site=Site.BREAST, laterality=Laterality.LEFT
    ),
    ihc=IhcDetails(score=IhcScore.ZERO),
)


@pytest.fixture
def users(service: CaseService) -> dict[str, Actor]:
    """An administrator, a technologist and a pathologist (all with PASSWORD)."""
    auth = AuthService(service.database)
    auth.create_user("admin", PASSWORD, Role.ADMINISTRATOR, local_administrator="test")
    admin = auth.login("admin", PASSWORD).actor
    return {
        "admin": admin,
        "tech": new_signed_in_user(auth, "tech", PASSWORD, Role.TECHNOLOGIST, "Tess Tech", by=admin),
        "path": new_signed_in_user(auth, "path", PASSWORD, Role.PATHOLOGIST, "Dr Pat", by=admin),
    }


def audit_rows(service: CaseService, action: str) -> list[AuditRow]:
    with service.database.reader() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action).order_by(AuditRow.id)))


def click(qtbot, ui, root: QWidget, name: str) -> None:
    qtbot.mouseClick(ui.find(root, name), Qt.MouseButton.LeftButton)


def refuse(name: str) -> Callable:
    def fail(*_args, **_kwargs):
        raise AssertionError(f"{name} must not be asked")

    return fail


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[MainWindow]]:
    """Windows built by `gui_app.start` in a test, closed (unsaved changes discarded) afterwards."""
    windows: list[MainWindow] = []
    yield windows
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    for window in windows:
        if window.idle_lock is not None and window.idle_lock.locked:
            window.idle_lock.unlock()
        window.close()
        window.runner.wait()
        window.service.close()
        window.deleteLater()


def start(started: list[MainWindow], path: Path, **flags) -> MainWindow:
    result = gui_app.start(str(path), **flags)
    assert not isinstance(result, int), f"start returned exit code {result}"
    window, _pending = result
    started.append(window)
    window.show()
    return window


# -- first start, login ----------------------------------------------------------------------------


def test_an_empty_database_asks_for_the_first_administrator_who_is_then_signed_in(
    db_path: Path, started, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The password just typed twice proves who this is: the new administrator is signed in at once
    (a real session, audited as a login), without a second sign-in dialog."""

    def run_first_administrator(auth, parent=None):
        dialog = FirstAdministratorDialog(auth, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        assert "Tools ▸ Users" in ui.find(dialog, "First administrator explanation").text()
        ui.type(dialog, "User name", "lab admin")  # a space is not allowed
        ui.type(dialog, "Display name", "Ada Admin")
        ui.type(dialog, "Password", "short")
        ui.type(dialog, "Repeat password", "shorter")
        click(qtbot, ui, dialog, "Create administrator")
        assert "letters, digits" in ui.message(dialog, "User name")
        assert "at least 10 characters" in ui.message(dialog, "Password")
        assert "not the same" in ui.message(dialog, "Repeat password")
        assert not auth.has_users()  # nothing written while a field is wrong
        ui.type(dialog, "User name", "ada")
        ui.type(dialog, "Password", PASSWORD)
        ui.type(dialog, "Repeat password", PASSWORD)
        click(qtbot, ui, dialog, "Create administrator")
        assert ui.message(dialog, "User name") == ""
        assert dialog.result() == FirstAdministratorDialog.DialogCode.Accepted
        assert dialog.session is not None
        return dialog.session or dialog.actor  # as login_dialog.run_first_administrator

    monkeypatch.setattr(login_dialog, "run_first_administrator", run_first_administrator)
    monkeypatch.setattr(login_dialog, "run_login", refuse("a second sign-in"))
    window = start(started, db_path)
    assert window.isVisible()
    assert window.actor is not None
    assert window.actor.session_token  # a real session, which the services prove on every call
    assert window.actor.username == "ada"
    assert window.actor.role is Role.ADMINISTRATOR
    assert ui.text(window, "Signed-in user") == "Signed in as ada (administrator)"
    assert window.service.actor == window.actor
    (user,) = AuthService(window.service.database).users()
    assert (user.username, user.display_name, user.role) == ("ada", "Ada Admin", Role.ADMINISTRATOR)
    (login,) = audit_rows(window.service, "login")
    assert login.who == "ada"
    assert audit_rows(window.service, "login-failed") == []
    # The session works: the administrator may manage users at once (here, add a pathologist).
    AuthService(window.service.database).create_user(
        "pat", PASSWORD, Role.PATHOLOGIST, "Dr Pat", by=window.actor
    )


def test_error_messages_do_not_squeeze_the_first_administrator_fields(
    service: CaseService, qtbot, ui
) -> None:
    """A message appearing under a field grows the dialog; it never shrinks the fields to make room."""
    from PySide6.QtCore import QCoreApplication

    dialog = FirstAdministratorDialog(AuthService(service.database))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fields = {
        name: ui.find(dialog, name) for name in ("User name", "Display name", "Password", "Repeat password")
    }
    heights = {name: field.height() for name, field in fields.items()}
    assert all(fields[name].sizeHint().height() <= height for name, height in heights.items())
    before = dialog.height()
    ui.type(dialog, "User name", "lab admin")
    ui.type(dialog, "Password", "short")
    ui.type(dialog, "Repeat password", "shorter")
    click(qtbot, ui, dialog, "Create administrator")
    QCoreApplication.processEvents()
    assert ui.message(dialog, "Password") == "A password needs at least 10 characters."
    assert {name: field.height() for name, field in fields.items()} == heights
    for name in ("User name", "Password", "Repeat password"):
        message = ui.find(dialog, f"{name} message")
        assert message.isVisible()
        assert message.height() >= message.heightForWidth(message.width()), name  # the whole text shows
    assert dialog.height() > before


def test_quitting_the_first_administrator_dialog_quits_without_a_window(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(login_dialog, "run_first_administrator", lambda *_a, **_k: None)
    monkeypatch.setattr(login_dialog, "run_login", refuse("the login"))
    assert gui_app.start(str(db_path)) == 0


def test_a_wrong_password_says_the_same_for_unknown_and_known_names_and_is_audited(
    service: CaseService, users, qtbot, ui
) -> None:
    dialog = LoginDialog(AuthService(service.database))
    qtbot.addWidget(dialog)
    dialog.show()
    shown = []
    for name in ("nobody-here", "tech"):
        ui.type(dialog, "User name", name)
        ui.type(dialog, "Password", "wrong-password")
        click(qtbot, ui, dialog, "Sign in")
        shown.append(ui.message(dialog, "Sign in"))
        assert ui.text(dialog, "Password") == ""  # cleared for the next try
    assert shown == [LOGIN_FAILED_TEXT, LOGIN_FAILED_TEXT]
    assert dialog.session is None
    assert dialog.result() != LoginDialog.DialogCode.Accepted
    failed = audit_rows(service, "login-failed")
    # A name that is no account is never stored as typed (it may be a password in the wrong field).
    assert [json.loads(r.new)["username"] for r in failed] == ["(unknown user)", "tech"]
    assert {r.who for r in failed} == {"(not signed in)"}

    ui.type(dialog, "User name", "tech")
    ui.type(dialog, "Password", "wrong-again")
    click(qtbot, ui, dialog, "Sign in")  # the third failure in a row: the button waits a moment
    assert not ui.find(dialog, "Sign in").isEnabled()
    assert ui.message(dialog, "Sign in").startswith(LOGIN_FAILED_TEXT + ". Try again in")
    qtbot.waitUntil(lambda: ui.find(dialog, "Sign in").isEnabled(), timeout=5000)
    ui.type(dialog, "Password", PASSWORD)
    click(qtbot, ui, dialog, "Sign in")
    assert dialog.session is not None
    assert dialog.session.actor == users["tech"]
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    # The fixture signed the three users in first; the dialog's sign-in is the last one, by tech.
    assert [r.who for r in audit_rows(service, "login")] == ["admin", "tech", "path", "tech"]


def test_a_new_login_window_cannot_skip_the_wait_the_database_imposes(
    service: CaseService, users, qtbot, ui
) -> None:
    """The wait lives in the database: a fresh window (or a script) is refused just the same."""
    auth = AuthService(service.database)
    for _ in range(2):
        with pytest.raises(AuthenticationError):
            auth.login("tech", "wrong-password")
    dialog = LoginDialog(AuthService(service.database))
    qtbot.addWidget(dialog)
    dialog.show()
    ui.type(dialog, "User name", "tech")
    ui.type(dialog, "Password", PASSWORD)
    click(qtbot, ui, dialog, "Sign in")
    assert dialog.session is None
    assert ui.message(dialog, "Sign in").startswith(f"{login_dialog.TOO_SOON_TEXT}. Try again in")
    assert not ui.find(dialog, "Sign in").isEnabled()
    qtbot.waitUntil(lambda: ui.find(dialog, "Sign in").isEnabled(), timeout=5000)
    ui.type(dialog, "Password", PASSWORD)
    click(qtbot, ui, dialog, "Sign in")
    assert dialog.session is not None


def test_a_locked_account_is_said_in_words(service: CaseService, users, qtbot, ui) -> None:
    LabSettingsService(service.database).update(users["admin"], "failure_delay_seconds", "0")
    auth = AuthService(service.database)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            auth.login("tech", "wrong-password")
    dialog = LoginDialog(AuthService(service.database))
    qtbot.addWidget(dialog)
    dialog.show()
    ui.type(dialog, "User name", "tech")
    ui.type(dialog, "Password", PASSWORD)
    click(qtbot, ui, dialog, "Sign in")
    assert dialog.session is None
    assert ui.message(dialog, "Sign in") == login_dialog.LOCKED_TEXT


def test_a_first_administrator_password_of_spaces_is_refused_beside_the_field(
    service: CaseService, qtbot, ui
) -> None:
    dialog = FirstAdministratorDialog(AuthService(service.database))
    qtbot.addWidget(dialog)
    dialog.show()
    ui.type(dialog, "User name", "admin")
    ui.type(dialog, "Password", " " * 12)
    ui.type(dialog, "Repeat password", " " * 12)
    click(qtbot, ui, dialog, "Create administrator")
    assert ui.message(dialog, "Password") == (
        "A password cannot be only spaces or invisible control characters."
    )
    assert not AuthService(service.database).has_users()


def test_the_password_is_not_echoed(service: CaseService, qtbot, ui) -> None:
    dialog = LoginDialog(AuthService(service.database))
    qtbot.addWidget(dialog)
    field = ui.find(dialog, "Password")
    assert isinstance(field, QLineEdit)
    assert field.echoMode() == QLineEdit.EchoMode.Password


def test_a_technologist_signs_in_and_the_saved_case_records_who_entered_it(
    db_path: Path, service: CaseService, users, started, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(login_dialog, "run_first_administrator", refuse("the first administrator"))
    monkeypatch.setattr(login_dialog, "run_login", login_answer(qtbot, ui, "tech", PASSWORD, []))
    window = start(started, db_path)
    assert ui.text(window, "Signed-in user") == "Signed in as tech (technologist)"
    window.new_action.trigger()
    window.editor.form.load(ENTRY)
    window.save_action.trigger()
    stored = service.load(ENTRY.accession)
    assert stored is not None, window.statusBar().currentMessage()
    with service.database.reader() as session:
        case = session.scalars(select(Case).where(Case.accession == ENTRY.accession)).one()
        assert case.entered_by_user_id == users["tech"].user_id
        assert case.created_by == "tech"


def test_quitting_the_login_quits_without_a_window(
    db_path: Path, service: CaseService, users, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(login_dialog, "run_login", lambda *_a, **_k: None)
    assert gui_app.start(str(db_path)) == 0


# -- switching user ---------------------------------------------------------------------------------


def test_switch_user_rebuilds_the_services_for_the_new_user(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        window.new_action.trigger()
        window.editor.form.load(ENTRY)  # unsaved entries: asked about before anyone else signs in
        asked: list[str] = []
        monkeypatch.setattr(
            dialogs, "ask_unsaved", lambda *_a: asked.append("unsaved") or dialogs.UnsavedChoice.CANCEL
        )
        monkeypatch.setattr(login_dialog, "run_login", refuse("the login after Cancel"))
        window.switch_user_action.trigger()
        assert asked == ["unsaved"]
        assert window.actor == users["tech"]
        assert window.editor.is_dirty()

        monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.SAVE)
        monkeypatch.setattr(login_dialog, "run_login", lambda *_a, **_k: None)  # Cancel on the login
        window.switch_user_action.trigger()
        assert window.actor == users["tech"]  # Cancel keeps the current user
        assert ui.text(window, "Signed-in user") == "Signed in as tech (technologist)"
        saved = service.load(ENTRY.accession)  # "Save" saved it as the technologist
        assert saved is not None

        logins: list[dict] = []
        monkeypatch.setattr(login_dialog, "run_login", login_answer(qtbot, ui, "path", PASSWORD, logins))
        window.switch_user_action.trigger()
        assert logins[0]["cancel_text"] == "Cancel"
        assert window.actor == users["path"]
        assert window.service.actor == users["path"]
        assert window.editor.service is window.service  # the open case form saves as the new user
        assert window.workflow_service().database is service.database
        assert ui.text(window, "Signed-in user") == "Signed in as path (pathologist)"
        with service.database.reader() as session:
            case = session.scalars(select(Case).where(Case.accession == ENTRY.accession)).one()
            assert case.entered_by_user_id == users["tech"].user_id
    finally:
        close_window(window, monkeypatch)


def test_the_patient_history_follows_the_open_case(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    tech = CaseService(service.database, actor=users["tech"])
    tech.save(ENTRY, None)
    other = CaseEntry(
        accession="S26-000502",
        patient=PatientDetails("SYN-502", "Testpatient-Other", "Ola", date(1975, 1, 2), Sex.FEMALE),
        specimen=ENTRY.specimen,
        ihc=ENTRY.ihc,
    )
    tech.save(other, None)
    window = signed_in_window(service, users["path"], qtbot)
    try:
        window.open_accession("S26-000502")
        window.tabs.setCurrentWidget(window.history_tab)
        assert window.history.mrn == "SYN-502"
        window.open_accession(ENTRY.accession)
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget() is window.history_tab
        assert window.history.mrn == "SYN-501"
        assert "Testpatient-Login" in ui.text(window, "Patient")
    finally:
        close_window(window, monkeypatch)


# -- the idle lock ----------------------------------------------------------------------------------


def visible_texts(window: MainWindow) -> str:
    """Every text a person (or a screen reader) could read in the window now."""
    texts = []
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and hasattr(widget, "text"):
            texts.append(str(widget.text()))
    return " ".join(texts)


def test_the_idle_lock_hides_the_data_and_unlocks_only_with_the_right_password(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        window.new_action.trigger()
        window.editor.form.load(ENTRY)  # unsaved entries
        assert "Testpatient-Login" in visible_texts(window)
        viewer = QLabel("Testpatient-Login in another window")  # e.g. a feature's non-modal viewer
        qtbot.addWidget(viewer)
        viewer.show()
        window.start_idle_lock(interval_ms=150)
        qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=5000)
        assert "Testpatient-Login" not in visible_texts(window)
        assert not viewer.isVisible()
        assert not window.tabs.isVisible()
        assert not window.menuBar().isVisible()
        assert not window.statusBar().isVisible()
        assert ui.find(window, "Unlock password").isVisible()
        assert "tech" in ui.text(window, "Locked")

        ui.type(window, "Unlock password", "not-the-password")
        click(qtbot, ui, window, "Unlock")
        assert window.idle_lock.locked
        assert ui.message(window, "Unlock") == idle_lock.WRONG_PASSWORD_TEXT
        failed = audit_rows(service, "login-failed")
        assert [json.loads(r.new)["username"] for r in failed] == ["tech"]

        ui.type(window, "Unlock password", PASSWORD)
        qtbot.keyClick(ui.find(window, "Unlock password"), Qt.Key.Key_Return)
        assert not window.idle_lock.locked
        assert window.tabs.isVisible()
        assert window.menuBar().isVisible()
        assert viewer.isVisible()
        assert window.editor.is_dirty()  # the unsaved entries survived the lock
        assert ui.text(window.editor.form, "Family name") == "Testpatient-Login"
        assert window.actor == users["tech"]
        # The fixture signed the three users in; the unlock is one more sign-in, by tech.
        assert [r.who for r in audit_rows(service, "login")] == ["admin", "tech", "path", "tech"]
        assert "locked" in [json.loads(r.new).get("reason") for r in audit_rows(service, "logout")]
        qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=5000)  # and it locks again
    finally:
        close_window(window, monkeypatch)


def test_input_restarts_the_idle_time(service: CaseService, users, qtbot, monkeypatch) -> None:
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        window.start_idle_lock(interval_ms=8000)
        qtbot.wait(2500)
        assert window.idle_lock.timer.remainingTime() < 6000
        qtbot.keyClick(window.worklist.search, Qt.Key.Key_A)
        assert window.idle_lock.timer.remainingTime() > 7000  # counting from the key press again
        assert not window.idle_lock.locked
    finally:
        close_window(window, monkeypatch)


def test_switch_user_from_the_lock_screen(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        window.new_action.trigger()
        window.editor.form.load(ENTRY)
        window.start_idle_lock(interval_ms=100)
        qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=5000)
        monkeypatch.setattr(idle_lock, "confirm_discard", lambda *_a: False)
        monkeypatch.setattr(login_dialog, "run_login", refuse("the login after keeping the changes"))
        click(qtbot, ui, window, "Switch user")
        assert window.idle_lock.locked
        assert window.editor.is_dirty()

        monkeypatch.setattr(idle_lock, "confirm_discard", lambda *_a: True)
        monkeypatch.setattr(login_dialog, "run_login", lambda *_a, **_k: None)  # Cancel on the login
        click(qtbot, ui, window, "Switch user")
        assert window.idle_lock.locked
        assert window.actor == users["tech"]
        assert window.editor.is_dirty()

        monkeypatch.setattr(login_dialog, "run_login", login_answer(qtbot, ui, "path", PASSWORD, []))
        click(qtbot, ui, window, "Switch user")
        assert not window.idle_lock.locked
        assert window.actor == users["path"]
        assert window.service.actor == users["path"]
        assert not window.editor.is_dirty()  # the technologist's unsaved entries were discarded
        assert service.load(ENTRY.accession) is None
        assert ui.text(window, "Signed-in user") == "Signed in as path (pathologist)"
    finally:
        close_window(window, monkeypatch)


def test_a_window_without_a_signed_in_user_never_locks(service: CaseService, window: MainWindow) -> None:
    window.start_idle_lock(interval_ms=10)
    assert window.idle_lock is None


# -- --demo ---------------------------------------------------------------------------------------


def test_demo_signs_in_the_demo_pathologist_on_a_demo_database(
    db_path: Path, service: CaseService, started, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_demo(service, 30)
    monkeypatch.setattr(login_dialog, "run_login", refuse("a password on the demo database"))
    monkeypatch.setattr(login_dialog, "run_first_administrator", refuse("the first administrator"))
    result = gui_app.start(str(db_path), demo=True)
    assert not isinstance(result, int)
    window, pending = result
    started.append(window)
    assert isinstance(pending, PendingService)  # the fast path: no SQLAlchemy before the first paint
    assert window.actor is not None
    assert window.actor.username == DEMO_PATHOLOGIST.username
    assert window.actor.role is Role.PATHOLOGIST
    assert ui.text(window, "Signed-in user") == "Signed in as demo-pathologist (pathologist)"
    assert "password demo-password" in ui.text(window, "Demo accounts")
    assert "demo-technologist" in ui.find(window, "Demo accounts").toolTip()  # the accounts a tester can use
    pending.start()
    assert window.service.actor == window.actor  # the service, once open, is the demo pathologist's
    assert _demo_sign_ins(service) == ["demo-pathologist"]  # audited once the service is open


def _demo_sign_ins(service: CaseService) -> list[str]:
    from her2desk.domain.audit_query import AuditQuery
    from her2desk.services.audit_service import AuditService

    rows = AuditService(service.database).page(AuditQuery(action="login"), 0, 50)
    return [r.who for r in rows if r.new and r.new.get("method") == "demo (no password)"]


def test_demo_signs_in_on_the_ordinary_path_too(
    db_path: Path, started, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new file under --demo is seeded (with its accounts) before the window: no fast path."""
    monkeypatch.setattr(gui_app, "DEMO_CASES", 20)
    monkeypatch.setattr(login_dialog, "run_login", refuse("a password on the demo database"))
    window = start(started, db_path, demo=True)
    assert window.actor is not None
    assert window.actor.username == DEMO_PATHOLOGIST.username
    assert isinstance(window.service, CaseService)
    assert window.service.actor == window.actor
    assert _demo_sign_ins(window.service) == ["demo-pathologist"]


def test_demo_never_signs_in_on_a_database_that_is_not_a_demo_database(
    db_path: Path, service: CaseService, users, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Even an account called demo-pathologist does not make a lab's database a demo database.
    AuthService(service.database).create_user(
        DEMO_PATHOLOGIST.username, PASSWORD, Role.PATHOLOGIST, by=users["admin"]
    )
    CaseService(service.database, actor=users["tech"]).save(ENTRY, None)
    monkeypatch.setattr(login_dialog, "run_login", refuse("any sign-in"))
    assert gui_app.start(str(db_path), demo=True, quit_after_paint=True) == 2  # refused, in words
    demo = AuthService(service.database).users()
    actor = next(
        Actor(u.user_id, u.username, u.role) for u in demo if u.username == DEMO_PATHOLOGIST.username
    )
    with pytest.raises(WorkflowError):  # the service itself refuses a password-less sign-in here
        AuthService(service.database).record_demo_sign_in(actor)


def test_a_demo_database_without_demo_asks_for_a_password(
    db_path: Path, service: CaseService, qtbot, ui, started, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_demo(service, 10)
    logins: list[dict] = []
    monkeypatch.setattr(
        login_dialog, "run_login", login_answer(qtbot, ui, "demo-technologist", "demo-password", logins)
    )
    window = start(started, db_path)
    assert len(logins) == 1
    assert window.actor is not None
    assert window.actor.username == "demo-technologist"


def test_a_lab_day_with_two_accounts_technologist_enters_pathologist_signs_out(
    db_path: Path, service: CaseService, users, started, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    from her2desk.domain.workflow import WorkflowError

    monkeypatch.setattr(login_dialog, "run_login", login_answer(qtbot, ui, "tech", PASSWORD, []))
    window = start(started, db_path)
    window.new_action.trigger()
    window.editor.form.load(ENTRY)
    window.save_action.trigger()
    stored = window.service.load(ENTRY.accession)
    assert stored is not None
    with pytest.raises(WorkflowError):  # the technologist cannot sign out, whatever the GUI offers
        window.workflow_service().sign_out(window.actor, ENTRY.accession, PASSWORD, stored.version)

    monkeypatch.setattr(login_dialog, "run_login", login_answer(qtbot, ui, "path", PASSWORD, []))
    window.switch_user_action.trigger()
    assert window.actor == users["path"]
    window.workflow_service().sign_out(window.actor, ENTRY.accession, PASSWORD, stored.version)
    window.after_workflow(ENTRY.accession)
    signed = service.load(ENTRY.accession)
    assert signed is not None
    assert signed.signout_state.value == "signed-out"
    with service.database.reader() as session:
        case = session.scalars(select(Case).where(Case.accession == ENTRY.accession)).one()
        assert (case.entered_by_user_id, case.signed_out_by_user_id) == (
            users["tech"].user_id,
            users["path"].user_id,
        )
