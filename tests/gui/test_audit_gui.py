"""The audit log and the case record, driven through the real menus and widgets on a real database:
filters by user and action, a bad date named beside the filters, CSV export through the file-dialog seam,
and a case signed out, printed and amended showing both report versions and its print log."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QPushButton, QTableView, QTableWidget
from support.backends import make_entry

from her2desk.domain.workflow import Role
from her2desk.gui.audit import audit_view
from her2desk.gui.audit.audit_view import AuditLogDialog
from her2desk.gui.audit.case_record_view import CaseRecordDialog
from her2desk.services.auth_service import AuthenticationError, AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.signout_service import SignOutService

SHA = "0123456789abcdef" * 4
REASON = "ISH recount by a second observer"


@pytest.fixture
def history(window) -> dict[str, object]:
    """Users, a good and a failed sign-in, two cases; S26-00001 signed out, printed, then amended."""
    database = window.service.database
    auth = AuthService(database)
    auth.create_user("ada", "admin-pass-1", Role.ADMINISTRATOR, "Ada Admin")
    admin = auth.login("ada", "admin-pass-1").actor
    auth.create_user("tom", "tech-pass-1", Role.TECHNOLOGIST, "Tom Tech", by=admin)
    tech = auth.login("tom", "tech-pass-1").actor
    auth.create_user("pia", "path-pass-1", Role.PATHOLOGIST, "Dr Pia Path", by=admin)
    path = auth.login("pia", "path-pass-1").actor
    auth.login("pia", "path-pass-1")
    with pytest.raises(AuthenticationError):
        auth.login("pia", "not her password")
    cases = CaseService(database, actor=tech)
    stored = cases.save(make_entry("S26-00001", mrn="DEMO000001"), None)
    cases.save(make_entry("S26-00002", mrn="DEMO000002"), None)
    signout = SignOutService(database)
    done = signout.sign_out(path, "S26-00001", "path-pass-1", stored.version)
    signout.record_handout(path, "S26-00001", "es", SHA, "rules-2026.1")
    signout.amend(path, "S26-00001", REASON, done.version, password="path-pass-1")
    window.refresh()
    return {"tech": tech, "path": path}


def _menu_action(window, menu: str, text: str):
    found = [a for a in window.menus[menu].actions() if a.text().replace("&", "") == text]
    assert len(found) == 1, f"{menu} menu has {len(found)} actions {text!r}"
    return found[0]


def _open_audit_log(window, qtbot) -> AuditLogDialog:
    _menu_action(window, "tools", "Audit log…").trigger()
    dialogs = window.findChildren(AuditLogDialog)
    assert len(dialogs) == 1
    qtbot.waitExposed(dialogs[0])
    return dialogs[0]


def _rows(ui, dialog) -> list[list[str]]:
    table = ui.find(dialog, "Audit entries")
    assert isinstance(table, QTableView)
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_filter_by_user_and_action_and_see_details(window, history, qtbot, ui) -> None:
    dialog = _open_audit_log(window, qtbot)
    everyone = _rows(ui, dialog)
    assert {row[1] for row in everyone} >= {"pia", "tom", "ada", "(not signed in)"}
    assert "Rows 1–" in ui.find(dialog, "Audit page").text()

    ui.choose(dialog, "Audit user filter", "pia")
    rows = _rows(ui, dialog)
    assert rows
    assert {row[1] for row in rows} == {"pia"}
    assert {"Signed in", "Report signed out", "Handout printed", "Amended"} <= {row[2] for row in rows}
    assert rows[0][2] == "Amended"  # newest first
    details = ui.find(dialog, "Audit entries details")
    assert isinstance(details, QPlainTextEdit)
    assert REASON in details.toPlainText()
    assert "Report version: 1 → 2" in details.toPlainText()

    ui.choose(dialog, "Audit user filter", "Everyone")
    ui.choose(dialog, "Audit action filter", "Failed sign-in")
    rows = _rows(ui, dialog)
    assert [(row[1], row[2], row[3]) for row in rows] == [("(not signed in)", "Failed sign-in", "")]
    assert "User name: pia" in details.toPlainText()

    ui.choose(dialog, "Audit action filter", "All actions")
    ui.type(dialog, "Audit accession filter", "S26-00002")
    qtbot.keyClick(ui.find(dialog, "Audit accession filter"), Qt.Key.Key_Return)
    assert {row[3] for row in _rows(ui, dialog) if row[3]} == {"S26-00002"}


def test_a_second_request_reuses_the_open_log_and_the_model_is_sound(
    window, history, qtbot, ui, qtmodeltester
) -> None:
    dialog = _open_audit_log(window, qtbot)
    _menu_action(window, "tools", "Audit log…").trigger()
    assert window.findChildren(AuditLogDialog) == [dialog]
    table = ui.find(dialog, "Audit entries")
    qtmodeltester.check(table.model())
    dialog.close()
    qtbot.waitUntil(lambda: window.findChildren(AuditLogDialog) == [])


def test_a_bad_date_is_named_beside_the_filters(window, history, qtbot, ui) -> None:
    dialog = _open_audit_log(window, qtbot)
    before = _rows(ui, dialog)
    ui.type(dialog, "Audit date from", "31.12.2026")
    qtbot.mouseClick(ui.find(dialog, "Apply audit filters"), Qt.MouseButton.LeftButton)
    problem = ui.find(dialog, "Audit filter problem")
    assert isinstance(problem, QLabel)
    assert problem.isVisibleTo(dialog)
    assert "Date from: use a date as YYYY-MM-DD" in problem.text()
    assert _rows(ui, dialog) == before
    ui.type(dialog, "Audit date from", "2000-01-01")
    ui.type(dialog, "Audit date to", "2000-01-31")
    qtbot.mouseClick(ui.find(dialog, "Apply audit filters"), Qt.MouseButton.LeftButton)
    assert not problem.isVisibleTo(dialog)
    assert _rows(ui, dialog) == []
    assert ui.find(dialog, "Audit page").text() == "No audit rows match these filters."


def test_export_csv_through_the_file_dialog_seam(window, history, qtbot, ui, tmp_path, monkeypatch) -> None:
    target = tmp_path / "exported audit"
    asked: list[str] = []

    def answer(_parent, suggested: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(audit_view, "ask_csv_path", answer)
    dialog = _open_audit_log(window, qtbot)
    ui.choose(dialog, "Audit user filter", "pia")
    button = ui.find(dialog, "Export audit CSV")
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    result = ui.find(dialog, "Audit export result")
    qtbot.waitUntil(lambda: result.text().startswith("Exported"), timeout=10_000)
    written = target.with_suffix(".csv")
    with written.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows
    assert {r["user"] for r in rows} == {"pia"}
    assert len(rows) == len(_rows(ui, dialog))
    assert rows[0]["action_name"] == "Amended"
    assert f"Exported {len(rows)} rows to {written}" == result.text()


def test_case_record_shows_both_versions_signature_print_and_trail(window, history, qtbot, ui) -> None:
    window.open_accession("S26-00001")
    _menu_action(window, "case", "Case record…").trigger()
    found = window.findChildren(CaseRecordDialog)
    assert len(found) == 1
    record = found[0]
    assert record.accession == "S26-00001"

    versions = ui.find(record, "Report versions")
    assert isinstance(versions, QListWidget)
    assert versions.count() == 2
    text = ui.find(record, "Report version text")
    assert isinstance(text, QPlainTextEdit)
    assert "Report version 2 — amended" in text.toPlainText()
    assert f"Amendment reason: {REASON}" in text.toPlainText()
    versions.setCurrentRow(0)
    first = text.toPlainText()
    assert "Report version 1 — signed out by pia" in first
    assert "HER2 status (guideline): " in first
    assert "Count 1: 20 cells, HER2 4.50, CEP17 2.10" in first
    assert "Amendment reason" not in first

    signatures = ui.find(record, "Electronic signatures")
    assert isinstance(signatures, QTableWidget)
    assert signatures.rowCount() == 2  # the sign-out, then the amendment (also signed with the password)
    assert [signatures.item(0, c).text() for c in (0, 1, 2, 4)] == ["1", "pia", "Dr Pia Path", "signed out"]
    assert [signatures.item(1, c).text() for c in (0, 1, 2, 4)] == ["2", "pia", "Dr Pia Path", "amended"]

    prints = ui.find(record, "Handout prints")
    assert isinstance(prints, QTableWidget)
    assert prints.rowCount() == 1
    cells = [prints.item(0, c).text() for c in range(prints.columnCount())]
    assert cells[1:] == ["pia", "es", "rules-2026.1", "1", "no", "yes", SHA]

    trail = ui.find(record, "Case audit trail")
    model = trail.model()
    actions = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert {"Record created", "Report signed out", "Handout printed", "Amended"} <= set(actions)
    assert "Signed in" not in actions  # sign-ins have no case: only the whole-database view has them
    assert {model.index(r, 3).data() for r in range(model.rowCount())} <= {"S26-00001", ""}


def _select_row(table: QTableView, wanted: Callable[[list[str]], bool]) -> None:
    model = table.model()
    for row in range(model.rowCount()):
        if wanted([model.index(row, c).data() for c in range(model.columnCount())]):
            table.selectRow(row)
            return
    raise AssertionError("no such audit row")


def test_audit_details_use_readable_names_times_to_the_second_and_user_names(
    window, history, qtbot, ui
) -> None:
    dialog = _open_audit_log(window, qtbot)
    ui.type(dialog, "Audit accession filter", "S26-00002")
    qtbot.keyClick(ui.find(dialog, "Audit accession filter"), Qt.Key.Key_Return)
    table = ui.find(dialog, "Audit entries")
    _select_row(table, lambda cells: cells[2] == "Record created" and cells[4].startswith("case "))
    details = ui.find(dialog, "Audit entries details").toPlainText()
    tech = history["tech"]
    assert f"Entered by: tom (user id {tech.user_id})" in details
    assert "entered_by_user_id" not in details
    created = re.search(r"^Created at: (.*)$", details, re.MULTILINE)
    assert created is not None
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", created.group(1))  # no microseconds
    assert "Accession: S26-00002" in details
    assert "Sign-out state: entered" in details
    ui.type(dialog, "Audit accession filter", "")
    qtbot.keyClick(ui.find(dialog, "Audit accession filter"), Qt.Key.Key_Return)
    _select_row(table, lambda cells: cells[2] == "Record created" and cells[4].startswith("user "))
    details = ui.find(dialog, "Audit entries details").toPlainText()
    user_line = next(line for line in details.splitlines() if line.startswith("Record: user "))
    assert re.fullmatch(r"Record: user (ada|tom|pia)", user_line)
    assert "Display name: " in details


def test_unknown_audit_keys_stay_as_stored_and_ids_without_a_name_are_labelled() -> None:
    from datetime import UTC, datetime

    from her2desk.domain.audit_query import AuditRecord

    record = AuditRecord(
        1,
        datetime(2026, 3, 1, tzinfo=UTC),
        "tom",
        "update",
        "her2_case",
        "7",
        "S26-1",
        '{"entered_by_user_id": 3, "odd_key": "x"}',
        '{"entered_by_user_id": 4, "odd_key": "y"}',
    )
    assert audit_view.record_details(record, {3: "tom"}).splitlines()[3:] == [
        "Entered by (user id): 3 → 4",  # 4 has no known name: ids, said so
        "odd_key: x → y",
    ]


def test_the_case_record_has_a_close_button(window, history, qtbot, ui) -> None:
    window.open_accession("S26-00001")
    _menu_action(window, "case", "Case record…").trigger()
    record = window.findChildren(CaseRecordDialog)[0]
    qtbot.waitExposed(record)
    close = ui.find(record, "Close case record")
    assert isinstance(close, QPushButton)
    assert close.isVisible()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not record.isVisible()


def test_case_record_without_a_case_says_so(window, qtbot) -> None:
    _menu_action(window, "case", "Case record…").trigger()
    assert window.findChildren(CaseRecordDialog) == []
    assert "Open a case or select one" in window.statusBar().currentMessage()


def test_an_export_that_cannot_be_written_says_so_and_leaves_nothing(
    window, history, qtbot, ui, tmp_path, monkeypatch, no_modal_dialogs
) -> None:
    from her2desk.gui.common import dialogs

    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, text: errors.append(f"{title}: {text}"))
    target = tmp_path / "missing folder" / "audit.csv"
    monkeypatch.setattr(audit_view, "ask_csv_path", lambda _parent, _suggested: target)
    dialog = _open_audit_log(window, qtbot)
    qtbot.mouseClick(ui.find(dialog, "Export audit CSV"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert errors[0].startswith(f"Export failed: cannot write {target}")
    assert ui.find(dialog, "Audit export result").text() == "Export failed; nothing was written"
    assert ui.find(dialog, "Export audit CSV").isEnabled()
    assert not target.parent.exists()
