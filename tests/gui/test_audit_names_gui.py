"""The audit log as a lab reads it, on a real database through the real menu: every row's subject is
the case's accession or the user's name (a case's specimen, IHC, ISH, counts and interpretation by the
case's accession), a subject that no longer resolves is said in words, never a bare database id; the
export carries the same names; a Close button and Escape close the window."""

from __future__ import annotations

import csv
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QTableView
from support.backends import make_entry

from her2desk.domain.workflow import Role
from her2desk.gui.audit import audit_view
from her2desk.gui.audit.audit_view import AuditLogDialog
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.signout_service import SignOutService
from her2desk.store.audit import record_event, utc_now

# A table's word followed by nothing but a number: a database id shown bare.
BARE_ID = re.compile(
    r"\b(case|user|specimen|IHC result|ISH result|ISH count|interpretation|patient)\s+\d+\b", re.IGNORECASE
)
GONE_CASE_ID = 987_654
GONE_USER_ID = 876_543


@pytest.fixture
def history(window) -> dict[str, int]:
    """Accounts, two cases entered by tom (one signed out by pia), and two rows whose subjects are not
    in the database (a case and an account that no longer resolve)."""
    database = window.service.database
    auth = AuthService(database)
    auth.create_user("ada", "admin-pass-1", Role.ADMINISTRATOR, "Ada Admin")
    admin = auth.login("ada", "admin-pass-1").actor
    auth.create_user("tom", "tech-pass-1", Role.TECHNOLOGIST, "Tom Tech", by=admin)
    tech = auth.login("tom", "tech-pass-1").actor
    auth.create_user("pia", "path-pass-1", Role.PATHOLOGIST, "Dr Pia Path", by=admin)
    path = auth.login("pia", "path-pass-1").actor
    cases = CaseService(database, actor=tech)
    stored = cases.save(make_entry("S26-00101", mrn="DEMO000101"), None)
    cases.save(make_entry("S26-00102", mrn="DEMO000102"), None)
    SignOutService(database).sign_out(path, "S26-00101", "path-pass-1", stored.version)
    with database.write_engine.begin() as connection:
        now = utc_now()
        record_event(connection, at=now, who="ada", action="update", table="her2_case",
                     record=str(GONE_CASE_ID), case_id=GONE_CASE_ID, new={"note": "gone case"})  # fmt: skip
        record_event(connection, at=now, who="ada", action="update", table="app_user",
                     record=str(GONE_USER_ID), new={"note": "gone user"})  # fmt: skip
    window.refresh()
    return {"tom": tech.user_id, "pia": path.user_id}


def _open(window, qtbot) -> AuditLogDialog:
    found = [a for a in window.menus["tools"].actions() if a.text().replace("&", "") == "Audit log…"]
    assert len(found) == 1
    found[0].trigger()
    dialogs = window.findChildren(AuditLogDialog)
    assert len(dialogs) == 1
    qtbot.waitExposed(dialogs[0])
    return dialogs[0]


def _cells(table: QTableView) -> list[list[str]]:
    model = table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _details_of_every_row(ui, dialog) -> list[str]:
    table = ui.find(dialog, "Audit entries")
    details = ui.find(dialog, "Audit entries details")
    assert isinstance(details, QPlainTextEdit)
    texts = []
    for row in range(table.model().rowCount()):
        table.selectRow(row)
        texts.append(details.toPlainText())
    return texts


def test_case_child_and_user_rows_are_named_by_accession_and_user_name(window, history, qtbot, ui) -> None:
    dialog = _open(window, qtbot)
    rows = _cells(ui.find(dialog, "Audit entries"))
    records = {row[4] for row in rows}
    assert {"case S26-00101", "case S26-00102", "user tom", "user pia", "user ada"} <= records
    for child in ("specimen", "IHC result", "ISH result", "interpretation"):
        assert f"{child} of S26-00101" in records
    assert "ISH count (observer 1) of S26-00101" in records
    assert "patient MRN DEMO000101" in records
    signed = [row for row in rows if row[2] == "Report signed out"]
    assert [(row[3], row[4]) for row in signed] == [("S26-00101", "case S26-00101")]
    specimen = next(row for row in rows if row[4] == "specimen of S26-00102")
    assert specimen[3] == "S26-00102"  # the Case column of a child row: its case's accession

    details = dict(zip((row[4] for row in rows), _details_of_every_row(ui, dialog), strict=False))
    assert "Record: specimen of S26-00102" in details["specimen of S26-00102"]
    assert re.search(r"^Case: S26-00102 \(case id \d+\)$", details["specimen of S26-00102"], re.MULTILINE)
    assert "Record: user tom" in details["user tom"]
    assert "Record: case S26-00101" in details["case S26-00101"]


def test_no_cell_or_details_shows_a_bare_database_id(window, history, qtbot, ui) -> None:
    dialog = _open(window, qtbot)
    rows = _cells(ui.find(dialog, "Audit entries"))
    assert len(rows) > 20
    offenders = [cell for row in rows for cell in row if BARE_ID.search(cell or "")]
    assert offenders == []
    details = _details_of_every_row(ui, dialog)
    record_lines = [line for text in details for line in text.splitlines() if line.startswith("Record: ")]
    assert len(record_lines) == len(rows)
    assert [line for text in details for line in text.splitlines() if BARE_ID.search(line)] == []


def test_subjects_that_no_longer_resolve_say_so_in_words(window, history, qtbot, ui) -> None:
    dialog = _open(window, qtbot)
    ui.choose(dialog, "Audit user filter", "ada")
    rows = _cells(ui.find(dialog, "Audit entries"))
    gone_case = next(row for row in rows if row[2] == "Record changed" and row[4].startswith("case"))
    assert gone_case[4] == "case no longer in the database"
    assert gone_case[3] == "(no longer stored)"
    gone_user = next(row for row in rows if row[2] == "Record changed" and row[4].startswith("user"))
    assert gone_user[4] == "user account no longer in the database"
    everything = " ".join(cell for row in rows for cell in row)
    assert str(GONE_CASE_ID) not in everything
    assert str(GONE_USER_ID) not in everything


def test_the_close_button_closes_the_audit_log(window, history, qtbot, ui) -> None:
    dialog = _open(window, qtbot)
    close = ui.find(dialog, "Close audit log")
    assert isinstance(close, QPushButton)
    assert close.isVisible()
    assert not close.autoDefault()  # Enter in a filter still means Show
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.findChildren(AuditLogDialog) == [])


def test_escape_closes_the_audit_log(window, history, qtbot, ui) -> None:
    dialog = _open(window, qtbot)
    ui.find(dialog, "Close audit log")  # the visible way out is there too
    table = ui.find(dialog, "Audit entries")
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: window.findChildren(AuditLogDialog) == [])


def test_the_export_names_cases_and_users_and_keeps_its_columns(
    window, history, qtbot, ui, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "audit.csv"
    monkeypatch.setattr(audit_view, "ask_csv_path", lambda _parent, _suggested: target)
    dialog = _open(window, qtbot)
    qtbot.mouseClick(ui.find(dialog, "Export audit CSV"), Qt.MouseButton.LeftButton)
    result = ui.find(dialog, "Audit export result")
    qtbot.waitUntil(lambda: result.text().startswith("Exported"), timeout=10_000)
    with target.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    old_columns = [
        "id",
        "time",
        "user",
        "action",
        "action_name",
        "accession",
        "table",
        "record",
        "old",
        "new",
    ]
    assert header[: len(old_columns)] == old_columns
    assert header[len(old_columns) :] == ["record_name", "record_user"]
    by_name = {row["record_name"]: row for row in rows}
    assert by_name["specimen of S26-00101"]["accession"] == "S26-00101"
    assert by_name["specimen of S26-00101"]["table"] == "specimen"
    tom = by_name["user tom"]
    assert (tom["record_user"], tom["record"]) == ("tom", str(history["tom"]))
    assert by_name["case no longer in the database"]["record"] == str(GONE_CASE_ID)
    assert [row["record_name"] for row in rows if BARE_ID.search(row["record_name"])] == []
    assert {row["record_user"] for row in rows} >= {"tom", "pia", "ada", ""}
