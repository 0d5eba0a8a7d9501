"""Patient history, menus, the About box and remembered window geometry."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence

from her2desk import __version__
from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.vocabulary import ClinicalSetting, IhcScore, Laterality, Procedure, Sex, Site
from her2desk.domain.workflow import Role
from her2desk.gui.common import dialogs
from her2desk.gui.shell.main_window import GEOMETRY_KEY, MainWindow
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService
from her2desk.services.signout_service import SignOutService

PATIENT = PatientDetails("SYN-700", "Testpatient-Delta", "Dana", date(1958, 7, 9), Sex.FEMALE)


def save(service: CaseService, accession: str, collected: date, setting: ClinicalSetting, score: IhcScore):
    pct = Decimal(80) if score is IhcScore.THREE_PLUS else Decimal(0)
    entry = CaseEntry(
        accession=accession,
        patient=PATIENT,
        specimen=SpecimenDetails(
            procedure=Procedure.CORE_NEEDLE_BIOPSY,
            site=Site.BREAST,
            laterality=Laterality.LEFT,
            setting=setting,
            metastatic_site="liver" if setting is not ClinicalSetting.PRIMARY else None,
            collected_on=collected,
        ),
        ihc=IhcDetails(score=score, stained_pct=pct),
    )
    return service.save(entry, None)


def sign_out(service: CaseService, accession: str) -> None:
    """Sign `accession` out as a pathologist (the lab gets its first accounts for it)."""
    auth = AuthService(service.database)
    auth.create_user("hist-admin", "hist-admin-pass-1", Role.ADMINISTRATOR, local_administrator="tester")
    admin = auth.login("hist-admin", "hist-admin-pass-1").actor
    auth.create_user("hist-path", "hist-path-pass-1", Role.PATHOLOGIST, by=admin)
    pathologist = auth.login("hist-path", "hist-path-pass-1").actor
    stored = service.load(accession)
    assert stored is not None
    SignOutService(service.database).sign_out(pathologist, accession, "hist-path-pass-1", stored.version)


def test_history_shows_every_specimen_in_time_order_and_highlights_a_change(
    window: MainWindow, service: CaseService, ui
) -> None:
    save(service, "S20-000001", date(2020, 5, 1), ClinicalSetting.PRIMARY, IhcScore.THREE_PLUS)
    save(service, "S24-000002", date(2024, 9, 1), ClinicalSetting.METASTATIC, IhcScore.ZERO)
    save(service, "S22-000003", date(2022, 1, 1), ClinicalSetting.RECURRENT, IhcScore.THREE_PLUS)
    window.show_history(PATIENT.mrn)
    # Nothing is signed out yet: the change is shown, and says that neither side is final.
    assert window.history.table.rowCount() == 3
    assert "changed in 1 later specimen" in window.history.summary.text()
    change = window.history.table.item(2, 9).text()
    assert "was POSITIVE (not signed out yet), this metastatic specimen is" in change
    assert change.endswith("is NEGATIVE (not signed out yet)")
    sign_out(service, "S20-000001")
    window.open_accession("S20-000001")
    ui.find(window.editor.form, "Patient history").click()
    assert window.history.isVisible()

    table = window.history.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert [r[1] for r in rows] == ["S20-000001", "S22-000003", "S24-000002"]
    assert [r[7] for r in rows] == ["POSITIVE", "POSITIVE", "NEGATIVE (HER2-null)"]
    assert [r[8] for r in rows] == ["Signed out", "Entered", "Entered"]
    assert rows[0][9] == ""
    assert rows[1][9] == ""
    assert "HER2 status changed" in rows[2][9]
    assert "was POSITIVE" in rows[2][9]
    assert "was POSITIVE, this metastatic specimen is NEGATIVE (not signed out yet)" in rows[2][9]
    assert table.item(2, 0).background().color() != table.item(0, 0).background().color()
    assert "changed in 1 later specimen" in window.history.summary.text()
    assert "Testpatient-Delta" in window.history.title.text()
    timeline = ui.find(window.history, "Time line")
    assert timeline.accessibleDescription() == (
        "2020-05-01: POSITIVE; 2022-01-01: POSITIVE; 2024-09-01: NEGATIVE"
    )
    assert timeline.changed == {window.history.cases[2].case_id}

    table.setCurrentCell(2, 0)
    table.itemActivated.emit(table.item(2, 0))
    assert window.editor.isVisible()
    assert window.editor.form.rows["accession"].text() == "S24-000002"


def test_history_of_an_unknown_mrn_says_so(window: MainWindow) -> None:
    window.show_history("SYN-NOBODY")
    assert window.history.table.rowCount() == 0
    assert "No stored cases for MRN SYN-NOBODY" in window.history.title.text()


def test_the_case_tab_is_built_when_first_shown(window: MainWindow, qtbot) -> None:
    assert window._editor is None  # not built before the first paint
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.isVisible()
    assert window.editor.form.rows["accession"].input.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.history.isVisible()


def test_the_status_bar_names_the_database_file_and_keeps_the_whole_address_in_its_tooltip(
    window: MainWindow, db_path
) -> None:
    from PySide6.QtWidgets import QLabel

    label = next(w for w in window.statusBar().findChildren(QLabel) if w.accessibleName() == "Database")
    assert label.text() == db_path.name  # short: the status bar keeps room for messages
    assert str(db_path) in label.toolTip()


def test_an_empty_worklist_says_how_to_begin(window: MainWindow) -> None:
    assert window.worklist_model.total == 0
    assert "press Ctrl+N" in window.worklist.count_label.text()


def test_menus_have_the_usual_shortcuts(window: MainWindow) -> None:
    assert window.new_action.shortcut() == QKeySequence("Ctrl+N")
    assert window.save_action.shortcut() == QKeySequence("Ctrl+S")
    assert window.find_action.shortcut() == QKeySequence("Ctrl+F")


def test_the_shortcut_list_names_the_menu_shortcuts(window: MainWindow) -> None:
    text = dialogs.shortcuts_html()
    for action in (window.new_action, window.save_action, window.find_action, window.open_action):
        assert action.shortcut().toString() in text
    assert window.shortcuts_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_about_names_the_version_and_the_guidelines(window: MainWindow, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "her2desk.gui.common.dialogs.QMessageBox.about", lambda _parent, _title, text: shown.append(text)
    )
    monkeypatch.setattr(dialogs, "show_about", _real_show_about)
    window.about_action.trigger()
    assert len(shown) == 1
    assert __version__ in shown[0]
    assert "ASCO/CAP 2018" in shown[0]
    assert "CAP/ASCP/ASCO 2016" in shown[0]


_real_show_about = dialogs.show_about


def test_window_geometry_is_remembered_in_the_private_settings(
    service: CaseService, private_settings, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = MainWindow(service)
    first.show()
    qtbot.waitExposed(first)
    first.resize(700, 520)
    first.close()
    first.runner.wait()
    assert QSettings().value(GEOMETRY_KEY) is not None
    assert str(private_settings) in QSettings().fileName()

    second = MainWindow(service)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (700, 520)
    second.close()
    second.runner.wait()


def test_every_input_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QLineEdit

    window.editor, window.history  # noqa: B018  (build the lazily made views too)
    inputs = [
        w
        for kind in (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView)
        for w in window.findChildren(kind)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not _inside_combo(w)
    ]
    assert len(inputs) > 40
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in inputs if not w.accessibleName()]
    assert unnamed == []


def _inside_combo(widget) -> bool:
    """A drop-down's own pop-up list is part of the (named) drop-down."""
    from PySide6.QtWidgets import QComboBox

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def test_an_adjudicated_positive_primary_is_compared_as_positive() -> None:
    """The change the history exists to show, when the primary's positive result was adjudicated (the
    engine said "adjudication"): the later negative metastasis is highlighted against POSITIVE."""
    from datetime import UTC, datetime

    from her2desk.domain.history import status_changes
    from her2desk.domain.interpretation import Interpretation
    from her2desk.domain.records import SignOutState, StoredCase
    from her2desk.domain.vocabulary import NextStep, Status

    def stored(
        case_id: int, setting: ClinicalSetting, engine: Status, adjudicated: Status | None
    ) -> StoredCase:
        entry = CaseEntry(
            accession=f"S2{case_id}-0000{case_id}",
            patient=PATIENT,
            specimen=SpecimenDetails(
                site=Site.BREAST, setting=setting, collected_on=date(2020 + case_id, 1, 1)
            ),
            ihc=IhcDetails(score=IhcScore.TWO_PLUS, stained_pct=Decimal(40)),
        )
        now = datetime.now(UTC)
        return StoredCase(
            case_id=case_id,
            entry=entry,
            interpretation=Interpretation(status=engine, next_step=NextStep.NONE, guideline="test"),
            version=2,
            signout_state=SignOutState.SIGNED_OUT,
            created_at=now,
            created_by="t",
            updated_at=now,
            updated_by="t",
            adjudicated_status=adjudicated,
            adjudication_reason="reviewed" if adjudicated else None,
        )

    primary = stored(1, ClinicalSetting.PRIMARY, Status.ADJUDICATION, Status.POSITIVE)
    metastasis = stored(2, ClinicalSetting.METASTATIC, Status.NEGATIVE, None)
    changes = status_changes([primary, metastasis])
    assert set(changes) == {2}
    assert "was POSITIVE" in changes[2]
    assert "is NEGATIVE" in changes[2]
    assert "not signed out" not in changes[2]
    unadjudicated = stored(1, ClinicalSetting.PRIMARY, Status.ADJUDICATION, None)
    assert status_changes([unadjudicated, metastasis]) == {}  # no final primary to compare with
    # A side not signed out is compared too, and the words say it is not final yet.
    entered = replace(primary, signout_state=SignOutState.ENTERED)
    assert "was POSITIVE (not signed out yet), this" in status_changes([entered, metastasis])[2]
    unsigned = replace(metastasis, signout_state=SignOutState.ENTERED)
    assert status_changes([primary, unsigned])[2].endswith("is NEGATIVE (not signed out yet)")
    amending = replace(metastasis, signout_state=SignOutState.AMENDED)
    assert status_changes([primary, amending])[2].endswith("is NEGATIVE (being amended)")
    # Each side carries its own words, and only its own.
    draft = replace(primary, signout_state=SignOutState.DRAFT)
    assert status_changes([draft, metastasis])[2].endswith(
        "was POSITIVE (not signed out yet), this metastatic specimen is NEGATIVE"
    )
    primary_amended = replace(primary, signout_state=SignOutState.AMENDED)
    assert status_changes([primary_amended, unsigned])[2].endswith(
        "was POSITIVE (being amended), this metastatic specimen is NEGATIVE (not signed out yet)"
    )
    assert status_changes([primary, metastasis])[2].endswith(
        "was POSITIVE, this metastatic specimen is NEGATIVE"
    )
