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
from her2desk.gui.common.domain_text import say, say_all, say_error
from her2desk.gui.common.pdf_pages import PdfPageView
from her2desk.gui.common.pdf_print import PageImage, render_pages
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.gui.common.workers import TaskRunner
from her2desk.gui.reports import report_batch
from her2desk.gui.reports.report_batch import ReportPrintJob, ReportRunResult, summary_text
from her2desk.services.report_service import PreparedReport, Refusal, ReportRefused, ReportService
from her2desk.services.signout_service import CaseNotFoundError

PREVIEW_DPI = 144.0  # sharp enough on screen, scaled to the window's width
MAKING = QT_TRANSLATE_NOOP("ReportPreview", "Making the report…")


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the PDF (the one modal question of Save; tests replace it)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("ReportPreview", "Save report as PDF"),
        suggested,
        translate("ReportPreview", "PDF files (*.pdf)"),
    )
    return Path(name) if name else None


def kind_text(prepared: PreparedReport) -> str:
    if prepared.preliminary:
        return translate("ReportPreview", "PRELIMINARY — NOT FINAL")
    return (
        translate("ReportPreview", "Amended report")
        if prepared.amended
        else translate("ReportPreview", "Final report")
    )


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
        self.setWindowTitle(
            translate("ReportPreview", "Report — case {accession}").format(accession=accession)
        )
        self.setAccessibleName("Report preview")
        self.resize(760, 900)

        self._preliminary_allowed = preliminary_allowed
        self.preliminary = QCheckBox(
            translate("ReportPreview", "Preliminary report (every page marked NOT FINAL)")
        )
        self.preliminary.setAccessibleName("Preliminary report")
        self.preliminary.setToolTip(
            translate(
                "ReportPreview",
                "The case is not signed out; the lab allows a report marked PRELIMINARY — NOT FINAL",
            )
        )
        self.preliminary.setVisible(False)
        self.preliminary.toggled.connect(self.refresh)
        self.state = QLabel("")
        self.state.setAccessibleName("Report state")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages_scroll = PdfPageView("Report pages", "Report page")

        self.print_button = QPushButton(translate("ReportPreview", "&Print…"))
        self.print_button.setAccessibleName("Print report")
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(translate("ReportPreview", "Save as P&DF…"))
        self.save_button.setAccessibleName("Save report as PDF")
        self.save_button.clicked.connect(self.save_report)
        close = QPushButton(translate("ReportPreview", "Close"))
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
        self.state.setText(translate("ReportPreview", MAKING))
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
        pages_text = (
            translate("ReportPreview", "1 page")
            if count == 1
            else translate("ReportPreview", "{count} pages").format(count=count)
        )
        self.state.setText(
            translate(
                "ReportPreview",
                "{kind} — report version {version}, {pages}, as stored. Print and Save use exactly this PDF.",
            ).format(kind=kind_text(prepared), version=prepared.report_version, pages=pages_text)
        )
        self._set_ready(True)

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.pages = []
        self.pages_scroll.clear()
        if isinstance(error, ReportRefused):
            reason = say_all(error.reasons)
            if error.refusal is Refusal.NOT_SIGNED_OUT and error.preliminary_allowed:
                reason += translate(
                    "ReportPreview",
                    ". The lab allows a report marked PRELIMINARY — NOT FINAL: tick the box for one.",
                )
            elif error.refusal is Refusal.NOT_SIGNED_OUT:
                reason += translate(
                    "ReportPreview",
                    ". This lab makes no preliminary documents (an administrator can change the lab setting "
                    "“{setting}”, allow_preliminary_handouts).",
                ).format(setting=say(SETTING_LABELS["allow_preliminary_handouts"]))
            self.preliminary.setVisible(self._preliminary_allowed or error.preliminary_allowed)
        elif isinstance(error, CaseNotFoundError):
            reason = say_error(error)
        else:
            reason = translate("ReportPreview", "The report could not be made: {reason}").format(reason=error)
        self.state.setText(translate("ReportPreview", "No report: {reason}").format(reason=reason))

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(ready)
            button.setToolTip(
                ""
                if ready
                else translate("ReportPreview", "There is no report to print or save (see the message above)")
            )

    # -- showing the pages -------------------------------------------------------------------------

    def page_labels(self) -> list[QLabel]:
        return self.pages_scroll.page_labels()

    # -- print and save ----------------------------------------------------------------------------

    def print_report(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        printer = pdf_print.new_printer()
        title = translate("ReportPreview", "Print report of case {accession}").format(
            accession=prepared.accession
        )
        if not pdf_print.ask_printer(self, printer, title):
            self.state.setText(translate("ReportPreview", "Printing cancelled; nothing was recorded."))
            return
        self.job = ReportPrintJob(self, self.service, self.actor, prepared, printer)
        self.job.finished.connect(self._on_printed)
        self._set_ready(False)
        self.state.setText(translate("ReportPreview", "Printing…"))
        self.job.start()

    def _on_printed(self, result: ReportRunResult) -> None:
        self.last_run = result
        self._set_ready(self.prepared is not None)
        if result.done and not result.skipped and not result.not_recorded:
            self.state.setText(
                translate("ReportPreview", "Printed and recorded (SHA-256 {digest}…).").format(
                    digest=result.done[0].sha256[:16]
                )
            )
            self.recorded.emit(result.done[0])
            return
        text = summary_text(result, "printed")
        self.state.setText(text.replace("\n", " "))
        report_batch.show_summary(self, translate("ReportPreview", "Print report"), text)

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
