"""The sign-out workflow in the desktop program, as people use it: a technologist enters a
case, a pathologist signs it out with their password, amends it, adjudicates an equivocal result.

Real SQLite file, real users (argon2 passwords), real windows and dialogs driven by accessible name;
only the modal loop of a dialog is replaced (`signout_dialogs.exec_dialog`) by code that types into
the real dialog and presses its real buttons.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QPlainTextEdit
from sqlalchemy import select, update
from support.qt_fixtures import dialog_queue

from her2desk.domain.case import CaseEntry, IhcDetails, IshDetails, PatientDetails, SpecimenDetails
from her2desk.domain.inputs import INPUT_FIELDS, IshCount
from her2desk.domain.labels import FIELD_LABELS, readable_warnings
from her2desk.domain.records import SignOutState
from her2desk.domain.vocabulary import IhcScore, IshMethod, IshProbe, Laterality, Procedure, Sex, Site, Status
from her2desk.domain.workflow import Actor, Role, WorkflowError
from her2desk.gui.common import workflow_dialog
from her2desk.gui.signout import signout_dialogs
from her2desk.services.auth_service import AuthService
from her2desk.services.case_service import CaseService
from her2desk.store.database import Database, open_database
from her2desk.store.schema import AuditRow, Case

PASSWORDS = {"ada": "admin-pass-1", "tom": "tech-pass-1", "pia": "path-pass-1", "paul": "path-pass-2"}
REASON = "block number corrected from the request form"


@dataclass
class Lab:
    database: Database
    tech: Actor
    path: Actor
    path2: Actor


@pytest.fixture
def lab(tmp_path: Path) -> Iterator[Lab]:
    database = open_database(str(tmp_path / "lab.sqlite3"))
    auth = AuthService(database)
    auth.create_user("ada", PASSWORDS["ada"], Role.ADMINISTRATOR, "Ada Admin")
    admin = auth.login("ada", PASSWORDS["ada"]).actor
    auth.create_user("tom", PASSWORDS["tom"], Role.TECHNOLOGIST, "Tom Tech", by=admin)
    tech = auth.login("tom", PASSWORDS["tom"]).actor
    auth.create_user("pia", PASSWORDS["pia"], Role.PATHOLOGIST, "Dr Pia Path", by=admin)
    path = auth.login("pia", PASSWORDS["pia"]).actor
    auth.create_user("paul", PASSWORDS["paul"], Role.PATHOLOGIST, "Dr Paul Path", by=admin)
    path2 = auth.login("paul", PASSWORDS["paul"]).actor
    yield Lab(database, tech, path, path2)
    database.close()


@pytest.fixture
def dialog_driver(monkeypatch: pytest.MonkeyPatch, qtbot) -> list[Callable[[QDialog], None]]:
    """Queue of functions that each drive one sign-out dialog (see `qt_fixtures.dialog_queue`)."""
    return dialog_queue(monkeypatch, qtbot, signout_dialogs)


def find(root, name: str, kind: type):
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} widgets named {name!r}"
    return found[0]


def click(qtbot, root, name: str) -> None:
    from PySide6.QtWidgets import QPushButton

    qtbot.mouseClick(find(root, name, QPushButton), Qt.MouseButton.LeftButton)


def type_text(qtbot, root, name: str, text: str) -> None:
    widget = find(root, name, QLineEdit) if name == "Password" else find(root, name, QPlainTextEdit)
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def problem(root) -> str:
    from PySide6.QtWidgets import QLabel

    label = find(root, "Problem", QLabel)
    return label.text() if label.isVisibleTo(root) else ""


def type_breast_3plus(ui, form, accession: str) -> None:
    for name, text in (
        ("Accession number", accession),
        ("MRN", "SYN-500100"),
        ("Family name", "Testpatient-Gamma"),
        ("Given name", "Syna"),
        ("Birth date", "1968-05-06"),
    ):
        ui.type(form, name, text)
    ui.choose(form, "Sex", "Female")
    ui.choose(form, "Procedure", "Core needle biopsy")
    ui.choose(form, "Site", "Breast")
    ui.choose(form, "Laterality", "Left")
    ui.type(form, "Collection date", "2026-01-15")
    ui.type(form, "Block", "A2")
    ui.choose(form, "Fixative", "10% neutral buffered formalin")
    ui.type(form, "Cold ischaemia minutes", "30")
    ui.type(form, "Fixation hours", "24")
    ui.type(form, "Antibody clone", "4B5")
    ui.choose(form, "Assay type", "FDA-approved")
    ui.choose(form, "Controls", "Stained as expected")
    ui.choose(form, "IHC score", "3+")
    ui.type(form, "Stained percent", "80")


def entry(accession: str, mrn: str, ihc: IhcScore, ish: IshDetails | None = None) -> CaseEntry:
    return CaseEntry(
        accession=accession,
        patient=PatientDetails(mrn, "Testpatient-Delta", "Synthetic", date(1971, 2, 3), Sex.FEMALE),
        specimen=SpecimenDetails(
            procedure=Procedure.SURGICAL_RESECTION,
            site=Site.BREAST,
            laterality=Laterality.RIGHT,
            collected_on=date(2026, 2, 1),
            block="B1",
        ),
        ihc=IhcDetails(clone="4B5", score=ihc, stained_pct=Decimal(40)),
        ish=ish or IshDetails(),
    )


def audit_rows(lab: Lab, action: str) -> list[AuditRow]:
    with lab.database.reader() as session:
        return list(session.scalars(select(AuditRow).where(AuditRow.action == action)))


def background(field: QLineEdit) -> tuple[int, int, int]:
    """The colour a person sees inside a text field (a pixel near its left edge, clear of the text)."""
    colour = field.grab().toImage().pixelColor(3, field.height() // 2)
    return colour.red(), colour.green(), colour.blue()


def all_inputs_read_only(form) -> bool:
    rows = form.rows.values()
    return (
        all(
            (r.input.isReadOnly() if isinstance(r.input, QLineEdit) else not r.input.isEnabled())
            for r in rows
        )
        and not form.find_button.isEnabled()
    )


# -- the whole round: enter, sign out, read-only, amend -----------------------------------------------


def test_enter_sign_out_read_only_amend(
    lab: Lab, open_window, dialog_driver, ui, qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    # The technologist enters the case through the form and saves it.
    tech = open_window(lab, lab.tech)
    tech.new_action.trigger()
    type_breast_3plus(ui, tech.editor.form, "S26-000900")
    tech.save_action.trigger()
    stored = tech.service.load("S26-000900")
    assert stored is not None, tech.statusBar().currentMessage()
    assert stored.signout_state is SignOutState.ENTERED
    assert stored.entered_by_user_id == lab.tech.user_id
    assert "Entered, awaiting sign-out" in tech.editor.banner.text()
    # The technologist's window does not offer signing out, and the service refuses it anyway.
    tech.signout_actions.update()
    assert not tech.signout_actions.sign_out_action.isEnabled()
    assert not tech.signout_actions.amend_action.isEnabled()
    assert not tech.signout_actions.adjudicate_action.isEnabled()
    assert "technologist may not sign out" in tech.signout_actions.sign_out_action.statusTip()
    assert not tech.signout_actions.sign_out()  # the shortcut's slot, called anyway: refused, no dialog
    with pytest.raises(WorkflowError, match="a technologist may not sign out"):
        tech.workflow_service().sign_out(lab.tech, "S26-000900", PASSWORDS["tom"], stored.version)

    # The pathologist opens it; a wrong password is refused in the dialog and audited.
    path = open_window(lab, lab.path)
    path.open_accession("S26-000900")
    assert path.signout_actions.sign_out_action.isEnabled()
    assert not path.signout_actions.amend_action.isEnabled()
    assert not path.signout_actions.adjudicate_action.isEnabled()  # IHC 3+ is final already
    seen: dict[str, str] = {}

    def sign(dialog: QDialog) -> None:
        seen["summary"] = find(dialog, "Case to sign out", type(dialog.problem)).text()
        seen["meaning"] = find(dialog, "Meaning of the signature", type(dialog.problem)).text()
        assert problem(dialog) == ""
        type_text(qtbot, dialog, "Password", "not-my-password")
        click(qtbot, dialog, "Sign out")
        seen["wrong"] = problem(dialog)
        assert dialog.isVisible()
        assert find(dialog, "Password", QLineEdit).text() == "not-my-password"  # kept for correcting
        type_text(qtbot, dialog, "Password", PASSWORDS["pia"])
        click(qtbot, dialog, "Sign out")

    dialog_driver.append(sign)
    path.signout_actions.sign_out_action.trigger()
    assert not dialog_driver
    assert "password is not correct" in seen["wrong"]
    assert "S26-000900" in seen["summary"]
    assert "POSITIVE" in seen["summary"]
    assert "I have reviewed this result and sign it out" in seen["meaning"]
    failed = audit_rows(lab, "signature-failed")
    assert [r.who for r in failed] == ["pia"]
    signed = path.service.load("S26-000900")
    assert signed.signout_state is SignOutState.SIGNED_OUT
    assert signed.signed_out_by == "pia"
    assert signed.signed_out_at is not None
    assert "Signed out case S26-000900" in path.statusBar().currentMessage()
    for secret in (PASSWORDS["pia"], "not-my-password"):
        assert secret not in caplog.text
        with lab.database.reader() as session:
            assert not any(secret in (a.old or "") + (a.new or "") for a in session.scalars(select(AuditRow)))

    # Reloaded in the window: the banner says who signed it, and every input is read-only.
    editor = path.editor
    assert editor.stored.signout_state is SignOutState.SIGNED_OUT
    assert "Signed out by Dr Pia Path (pia) at" in editor.banner.text()
    assert all_inputs_read_only(editor.form)
    block = ui.find(editor.form, "Block")
    looks_read_only = background(block)
    assert looks_read_only != background(ui.find(path.worklist, "Search worklist"))  # not like a typing field
    qtbot.keyClicks(block, "9")
    assert block.text() == "A2"
    assert not editor.save()
    assert "signed out: amend it to change it" in path.statusBar().currentMessage()
    assert not path.signout_actions.sign_out_action.isEnabled()
    assert path.signout_actions.amend_action.isEnabled()

    # Amendment: a reason that is too short is refused in words; a real one opens version 2.
    def amend(dialog: QDialog) -> None:
        type_text(qtbot, dialog, "Amendment reason", "typo")
        counter = find(dialog, "Amendment reason length", type(dialog.problem)).text()
        assert counter.startswith("4 characters")
        assert "at least 10" in counter
        click(qtbot, dialog, "Amend")
        seen["short"] = problem(dialog)
        assert dialog.isVisible()
        type_text(qtbot, dialog, "Amendment reason", REASON)
        type_text(qtbot, dialog, "Password", "not-her-password")
        click(qtbot, dialog, "Amend")
        seen["wrong"] = problem(dialog)
        assert (
            find(dialog, "Meaning of the signature", type(dialog.problem)).text().startswith("Signing as pia")
        )
        type_text(qtbot, dialog, "Password", PASSWORDS["pia"])
        click(qtbot, dialog, "Amend")

    dialog_driver.append(amend)
    path.signout_actions.amend_action.trigger()
    assert "at least 10 characters" in seen["short"]
    assert "password is not correct; the case was not amended" in seen["wrong"]
    amended = path.service.load("S26-000900")
    assert amended.signout_state is SignOutState.AMENDED
    assert amended.report_version == 2
    assert amended.amendment_reason == REASON
    assert "report version 2" in editor.banner.text()
    assert REASON in editor.banner.text()
    assert not block.isReadOnly()
    assert background(block) != looks_read_only  # editable again, and looks it
    ui.type(editor.form, "Block", "A3")
    assert editor.save()
    resaved = path.service.load("S26-000900")
    assert resaved.entry.specimen.block == "A3"
    assert resaved.report_version == 2
    assert editor.stored.report_version == 2
    assert "report version 2" in editor.banner.text()
    assert REASON in editor.banner.text()
    assert path.signout_actions.sign_out_action.isEnabled()


def test_a_local_window_without_sign_in_never_offers_the_workflow(lab: Lab, open_window) -> None:
    CaseService(lab.database, actor=lab.tech).save(
        entry("S26-000901", "SYN-500101", IhcScore.THREE_PLUS), None
    )
    window = open_window(lab, None)
    window.open_accession("S26-000901")
    actions = window.signout_actions
    assert window.current_case() is not None
    for action in (actions.sign_out_action, actions.adjudicate_action, actions.amend_action):
        assert not action.isEnabled()
    assert "sign in" in actions.sign_out_action.statusTip().lower()


# -- adjudication of an equivocal case ------------------------------------------------------------


def test_adjudicate_an_equivocal_case_then_sign_it_out(lab: Lab, open_window, dialog_driver, qtbot) -> None:
    CaseService(lab.database, actor=lab.tech).save(entry("S26-000902", "SYN-500102", IhcScore.TWO_PLUS), None)
    path = open_window(lab, lab.path)
    path.open_accession("S26-000902")
    actions = path.signout_actions
    assert path.editor.panel.status.text() == "EQUIVOCAL"
    assert actions.adjudicate_action.isEnabled()
    seen: dict[str, str] = {}

    def try_sign(dialog: QDialog) -> None:  # not final yet: the dialog says so before any password
        seen["foreseen"] = problem(dialog)

    dialog_driver.append(try_sign)
    assert not actions.sign_out()
    assert "not final" in seen["foreseen"]
    assert path.service.load("S26-000902").signout_state is SignOutState.ENTERED

    def adjudicate(dialog: QDialog) -> None:
        click(qtbot, dialog, "Record adjudication")
        seen["no status"] = problem(dialog)
        combo = find(dialog, "Final status", QComboBox)
        combo.setCurrentIndex(combo.findText("POSITIVE"))
        type_text(qtbot, dialog, "Adjudication reason", "too short")
        click(qtbot, dialog, "Record adjudication")
        seen["short"] = problem(dialog)
        assert combo.currentText() == "POSITIVE"  # kept
        type_text(qtbot, dialog, "Adjudication reason", "strong complete membrane staining on review")
        click(qtbot, dialog, "Record adjudication")
        seen["unsigned"] = problem(dialog)
        type_text(qtbot, dialog, "Password", PASSWORDS["pia"])
        click(qtbot, dialog, "Record adjudication")

    dialog_driver.append(adjudicate)
    assert actions.adjudicate()
    assert "choose the final status" in seen["no status"]
    assert "at least 10 characters" in seen["short"]
    assert "type your password to sign; the adjudication was not recorded" in seen["unsigned"]
    stored = path.service.load("S26-000902")
    assert stored.adjudicated_status is Status.POSITIVE
    assert stored.interpretation.status is Status.EQUIVOCAL  # the engine's result is kept
    banner = path.editor.banner.text()
    assert "Adjudicated POSITIVE by Dr Pia Path (pia)" in banner
    assert "guideline result: EQUIVOCAL" in banner
    assert "Reported result: <b>POSITIVE</b> (not final until signed out)" in banner
    # The headline shows what the lab reports; the guideline's own result is named beside it.
    assert path.editor.panel.status.text() == "POSITIVE"
    assert path.editor.panel.guideline.text().startswith(
        "Guideline result: EQUIVOCAL — reported: POSITIVE, adjudicated by pia"
    )
    # Editing a result shows the guideline's live result again and says the adjudication would go.
    stained = path.editor.form.rows["stained_pct"].input
    stained.setFocus()
    stained.selectAll()
    qtbot.keyClicks(stained, "30")
    assert path.editor.panel.status.text() == "EQUIVOCAL"
    assert "voids the adjudication" in path.editor.panel.warnings.text()
    stained.selectAll()
    qtbot.keyClicks(stained, "40")
    assert path.editor.panel.status.text() == "POSITIVE"

    def sign(dialog: QDialog) -> None:
        seen["summary"] = find(dialog, "Case to sign out", type(dialog.problem)).text()
        assert problem(dialog) == ""  # nothing foreseen now
        type_text(qtbot, dialog, "Password", PASSWORDS["pia"])
        click(qtbot, dialog, "Sign out")

    dialog_driver.append(sign)
    assert actions.sign_out()
    assert "Reported result: POSITIVE, adjudicated by pia" in seen["summary"]
    assert "Guideline result: EQUIVOCAL" in seen["summary"]
    assert path.service.load("S26-000902").signout_state is SignOutState.SIGNED_OUT
    assert "Reported result: <b>POSITIVE</b> (final)" in path.editor.banner.text()


def test_a_case_changed_meanwhile_is_refused_in_the_dialog(
    lab: Lab, open_window, dialog_driver, qtbot
) -> None:
    cases = CaseService(lab.database, actor=lab.tech)
    first = cases.save(entry("S26-000903", "SYN-500103", IhcScore.THREE_PLUS), None)
    path = open_window(lab, lab.path)
    path.open_accession("S26-000903")
    changed = entry("S26-000903", "SYN-500103", IhcScore.THREE_PLUS)
    changed = changed.with_changes(specimen=replace(changed.specimen, block="B2"))
    cases.save(changed, first.version)
    seen: dict[str, str] = {}

    def sign(dialog: QDialog) -> None:
        type_text(qtbot, dialog, "Password", PASSWORDS["pia"])
        click(qtbot, dialog, "Sign out")
        seen["problem"] = problem(dialog)

    dialog_driver.append(sign)
    assert not path.signout_actions.sign_out()
    assert "was changed by tom" in seen["problem"]
    assert "nothing was overwritten" in seen["problem"]
    assert path.service.load("S26-000903").signout_state is SignOutState.ENTERED


# -- the blinded second count ---------------------------------------------------------------------


def test_the_second_observer_does_not_see_the_first_count(lab: Lab, open_window, ui, qtbot) -> None:
    group4 = IshDetails(
        probe=IshProbe.DUAL, method=IshMethod.FISH, first=IshCount(Decimal("4.5"), Decimal("3.0"), 20)
    )
    CaseService(lab.database, actor=lab.tech).save(
        entry("S26-000904", "SYN-500104", IhcScore.TWO_PLUS, group4), None
    )
    # The technologist who entered the first count is not blinded from it (and may correct it).
    tech = open_window(lab, lab.tech)
    tech.open_accession("S26-000904")
    assert ui.shown(tech.editor.form, "HER2 signals per cell")
    assert tech.editor.panel.ratio.text() == "1.50"
    assert not tech.editor.panel.blinded_note.isVisibleTo(tech.editor.panel)
    # Another observer is.
    window = open_window(lab, lab.path2)
    window.open_accession("S26-000904")
    form, panel = window.editor.form, window.editor.panel
    assert ui.shown(form, "Second count HER2 signals per cell")
    for name in ("HER2 signals per cell", "CEP17 signals per cell", "Cells counted"):
        assert not ui.shown(form, name)
    assert panel.status.text() == "PENDING"
    assert panel.ratio.text() == "—"
    assert panel.ish_group.text() == "—"
    assert not panel.trail.isVisibleTo(panel)
    assert panel.blinded_note.isVisibleTo(panel)
    ui.type(form, "Second count HER2 signals per cell", "4.4")
    ui.type(form, "Second count CEP17 signals per cell", "2.9")
    assert not ui.shown(form, "HER2 signals per cell")  # still blinded: the recount is not complete
    ui.type(form, "Second count cells counted", "20")
    assert ui.shown(form, "HER2 signals per cell")
    assert ui.text(form, "HER2 signals per cell") == "4.5"
    assert panel.status.text() == "NEGATIVE"
    assert panel.ratio.text() == "1.50"
    assert not panel.blinded_note.isVisibleTo(panel)
    assert window.editor.save()
    saved = window.service.load("S26-000904")
    assert saved.entry.ish.first.her2 == Decimal("4.5")
    assert saved.entry.ish.second.her2 == Decimal("4.4")


# -- worklist filters -----------------------------------------------------------------------------


def test_the_worklist_shows_and_filters_the_reported_result(lab: Lab, open_window, qtbot) -> None:
    """An adjudicated case is listed, filtered and sorted by the pathologist's status: it no longer
    "needs action", and the Status column says it was adjudicated (the guideline's result in a tip)."""
    cases = CaseService(lab.database, actor=lab.tech)
    open_case = cases.save(entry("S26-000920", "SYN-500120", IhcScore.TWO_PLUS), None)
    adjudicated = cases.save(entry("S26-000921", "SYN-500121", IhcScore.TWO_PLUS), None)
    cases.save(entry("S26-000922", "SYN-500122", IhcScore.THREE_PLUS), None)
    window = open_window(lab, lab.path)
    window.workflow_service().adjudicate(
        lab.path,
        "S26-000921",
        Status.NEGATIVE,
        "reflex ISH not amplified on review",
        adjudicated.version,
        password=PASSWORDS["pia"],
    )
    view, model = window.worklist, window.worklist_model

    status_column = next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Status"
    )

    def shown() -> dict[str, str]:
        model.refresh()
        view.apply_filters()
        qtbot.waitUntil(lambda: model.total is not None and (model.total == 0 or model.row_at(0) is not None))
        return {
            model.row_at(i).accession: model.data(model.index(i, status_column)) for i in range(model.total)
        }

    rows = shown()
    assert rows["S26-000921"] == "NEGATIVE (HER2-low), adjudicated"
    assert rows["S26-000920"] == "EQUIVOCAL"
    assert rows["S26-000922"] == "POSITIVE"
    row = next(i for i in range(model.total) if model.row_at(i).accession == "S26-000921")
    tip = model.data(model.index(row, status_column), Qt.ItemDataRole.ToolTipRole)
    assert tip == "Guideline result: EQUIVOCAL; reported as adjudicated"
    view.needs_action.setChecked(True)
    assert set(shown()) == {"S26-000920"}
    del open_case


def test_worklist_filters_awaiting_sign_out_and_signed_out_today(lab: Lab, open_window, qtbot) -> None:
    cases = CaseService(lab.database, actor=lab.tech)
    saved = {
        n: cases.save(entry(f"S26-00091{n}", f"SYN-50011{n}", IhcScore.THREE_PLUS), None) for n in range(3)
    }
    signout = open_window(lab, lab.path).workflow_service()
    signout.sign_out(lab.path, "S26-000911", PASSWORDS["pia"], saved[1].version)
    done = signout.sign_out(lab.path, "S26-000912", PASSWORDS["pia"], saved[2].version)
    with lab.database.write_engine.begin() as connection:  # signed out long ago
        connection.execute(
            update(Case).where(Case.accession == "S26-000912").values(signed_out_at=datetime(2020, 1, 1, 12))
        )
    assert done.state is SignOutState.SIGNED_OUT
    window = open_window(lab, lab.path)
    view, model = window.worklist, window.worklist_model

    def shown() -> list[str]:
        view.apply_filters()
        qtbot.waitUntil(lambda: model.total is not None and (model.total == 0 or model.row_at(0) is not None))
        return sorted(model.row_at(i).accession for i in range(model.total))

    assert shown() == ["S26-000910", "S26-000911", "S26-000912"]
    view.awaiting_signout.setChecked(True)
    assert shown() == ["S26-000910"]
    view.awaiting_signout.setChecked(False)
    view.signed_out_today.setChecked(True)
    assert shown() == ["S26-000911"]
    assert view.count_label.text() == "1 case"


# -- what the pathologist sees before signing or changing results ------------------------------------


def test_the_sign_out_dialog_shows_the_cases_warnings_and_comments(
    lab: Lab, open_window, dialog_driver, qtbot
) -> None:
    from PySide6.QtWidgets import QLabel

    near_threshold = IshDetails(
        probe=IshProbe.DUAL,
        method=IshMethod.FISH,
        first=IshCount(her2=Decimal("4.50"), cep17=Decimal("2.10"), cells=20),
    )
    poorly_fixed = entry("S26-000950", "SYN-500150", IhcScore.TWO_PLUS, near_threshold)
    poorly_fixed = poorly_fixed.with_changes(
        specimen=replace(poorly_fixed.specimen, fixation_hours=Decimal(5), fragments=3)
    )
    stored = CaseService(lab.database, actor=lab.tech).save(poorly_fixed, None)
    assert stored.interpretation.warnings  # the engine warns: ratio near a threshold
    path = open_window(lab, lab.path)
    path.open_accession("S26-000950")
    seen: dict[str, str] = {}

    def look(dialog: QDialog) -> None:
        seen["notes"] = find(dialog, "Warnings and comments", QLabel).text()

    dialog_driver.append(look)
    assert not path.signout_actions.sign_out()  # looked, then cancelled
    assert "Fixation" in seen["notes"]
    assert "5 h" in seen["notes"]
    assert "specimen.fixation_hours" not in seen["notes"]  # a label, never a raw key
    for note in (*readable_warnings(stored.interpretation.warnings), *stored.interpretation.comments):
        assert note in seen["notes"]
    assert seen["notes"].count("Near a threshold") == 1  # said once, though both checks say it


def _bullets(text: str) -> list[str]:
    return [line[2:] for line in text.splitlines() if line.startswith("• ")]


RAW_KEYS = {*FIELD_LABELS, *INPUT_FIELDS}


@pytest.mark.parametrize(
    ("name", "ihc", "expected"),
    [
        (
            # IHC 0 without a percentage: the engine warns about stained_pct; the case check repeats it.
            "IHC 0, no percentage, CEP17 low, poorly fixed",
            IhcDetails(clone="4B5", score=IhcScore.ZERO, controls_acceptable=True),
            [
                "Stained percent: give the % of cells with faint incomplete staining (0 if none) to tell "
                "HER2-null from HER2-ultralow",
                "CEP17 signals per cell: average CEP17 0.80 is outside 1.0-4.0 (possible monosomy or "
                "polysomy 17); pathologist attention",
                "Fixation hours: fixation 5 h is outside 6-72 h; report the exception",
            ],
        ),
        (
            "IHC 3+ without controls or percentage",
            IhcDetails(clone="4B5", score=IhcScore.THREE_PLUS),
            [
                "Stained percent: IHC 3+ was entered without the percentage of cells with complete, "
                "intense membrane staining (3+ needs more than 10%); give it so the score can be checked",
                "Controls: IHC 3+ without a controls result; say whether the controls stained as expected",
                "Fixation hours: fixation 5 h is outside 6-72 h; report the exception",
            ],
        ),
        (
            "HER2-low with another clone",
            IhcDetails(
                clone="SP3", score=IhcScore.ONE_PLUS, stained_pct=Decimal(30), controls_acceptable=True
            ),
            [
                "Antibody clone: this is a HER2-low result and the clone is not 4B5; the FDA-approved "
                "companion test for HER2-low and HER2-ultralow is the Ventana PATHWAY anti-HER2/neu "
                "(4B5) assay",
                "CEP17 signals per cell: average CEP17 0.80 is outside 1.0-4.0 (possible monosomy or "
                "polysomy 17); pathologist attention",
                "Fixation hours: fixation 5 h is outside 6-72 h; report the exception",
            ],
        ),
    ],
)
def test_the_sign_out_dialog_lists_each_warning_once_in_words(
    lab: Lab, open_window, dialog_driver, qtbot, name: str, ihc: IhcDetails, expected: list[str]
) -> None:
    """Engine warnings carry a field key ("stained_pct: ...") and the case check repeats them: the
    dialog names the field by its label and lists every warning exactly once."""
    from PySide6.QtWidgets import QLabel

    accession = "S26-000960"
    case = entry(accession, "SYN-500160", IhcScore.ZERO)
    ish = IshDetails(IshProbe.DUAL, IshMethod.FISH, IshCount(Decimal("1.20"), Decimal("0.80"), 20))
    case = case.with_changes(
        ihc=ihc,
        ish=ish if ihc.score is not IhcScore.THREE_PLUS else IshDetails(),
        specimen=replace(case.specimen, fixation_hours=Decimal(5)),
    )
    stored = CaseService(lab.database, actor=lab.tech).save(case, None)
    # The engine's own field-coded warnings are in the stored result, and the case check repeats them.
    assert any(w.split(": ", 1)[0] in RAW_KEYS for w in stored.interpretation.warnings)
    path = open_window(lab, lab.path)
    path.open_accession(accession)
    seen: dict[str, str] = {}

    def look(dialog: QDialog) -> None:
        seen["notes"] = find(dialog, "Warnings and comments", QLabel).text()

    dialog_driver.append(look)
    assert not path.signout_actions.sign_out()  # looked, then cancelled
    bullets = _bullets(seen["notes"])
    assert len(bullets) == len(set(bullets)), bullets
    warnings = [b for b in bullets if b not in stored.interpretation.comments]
    assert sorted(warnings) == sorted(expected), warnings
    for bullet in bullets:
        assert bullet.split(": ", 1)[0] not in RAW_KEYS, bullet
    assert not any(key in seen["notes"] for key in RAW_KEYS if "_" in key or "." in key), seen["notes"]


def test_the_amend_dialog_warns_that_changed_results_need_another_pathologist(
    lab: Lab, open_window, dialog_driver, qtbot
) -> None:
    from PySide6.QtWidgets import QLabel

    from her2desk.services.signout_service import SignOutService

    stored = CaseService(lab.database, actor=lab.tech).save(
        entry("S26-000951", "SYN-500151", IhcScore.THREE_PLUS), None
    )
    SignOutService(lab.database).sign_out(lab.path, "S26-000951", PASSWORDS["pia"], stored.version)
    path = open_window(lab, lab.path)
    path.open_accession("S26-000951")
    seen: dict[str, str] = {}

    def look(dialog: QDialog) -> None:
        label = find(dialog, "About signing out the amended results", QLabel)
        seen["warning"] = label.text() if label.isVisibleTo(dialog) else ""

    dialog_driver.append(look)
    assert not path.signout_actions.amend()
    assert seen["warning"] == workflow_dialog.SELF_VERIFICATION_WARNING
    assert "another pathologist must sign them out" in seen["warning"]


def test_the_banner_warns_a_pathologist_opening_a_case_someone_else_entered(
    lab: Lab, open_window, qtbot
) -> None:
    cases = CaseService(lab.database, actor=lab.tech)
    cases.save(entry("S26-000952", "SYN-500152", IhcScore.THREE_PLUS), None)
    CaseService(lab.database, actor=lab.path).save(
        entry("S26-000953", "SYN-500153", IhcScore.THREE_PLUS), None
    )
    warning = "If you change the results, another pathologist must sign them out"
    path = open_window(lab, lab.path)
    path.open_accession("S26-000952")
    assert warning in path.editor.banner.text()
    path.open_accession("S26-000953")  # her own case: she cannot sign it out anyway
    assert warning not in path.editor.banner.text()
    tech = open_window(lab, lab.tech)
    tech.open_accession("S26-000952")
    assert warning not in tech.editor.banner.text()


def test_no_warning_when_the_lab_allows_self_verification(lab: Lab) -> None:
    stored = CaseService(lab.database, actor=lab.tech).save(
        entry("S26-000954", "SYN-500154", IhcScore.THREE_PLUS), None
    )
    assert workflow_dialog.results_change_warning(lab.path, stored, allowed=False)
    assert workflow_dialog.results_change_warning(lab.path, stored, allowed=True) == ""
    assert workflow_dialog.results_change_warning(None, stored, allowed=False) == ""


# -- refused whatever the password: no password is asked for -----------------------------------------


def password_offered(dialog: QDialog) -> bool:
    """The password field is there to type into and the main button can be pressed."""
    return find(dialog, "Password", QLineEdit).isVisibleTo(dialog) and dialog.action_button.isEnabled()


def looks_refused(dialog: QDialog) -> tuple[bool, bool, str]:
    return (
        find(dialog, "Password", QLineEdit).isVisibleTo(dialog),
        dialog.action_button.isEnabled(),
        problem(dialog),
    )


GROUP4_FIRST_COUNT_ONLY = IshDetails(
    probe=IshProbe.DUAL, method=IshMethod.FISH, first=IshCount(Decimal("4.5"), Decimal("3.0"), 20)
)


def _no_interpretation(lab: Lab) -> None:
    """A stored case whose interpretation is missing (the case has errors the engine could not read)."""
    CaseService(lab.database, actor=lab.tech).save(
        entry("S26-000970", "SYN-500170", IhcScore.THREE_PLUS), None
    )
    from her2desk.store.schema import InterpretationRow

    with lab.database.write_engine.begin() as connection:
        case_id = select(Case.id).where(Case.accession == "S26-000970").scalar_subquery()
        connection.execute(
            update(InterpretationRow).where(InterpretationRow.case_id == case_id).values(status=None)
        )


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("errors", "This case cannot be signed out: the case has errors and no interpretation"),
        ("self-verification", "you entered these results; another pathologist must sign them out"),
        ("blinded recount missing", "the interpretation is pending, not final"),
        ("role changed", "a technologist may not sign out"),
    ],
)
def test_a_sign_out_no_password_can_fix_asks_for_none(
    lab: Lab, open_window, dialog_driver, qtbot, kind: str, expected: str
) -> None:
    """The Sign out menu item is offered (the window's copy allows it), but the service says the
    sign-out would be refused whatever the password: the dialog says why and asks for none."""
    cases = CaseService(lab.database, actor=lab.tech)
    accession = "S26-000970"
    if kind == "errors":
        _no_interpretation(lab)
    elif kind == "self-verification":
        CaseService(lab.database, actor=lab.path).save(
            entry(accession, "SYN-500170", IhcScore.THREE_PLUS), None
        )
    elif kind == "blinded recount missing":
        cases.save(entry(accession, "SYN-500170", IhcScore.TWO_PLUS, GROUP4_FIRST_COUNT_ONLY), None)
    else:
        cases.save(entry(accession, "SYN-500170", IhcScore.THREE_PLUS), None)
    path = open_window(lab, lab.path)
    path.open_accession(accession)
    if kind == "role changed":  # an administrator changed her role while her window was open
        from her2desk.store.schema import User

        with lab.database.write_engine.begin() as connection:
            connection.execute(update(User).where(User.id == lab.path.user_id).values(role="technologist"))
    assert path.signout_actions.sign_out_action.isEnabled()
    seen: dict[str, tuple[bool, bool, str]] = {}

    def look(dialog: QDialog) -> None:
        seen["opened"] = looks_refused(dialog)
        assert not find(dialog, "Meaning of the signature", type(dialog.problem)).isVisibleTo(dialog)

    dialog_driver.append(look)
    assert not path.signout_actions.sign_out()
    field_shown, button_enabled, said = seen["opened"]
    assert (field_shown, button_enabled) == (False, False)
    assert said.startswith("This case cannot be signed out: ")
    assert expected in said
    assert path.service.load(accession).signout_state is SignOutState.ENTERED
    assert audit_rows(lab, "sign-out-refused") == []  # asking wrote nothing
    assert audit_rows(lab, "signature-failed") == []


def test_a_case_already_signed_out_and_a_role_that_may_not_sign_out_ask_for_no_password(
    lab: Lab, qtbot
) -> None:
    from her2desk.services.signout_service import SignOutService

    service = SignOutService(lab.database)
    cases = CaseService(lab.database, actor=lab.tech)
    first = cases.save(entry("S26-000971", "SYN-500171", IhcScore.THREE_PLUS), None)
    service.sign_out(lab.path2, "S26-000971", PASSWORDS["paul"], first.version)
    signed = cases.load("S26-000971")
    entered = cases.save(entry("S26-000972", "SYN-500172", IhcScore.THREE_PLUS), None)
    for actor, stored, expected in (
        (lab.path, signed, "the case is signed out and read-only; amend it (with a reason) to change it"),
        (lab.tech, entered, "a technologist may not sign out"),
    ):
        dialog = signout_dialogs.SignOutDialog(service, actor, stored)
        qtbot.addWidget(dialog)
        dialog.show()
        field_shown, button_enabled, said = looks_refused(dialog)
        assert (field_shown, button_enabled) == (False, False)
        assert expected in said
    # The adjudication and amendment dialogs ask the same question.
    adjudication = signout_dialogs.AdjudicationDialog(service, lab.path, entered)
    qtbot.addWidget(adjudication)
    adjudication.show()
    assert looks_refused(adjudication)[:2] == (False, False)
    assert "This case cannot be adjudicated: the interpretation is already final" in problem(adjudication)
    amendment = signout_dialogs.AmendmentDialog(service, lab.tech, signed)
    qtbot.addWidget(amendment)
    amendment.show()
    assert looks_refused(amendment)[:2] == (False, False)
    assert "This case cannot be amended: a technologist may not amend" in problem(amendment)
    allowed = signout_dialogs.AmendmentDialog(service, lab.path, signed)
    qtbot.addWidget(allowed)
    allowed.show()
    assert password_offered(allowed)
    assert problem(allowed) == ""
    assert audit_rows(lab, "sign-out-refused") == audit_rows(lab, "amend-refused") == []


def test_a_wrong_password_keeps_the_field_and_a_later_refusal_is_rechecked(
    lab: Lab, open_window, dialog_driver, qtbot
) -> None:
    """Wrong passwords, and the wait after them, leave the field for another try; a refusal that no
    password can fix any more (someone signed the case out meanwhile) takes it away."""
    stored = CaseService(lab.database, actor=lab.tech).save(
        entry("S26-000973", "SYN-500173", IhcScore.THREE_PLUS), None
    )
    path = open_window(lab, lab.path)
    path.open_accession("S26-000973")
    seen: dict[str, object] = {}

    def sign(dialog: QDialog) -> None:
        seen["opened"] = password_offered(dialog)
        type_text(qtbot, dialog, "Password", "not-my-password")
        click(qtbot, dialog, "Sign out")
        seen["wrong"] = (password_offered(dialog), problem(dialog))
        type_text(qtbot, dialog, "Password", "still-not-my-password")
        click(qtbot, dialog, "Sign out")
        type_text(qtbot, dialog, "Password", PASSWORDS["pia"])
        click(qtbot, dialog, "Sign out")  # too soon after two wrong ones
        seen["wait"] = (password_offered(dialog), problem(dialog))
        # Meanwhile another pathologist signs the case out; her next try is refused for good.
        SignOutService(lab.database).sign_out(lab.path2, "S26-000973", PASSWORDS["paul"], stored.version)
        type_text(qtbot, dialog, "Password", "not-my-password")
        click(qtbot, dialog, "Sign out")
        seen["later"] = (password_offered(dialog), problem(dialog))

    from her2desk.services.signout_service import SignOutService

    dialog_driver.append(sign)
    assert not path.signout_actions.sign_out()
    assert seen["opened"] is True
    assert seen["wrong"][0] is True
    assert "password is not correct" in seen["wrong"][1]
    assert seen["wait"][0] is True
    assert "wait" in seen["wait"][1].lower()
    assert seen["later"][0] is False
    assert "was changed by paul" in seen["later"][1]
