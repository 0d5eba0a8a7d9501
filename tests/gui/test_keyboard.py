"""Keyboard-only entry (new-user test): Tab goes from input to input, the MRN row's buttons and the
unsaved-changes answers are reached by their mnemonics, and the panel names fields by their labels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton

from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.labels import FIELD_LABELS
from her2desk.domain.vocabulary import IhcScore, Laterality, Procedure, Sex, Site
from her2desk.gui.common import dialogs
from her2desk.gui.common.dialogs import ask_unsaved as real_ask_unsaved  # before the fixture replaces it
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.case_service import CaseService

ALT = Qt.KeyboardModifier.AltModifier


def test_tab_from_mrn_goes_to_family_name_and_back(window: MainWindow, ui, qtbot) -> None:
    window.new_action.trigger()
    form = window.editor.form
    mrn = ui.find(form, "MRN")
    mrn.setFocus()
    qtbot.keyClick(mrn, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is ui.find(form, "Family name")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is mrn


def test_tab_never_stops_on_a_button_of_the_form(window: MainWindow, ui, qtbot) -> None:
    window.new_action.trigger()
    form = window.editor.form
    ui.find(form, "Accession number").setFocus()
    visited = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        visited.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    in_form = [w for w in visited if form.isAncestorOf(w)]
    assert len(in_form) > 20
    assert not any(isinstance(w, QPushButton) for w in in_form), [w.accessibleName() for w in in_form]


def test_find_patient_and_history_by_mnemonic(window: MainWindow, ui, qtbot) -> None:
    window.new_action.trigger()
    window.activateWindow()
    form = window.editor.form
    ui.type(form, "MRN", "SYN-424242")
    with qtbot.waitSignal(form.find_patient_requested, timeout=2000) as found:
        qtbot.keyClick(ui.find(form, "MRN"), Qt.Key.Key_D, ALT)
    assert found.args == ["SYN-424242"]
    ui.find(form, "MRN").setFocus()
    with qtbot.waitSignal(form.history_requested, timeout=2000) as history:
        qtbot.keyClick(ui.find(form, "MRN"), Qt.Key.Key_O, ALT)
    assert history.args == ["SYN-424242"]
    assert "&d" in form.find_button.text().lower()
    assert "&o" in form.history_button.text().lower()


@pytest.mark.parametrize(
    ("key", "modifier", "expected"),
    [
        (Qt.Key.Key_S, ALT, dialogs.UnsavedChoice.SAVE),
        (Qt.Key.Key_D, ALT, dialogs.UnsavedChoice.DISCARD),
        (Qt.Key.Key_C, ALT, dialogs.UnsavedChoice.CANCEL),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, dialogs.UnsavedChoice.CANCEL),
    ],
)
def test_unsaved_changes_answers_have_mnemonics(qtbot, key, modifier, expected) -> None:
    pressed: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        pressed.extend(button.text() for button in box.buttons())
        qtbot.keyClick(box, key, modifier)

    QTimer.singleShot(50, answer)
    choice = real_ask_unsaved(None, "S26-000001")  # type: ignore[arg-type]
    assert choice is expected
    assert sorted(pressed) == ["&Cancel", "&Discard", "&Save"]


def test_form_inputs_carry_the_domains_labels(window: MainWindow) -> None:
    """The domain's label table and the form name fields alike (messages use one, screen readers both)."""
    rows = window.editor.form.rows
    assert {key: row.input.accessibleName() for key, row in rows.items()} == {
        key: FIELD_LABELS[key] for key in rows
    }


def _breast_ihc(ui, form, score: str) -> None:
    ui.choose(form, "Procedure", "Core needle biopsy")
    ui.choose(form, "Site", "Breast")
    ui.choose(form, "IHC score", score)


def test_no_warning_beside_an_unreadable_value(window: MainWindow, ui) -> None:
    window.new_action.trigger()
    form, panel = window.editor.form, window.editor.panel
    _breast_ihc(ui, form, "0")
    assert "Stained percent: give the %" in panel.warnings.text()  # IHC 0 without a percentage
    ui.enter(form, "Stained percent", "abc")
    assert "is not a number" in panel.errors.text()
    assert "Stained percent" not in panel.warnings.text()


def test_refused_cep17_gets_no_polysomy_warning_and_plain_digits(window: MainWindow, ui) -> None:
    window.new_action.trigger()
    form, panel = window.editor.form, window.editor.panel
    _breast_ihc(ui, form, "2+")
    ui.choose(form, "ISH probe", "Dual")
    ui.type(form, "HER2 signals per cell", "5.5")
    ui.type(form, "Cells counted", "20")
    ui.type(form, "CEP17 signals per cell", "0.5")
    assert "polysomy" in panel.warnings.text()
    ui.enter(form, "CEP17 signals per cell", "1e-7")
    assert "polysomy" not in panel.warnings.text()
    assert "CEP17 signals per cell: give at most 6 decimal places, not 0.0000001" in panel.errors.text()
    assert isinstance(ui.find(form, "CEP17 signals per cell"), QLineEdit)


def test_a_refused_save_names_the_field_by_its_label(
    window: MainWindow, service: CaseService, ui, qtbot
) -> None:
    stored = CaseEntry(
        accession="S26-000900",
        patient=PatientDetails("SYN-100200", "Testpatient-Alpha", "Other", date(1970, 4, 12), Sex.FEMALE),
        specimen=SpecimenDetails(Procedure.CORE_NEEDLE_BIOPSY, Site.BREAST, Laterality.LEFT),
        ihc=IhcDetails(score=IhcScore.THREE_PLUS, stained_pct=Decimal(80)),
    )
    service.save(stored, None)
    window.new_action.trigger()
    form = window.editor.form
    for name, text in (
        ("Accession number", "S26-000901"),
        ("MRN", "SYN-100200"),
        ("Family name", "Testpatient-Alpha"),
        ("Given name", "Synthia"),  # not the stored patient's given name
        ("Birth date", "1970-04-12"),
    ):
        ui.type(form, name, text)
    ui.choose(form, "Sex", "Female")
    _breast_ihc(ui, form, "3+")
    ui.choose(form, "Laterality", "Left")
    ui.type(form, "Stained percent", "80")
    messages: list[str] = []
    window.editor.status_message.connect(messages.append)
    window.save_action.trigger()
    assert service.load("S26-000901") is None
    assert messages, "no status message"
    assert messages[-1].startswith("Not saved: MRN: MRN SYN-100200 belongs to"), messages
    assert "patient.mrn" not in messages[-1]


# -- one stable keyboard path ---------------------------------------------------------------------------

# What a technologist types or chooses (by the first letters, as on the keyboard) at each stop.
ENTRY_KEYS = {
    "Accession number": "S26-009001",
    "MRN": "SYN-9001",
    "Family name": "Testpatient-Kappa",
    "Given name": "Kim",
    "Birth date": "1961-04-05",
    "Sex": "f",
    "Procedure": "c",  # Core needle biopsy
    "Scoring criteria": "g",  # Gastroesophageal criteria, for a site without its own guideline
    "Laterality": "l",
    "Collection date": "2026-02-02",
    "Fragments": "6",
    "Fragments with tumour": "4",
    "IHC score": "2",
    "Stained percent": "40",
    "Cluster size": "12",
    "ISH probe": "d",
    "HER2 signals per cell": "9.0",
    "CEP17 signals per cell": "3.0",
    "Cells counted": "20",
    "Second count HER2 signals per cell": "4.4",
    "Second count CEP17 signals per cell": "3.0",
    "Second count cells counted": "20",
}
RECOUNT = [
    "Second count HER2 signals per cell",
    "Second count CEP17 signals per cell",
    "Second count cells counted",
]
# The fields that come and go with the case; every other field is a stop whatever the site.
CONDITIONAL = {
    "Scoring criteria",
    "Laterality",
    "Fragments",
    "Fragments with tumour",
    "Cluster size",
    *RECOUNT,
}


def _keyboard_entry(window: MainWindow, qtbot, site_key: str, her2: str) -> list[str]:
    """Enter a whole case with the keyboard only, Tab from stop to stop, and save with Ctrl+S.
    Returns the accessible names of the form's inputs in the order the focus reached them."""
    window.new_action.trigger()
    form = window.editor.form
    keys = {**ENTRY_KEYS, "Site": site_key, "HER2 signals per cell": her2}
    visited: list[str] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        if widget is None or not form.isAncestorOf(widget):
            break
        name = widget.accessibleName()
        assert name not in visited, f"the focus came back to {name!r}: {visited}"
        assert widget.isVisibleTo(form), f"Tab stopped on the hidden {name!r}"
        visited.append(name)
        if name in keys:
            qtbot.keyClicks(widget, keys[name])
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return visited


@pytest.mark.parametrize(
    ("site_key", "site", "her2", "shown"),
    [
        ("b", Site.BREAST, "9.0", {"Laterality"}),
        # HER2 4.5, ratio 1.5: ISH group 4, a blinded second count is asked for after the first count
        ("b", Site.BREAST, "4.5", {"Laterality", *RECOUNT}),
        ("s", Site.STOMACH, "9.0", {"Fragments", "Fragments with tumour", "Cluster size"}),
        (
            "p",
            Site.PANCREAS,
            "6.0",
            {"Scoring criteria", "Fragments", "Fragments with tumour", "Cluster size"},
        ),
    ],
)
def test_a_whole_entry_by_keyboard_follows_one_tab_order_whatever_the_site(
    window: MainWindow, service: CaseService, qtbot, site_key: str, site: Site, her2: str, shown: set[str]
) -> None:
    visited = _keyboard_entry(window, qtbot, site_key, her2)
    form = window.editor.form
    # The one order: the form's own, top to bottom, left column first; a field that does not apply is
    # not a stop (it is hidden), and a field that appears takes its own place, not the next Tab's.
    order = [row.input.accessibleName() for row in form.rows.values()]
    assert visited == [name for name in order if name in visited]
    assert {name for name in visited if name in CONDITIONAL} == shown
    common = [name for name in visited if name not in CONDITIONAL]
    assert common == [
        "Accession number", "MRN", "Family name", "Given name", "Birth date", "Sex",
        "Procedure", "Site", "Clinical setting", "Collection date", "Block", "Fixative",
        "Cold ischaemia minutes", "Fixation hours",
        "Antibody clone", "Assay type", "Controls", "IHC score", "Stained percent",
        "ISH probe", "ISH method", "HER2 signals per cell", "CEP17 signals per cell", "Cells counted",
    ]  # fmt: skip
    stored = service.load("S26-009001")
    assert stored is not None, window.statusBar().currentMessage()
    assert stored.entry.specimen.site is site
    assert stored.entry.ish.first is not None
    assert stored.entry.ish.first.cells == 20
