"""Printing or saving the handouts of several cases in one go, with a progress dialog that can cancel.

Each handout is made (database read + reportlab) and rasterised (PDFium) on a worker thread; only the
painting onto the printer happens on the GUI thread, a few bands of a page per event-loop turn (see
`common.pdf_print`: a whole page at once froze the window for ~0.2-0.7 s), so the window stays
responsive. All handouts of a print run go into ONE print job: a cancelled run is aborted whole,
nothing reaches the printer and nothing is recorded; a finished run records every handout in it (who,
when, language, rules version, SHA-256 of the PDF). Saving writes each file under a temporary name,
renames it, and only then records it; cancelling a save stops before the next file (the files already
written stay, and are recorded).
Cases that may not have a handout (not signed out, no result) are skipped and listed at the end.

The modal questions (options, folder, summary) are module functions so that tests can answer them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from her2desk.domain.lab_settings import LANGUAGES, LabSettings
from her2desk.domain.workflow import Actor
from her2desk.gui.common import pdf_files
from her2desk.gui.common.pdf_files import BatchResult, free_path, write_pdf
from her2desk.gui.common.pdf_files import show_summary as show_summary  # tests answer it here
from her2desk.gui.common.pdf_print import PageImage, PrinterSession, advance, print_dpi, render_pages
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.gui.common.workers import TaskRunner
from her2desk.services.handout_service import HandoutRefused, HandoutService, PreparedHandout
from her2desk.services.signout_service import CaseNotFoundError

LANGUAGE_NAMES = {"en": "English", "es": "Español"}

# One item of a run: its label (the accession) and how to make its handout (runs on a worker thread).
Producer = Callable[[], PreparedHandout]


@dataclass(frozen=True)
class BatchOptions:
    language: str
    preliminary: bool  # include cases not signed out as marked preliminary pages (lab setting permitting)


RunResult = BatchResult[PreparedHandout]


# -- the questions (tests replace these) ----------------------------------------------------------


def ask_batch_options(parent: QWidget, count: int, settings: LabSettings, verb: str) -> BatchOptions | None:
    """Language and, where the lab allows it, whether cases not signed out get a preliminary page."""
    dialog = QDialog(parent)
    title = (
        QT_TRANSLATE_NOOP("HandoutBatch", "Print handouts of {count} cases")
        if verb == "Print"
        else QT_TRANSLATE_NOOP("HandoutBatch", "Save handouts of {count} cases")
    )
    dialog.setWindowTitle(translate("HandoutBatch", title).format(count=count))
    form = QFormLayout(dialog)
    language = QComboBox()
    language.setAccessibleName("Handout language")
    for code in LANGUAGES:
        language.addItem(LANGUAGE_NAMES.get(code, code), code)
    language.setCurrentIndex(max(0, language.findData(settings.handout_language)))
    form.addRow(translate("HandoutBatch", "&Language:"), language)
    preliminary = QCheckBox(
        translate("HandoutBatch", "Cases not signed out: a page marked PRELIMINARY — NOT FINAL")
    )
    preliminary.setAccessibleName("Preliminary pages for cases not signed out")
    if settings.allow_preliminary_handouts:
        form.addRow(preliminary)
    else:
        form.addRow(
            QLabel(
                translate(
                    "HandoutBatch",
                    "Cases that are not signed out are skipped (the lab allows no preliminary pages).",
                )
            )
        )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return BatchOptions(language.currentData(), preliminary.isChecked())


def ask_folder(parent: QWidget) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, translate("HandoutBatch", "Save handouts into folder"))
    return Path(folder) if folder else None


# -- runs -------------------------------------------------------------------------------------


def producers_for(
    service: HandoutService, accessions: list[str], options: BatchOptions
) -> list[tuple[str, Producer]]:
    def producer(accession: str) -> Producer:
        return lambda: service.prepare(accession, options.language, preliminary=options.preliminary)

    return [(accession, producer(accession)) for accession in accessions]


_Result = TypeVar("_Result")  # what a run's work returns for one case
_Printed = tuple[PreparedHandout, list[PageImage]]  # the handout and its pages, rendered to print
_Saved = tuple[PreparedHandout, Path, RunResult]  # the handout, where it was written, what was recorded


class _Run(QObject, Generic[_Result]):
    """The shared loop: one item at a time on the worker, progress and cancel on the GUI thread."""

    finished = Signal(object)  # RunResult

    def __init__(self, parent: QWidget, title: str, items: list[tuple[str, Producer]]) -> None:
        super().__init__(parent)
        self.widget = parent
        self.items = items
        self.index = 0
        self.result = RunResult()
        self.runner = TaskRunner(threads=1, parent=self)
        self.progress = pdf_files.run_progress(
            parent, translate("HandoutBatch", title), "Handout progress", len(items)
        )
        self.progress.canceled.connect(self._on_cancel)
        self.cancel_requested = False
        self.done = False

    def start(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self._next()

    def _on_cancel(self) -> None:
        self.cancel_requested = True

    @property
    def cancelling(self) -> bool:
        """Cancel was pressed (the button, Escape, or closing the progress dialog)."""
        return self.cancel_requested or self.progress.wasCanceled()

    def _label(self) -> str:
        accession = self.items[self.index][0]
        return translate("HandoutBatch", "Handout {number} of {count}: case {accession}").format(
            number=self.index + 1, count=len(self.items), accession=accession
        )

    def _next(self) -> None:
        if self.cancelling:
            self.result.cancelled = True
            self._end()
            return
        if self.index >= len(self.items):
            self._end()
            return
        self.progress.setLabelText(self._label())
        accession, produce = self.items[self.index]
        self.runner.submit(self._work(accession, produce), self._on_ready, self._on_failed)

    def _work(self, accession: str, produce: Producer) -> Callable[[], _Result]:
        raise NotImplementedError

    def _on_ready(self, value: _Result) -> None:
        raise NotImplementedError

    def _on_failed(self, error: Exception) -> None:
        if self.cancelling:  # the run is being cancelled: this case was not going to be done anyway
            self._step()
            return
        accession = self.items[self.index][0]
        if isinstance(error, HandoutRefused | CaseNotFoundError):
            reason = pdf_files.refusal_reasons(error, HandoutRefused)
        else:  # a database or file problem with this one case: say so and carry on with the others
            reason = translate("PdfFiles", "could not be made: {reason}").format(reason=error)
        self.result.skipped.append((accession, reason))
        self._step()

    def _step(self) -> None:
        self.index += 1
        self.progress.setValue(self.index)
        self._next()

    def _end(self) -> None:
        self._close()
        self.done = True
        self.progress.close()
        self.finished.emit(self.result)

    def _close(self) -> None:
        """Finish the work (send the print job); subclasses record what needs recording."""


class PrintRun(_Run[_Printed]):
    """Print the items' handouts as one job on `printer` (already set up by the print dialog)."""

    def __init__(
        self,
        parent: QWidget,
        service: HandoutService,
        actor: Actor | None,
        items: list[tuple[str, Producer]],
        printer: QPrinter,
    ) -> None:
        super().__init__(parent, QT_TRANSLATE_NOOP("HandoutBatch", "Printing handouts"), items)
        self.service = service
        self.actor = actor
        self.session = PrinterSession(printer)
        self.dpi = print_dpi(printer)
        self.printed: list[PreparedHandout] = []
        self._painting: PreparedHandout | None = None  # the handout whose pages are being painted
        self._bands: Iterator[None] | None = None

    def start(self) -> None:
        if not self.session.begin():
            self.result.error = translate("PdfFiles", "the printer could not be started; nothing was printed")
            self.done = True
            self.finished.emit(self.result)
            return
        super().start()

    def _work(self, accession: str, produce: Producer) -> Callable[[], _Printed]:
        dpi = self.dpi

        def work() -> _Printed:
            prepared = produce()
            return prepared, render_pages(prepared.pdf, dpi)

        return work

    def _on_ready(self, value: _Printed) -> None:
        prepared, pages = value
        if self.cancelling:
            self._step()
            return
        self._painting = prepared
        self._bands = (band for page in pages for band in self.session.page_steps(page))
        self._paint_band()

    def _paint_band(self) -> None:
        """Paint the next bands (~15 ms), then come back through the event loop: input, repaints and the
        progress dialog's Cancel run between them."""
        if self.cancelling:  # the job will be aborted whole: stop painting at once
            self._bands = None
            self._step()
            return
        assert self._bands is not None
        assert self._painting is not None
        if not advance(self._bands):
            self.printed.append(self._painting)
            self._bands = self._painting = None
            self._step()
            return
        QTimer.singleShot(0, self, self._paint_band)

    def _close(self) -> None:
        if self.result.cancelled or not self.printed:
            self.session.abort()  # nothing goes to the printer, so nothing is recorded
            return
        if not self.session.finish():
            self.result.error = translate(
                "PdfFiles", "the printer did not accept the job; nothing was recorded"
            )
            return
        for prepared in self.printed:
            _record(self.service, self.actor, prepared, self.result)


class SaveRun(_Run[_Saved]):
    """Save each item's handout as a PDF in `folder` (written, renamed, recorded — on the worker)."""

    def __init__(
        self,
        parent: QWidget,
        service: HandoutService,
        actor: Actor | None,
        items: list[tuple[str, Producer]],
        folder: Path,
    ) -> None:
        super().__init__(parent, QT_TRANSLATE_NOOP("HandoutBatch", "Saving handouts"), items)
        self.service = service
        self.actor = actor
        self.folder = folder

    def _work(self, accession: str, produce: Producer) -> Callable[[], _Saved]:
        def work() -> _Saved:
            prepared = produce()
            path = write_pdf(free_path(self.folder / prepared.file_name), prepared.pdf)
            outcome = RunResult()
            _record(self.service, self.actor, prepared, outcome)
            return prepared, path, outcome

        return work

    def _on_ready(self, value: _Saved) -> None:
        _prepared, path, outcome = value
        self.result.done.extend(outcome.done)
        self.result.not_recorded.extend(outcome.not_recorded)
        self.result.paths.append(path)
        self._step()


def _record(
    service: HandoutService, actor: Actor | None, prepared: PreparedHandout, result: RunResult
) -> None:
    pdf_files.record_into(
        result, prepared, prepared.accession, lambda: service.record(prepared, actor), HandoutRefused
    )


def summary_text(result: RunResult, verb: str) -> str:
    """The end-of-run report in words: how many, which were skipped and why, anything not logged; the
    names no font could print are listed, for a check before the handout is given out."""
    notes: list[str] = []
    unprintable = [p for p in result.done if p.unprintable]
    if unprintable:
        notes.append("")
        notes.append(
            translate(
                "HandoutBatch", "Check the names: no font could print some characters (the page shows �):"
            )
        )
        notes.extend(f"• {p.accession}: {p.unprintable_text}" for p in unprintable)
    return pdf_files.summary_text(result, verb, "handout", notes)
