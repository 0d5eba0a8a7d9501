"""The chart report preview: the exact PDF that will be printed or saved, page by page, fitted to the width.

The report is made by `ReportService` (the same gating as `her2desk report`) and rasterised with PDFium
on a worker thread; the pages are shown as images. Print and Save use the very bytes on screen, and
each successful print or save is recorded in the print log (document "report") with their SHA-256; a
cancelled print dialog records nothing. A case that may not have a report shows the reason instead of
pages; where the lab allows preliminary documents, a check box asks for one (marked on every page).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.lab_settings import SETTING_LABELS
from her2desk.domain.workflow import Actor
from her2desk.gui.common import pdf_files, pdf_print
from her2desk.gui.common.pdf_pages import PdfPageView
from her2desk.gui.common.pdf_print import PageImage, render_pages
from her2desk.gui.common.workers import TaskRunner
from her2desk.gui.reports import report_batch
from her2desk.gui.reports.report_batch import ReportPrintJob, ReportRunResult, summary_text
from her2desk.services.report_service import PreparedReport, Refusal, ReportRefused, ReportService
from her2desk.services.signout_service import CaseNotFoundError

PREVIEW_DPI = 144.0  # sharp enough on screen, scaled to the window's width
MAKING = "Making the report…"


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the PDF (the one modal question of Save; tests replace it)."""
    name, _filter = QFileDialog.getSaveFileName(parent, "Save report as PDF", suggested, "PDF files (*.pdf)")
    return Path(name) if name else None


def kind_text(prepared: PreparedReport) -> str:
    if prepared.preliminary:
        return "PRELIMINARY — NOT FINAL"
    return "Amended report" if prepared.amended else "Final report"


class ReportPreview(QDialog):
    """Preview, print and save the chart report of one stored case."""

    recorded = Signal(object)  # PreparedReport, after a print or save was recorded

    def __init__(
        self,
        service: ReportService,
        accession: str,
        actor: Actor | None,
        *,
        preliminary_allowed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.accession = accession
        self.actor = actor
        self.prepared: PreparedReport | None = None
        self.pages: list[PageImage] = []
        self._generation = 0
        self.runner = TaskRunner(threads=1, parent=self)
        self.job: ReportPrintJob | None = None
        self.last_run: ReportRunResult | None = None
        self.setWindowTitle(f"Report — case {accession}")
        self.setAccessibleName("Report preview")
        self.resize(760, 900)

        self._preliminary_allowed = preliminary_allowed
        self.preliminary = QCheckBox("Preliminary report (every page marked NOT FINAL)")
        self.preliminary.setAccessibleName("Preliminary report")
        self.preliminary.setToolTip(
            "The case is not signed out; the lab allows a report marked PRELIMINARY — NOT FINAL"
        )
        self.preliminary.setVisible(False)
        self.preliminary.toggled.connect(self.refresh)
        self.state = QLabel("")
        self.state.setAccessibleName("Report state")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages_scroll = PdfPageView("Report pages", "Report page")

        self.print_button = QPushButton("&Print…")
        self.print_button.setAccessibleName("Print report")
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton("Save as P&DF…")
        self.save_button.setAccessibleName("Save report as PDF")
        self.save_button.clicked.connect(self.save_report)
        close = QPushButton("Close")
        close.setAccessibleName("Close report preview")
        close.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.preliminary)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.pages_scroll, 1)
        layout.addLayout(buttons)
        self._set_ready(False)
        self.refresh()

    # -- making the report -----------------------------------------------------------------------

    def refresh(self) -> None:
        """(Re)make the report on the worker; an older result arriving late is dropped."""
        self._generation += 1
        generation = self._generation
        self.prepared = None
        self._set_ready(False)
        self.state.setText(MAKING)
        service, accession, preliminary = self.service, self.accession, self.preliminary.isChecked()

        def work() -> tuple[PreparedReport, list[PageImage]]:
            prepared = service.prepare(accession, preliminary=preliminary)
            return prepared, render_pages(prepared.pdf, PREVIEW_DPI)

        self.runner.submit(
            work,
            lambda value: self._on_ready(generation, value),
            lambda error: self._on_failed(generation, error),
        )

    def _on_ready(self, generation: int, value: tuple[PreparedReport, list[PageImage]]) -> None:
        if generation != self._generation:
            return
        prepared, pages = value
        self.prepared = prepared
        self.pages = pages
        self.pages_scroll.show_pages(pages)
        count = len(pages)
        self.state.setText(
            f"{kind_text(prepared)} — report version {prepared.report_version}, "
            f"{count} page{'s' if count != 1 else ''}, as stored. Print and Save use exactly this PDF."
        )
        self._set_ready(True)

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.pages = []
        self.pages_scroll.clear()
        if isinstance(error, ReportRefused):
            reason = "; ".join(error.reasons)
            if error.refusal is Refusal.NOT_SIGNED_OUT and error.preliminary_allowed:
                reason += ". The lab allows a report marked PRELIMINARY — NOT FINAL: tick the box for one."
            elif error.refusal is Refusal.NOT_SIGNED_OUT:
                reason += (
                    ". This lab makes no preliminary documents (an administrator can change the lab setting "
                    f"“{SETTING_LABELS['allow_preliminary_handouts']}”, allow_preliminary_handouts)."
                )
            self.preliminary.setVisible(self._preliminary_allowed or error.preliminary_allowed)
        elif isinstance(error, CaseNotFoundError):
            reason = str(error)
        else:
            reason = f"The report could not be made: {error}"
        self.state.setText(f"No report: {reason}")

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(ready)
            button.setToolTip("" if ready else "There is no report to print or save (see the message above)")

    # -- showing the pages -------------------------------------------------------------------------

    def page_labels(self) -> list[QLabel]:
        return self.pages_scroll.page_labels()

    # -- print and save ----------------------------------------------------------------------------

    def print_report(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        printer = pdf_print.new_printer()
        if not pdf_print.ask_printer(self, printer, f"Print report of case {prepared.accession}"):
            self.state.setText("Printing cancelled; nothing was recorded.")
            return
        self.job = ReportPrintJob(self, self.service, self.actor, prepared, printer)
        self.job.finished.connect(self._on_printed)
        self._set_ready(False)
        self.state.setText("Printing…")
        self.job.start()

    def _on_printed(self, result: ReportRunResult) -> None:
        self.last_run = result
        self._set_ready(self.prepared is not None)
        if result.done and not result.skipped and not result.not_recorded:
            self.state.setText(f"Printed and recorded (SHA-256 {result.done[0].sha256[:16]}…).")
            self.recorded.emit(result.done[0])
            return
        text = summary_text(result, "printed")
        self.state.setText(text.replace("\n", " "))
        report_batch.show_summary(self, "Print report", text)

    def save_report(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        path = ask_save_path(self, prepared.file_name)
        if path is None:
            return
        service, actor = self.service, self.actor
        recorded, text = pdf_files.save_and_record(
            path, prepared.pdf, prepared.sha256, lambda: service.record(prepared, actor), ReportRefused
        )
        self.state.setText(text)
        if recorded:
            self.recorded.emit(prepared)
