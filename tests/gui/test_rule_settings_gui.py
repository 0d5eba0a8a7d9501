"""The lab's rule settings in the desktop program, on a real database with real widgets: Tools ▸ Lab
settings shows the rules and report comments on their own tabs with the rules version, an administrator
changes them (all or nothing, audited), everyone else sees them read-only; the case form interprets
with the lab's rules (re-read when a case opens and after the dialog), a signed-out case with the rules
it was signed out with; the sign-out dialog notes a change of rules since the result was interpreted."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton
from sqlalchemy import select
from support.qt_fixtures import dialog_queue
from support.rule_setting_cases import breast

from her2desk.domain.report_comments import GROUP_4
from her2desk.domain.rule_settings import DEFAULT_RULES_VERSION, RULE_SETTINGS, rules_version
from her2desk.domain.workflow import Actor, Role
from her2desk.gui.admin import settings_dialog
from her2desk.gui.admin.settings_dialog import SettingsDialog
from her2desk.gui.shell.main_window import MainWindow
from her2desk.gui.signout import signout_dialogs
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.rule_settings import RuleSettingsService
from her2desk.services.signout_service import SignOutService
from her2desk.store.database import Database, open_database
from her2desk.store.schema import AuditRow

PASSWORDS = {"ada": "admin-pass-1", "tom": "tech-pass-1", "pia": "path-pass-1"}
GROUP_4_CASE = breast("1+", her2="5.0", cep17="3.0")  # group 4 with IHC 1+: negative, the group 4 comment


@dataclass
class Lab:
    database: Database
    admin: Actor
    tech: Actor
    path: Actor


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    database = open_database(str(tmp_path / "lab.sqlite3"))
    auth = AuthService(database)
    auth.create_user("ada", PASSWORDS["ada"], Role.ADMINISTRATOR, "Ada Admin")
    admin = auth.login("ada", PASSWORDS["ada"]).actor  # signed in: the actor carries a session
    auth.create_user("tom", PASSWORDS["tom"], Role.TECHNOLOGIST, "Tom Tech", by=admin)
    auth.create_user("pia", PASSWORDS["pia"], Role.PATHOLOGIST, "Dr Pia Path", by=admin)
    tech, path = (auth.login(name, PASSWORDS[name]).actor for name in ("tom", "pia"))
    yield Lab(database, admin, tech, path)
    database.close()


@pytest.fixture(autouse=True)
def modeless_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings_dialog, "run_modal", lambda dialog: dialog.show())


def _open_settings(window: MainWindow, qtbot) -> SettingsDialog:
    [action] = [a for a in window.menus["tools"].actions() if a.text().replace("&", "") == "Lab settings…"]
    action.trigger()
    [dialog] = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    qtbot.waitExposed(dialog)
    return dialog


def _page(dialog: SettingsDialog, title: str) -> None:
    for index in range(dialog.tabs.count()):
        if dialog.tabs.tabText(index).replace("&", "") == title:
            dialog.tabs.setCurrentIndex(index)
            return
    raise AssertionError(f"no tab {title!r}")


def _type_text(qtbot, ui, dialog: QDialog, name: str, text: str) -> None:
    editor = ui.find(dialog, name)
    assert isinstance(editor, QPlainTextEdit)
    assert editor.isVisibleTo(dialog), f"{name!r} is hidden"
    editor.setFocus()
    editor.selectAll()
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor, Qt.Key.Key_Return)
        if line:
            qtbot.keyClicks(editor, line)
        elif number == 0:
            qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == text


def _save(qtbot, ui, dialog: QDialog) -> None:
    button = ui.find(dialog, "Save lab settings")
    assert isinstance(button, QPushButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _setting_events(lab: Lab) -> list[AuditRow]:
    with lab.database.reader() as session:
        statement = select(AuditRow).where(AuditRow.action == "setting").order_by(AuditRow.id)
        return list(session.scalars(statement))


def test_the_dialog_shows_every_rule_and_comment_on_its_tab_with_the_rules_version(
    lab: Lab, open_window, qtbot, ui
) -> None:
    window = open_window(lab, lab.admin)
    dialog = _open_settings(window, qtbot)
    assert [dialog.tabs.tabText(i).replace("&", "") for i in range(dialog.tabs.count())] == [
        "General",
        "Rules",
        "Report comments",
    ]
    assert DEFAULT_RULES_VERSION in ui.find(dialog, "Rules version").text()
    for spec in RULE_SETTINGS:
        widget = ui.find(dialog, spec.label)
        assert widget.isEnabled(), spec.name
        if spec.kind is bool:
            assert isinstance(widget, QCheckBox)
            assert widget.isChecked() is spec.default
        elif spec.kind is str:
            assert isinstance(widget, QPlainTextEdit)
            assert widget.toPlainText() == spec.default
            assert not widget.isReadOnly()
        else:
            assert isinstance(widget, QLineEdit)
            assert widget.text() == str(spec.default) or widget.text() == f"{spec.default}"
    assert ui.text(dialog, "Near-threshold notice: lowest ratio") == "1.80"


def test_an_administrator_changes_a_rule_and_a_comment_and_the_open_case_follows(
    lab: Lab, open_window, qtbot, ui
) -> None:
    window = open_window(lab, lab.admin)
    tech_window = open_window(lab, lab.tech)
    stored = CaseService(lab.database, actor=lab.tech).save(GROUP_4_CASE, None)
    tech_window.open_accession(stored.entry.accession)
    panel = tech_window.editor.panel
    assert panel.descriptor.text() == "HER2-low"
    assert GROUP_4[:40] in panel.comments.text()
    assert DEFAULT_RULES_VERSION in panel.rules_version.text()

    dialog = _open_settings(window, qtbot)
    _page(dialog, "Rules")
    checkbox = ui.find(dialog, "Breast: report the HER2-low descriptor")
    assert isinstance(checkbox, QCheckBox)
    checkbox.setFocus()
    qtbot.keyClick(checkbox, Qt.Key.Key_Space)  # as on the keyboard
    assert not checkbox.isChecked()
    _page(dialog, "Report comments")
    _type_text(qtbot, ui, dialog, "Report comment: ISH group 4", "Our group 4 wording.\nSecond line.")
    _save(qtbot, ui, dialog)
    assert not dialog.isVisible()
    lab_rules = RuleSettingsService(lab.database).load()
    assert lab_rules.report_her2_low is False
    assert lab_rules.comments.group_4 == "Our group 4 wording.\nSecond line."
    message = window.statusBar().currentMessage()
    assert message.startswith("Lab settings saved: Breast: report the HER2-low descriptor, Report comment")
    assert rules_version(lab_rules) in message
    events = _setting_events(lab)
    expected = [("rules.report_her2_low", "ada"), ("comments.group_4", "ada")]
    assert [(e.record, e.who) for e in events] == expected
    assert all(json.loads(e.new)["rules_version"] == rules_version(lab_rules) for e in events)

    # The other workstation's open case is interpreted with the new rules at its next re-read.
    assert tech_window.rule_watch.reread()
    assert panel.descriptor.text() == "—"
    assert "Our group 4 wording." in panel.comments.text()
    assert rules_version(lab_rules) in panel.rules_version.text()
    assert not tech_window.rule_watch.reread()  # nothing changed since: nothing to do

    again = _open_settings(window, qtbot)
    assert rules_version(lab_rules) in ui.find(again, "Rules version").text()
    assert not ui.find(again, "Breast: report the HER2-low descriptor").isChecked()


def test_a_bad_rule_or_comment_is_shown_beside_it_and_nothing_is_saved(
    lab: Lab, open_window, qtbot, ui
) -> None:
    window = open_window(lab, lab.admin)
    dialog = _open_settings(window, qtbot)
    ui.type(dialog, "Lab name", "Synthetic Lab")
    _page(dialog, "Rules")
    ui.type(dialog, "Near-threshold notice: lowest ratio", "1,8")
    _page(dialog, "Report comments")
    _type_text(qtbot, ui, dialog, "Report comment: ISH group 3", " ")
    _save(qtbot, ui, dialog)
    assert dialog.isVisible()
    lowest = "Near-threshold notice: lowest ratio"
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()).replace("&", "") == "Rules"  # the first problem
    assert ui.message(dialog, lowest).startswith("'1,8' is not allowed; use a number")
    _page(dialog, "Report comments")
    assert ui.message(dialog, "Report comment: ISH group 3").startswith("must not be empty")
    assert ui.message(dialog, "Lab settings").startswith("Nothing was saved")
    assert _setting_events(lab) == []
    assert LabSettingsService(lab.database).load().lab_name == ""

    _page(dialog, "Rules")
    ui.type(dialog, "Near-threshold notice: lowest ratio", "2.50")  # above the highest ratio (2.20)
    _page(dialog, "Report comments")
    _type_text(qtbot, ui, dialog, "Report comment: ISH group 3", "Ours.")
    _save(qtbot, ui, dialog)
    assert dialog.isVisible()
    assert "more than rules.near_ratio_high" in ui.message(dialog, "Near-threshold notice: lowest ratio")
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()).replace("&", "") == "Rules"  # shown where it is
    assert _setting_events(lab) == []

    ui.type(dialog, "Near-threshold notice: lowest ratio", "1.70")
    _save(qtbot, ui, dialog)
    assert not dialog.isVisible()
    saved = {e.record for e in _setting_events(lab)}
    assert saved == {"lab_name", "rules.near_ratio_low", "comments.group_3"}


@pytest.mark.parametrize("who", ["tech", "path"])
def test_everyone_else_sees_the_rules_and_comments_read_only(lab: Lab, open_window, qtbot, ui, who) -> None:
    window = open_window(lab, getattr(lab, who))
    dialog = _open_settings(window, qtbot)
    for spec in RULE_SETTINGS:
        widget = ui.find(dialog, spec.label)
        if isinstance(widget, QPlainTextEdit):
            assert widget.isReadOnly(), spec.name  # still scrolls and selects
        else:
            assert not widget.isEnabled(), spec.name
    assert "read-only" in ui.find(dialog, "Lab settings note").text()
    assert not ui.find(dialog, "Save lab settings").isVisibleTo(dialog)
    assert dialog.save() is False
    assert _setting_events(lab) == []


def test_a_signed_out_case_is_shown_with_the_rules_it_was_signed_out_with(lab: Lab, open_window) -> None:
    LabSettingsService(lab.database).update(lab.admin, "allow_self_verification", "true")
    stored = CaseService(lab.database, actor=lab.path).save(GROUP_4_CASE, None)
    SignOutService(lab.database).sign_out(lab.path, stored.entry.accession, PASSWORDS["pia"], stored.version)
    LabSettingsService(lab.database).update(lab.admin, "comments.group_4", "Changed after sign-out.")
    window = open_window(lab, lab.path)
    window.open_accession(stored.entry.accession)
    panel = window.editor.panel
    assert GROUP_4[:40] in panel.comments.text()  # what was signed out
    assert "Changed after sign-out." not in panel.comments.text()
    assert DEFAULT_RULES_VERSION in panel.rules_version.text()
    window.new_case()  # a new case: the lab's rules now
    assert window.service.settings == RuleSettingsService(lab.database).load()


def test_the_sign_out_dialog_notes_rules_changed_since_the_result(
    lab: Lab, open_window, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    stored = CaseService(lab.database, actor=lab.tech).save(GROUP_4_CASE, None)
    LabSettingsService(lab.database).update(lab.admin, "rules.report_her2_low", "false")
    now = rules_version(RuleSettingsService(lab.database).load())
    window = open_window(lab, lab.path)
    window.open_accession(stored.entry.accession)
    assert window.editor.panel.descriptor.text() == "—"  # the form shows what a save would store now
    driver = dialog_queue(monkeypatch, qtbot, signout_dialogs)
    seen: dict[str, str] = {}

    def look(dialog: QDialog) -> None:
        [notes] = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == "Warnings and comments"]
        seen["notes"] = notes.text()

    driver.append(look)
    assert not window.signout_actions.sign_out()
    assert f"interpreted with rules version {DEFAULT_RULES_VERSION}" in seen["notes"]
    assert f"the lab's rules are now {now}" in seen["notes"]
