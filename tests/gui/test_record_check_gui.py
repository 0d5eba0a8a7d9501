"""Tools ▸ Check the record…: administrators see the tamper-evidence check's result; others cannot run it.
Real SQLite file, real window; the record is tampered with through a plain sqlite3 connection."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox
from support.qt_fixtures import close_window, signed_in_window

from her2desk.domain.workflow import Role
from her2desk.gui.admin import admin_actions
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService

PASSWORD = "correct-horse-1"


def _result(window, qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "record-check-result") is not None, timeout=10_000)
    return window.findChild(QMessageBox, "record-check-result")


def test_an_administrator_sees_an_intact_record_then_the_broken_link(
    service: CaseService, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    if service.database.dialect != "sqlite":
        pytest.skip("the GUI test tampers through sqlite3")
    AuthService(service.database).create_user("admin", PASSWORD, Role.ADMINISTRATOR, local_administrator="t")
    admin = AuthService(service.database).login("admin", PASSWORD).actor
    window = signed_in_window(service, admin, qtbot)
    try:
        admin_actions.check_record(window)
        box = _result(window, qtbot)
        assert box.text().startswith("The record is intact")
        assert "Head digest: sha256:" in box.text()
        box.close()
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "record-check-result") is None, timeout=5000)
        path = service.database.path
        assert path is not None
        with sqlite3.connect(path) as db:
            db.execute("DROP TRIGGER trg_audit_no_update")
            db.execute("UPDATE audit SET who = 'someone-else' WHERE id = 1")
        admin_actions.check_record(window)
        box = _result(window, qtbot)
        assert box.text().startswith("The record has been changed outside the program")
        assert "first broken link: audit row 1" in box.text()
        assert box.icon() is QMessageBox.Icon.Warning
    finally:
        close_window(window, monkeypatch)


def test_only_an_administrator_may_check_the_record(service: CaseService, qtbot, monkeypatch) -> None:
    auth = AuthService(service.database)
    auth.create_user("admin", PASSWORD, Role.ADMINISTRATOR, local_administrator="t")
    admin = auth.login("admin", PASSWORD).actor
    auth.create_user("tech", PASSWORD, Role.TECHNOLOGIST, "Tess Tech", by=admin)
    tech = auth.login("tech", PASSWORD).actor
    window = signed_in_window(service, tech, qtbot)
    try:
        messages: list[str] = []
        monkeypatch.setattr(window, "show_message", messages.append)
        admin_actions.check_record(window)
        assert messages == [admin_actions.CHECK_FOR_ADMINISTRATORS]
        assert window.findChild(QMessageBox, "record-check-result") is None
    finally:
        close_window(window, monkeypatch)
