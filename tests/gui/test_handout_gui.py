"""The handout in the desktop program: preview, print (through Qt's printer, to a PDF file here), save,
and the batch actions — on a real database with real users and a real sign-out.

The print dialog, the save/folder questions and the summary box are the modules' seams
(`pdf_print.ask_printer`, `handout_preview.ask_save_path`, `handout_batch.ask_*`/`show_summary`);
everything else is the real widgets, the real services and the real printer engine.
"""

from __future__ import annotations

import hashlib
import io
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader
from PySide6.QtCore import QElapsedTimer, QItemSelectionModel, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from support.backends import make_entry
from support.lab import PASSWORDS, Lab, open_lab

from her2desk.domain.lab_settings import LabSettings
from her2desk.gui.common import dialogs, pdf_print
from her2desk.gui.handouts import handout_batch, handout_preview
from her2desk.gui.handouts.handout_actions import NO_CASE, NO_SELECTION, HandoutActions
from her2desk.gui.handouts.handout_batch import BatchOptions
from her2desk.gui.handouts.handout_preview import HandoutPreview
from her2desk.gui.shell.main_window import MainWindow
from her2desk.services.case_service import CaseService
from her2desk.services.handout_service import HandoutService
from her2desk.services.lab_settings_service import LabSettingsService

SIGNED = ["S26-00101", "S26-00102"]
ENTERED = "S26-00103"
RESULT_LINE = "Your result: HER2-positive"  # make_entry: IHC 2+ with ISH group 1
PATIENT = "Demo-Ångström"


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
    monkeypatch.setattr(handout_batch, "show_summary", lambda _parent, _title, text: shown.append(text))
    return shown


def print_to(monkeypatch: pytest.MonkeyPatch, path: Path, calls: list[str] | None = None) -> None:
    """The print dialog, answered: print to a PDF file through Qt's printer (no modal dialog)."""

    def ask(_parent, printer: QPrinter, _title: str = "") -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        if calls is not None:
            calls.append("print")
        return True

    monkeypatch.setattr(pdf_print, "ask_printer", ask)


def actions_of(window: MainWindow) -> HandoutActions:
    return window.handout_actions  # type: ignore[attr-defined]


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


def open_preview(window: MainWindow, qtbot, accession: str) -> HandoutPreview:
    select(window, [accession])
    actions = actions_of(window)
    assert actions.preview_action.isEnabled()
    actions.preview_action.trigger()
    preview = actions.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.state.text() != "Making the handout…", timeout=20_000)
    return preview


def shown_pages(preview: HandoutPreview) -> list:
    return [
        label for label in preview.page_labels() if label.pixmap() is not None and not label.pixmap().isNull()
    ]


def test_actions_are_disabled_with_the_reason_when_nothing_is_selected(win: MainWindow) -> None:
    actions = actions_of(win)
    win.worklist.table.selectionModel().clearSelection()
    actions.update()
    assert not actions.preview_action.isEnabled()
    assert actions.preview_action.toolTip() == NO_CASE
    assert not actions.print_action.isEnabled()
    assert actions.print_action.toolTip() == NO_SELECTION
    select(win, SIGNED)
    assert actions.print_action.isEnabled()
    assert not actions.preview_action.isEnabled()  # two cases: which one to preview is not clear
    assert actions.preview_action.shortcut().toString() == "Ctrl+P"


def test_preview_shows_the_rendered_pages_of_a_signed_out_case_and_language_re_renders(
    win: MainWindow, qtbot, ui
) -> None:
    preview = open_preview(win, qtbot, SIGNED[0])
    assert shown_pages(preview), preview.state.text()
    assert preview.state.text().startswith("Final result")
    assert preview.prepared is not None
    assert preview.prepared.language == "en"
    assert ui.find(preview, "Print handout").isEnabled()
    english = preview.prepared.sha256
    ui.choose(preview, "Handout language", "Español")
    qtbot.waitUntil(
        lambda: preview.prepared is not None and preview.prepared.language == "es", timeout=20_000
    )
    assert preview.prepared.sha256 != english
    assert "Su resultado: HER2 positivo" in pdf_text(preview.prepared.pdf)
    assert shown_pages(preview)


def test_preview_of_a_case_not_signed_out_is_refused_with_the_reason(win: MainWindow, qtbot, ui) -> None:
    preview = open_preview(win, qtbot, ENTERED)
    assert "not signed out (entered)" in preview.state.text()
    assert "allow_preliminary_handouts" in preview.state.text()  # how the lab could allow a preliminary page
    assert shown_pages(preview) == []
    assert not ui.find(preview, "Print handout").isEnabled()
    assert not ui.find(preview, "Save handout as PDF").isEnabled()


def test_where_the_lab_allows_it_the_preview_offers_a_marked_preliminary_page(
    win: MainWindow, lab: Lab, qtbot, ui
) -> None:
    LabSettingsService(lab.database).update(lab.admin, "allow_preliminary_handouts", "true")
    preview = open_preview(win, qtbot, ENTERED)
    box = ui.find(preview, "Preliminary handout")
    assert box.isVisibleTo(preview)
    box.setChecked(True)
    qtbot.waitUntil(lambda: preview.prepared is not None, timeout=20_000)
    assert preview.state.text().startswith("PRELIMINARY — NOT FINAL")
    assert "PRELIMINARY — NOT FINAL" in pdf_text(preview.prepared.pdf)


def test_print_goes_through_qt_printer_and_is_recorded_with_the_hash(
    win: MainWindow, lab: Lab, qtbot, ui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "printed.pdf"
    print_to(monkeypatch, out)
    preview = open_preview(win, qtbot, SIGNED[0])
    prepared = preview.prepared
    assert prepared is not None
    ui.find(preview, "Print handout").click()
    qtbot.waitUntil(lambda: preview.last_run is not None, timeout=30_000)
    assert preview.last_run.done == [prepared]
    (row,) = lab.signout.handouts(SIGNED[0])
    assert (row.printed_by, row.language, row.sha256, row.preliminary) == (
        "pia",
        "en",
        prepared.sha256,
        False,
    )
    assert row.sha256 == hashlib.sha256(prepared.pdf).hexdigest()
    # The printed bytes were these: patient name and result line, read back by poppler.
    text = pdf_text(prepared.pdf)
    assert PATIENT in text
    assert RESULT_LINE in text
    # What reached the printer is the picture of exactly that PDF: the page images in the printed file,
    # put together, are the 300 dpi rendering of the handout (the printer draws pixels, so pdftotext
    # finds no text). The page is painted in horizontal bands that overlap by one row.
    printed = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(printed.pages) == 1
    (expected_page,) = pdf_print.render_pages(prepared.pdf, pdf_print.PRINT_DPI_CAP)
    rendered = tmp_path / "expected.png"
    assert expected_page.image.save(str(rendered))
    expected = Image.open(rendered).convert("RGB")
    # ... and that rendering has the handout's colours where poppler puts them (channels not swapped).
    source = tmp_path / "handout.pdf"
    source.write_bytes(prepared.pdf)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-png", "-singlefile", str(source), str(tmp_path / "pop")], check=True
    )
    poppler = Image.open(tmp_path / "pop.png").convert("RGB").resize(expected.size)
    pop_red, _green, pop_blue = poppler.split()
    coloured = ImageChops.difference(pop_red, pop_blue).point(lambda v: 255 if v > 60 else 0)
    assert ImageStat.Stat(coloured).mean[0] > 0.1  # the page has coloured headings to compare

    def off(image: Image.Image) -> float:  # mean channel difference where poppler shows colour
        return max(ImageStat.Stat(ImageChops.difference(image, poppler), coloured).mean)

    red, green, blue = expected.split()
    print("colour check", off(expected), off(Image.merge("RGB", (blue, green, red))))
    assert off(expected) < 0.25 * off(Image.merge("RGB", (blue, green, red)))
    strips = [embedded.image.convert("RGB") for embedded in printed.pages[0].images]
    layout = pdf_print.bands(*expected.size)
    assert len(layout) > 1
    assert [strip.size for strip in strips] == [(expected.width, rows) for _top, rows in layout]
    printed_image = Image.new("RGB", expected.size, "red")
    for strip, (top, _rows) in zip(strips, layout, strict=True):
        printed_image.paste(strip, (0, top))
    difference = ImageStat.Stat(ImageChops.difference(printed_image, expected).convert("L")).mean[0]
    assert difference < 2.0
    assert "Printed and recorded" in preview.state.text()


def test_a_cancelled_print_dialog_records_nothing(
    win: MainWindow, lab: Lab, qtbot, ui, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_print, "ask_printer", lambda *_a, **_k: False)
    preview = open_preview(win, qtbot, SIGNED[0])
    ui.find(preview, "Print handout").click()
    assert "cancelled" in preview.state.text()
    assert lab.signout.handouts(SIGNED[0]) == []


def test_save_as_pdf_writes_the_exact_bytes_and_records_their_hash(
    win: MainWindow, lab: Lab, qtbot, ui, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "saved"  # no suffix: ".pdf" is added
    suggested: list[str] = []
    monkeypatch.setattr(handout_preview, "ask_save_path", lambda _p, name: suggested.append(name) or target)
    preview = open_preview(win, qtbot, SIGNED[1])
    ui.find(preview, "Save handout as PDF").click()
    saved = (tmp_path / "saved.pdf").read_bytes()
    assert suggested == [f"handout-{SIGNED[1]}-en.pdf"]
    (row,) = lab.signout.handouts(SIGNED[1])
    assert row.sha256 == hashlib.sha256(saved).hexdigest()
    assert saved == preview.prepared.pdf
    text = pdf_text(saved)
    assert PATIENT in text
    assert RESULT_LINE in text
    assert list(tmp_path.glob("*.part")) == []


def test_batch_print_of_three_selected_prints_two_and_lists_the_one_not_signed_out(
    win: MainWindow, lab: Lab, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summaries: list[str]
) -> None:
    out = tmp_path / "batch.pdf"
    print_to(monkeypatch, out)
    monkeypatch.setattr(handout_batch, "ask_batch_options", lambda *_a: BatchOptions("en", preliminary=False))
    select(win, [*SIGNED, ENTERED])
    actions = actions_of(win)
    actions.print_action.trigger()
    qtbot.waitUntil(lambda: actions.last_result is not None, timeout=60_000)
    result = actions.last_result
    assert sorted(p.accession for p in result.done) == SIGNED
    assert [accession for accession, _ in result.skipped] == [ENTERED]
    assert "not signed out (entered)" in result.skipped[0][1]
    for prepared in result.done:
        (row,) = lab.signout.handouts(prepared.accession)
        assert row.sha256 == prepared.sha256
    assert lab.signout.handouts(ENTERED) == []
    assert len(PdfReader(io.BytesIO(out.read_bytes())).pages) == 2
    (summary,) = summaries
    assert summary.startswith("2 handouts printed and recorded.")
    assert f"• {ENTERED}: case {ENTERED} is not signed out (entered)" in summary


def test_the_window_keeps_processing_events_while_a_batch_is_painted(
    win: MainWindow, lab: Lab, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summaries: list[str]
) -> None:
    """A 10 ms heartbeat on the GUI thread beats while a page is half painted: the event loop runs
    between the bands of a page (painting a whole page in one call froze the window ~0.2-0.7 s)."""
    LabSettingsService(lab.database).update(lab.admin, "allow_preliminary_handouts", "true")
    out = tmp_path / "three.pdf"
    print_to(monkeypatch, out)
    monkeypatch.setattr(handout_batch, "ask_batch_options", lambda *_a: BatchOptions("en", preliminary=True))
    select(win, [*SIGNED, ENTERED])
    actions = actions_of(win)
    mid_page_beats: list[int] = []  # the page being painted when the heartbeat ran mid-page
    clock = QElapsedTimer()
    gaps: list[int] = []

    def beat() -> None:
        gaps.append(clock.restart())
        run = actions.run
        if run is not None and run.session.mid_page:
            mid_page_beats.append(run.session.pages)

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    clock.start()
    heartbeat.start()
    try:
        actions.print_action.trigger()
        qtbot.waitUntil(lambda: actions.last_result is not None, timeout=60_000)
    finally:
        heartbeat.stop()
    assert summaries[0].startswith("3 handouts printed and recorded.")
    pages = len(PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert pages >= 3  # one handout or more per case (the preliminary one is longer)
    assert sorted(set(mid_page_beats)) == list(range(pages)), mid_page_beats  # during every page
    print(f"longest gap between heartbeats while printing 3 handouts: {max(gaps)} ms")


def test_cancelling_a_batch_print_records_nothing(
    win: MainWindow, lab: Lab, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summaries: list[str]
) -> None:
    print_to(monkeypatch, tmp_path / "cancelled.pdf")
    monkeypatch.setattr(handout_batch, "ask_batch_options", lambda *_a: BatchOptions("en", preliminary=False))
    select(win, [*SIGNED, ENTERED])
    actions = actions_of(win)
    actions.print_action.trigger()
    run = actions.run
    assert run is not None
    (cancel,) = run.progress.findChildren(QPushButton)
    cancel.click()  # the progress dialog's Cancel button, before the first page is back from the worker
    qtbot.waitUntil(lambda: actions.last_result is not None, timeout=60_000)
    assert actions.last_result.cancelled
    assert actions.last_result.done == []
    for accession in [*SIGNED, ENTERED]:
        assert lab.signout.handouts(accession) == []
    assert summaries == ["Cancelled: nothing was printed and nothing was recorded."]


def test_cancelling_a_batch_print_in_the_middle_of_a_page_records_nothing(
    win: MainWindow, lab: Lab, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summaries: list[str]
) -> None:
    print_to(monkeypatch, tmp_path / "half.pdf")
    monkeypatch.setattr(handout_batch, "ask_batch_options", lambda *_a: BatchOptions("en", preliminary=False))
    select(win, SIGNED)
    actions = actions_of(win)
    pressed: list[int] = []

    def cancel_mid_page() -> None:
        run = actions.run
        if run is not None and run.session.mid_page and not pressed:
            pressed.append(run.session.pages)
            (cancel,) = run.progress.findChildren(QPushButton)
            cancel.click()

    watcher = QTimer()
    watcher.setInterval(1)
    watcher.timeout.connect(cancel_mid_page)
    watcher.start()
    try:
        actions.print_action.trigger()
        qtbot.waitUntil(lambda: actions.last_result is not None, timeout=60_000)
    finally:
        watcher.stop()
    assert pressed == [0]  # Cancel was pressed while the first page was half painted
    assert actions.last_result.cancelled
    assert actions.last_result.done == []
    for accession in SIGNED:
        assert lab.signout.handouts(accession) == []
    assert summaries == ["Cancelled: nothing was printed and nothing was recorded."]


def test_batch_save_writes_each_pdf_into_the_folder_and_records_it(
    win: MainWindow, lab: Lab, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summaries: list[str]
) -> None:
    folder = tmp_path / "handouts"
    folder.mkdir()
    (folder / f"handout-{SIGNED[0]}-es.pdf").write_bytes(b"an older file is kept")
    monkeypatch.setattr(handout_batch, "ask_batch_options", lambda *_a: BatchOptions("es", preliminary=False))
    monkeypatch.setattr(handout_batch, "ask_folder", lambda _parent: folder)
    select(win, [*SIGNED, ENTERED])
    actions = actions_of(win)
    actions.save_action.trigger()
    qtbot.waitUntil(lambda: actions.last_result is not None, timeout=60_000)
    assert (folder / f"handout-{SIGNED[0]}-es.pdf").read_bytes() == b"an older file is kept"
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        f"handout-{SIGNED[0]}-es (2).pdf",
        f"handout-{SIGNED[0]}-es.pdf",
        f"handout-{SIGNED[1]}-es.pdf",
    ]
    for path in actions.last_result.paths:
        accession = SIGNED[0] if SIGNED[0] in path.name else SIGNED[1]
        (row,) = lab.signout.handouts(accession)
        assert row.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert row.language == "es"
    assert lab.signout.handouts(ENTERED) == []
    assert "Skipped 1:" in summaries[0]


def test_a_case_changed_after_the_preview_is_not_printed_or_recorded(
    win: MainWindow,
    lab: Lab,
    qtbot,
    ui,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    summaries: list[str],
) -> None:
    print_to(monkeypatch, tmp_path / "stale.pdf")
    preview = open_preview(win, qtbot, SIGNED[0])
    stored = lab.cases(None).load(SIGNED[0])
    assert stored is not None
    lab.signout.amend(
        lab.path, SIGNED[0], "wrong block recorded at entry", stored.version, password=PASSWORDS["pia"]
    )
    ui.find(preview, "Print handout").click()
    qtbot.waitUntil(lambda: preview.last_run is not None, timeout=30_000)
    assert preview.last_run.done == []
    assert lab.signout.handouts(SIGNED[0]) == []
    assert "changed after this preview was made" in summaries[0]


def test_where_allowed_and_chosen_a_batch_prints_the_case_not_signed_out_as_preliminary(
    win: MainWindow, lab: Lab, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, summaries: list[str]
) -> None:
    LabSettingsService(lab.database).update(lab.admin, "allow_preliminary_handouts", "true")
    print_to(monkeypatch, tmp_path / "all.pdf")
    monkeypatch.setattr(handout_batch, "ask_batch_options", lambda *_a: BatchOptions("en", preliminary=True))
    select(win, [*SIGNED, ENTERED])
    actions = actions_of(win)
    actions.print_action.trigger()
    qtbot.waitUntil(lambda: actions.last_result is not None, timeout=60_000)
    assert actions.last_result.skipped == []
    assert [row.preliminary for row in lab.signout.handouts(ENTERED)] == [True]
    assert [row.preliminary for row in lab.signout.handouts(SIGNED[0])] == [False]
    assert summaries[0].startswith("3 handouts printed and recorded.")


def _answer_modal(qtbot, answer) -> None:
    """Answer the next modal dialog from the event loop (the real dialog, run with exec())."""

    def later() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, later)
            return
        answer(dialog)

    QTimer.singleShot(0, later)


def test_the_batch_options_dialog_offers_the_language_and_preliminary_only_where_allowed(qtbot, ui) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[bool] = []

    def choose_spanish(dialog) -> None:
        names = [w.accessibleName() for w in dialog.findChildren(QWidget) if w.isVisibleTo(dialog)]
        seen.append("Preliminary pages for cases not signed out" in names)
        combo = ui.find(dialog, "Handout language")
        combo.setCurrentIndex(combo.findData("es"))
        dialog.accept()

    _answer_modal(qtbot, choose_spanish)
    assert handout_batch.ask_batch_options(parent, 3, LabSettings(), "Print") == BatchOptions("es", False)
    _answer_modal(qtbot, lambda dialog: dialog.reject())
    allowed = LabSettings(allow_preliminary_handouts=True, handout_language="es")
    assert handout_batch.ask_batch_options(parent, 3, allowed, "Print") is None

    def tick(dialog) -> None:
        seen.append(True)
        ui.find(dialog, "Preliminary pages for cases not signed out").setChecked(True)
        dialog.accept()

    _answer_modal(qtbot, tick)
    assert handout_batch.ask_batch_options(parent, 3, allowed, "Print") == BatchOptions("es", True)
    assert seen == [False, True]


def test_the_real_print_dialog_cancelled_means_no_print(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer_modal(qtbot, lambda dialog: dialog.reject())
    assert pdf_print.ask_printer(parent, pdf_print.new_printer()) is False


def test_the_preview_warns_about_characters_no_font_prints(lab: Lab, qtbot) -> None:
    entry = make_entry("S26-00110", mrn="DEMO000110")
    lab.cases(lab.tech).save(
        replace(entry, patient=replace(entry.patient, given_name="Sarah ሰላም")), None
    )  # Ethiopic: no shipped font
    stored = lab.cases(None).load("S26-00110")
    assert stored is not None
    lab.signout.sign_out(lab.path, "S26-00110", PASSWORDS["pia"], stored.version)
    preview = HandoutPreview(HandoutService(lab.database), "S26-00110", lab.path)
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: preview.prepared is not None, timeout=20_000)
    assert "Warning: no font can print" in preview.state.text()
    assert "ሰ (U+1230)" in preview.state.text()
    result = handout_batch.RunResult(done=[preview.prepared])
    assert "• S26-00110: " in handout_batch.summary_text(result, "printed")


def test_large_print_is_chosen_in_the_preview_and_is_what_print_and_save_use(
    win: MainWindow, lab: Lab, qtbot, ui
) -> None:
    """Low vision: one tick gives the same words in 14-point type; the state line says which handout."""
    LabSettingsService(lab.database).update(lab.admin, "paper_size", "letter")
    preview = open_preview(win, qtbot, SIGNED[0])
    regular = preview.prepared
    assert regular is not None
    assert not regular.large_print
    assert "US Letter, 1 page," in preview.state.text()
    box = ui.find(preview, "Large print handout")
    assert box.isVisibleTo(preview)
    assert box.isEnabled()
    box.setChecked(True)
    qtbot.waitUntil(lambda: preview.prepared is not None and preview.prepared.large_print, timeout=20_000)
    large = preview.prepared
    assert "US Letter, large print," in preview.state.text()
    assert large.sha256 != regular.sha256
    assert shown_pages(preview)
    assert RESULT_LINE in pdf_text(large.pdf)
    assert _body_size(large.pdf) >= 14
    assert _body_size(regular.pdf) < 14  # the check can tell them apart
    box.setChecked(False)
    qtbot.waitUntil(lambda: preview.prepared is not None and not preview.prepared.large_print, timeout=20_000)
    assert preview.prepared.sha256 == regular.sha256  # the same handout as before, byte for byte


def test_the_preview_says_when_a_lab_line_is_printed_in_the_default_language(
    win: MainWindow, lab: Lab, qtbot, ui
) -> None:
    settings = LabSettingsService(lab.database)
    settings.update(lab.admin, "lab_name", "Westside Synthetic Pathology")
    preview = open_preview(win, qtbot, SIGNED[0])
    assert "Warning" not in preview.state.text()
    ui.choose(preview, "Handout language", "Español")
    qtbot.waitUntil(
        lambda: preview.prepared is not None and preview.prepared.language == "es", timeout=20_000
    )
    assert "Warning: no lab name in Spanish is set (lab setting lab_name_es)" in preview.state.text()
    assert ui.find(preview, "Print handout").isEnabled()  # a warning, not a refusal
    settings.update(lab.admin, "lab_name_es", "Patología Sintética del Oeste")
    ui.choose(preview, "Handout language", "English")
    qtbot.waitUntil(
        lambda: preview.prepared is not None and preview.prepared.language == "en", timeout=20_000
    )
    ui.choose(preview, "Handout language", "Español")
    qtbot.waitUntil(
        lambda: preview.prepared is not None and preview.prepared.language == "es", timeout=20_000
    )
    assert "Warning" not in preview.state.text()


def _body_size(pdf: bytes) -> float:
    """The size the body's first sentence is drawn at (font size x text matrix), read by pypdf."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip().startswith("HER2 is a protein on the outside of some cells."):
            sizes.append(size * abs(tm[3]) * abs(cm[3] or 1))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert sizes, "the body's first sentence is on the first page"
    return max(sizes)
