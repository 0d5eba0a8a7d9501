"""Printing one chart report and saving the reports of several cases, each recorded in the print log.

The report is made (database read + reportlab) and rasterised (PDFium) on a worker thread; only the
painting onto the printer happens on the GUI thread, a few bands of a page per event-loop turn
(`common.pdf_print`), so the window stays responsive while a report prints. A print is recorded only
after the job went to the printer; a save only after the file was written and renamed into place. A
case that may not have a report (not signed out, no result) is skipped and named in the summary.

The modal questions (folder, preliminary, summary) are module functions so that tests can answer them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from her2desk.domain.workflow import Actor
from her2desk.gui.common import pdf_files
from her2desk.gui.common.pdf_files import BatchResult, free_path, write_pdf
from her2desk.gui.common.pdf_files import show_summary as show_summary  # tests answer it here
from her2desk.gui.common.pdf_print import PageImage, PrinterSession, advance, print_dpi, render_pages
from her2desk.gui.common.translation import translate
from her2desk.gui.common.workers import TaskRunner
from her2desk.services.report_service import PreparedReport, Refusal, ReportRefused, ReportService
from her2desk.services.signout_service import CaseNotFoundError

ReportRunResult = BatchResult[PreparedReport]


# -- the questions (tests replace these) ----------------------------------------------------------


def ask_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, translate("ReportPreview", "Save reports into folder"))
    return Path(folder) if folder else None


def ask_preliminary(parent: QWidget, count: int) -> bool | None:
    """Asked only where the lab allows preliminary documents: True to give cases not signed out a
    report marked PRELIMINARY — NOT FINAL on every page, False to skip them, None to cancel."""
    answer = QMessageBox.question(
        parent,
        translate("ReportPreview", "Save reports of {count} cases").format(count=count),
        translate(
            "ReportPreview",
            "Cases that are not signed out: save a report marked PRELIMINARY — NOT FINAL on every page?\n\n"
            "Yes: preliminary reports for them. No: skip them (signed-out cases get their final report).",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Cancel:
        return None
    return answer == QMessageBox.StandardButton.Yes


# -- recording and writing --------------------------------------------------------------------------


def refusal_text(error: Exception) -> str:
    if isinstance(error, ReportRefused | CaseNotFoundError):
        return pdf_files.refusal_reasons(error, ReportRefused)
    return translate("PdfFiles", "could not be made: {reason}").format(reason=error)


def record(
    service: ReportService, actor: Actor | None, prepared: PreparedReport, result: ReportRunResult
) -> None:
    """Write the print log row; a refusal or a database failure is said, never lost (the paper or the
    file already exists)."""
    pdf_files.record_into(
        result, prepared, prepared.accession, lambda: service.record(prepared, actor), ReportRefused
    )


def summary_text(result: ReportRunResult, verb: str) -> str:
    """The end of a print or save in words: how many, which were skipped and why, anything not logged."""
    return pdf_files.summary_text(result, verb, "report")


# -- printing one report ------------------------------------------------------------------------------


class ReportPrintJob(QObject):
    """Print one prepared report on `printer` (already set up by the print dialog), then record it.

    The case is checked again on the worker before anything is painted: a report the case no longer
    says is never printed.
    """

    finished = Signal(object)  # ReportRunResult

    def __init__(
        self,
        parent: QWidget,
        service: ReportService,
        actor: Actor | None,
        prepared: PreparedReport,
        printer: QPrinter,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.actor = actor
        self.prepared = prepared
        self.session = PrinterSession(printer)
        self.dpi = print_dpi(printer)
        self.result = ReportRunResult()
        self.runner = TaskRunner(threads=1, parent=self)
        self.done = False
        self._bands: Iterator[None] | None = None

    def start(self) -> None:
        service, prepared, dpi = self.service, self.prepared, self.dpi

        def work() -> list[PageImage]:
            if not service.is_current(prepared):
                raise ReportRefused(
                    Refusal.CHANGED,
                    translate(
                        "ReportPreview",
                        "case {accession} changed after this preview was made; "
                        "close the preview and open it again",
                    ).format(accession=prepared.accession),
                )
            return render_pages(prepared.pdf, dpi)

        self.runner.submit(work, self._paint, self._failed)

    def _failed(self, error: Exception) -> None:
        self.result.skipped.append((self.prepared.accession, refusal_text(error)))
        self._end()

    def _paint(self, pages: object) -> None:
        if not self.session.begin():
            self.result.error = translate("PdfFiles", "the printer could not be started; nothing was printed")
            self._end()
            return
        self._bands = (band for page in pages for band in self.session.page_steps(page))  # type: ignore[attr-defined]
        self._paint_band()

    def _paint_band(self) -> None:
        assert self._bands is not None
        if advance(self._bands):
            QTimer.singleShot(0, self, self._paint_band)
            return
        self._bands = None
        if self.session.finish():
            record(self.service, self.actor, self.prepared, self.result)
        else:
            self.result.error = translate(
                "PdfFiles", "the printer did not accept the job; nothing was recorded"
            )
        self._end()

    def _end(self) -> None:
        self.done = True
        self.finished.emit(self.result)


# -- saving several reports ------------------------------------------------------------------------------


Producer = Callable[[], PreparedReport]


def producers_for(
    service: ReportService, accessions: list[str], *, preliminary: bool
) -> list[tuple[str, Producer]]:
    def producer(accession: str) -> Producer:
        return lambda: service.prepare(accession, preliminary=preliminary)

    return [(accession, producer(accession)) for accession in accessions]


class ReportSaveRun(QObject):
    """Save each case's report into `folder`: made, written, renamed and recorded on the worker, one at
    a time, with a progress dialog whose Cancel stops before the next case (files already written stay,
    and are recorded)."""

    finished = Signal(object)  # ReportRunResult

    def __init__(
        self,
        parent: QWidget,
        service: ReportService,
        actor: Actor | None,
        items: list[tuple[str, Producer]],
        folder: Path,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.actor = actor
        self.items = items
        self.folder = folder
        self.index = 0
        self.result = ReportRunResult()
        self.runner = TaskRunner(threads=1, parent=self)
        self.progress = pdf_files.run_progress(
            parent, translate("ReportPreview", "Saving reports"), "Report progress", len(items)
        )
        self.done = False

    def start(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self._next()

    def _next(self) -> None:
        if self.progress.wasCanceled():
            self.result.cancelled = True
            self._end()
            return
        if self.index >= len(self.items):
            self._end()
            return
        accession, produce = self.items[self.index]
        self.progress.setLabelText(
            translate("ReportPreview", "Report {number} of {count}: case {accession}").format(
                number=self.index + 1, count=len(self.items), accession=accession
            )
        )
        service, actor, folder = self.service, self.actor, self.folder

        def work() -> tuple[Path, ReportRunResult]:
            prepared = produce()
            path = write_pdf(free_path(folder / prepared.file_name), prepared.pdf)
            outcome = ReportRunResult()
            record(service, actor, prepared, outcome)
            return path, outcome

        self.runner.submit(work, self._saved, self._failed)

    def _saved(self, value: tuple[Path, ReportRunResult]) -> None:
        path, outcome = value
        self.result.paths.append(path)
        self.result.done.extend(outcome.done)
        self.result.not_recorded.extend(outcome.not_recorded)
        self._step()

    def _failed(self, error: Exception) -> None:
        self.result.skipped.append((self.items[self.index][0], refusal_text(error)))
        self._step()

    def _step(self) -> None:
        self.index += 1
        self.progress.setValue(self.index)
        self._next()

    def _end(self) -> None:
        self.done = True
        self.progress.close()
        self.finished.emit(self.result)
