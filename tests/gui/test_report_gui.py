"""The chart report in the desktop program: preview, print (through Qt's printer, to a PDF file here), save,
the batch save and the case record — on a real database with real users and a real sign-out.

The print dialog, the save/folder questions and the summary box are the modules' seams
(`pdf_print.ask_printer`, `report_preview.ask_save_path`, `report_batch.ask_*`/`show_summary`);
everything else is the real widgets, the real services and the real printer engine.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtPrintSupport import QPrinter
from support.backends import make_entry
from support.lab import PASSWORDS, Lab, open_lab

from her2desk.gui.audit import audit_actions
from her2desk.gui.common import dialogs, pdf_print
from her2desk.gui.reports import report_batch, report_preview
from her2desk.gui.reports.report_actions import NO_CASE, NO_SELECTION, ReportActions
from her2desk.gui.reports.report_preview import ReportPreview
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.case_service import CaseService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.report_service import ReportService

SIGNED = ["S26-00201", "S26-00202"]
ENTERED = "S26-00203"


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())


@pytest.fixture
def lab(db_path: Path) -> Iterator[Lab]:
    """Two signed-out cases and one only entered, by real users through the real services."""
    lab = open_lab(str(db_path))
    technologist = CaseService(lab.database, actor=lab.tech)
    for accession in [*SIGNED, ENTERED]:
        technologist.save(make_entry(accession), None)
    for accession in SIGNED:
        stored = technologist.load(accession)
        assert stored is not None
        lab.signout.sign_out(lab.path, accession, PASSWORDS["pia"], stored.version)
    yield lab
    lab.database.close()


@pytest.fixture
def win(lab: Lab, service: CaseService, qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    window = MainWindow(service, location="test", actor=lab.path)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.worklist_model.total == 3)
    qtbot.waitUntil(lambda: window.worklist_model.row_at(2) is not None)
    yield window
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    window.close()
    window.runner.wait()
    window.deleteLater()


@pytest.fixture
def summaries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(report_batch, "show_summary", lambda _parent, _title, text: shown.append(text))
    return shown


def reports_of(lab: Lab, accession: str) -> list:
    return ReportService(lab.database).reports(accession)


def select(window: MainWindow, accessions: list[str]) -> None:
    model = window.worklist_model
    selection = window.worklist.table.selectionModel()
    selection.clearSelection()
    for row in range(model.total or 0):
        found = model.row_at(row)
        if found is not None and found.accession in accessions:
            selection.select(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    assert sorted(window.selected_accessions()) == sorted(accessions)


def open_preview(window: MainWindow, qtbot, accession: str) -> ReportPreview:
    select(window, [accession])
    actions: ReportActions = window.report_actions
    assert actions.preview_action.isEnabled()
    actions.preview_action.trigger()
    preview = actions.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.state.text() != report_preview.MAKING, timeout=20_000)
    return preview


def shown_pages(preview: ReportPreview) -> list:
    return [
        label for label in preview.page_labels() if label.pixmap() is not None and not label.pixmap().isNull()
    ]


def test_the_actions_are_disabled_with_the_reason_and_the_shortcut_clashes_with_none(win: MainWindow) -> None:
    actions = win.report_actions
    win.worklist.table.selectionModel().clearSelection()
    actions.update()
    assert not actions.preview_action.isEnabled()
    assert actions.preview_action.toolTip() == NO_CASE
    assert not actions.save_action.isEnabled()
    assert actions.save_action.toolTip() == NO_SELECTION
    select(win, SIGNED)
    assert actions.save_action.isEnabled()
    assert not actions.preview_action.isEnabled()  # two cases: which one to preview is not clear
    select(win, [SIGNED[0]])
    assert actions.preview_action.isEnabled()
    assert actions.preview_action.shortcut().toString() == "Ctrl+Shift+P"
    keys = [
        key.toString()
        for action in win.findChildren(type(actions.preview_action))
        for key in action.shortcuts()
        if not key.isEmpty()
    ]
    assert keys.count("Ctrl+Shift+P") == 1
    assert "Ctrl+P" in keys  # the handout preview keeps its own


def test_the_preview_shows_every_page_of_the_real_report_pdf(win: MainWindow, lab: Lab, qtbot, ui) -> None:
    preview = open_preview(win, qtbot, SIGNED[0])
    prepared = preview.prepared
    assert prepared is not None, preview.state.text()
    pages = len(PdfReader(io.BytesIO(prepared.pdf)).pages)
    assert len(shown_pages(preview)) == pages >= 1
    assert preview.state.text().startswith("Final report — report version 1")
    assert SIGNED[0] in pdf_text(prepared.pdf)
    assert prepared.sha256 == hashlib.sha256(prepared.pdf).hexdigest()
    assert ui.find(preview, "Print report").isEnabled()
    assert reports_of(lab, SIGNED[0]) == []  # looking records nothing


def test_a_case_not_signed_out_is_refused_in_words(win: MainWindow, lab: Lab, qtbot, ui) -> None:
    preview = open_preview(win, qtbot, ENTERED)
    text = preview.state.text()
    assert text.startswith("No report:")
    assert "not signed out (entered)" in text
    assert "allow_preliminary_handouts" in text  # how the lab could allow a preliminary report
    assert shown_pages(preview) == []
    assert preview.prepared is None
    assert not ui.find(preview, "Print report").isEnabled()
    assert not ui.find(preview, "Save report as PDF").isEnabled()
    assert not ui.find(preview, "Preliminary report").isVisibleTo(preview)


def test_where_the_lab_allows_it_a_preliminary_report_is_offered_and_marked(
    win: MainWindow, lab: Lab, qtbot, ui
) -> None:
    LabSettingsService(lab.database).update(lab.admin, "allow_preliminary_handouts", "true")
    preview = open_preview(win, qtbot, ENTERED)
    assert "tick the box" in preview.state.text()
    box = ui.find(preview, "Preliminary report")
    assert box.isVisibleTo(preview)
    box.setChecked(True)
    qtbot.waitUntil(lambda: preview.prepared is not None, timeout=20_000)
    assert preview.state.text().startswith("PRELIMINARY — NOT FINAL")
    assert "PRELIMINARY" in pdf_text(preview.prepared.pdf)
    assert shown_pages(preview)


def test_print_goes_through_qt_printer_to_a_pdf_file_and_is_recorded(
    win: MainWindow, lab: Lab, qtbot, ui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"

    def ask(_parent, printer: QPrinter, _title: str = "") -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(pdf_print, "ask_printer", ask)
    preview = open_preview(win, qtbot, SIGNED[0])
    prepared = preview.prepared
    assert prepared is not None
    ui.find(preview, "Print report").click()
    qtbot.waitUntil(lambda: preview.last_run is not None, timeout=30_000)
    assert preview.last_run.done == [prepared]
    assert "Printed and recorded" in preview.state.text()
    # The printer drew the report's pages: as many pages in the printed file as in the report.
    printed = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(printed.pages) == len(PdfReader(io.BytesIO(prepared.pdf)).pages)
    assert printed.pages[0].images  # painted as page images, band by band
    (row,) = reports_of(lab, SIGNED[0])
    assert (row.printed_by, row.sha256, row.preliminary) == ("pia", prepared.sha256, False)
    assert lab.signout.handouts(SIGNED[0]) == []  # a report is not logged as a patient handout


def test_a_cancelled_print_dialog_records_nothing(
    win: MainWindow, lab: Lab, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_print, "ask_printer", lambda *_a, **_k: False)
    preview = open_preview(win, qtbot, SIGNED[0])
    ui.find(preview, "Print report").click()
    assert "cancelled" in preview.state.text()
    assert reports_of(lab, SIGNED[0]) == []


def test_save_as_pdf_writes_the_exact_bytes_and_records_their_hash(
    win: MainWindow, lab: Lab, qtbot, ui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "saved"  # no suffix: ".pdf" is added
    suggested: list[str] = []
    monkeypatch.setattr(report_preview, "ask_save_path", lambda _p, name: suggested.append(name) or target)
    preview = open_preview(win, qtbot, SIGNED[1])
    ui.find(preview, "Save report as PDF").click()
    saved = (tmp_path / "saved.pdf").read_bytes()
    assert suggested == [f"report-{SIGNED[1]}-v1.pdf"]
    assert saved == preview.prepared.pdf
    (row,) = reports_of(lab, SIGNED[1])
    assert row.sha256 == hashlib.sha256(saved).hexdigest()
    assert row.printed_by == "pia"
    assert SIGNED[1] in pdf_text(saved)
    assert "Saved to" in preview.state.text()
    assert "recorded" in preview.state.text()


def test_batch_save_writes_one_report_per_signed_out_case_and_records_each(
    win: MainWindow, lab: Lab, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summaries: list[str]
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    monkeypatch.setattr(report_batch, "ask_folder", lambda _parent: folder)
    asked: list[int] = []
    monkeypatch.setattr(report_batch, "ask_preliminary", lambda _p, n: asked.append(n) or False)
    select(win, [*SIGNED, ENTERED])
    actions = win.report_actions
    actions.save_action.trigger()
    qtbot.waitUntil(lambda: actions.last_result is not None, timeout=60_000)
    result = actions.last_result
    assert asked == []  # the lab allows no preliminary documents: not asked
    assert sorted(p.name for p in folder.iterdir()) == [f"report-{a}-v1.pdf" for a in SIGNED]
    assert len(result.paths) == 2
    for path in result.paths:
        accession = SIGNED[0] if SIGNED[0] in path.name else SIGNED[1]
        (row,) = reports_of(lab, accession)
        assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert reports_of(lab, ENTERED) == []
    assert [accession for accession, _ in result.skipped] == [ENTERED]
    assert "not signed out (entered)" in result.skipped[0][1]
    assert summaries[0].startswith("2 reports saved and recorded.")
    assert "Skipped 1:" in summaries[0]


def test_where_allowed_and_chosen_the_batch_saves_a_preliminary_report_of_the_case_not_signed_out(
    win: MainWindow, lab: Lab, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summaries: list[str]
) -> None:
    LabSettingsService(lab.database).update(lab.admin, "allow_preliminary_handouts", "true")
    monkeypatch.setattr(report_batch, "ask_folder", lambda _parent: tmp_path)
    monkeypatch.setattr(report_batch, "ask_preliminary", lambda _p, _n: True)
    select(win, [SIGNED[0], ENTERED])
    actions = win.report_actions
    actions.save_action.trigger()
    qtbot.waitUntil(lambda: actions.last_result is not None, timeout=60_000)
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
        f"report-{SIGNED[0]}-v1.pdf",
        f"report-{ENTERED}-v1-preliminary.pdf",
    ]
    (row,) = reports_of(lab, ENTERED)
    assert row.preliminary


def test_the_case_record_lists_report_prints_apart_from_handout_prints(
    win: MainWindow, lab: Lab, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_preview, "ask_save_path", lambda _p, _name: tmp_path / "r.pdf")
    preview = open_preview(win, qtbot, SIGNED[0])
    preview.save_document()
    preview.close()
    select(win, [SIGNED[0]])
    dialog = audit_actions.open_case_record(win)
    assert dialog is not None
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Report prints (1)" in titles
    assert "Handout prints (0)" in titles
    table = dialog.reports
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert "Language" not in headers
    (row,) = reports_of(lab, SIGNED[0])
    values = [table.item(0, c).text() for c in range(table.columnCount())]
    assert values[headers.index("By")] == "pia"
    assert values[headers.index("SHA-256 of the PDF")] == row.sha256
    dialog.close()
