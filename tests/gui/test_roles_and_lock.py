"""What the new-user tester found: the idle time follows the lab setting in open windows, a role that
may not edit cases gets a read-only form (not a refusal at Save), users see the report version only,
and the window is the active one after a dialog, so its shortcuts work.

Real SQLite files and real widgets; the login is the real dialog shown non-modally (see test_login).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from support.qt_fixtures import close_window, login_answer, new_signed_in_user, signed_in_window

from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.vocabulary import IhcScore, Laterality, Procedure, Sex, Site
from her2desk.domain.workflow import Actor, Role
from her2desk.gui.admin import admin_actions, settings_dialog
from her2desk.gui.shell import idle_lock, login_dialog
from her2desk.gui.shell.main_window import MainWindow
from her2desk.gui.worklist.worklist_view import EMPTY_HINT
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.lab_settings_service import LabSettingsService

PASSWORD = "correct-horse-1"
ENTRY = CaseEntry(
    accession="S26-000601",
    patient=PatientDetails("SYN-601", "Testpatient-Roles", "Ada", date(1971, 3, 4), Sex.FEMALE),
    specimen=SpecimenDetails(
        procedure=Procedure.CORE_NEEDLE_BIOPSY, site=Site.BREAST, laterality=Laterality.LEFT
    ),
    ihc=IhcDetails(score=IhcScore.ZERO),
)
ADMIN_LINE = "Read-only: administrators manage users and settings; they do not enter cases."


@pytest.fixture
def users(service: CaseService) -> dict[str, Actor]:
    auth = AuthService(service.database)
    auth.create_user("admin", PASSWORD, Role.ADMINISTRATOR, local_administrator="test")
    admin = auth.login("admin", PASSWORD).actor
    return {
        "admin": admin,
        "tech": new_signed_in_user(auth, "tech", PASSWORD, Role.TECHNOLOGIST, "Tess Tech", by=admin),
        "path": new_signed_in_user(auth, "path1", PASSWORD, Role.PATHOLOGIST, "Dr Petra Path", by=admin),
    }


# -- 1. the idle time follows the lab setting in windows already open ----------------------------


def test_a_shorter_idle_time_reaches_an_open_window_without_a_restart(
    service: CaseService, users, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        window.start_idle_lock()  # the lab setting: 10 minutes by default
        lock = window.idle_lock
        assert lock.timer.interval() == 10 * 60_000
        assert lock.recheck_timer.isActive()
        assert lock.recheck_timer.interval() == idle_lock.RECHECK_MS
        lock.recheck_timer.setInterval(50)  # a minute is too long for a test
        # An administrator at another workstation shortens it.
        LabSettingsService(service.database).update_many(users["admin"], {"idle_lock_minutes": "1"})
        qtbot.waitUntil(lambda: lock.current_ms == 60_000, timeout=3000)
        assert 0 < lock.timer.remainingTime() < 65_000  # a coarse timer: 5 % slack, far from 10 minutes
        assert not lock.locked
        qtbot.keyClick(window.worklist.search, Qt.Key.Key_A)  # input restarts the count at the new time
        assert lock.timer.interval() == 60_000
    finally:
        close_window(window, monkeypatch)


def test_an_idle_time_already_exceeded_locks_at_once(
    service: CaseService, users, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        window.start_idle_lock()
        lock = window.idle_lock
        qtbot.wait(300)  # idle for 300 ms; the setting now says less (minutes cannot: the read is replaced)
        monkeypatch.setattr(idle_lock, "idle_minutes", lambda _window: 0.002)  # 120 ms
        lock.reread_interval()
        qtbot.waitUntil(lambda: lock.locked, timeout=1000)
    finally:
        close_window(window, monkeypatch)


def test_saving_the_lab_settings_in_this_window_applies_the_idle_time_at_once(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in_window(service, users["admin"], qtbot)
    try:
        window.start_idle_lock()
        assert window.idle_lock.current_ms == 10 * 60_000

        def fill_and_save(dialog) -> int:  # the real dialog, as a person would use it
            ui.type(dialog, "Idle lock (minutes)", "2")
            qtbot.mouseClick(ui.find(dialog, "Save lab settings"), Qt.MouseButton.LeftButton)
            return dialog.result()

        monkeypatch.setattr(settings_dialog, "run_modal", fill_and_save)
        admin_actions.open_lab_settings(window)
        assert LabSettingsService(service.database).load().idle_lock_minutes == 2
        assert window.idle_lock.current_ms == 2 * 60_000  # not a minute later
        assert window.idle_lock.timer.remainingTime() < 2 * 65_000
    finally:
        close_window(window, monkeypatch)


# -- 2. a role that may not edit cases ---------------------------------------------------------------


def _inputs_editable(window: MainWindow) -> list[str]:
    editable = []
    for key, row in window.editor.form.rows.items():
        widget: QWidget = row.input
        if isinstance(widget, QLineEdit):
            if not widget.isReadOnly():
                editable.append(key)
        elif widget.isEnabled():
            editable.append(key)
    return editable


def test_an_administrator_sees_cases_read_only_and_cannot_start_one(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in_window(service, users["admin"], qtbot)
    try:
        assert window.worklist_model.total == 0
        hint = ui.text(window, "Case count")
        assert "Ctrl+N" not in hint
        assert "technologists and pathologists" in hint
        assert not window.new_action.isEnabled()
        assert not window.save_action.isEnabled()

        CaseService(service.database, actor=users["tech"]).save(ENTRY, None)
        window.open_accession(ENTRY.accession)
        assert window.tabs.currentWidget() is window.case_tab
        assert window.editor.read_only
        assert _inputs_editable(window) == []
        assert ADMIN_LINE in ui.text(window, "Case state")
        window.editor.save()  # even if called: the reason, not a try at the database
        assert window.statusBar().currentMessage() == f"Not saved: {ADMIN_LINE}"

        # Switch user: the technologist may edit again, in the same window.
        window.sign_in_as(users["tech"])
        assert window.new_action.isEnabled()
        assert window.save_action.isEnabled()
        assert not window.editor.read_only
        assert "patient.mrn" in _inputs_editable(window)
        assert "administrators" not in ui.text(window, "Case state")
        window.worklist_model.refresh()
        # ...and back: read-only again, the hint worded for the administrator.
        window.sign_in_as(users["admin"])
        assert window.editor.read_only
        assert not window.new_action.isEnabled()
        assert ADMIN_LINE in ui.text(window, "Case state")
    finally:
        close_window(window, monkeypatch)


def test_the_empty_worklist_hint_follows_switch_user(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        assert ui.text(window, "Case count") == EMPTY_HINT
        window.sign_in_as(users["admin"])
        qtbot.waitUntil(lambda: "Ctrl+N" not in ui.text(window, "Case count"), timeout=3000)
        window.sign_in_as(users["path"])
        qtbot.waitUntil(lambda: ui.text(window, "Case count") == EMPTY_HINT, timeout=3000)
        assert window.new_action.isEnabled()
    finally:
        close_window(window, monkeypatch)


# -- 3. one version number for users: the report version ------------------------------------------


def test_status_messages_show_the_report_version_not_the_lock_counter(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    tech = CaseService(service.database, actor=users["tech"])
    first = tech.save(ENTRY, None)
    again = tech.save(replace(ENTRY, ihc=IhcDetails(score=IhcScore.ONE_PLUS)), first.version)
    assert again.version == 2  # the lock counter has moved; the report is still version 1
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        message = window.statusBar().currentMessage
        window.open_accession(ENTRY.accession)
        assert message() == f"Opened case {ENTRY.accession} (report version 1)"
        ui.type(window.editor.form, "Block", "A2")
        assert window.editor.save(), message()
        assert window.service.load(ENTRY.accession).version == 3
        assert message() == f"Saved case {ENTRY.accession} (report version 1)"
        window.editor.reload()
        assert message() == f"Reloaded case {ENTRY.accession} (report version 1)"
    finally:
        close_window(window, monkeypatch)


# -- 4. the window has the keyboard after a dialog ---------------------------------------------------


def test_the_window_is_active_again_after_switch_user(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)  # after sign-in
        monkeypatch.setattr(login_dialog, "run_login", login_answer(qtbot, ui, "path1", PASSWORD))
        window.switch_user_action.trigger()
        assert window.actor == users["path"]
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    finally:
        close_window(window, monkeypatch)


# -- 6. who signed a case out, by the name people know ---------------------------------------------


def test_the_banner_names_the_signer_by_display_name_and_user_name(
    service: CaseService, users, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    from her2desk.services.signout_service import SignOutService

    stored = CaseService(service.database, actor=users["tech"]).save(ENTRY, None)
    SignOutService(service.database).sign_out(users["path"], ENTRY.accession, PASSWORD, stored.version)
    window = signed_in_window(service, users["tech"], qtbot)
    try:
        window.open_accession(ENTRY.accession)
        banner = ui.text(window, "Case state")
        assert "Signed out by Dr Petra Path (path1) at " in banner
    finally:
        close_window(window, monkeypatch)


def test_a_display_name_equal_to_the_user_name_is_not_repeated() -> None:
    from her2desk.gui.case_entry.case_editor import person

    assert person("path1", {"path1": "Dr Petra Path"}) == "Dr Petra Path (path1)"
    assert person("lab", {"lab": "lab"}) == "lab"
    assert person("gone", {}) == "gone"


def test_the_idle_lock_ends_the_session_and_the_password_starts_a_new_one(
    service: CaseService, users, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While locked nothing can be done in the user's name, not even by code holding the old session;
    unlocking with the password gives a new session and the unsaved entries are still there."""
    from datetime import date
    from decimal import Decimal

    from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
    from her2desk.domain.vocabulary import IhcScore, Laterality, Procedure, Sex, Site
    from her2desk.domain.workflow import WorkflowError

    entry = CaseEntry(
        accession="S26-LOCK-2",
        patient=PatientDetails("SYN-LOCK-2", "Testpatient-Lock", "Synthetic", date(1970, 1, 1), Sex.FEMALE),
        specimen=SpecimenDetails(Procedure.CORE_NEEDLE_BIOPSY, Site.BREAST, Laterality.LEFT),
        ihc=IhcDetails(
            clone="4B5", controls_acceptable=True, score=IhcScore.ONE_PLUS, stained_pct=Decimal(30)
        ),
    )

    tech = users["tech"]
    window = signed_in_window(service, tech, qtbot)
    try:
        window.start_idle_lock()
        form = window.editor.form
        form.rows["accession"].input.setText("S26-LOCK-1")
        window.idle_lock.lock()
        assert window.idle_lock.locked
        with pytest.raises(WorkflowError, match="not signed in"):
            CaseService(service.database, actor=tech).save(entry, None)
        assert window.idle_lock.try_unlock(PASSWORD)
        assert window.actor is not None
        assert window.actor.session_token not in (None, tech.session_token)
        assert form.rows["accession"].input.text() == "S26-LOCK-1"  # unsaved entries survive
        assert window.service.actor is window.actor
    finally:
        close_window(window, monkeypatch)
    with service.database.reader() as session:
        from sqlalchemy import select

        from her2desk.store.schema import AuditRow

        actions = list(session.scalars(select(AuditRow.action).where(AuditRow.who == "tech")))
    assert actions.count("logout") >= 2  # locked, then closed
