"""Opening the database never leaves a frozen or missing window: slow opens show progress."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QProgressDialog

from her2desk.gui import app as gui_app
from her2desk.services.case_service import CaseService


def test_a_slow_open_shows_progress_and_returns_the_service(
    service: CaseService, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    original_show = QProgressDialog.show

    def show(dialog: QProgressDialog) -> None:
        shown.append(dialog.labelText())
        original_show(dialog)

    def slow_open(_database: object, _demo: bool) -> CaseService:
        time.sleep(gui_app.OPEN_QUIETLY_S + 0.4)  # like an upgrade with a backup of a big file
        return service

    monkeypatch.setattr(QProgressDialog, "show", show)
    monkeypatch.setattr(gui_app, "open_service", slow_open)
    assert gui_app.open_with_progress("ignored", demo=False) is service
    assert shown == ["Opening the database…"]


def test_a_quick_open_shows_nothing(service: CaseService, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QProgressDialog, "show", lambda _d: pytest.fail("no progress for a quick open"))
    monkeypatch.setattr(gui_app, "open_service", lambda _db, _demo: service)
    assert gui_app.open_with_progress("ignored", demo=False) is service


def test_an_open_that_fails_reports_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(_database: object, _demo: bool) -> CaseService:
        time.sleep(gui_app.OPEN_QUIETLY_S + 0.1)
        raise PermissionError("not a demo database")

    monkeypatch.setattr(gui_app, "open_service", fail)
    with pytest.raises(PermissionError, match="not a demo database"):
        gui_app.open_with_progress("ignored", demo=True)
