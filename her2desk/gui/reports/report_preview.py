"""The chart report preview: the exact PDF that will be printed or saved, page by page, fitted to the width.

The report is made by `ReportService` (the same gating as `her2desk report`) and rasterised with PDFium
on a worker thread; the pages are shown as images. Print and Save use the very bytes on screen, and
each successful print or save is recorded in the print log (document "report") with their SHA-256; a
cancelled print dialog records nothing. A case that may not have a report shows the reason instead of
pages; where the lab allows preliminary documents, a check box asks for one (marked on every page).
What every preview does is in `gui.common.pdf_preview`; this module says the report's words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from her2desk.domain.workflow import Actor
from her2desk.gui.common import pdf_print
from her2desk.gui.common.pdf_preview import PREVIEW_DPI, PdfPreview, PreviewWords
from her2desk.gui.common.pdf_print import PageImage, render_pages
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.gui.reports import report_batch
from her2desk.gui.reports.report_batch import ReportPrintJob, ReportRunResult, summary_text
from her2desk.services.report_service import PreparedReport, ReportService

__all__ = ["PREVIEW_DPI", "ReportPreview", "ask_save_path", "kind_text"]

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


def _words(accession: str) -> PreviewWords:
    return PreviewWords(
        title=translate("ReportPreview", "Report — case {accession}").format(accession=accession),
        preliminary=translate("ReportPreview", "Preliminary report (every page marked NOT FINAL)"),
        preliminary_tip=translate(
            "ReportPreview",
            "The case is not signed out; the lab allows a report marked PRELIMINARY — NOT FINAL",
        ),
        print_button=translate("ReportPreview", "&Print…"),
        save_button=translate("ReportPreview", "Save as P&DF…"),
        close_button=translate("ReportPreview", "Close"),
        making=translate("ReportPreview", MAKING),
        nothing_to_print=translate(
            "ReportPreview", "There is no report to print or save (see the message above)"
        ),
        cancelled=translate("ReportPreview", "Printing cancelled; nothing was recorded."),
        printed=translate("ReportPreview", "Printed and recorded (SHA-256 {digest}…)."),
        no_document=translate("ReportPreview", "No report: {reason}"),
        not_made=translate("ReportPreview", "The report could not be made: {reason}"),
        preliminary_hint=translate(
            "ReportPreview",
            ". The lab allows a report marked PRELIMINARY — NOT FINAL: tick the box for one.",
        ),
        no_preliminary_hint=translate(
            "ReportPreview",
            ". This lab makes no preliminary documents (an administrator can change the lab setting "
            "“{setting}”, allow_preliminary_handouts).",
        ),
        summary_title=translate("ReportPreview", "Print report"),
    )


class ReportPreview(PdfPreview):
    """Preview, print and save the chart report of one stored case."""

    service: ReportService  # the one service the preview makes, prints and records with

    def __init__(
        self,
        service: ReportService,
        accession: str,
        actor: Actor | None,
        *,
        preliminary_allowed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            service,
            accession,
            actor,
            "report",
            _words(accession),
            preliminary_allowed=preliminary_allowed,
            parent=parent,
        )
        self.job: ReportPrintJob | None = None
        self.preliminary.toggled.connect(self.refresh)

        buttons = QHBoxLayout()
        buttons.addWidget(self.preliminary)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.pages_scroll, 1)
        layout.addLayout(buttons)
        self._set_ready(False)
        self.refresh()

    def make_work(self) -> Callable[[], tuple[PreparedReport, list[PageImage]]]:
        service, accession, preliminary = self.service, self.accession, self.preliminary.isChecked()

        def work() -> tuple[PreparedReport, list[PageImage]]:
            prepared = service.prepare(accession, preliminary=preliminary)
            return prepared, render_pages(prepared.pdf, PREVIEW_DPI)

        return work

    def ready_text(self, prepared: PreparedReport, pages: int) -> str:
        pages_text = (
            translate("ReportPreview", "1 page")
            if pages == 1
            else translate("ReportPreview", "{count} pages").format(count=pages)
        )
        return translate(
            "ReportPreview",
            "{kind} — report version {version}, {pages}, as stored. Print and Save use exactly this PDF.",
        ).format(kind=kind_text(prepared), version=prepared.report_version, pages=pages_text)

    def print_document(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        printer = pdf_print.new_printer()
        title = translate("ReportPreview", "Print report of case {accession}").format(
            accession=prepared.accession
        )
        if not pdf_print.ask_printer(self, printer, title):
            self.state.setText(self.words.cancelled)
            return
        self.job = ReportPrintJob(self, self.service, self.actor, prepared, printer)
        self.job.finished.connect(self._on_printed)
        self._set_ready(False)
        self.state.setText(translate("ReportPreview", "Printing…"))
        self.job.start()

    def ask_save_path(self, suggested: str) -> Path | None:
        return ask_save_path(self, suggested)

    def summary_text(self, result: ReportRunResult) -> str:
        return summary_text(result, "printed")

    def show_summary(self, text: str) -> None:
        report_batch.show_summary(self, self.words.summary_title, text)
