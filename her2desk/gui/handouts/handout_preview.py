"""The handout preview: the exact PDF that will be printed or saved, page by page, fitted to the width.

The handout is made by `HandoutService` (the same gating as the command line) and rasterised with
PDFium on a worker thread; the pages are shown as images. Print and Save use the very bytes on
screen, and each successful print or save is recorded in the print log with their SHA-256; a cancelled
print dialog records nothing. A case that may not have a handout shows the reason instead of pages;
where the lab allows preliminary pages, a check box asks for one (marked on every page). Another
asks for large print (body 14 pt, the same words, up to two pages) for a reader with low vision. What
the service warns about (a lab line printed in the default language, a character no font prints) is
said above the pages, before anyone prints.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.lab_settings import LANGUAGES, SETTING_LABELS
from her2desk.domain.workflow import Actor
from her2desk.gui.common import pdf_files, pdf_print
from her2desk.gui.common.domain_text import say, say_all, say_error
from her2desk.gui.common.pdf_pages import PdfPageView
from her2desk.gui.common.pdf_print import PageImage, render_pages
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
from her2desk.gui.common.workers import TaskRunner
from her2desk.gui.handouts import handout_batch
from her2desk.gui.handouts.handout_batch import (
    LANGUAGE_NAMES,
    PrintRun,
    RunResult,
    summary_text,
)
from her2desk.services.handout_service import (
    HandoutKind,
    HandoutRefused,
    HandoutService,
    PreparedHandout,
    Refusal,
)
from her2desk.services.signout_service import CaseNotFoundError

PREVIEW_DPI = 144.0  # sharp enough on screen, scaled to the window's width
# English, marked for pyside6-lupdate; shown through translate("HandoutPreview", ...).
PAPER_NAMES = {"a4": "A4", "letter": QT_TRANSLATE_NOOP("HandoutPreview", "US Letter")}
KIND_TEXT = {
    HandoutKind.FINAL: QT_TRANSLATE_NOOP("HandoutPreview", "Final result"),
    HandoutKind.CORRECTED: QT_TRANSLATE_NOOP("HandoutPreview", "Corrected result"),
    HandoutKind.PRELIMINARY: QT_TRANSLATE_NOOP("HandoutPreview", "PRELIMINARY — NOT FINAL"),
}


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the PDF (the one modal question of Save; tests replace it)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("HandoutPreview", "Save handout as PDF"),
        suggested,
        translate("HandoutPreview", "PDF files (*.pdf)"),
    )
    return Path(name) if name else None


class HandoutPreview(QDialog):
    """Preview, print and save the handout of one stored case."""

    recorded = Signal(object)  # PreparedHandout, after a print or save was recorded

    def __init__(
        self,
        service: HandoutService,
        accession: str,
        actor: Actor | None,
        *,
        language: str = "en",
        preliminary_allowed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.accession = accession
        self.actor = actor
        self.prepared: PreparedHandout | None = None
        self.pages: list[PageImage] = []
        self._generation = 0
        self.runner = TaskRunner(threads=1, parent=self)
        self.last_run: RunResult | None = None
        self.setWindowTitle(
            translate("HandoutPreview", "Handout — case {accession}").format(accession=accession)
        )
        self.setAccessibleName("Handout preview")
        self.resize(760, 900)

        self.language = QComboBox()
        self.language.setAccessibleName("Handout language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(self.refresh)
        self.preliminary = QCheckBox(translate("HandoutPreview", "Preliminary page (marked NOT FINAL)"))
        self.preliminary.setAccessibleName("Preliminary handout")
        self.preliminary.setToolTip(
            translate(
                "HandoutPreview",
                "The case is not signed out; the lab allows a page marked PRELIMINARY — NOT FINAL",
            )
        )
        self.preliminary.setVisible(False)
        self._preliminary_allowed = preliminary_allowed
        self.preliminary.toggled.connect(self.refresh)
        self.large_print = QCheckBox(translate("HandoutPreview", "La&rge print (14 pt)"))
        self.large_print.setAccessibleName("Large print handout")
        self.large_print.setToolTip(
            translate(
                "HandoutPreview",
                "For a reader with low vision: the same words in 14-point type, on up to two pages",
            )
        )
        self.large_print.toggled.connect(self.refresh)
        self.state = QLabel("")
        self.state.setAccessibleName("Handout state")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages_scroll = PdfPageView("Handout pages", "Handout page")

        self.print_button = QPushButton(translate("HandoutPreview", "&Print…"))
        self.print_button.setAccessibleName("Print handout")
        self.print_button.clicked.connect(self.print_handout)
        self.save_button = QPushButton(translate("HandoutPreview", "Save as P&DF…"))
        self.save_button.setAccessibleName("Save handout as PDF")
        self.save_button.clicked.connect(self.save_handout)
        close = QPushButton(translate("HandoutPreview", "Close"))
        close.setAccessibleName("Close handout preview")
        close.clicked.connect(self.reject)

        top = QHBoxLayout()
        language_label = QLabel(translate("HandoutPreview", "&Language:"))
        language_label.setBuddy(self.language)
        top.addWidget(language_label)
        top.addWidget(self.language)
        top.addWidget(self.large_print)
        top.addWidget(self.preliminary)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.pages_scroll, 1)
        layout.addLayout(buttons)
        self._set_ready(False)
        self.refresh()

    # -- making the handout ----------------------------------------------------------------------

    def current_language(self) -> str:
        return str(self.language.currentData())

    def refresh(self) -> None:
        """(Re)make the handout for the chosen language on the worker; older results are dropped."""
        self._generation += 1
        generation = self._generation
        self.prepared = None
        self._set_ready(False)
        self.state.setText(translate("HandoutPreview", "Making the handout…"))
        accession, language, preliminary, large_print = (
            self.accession,
            self.current_language(),
            self.preliminary.isChecked(),
            self.large_print.isChecked(),
        )
        service = self.service

        def work() -> tuple[PreparedHandout, list[PageImage]]:
            prepared = service.prepare(accession, language, preliminary=preliminary, large_print=large_print)
            return prepared, render_pages(prepared.pdf, PREVIEW_DPI)

        self.runner.submit(
            work,
            lambda value: self._on_ready(generation, value),
            lambda error: self._on_failed(generation, error),
        )

    def _on_ready(self, generation: int, value: tuple[PreparedHandout, list[PageImage]]) -> None:
        if generation != self._generation:
            return
        prepared, pages = value
        self.prepared = prepared
        self.pages = pages
        self.pages_scroll.show_pages(pages)
        self.state.setText(state_text(prepared, len(pages)))
        self._set_ready(True)

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.pages = []
        self.pages_scroll.clear()
        if isinstance(error, HandoutRefused):
            reason = say_all(error.reasons)
            if error.refusal is Refusal.NOT_SIGNED_OUT and error.preliminary_allowed:
                reason += translate(
                    "HandoutPreview",
                    ". The lab allows a page marked PRELIMINARY — NOT FINAL: tick the box to make one.",
                )
            elif error.refusal is Refusal.NOT_SIGNED_OUT:
                reason += translate(
                    "HandoutPreview",
                    ". This lab prints no preliminary pages (an administrator can change the lab setting "
                    "“{setting}”, allow_preliminary_handouts).",
                ).format(setting=say(SETTING_LABELS["allow_preliminary_handouts"]))
            self.preliminary.setVisible(self._preliminary_allowed or error.preliminary_allowed)
        elif isinstance(error, CaseNotFoundError):
            reason = say_error(error)
        else:
            reason = translate("HandoutPreview", "The handout could not be made: {reason}").format(
                reason=error
            )
        self.state.setText(translate("HandoutPreview", "No handout: {reason}").format(reason=reason))

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(ready)
            button.setToolTip(
                ""
                if ready
                else translate(
                    "HandoutPreview", "There is no handout to print or save (see the message above)"
                )
            )

    # -- showing the pages -------------------------------------------------------------------------

    def page_labels(self) -> list[QLabel]:
        return self.pages_scroll.page_labels()

    # -- print and save ----------------------------------------------------------------------------

    def print_handout(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        printer = pdf_print.new_printer()
        if not pdf_print.ask_printer(self, printer):
            self.state.setText(translate("HandoutPreview", "Printing cancelled; nothing was recorded."))
            return
        service = self.service

        def produce() -> PreparedHandout:
            if not service.is_current(prepared):  # never print what the case no longer says
                raise _changed(prepared.accession)
            return prepared

        run = PrintRun(self, service, self.actor, [(prepared.accession, produce)], printer)
        run.finished.connect(self._on_printed)
        self._set_ready(False)
        run.start()

    def _on_printed(self, result: RunResult) -> None:
        self.last_run = result
        self._set_ready(self.prepared is not None)
        if result.done and not result.skipped and not result.not_recorded:
            self.state.setText(
                translate("HandoutPreview", "Printed and recorded (SHA-256 {digest}…).").format(
                    digest=result.done[0].sha256[:16]
                )
            )
            self.recorded.emit(result.done[0])
            return
        text = summary_text(result, "printed")
        self.state.setText(text.replace("\n", " "))
        handout_batch.show_summary(self, translate("PdfFiles", "Print handout"), text)

    def save_handout(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        path = ask_save_path(self, prepared.file_name)
        if path is None:
            return
        service, actor = self.service, self.actor
        recorded, text = pdf_files.save_and_record(
            path, prepared.pdf, prepared.sha256, lambda: service.record(prepared, actor), HandoutRefused
        )
        self.state.setText(text)
        if recorded:
            self.recorded.emit(prepared)


def state_text(prepared: PreparedHandout, pages: int) -> str:
    """What the preview says above the pages: which handout this is, on what paper, and every warning."""
    paper = PAPER_NAMES.get(prepared.paper, prepared.paper)
    variant = translate("HandoutPreview", paper) + (
        translate("HandoutPreview", ", large print") if prepared.large_print else ""
    )
    count = (
        translate("HandoutPreview", "1 page")
        if pages == 1
        else translate("HandoutPreview", "{count} pages").format(count=pages)
    )
    lines = [
        translate(
            "HandoutPreview",
            "{kind} — report version {version}, {variant}, {pages}, as stored. "
            "Print and Save use exactly this PDF.",
        ).format(
            kind=translate("HandoutPreview", KIND_TEXT[prepared.kind]),
            version=prepared.report_version,
            variant=variant,
            pages=count,
        )
    ]
    warning_line = translate("HandoutPreview", "Warning: {warning}")
    lines += [warning_line.format(warning=warning) for warning in prepared.warnings]
    if prepared.unprintable:
        lines.append(
            translate(
                "HandoutPreview",
                "Warning: no font can print {characters}; the page shows � and asks the reader to check the "
                "name with the lab. Check the name before printing.",
            ).format(characters=prepared.unprintable_text)
        )
    return "\n".join(lines)


def _changed(accession: str) -> HandoutRefused:
    return HandoutRefused(
        Refusal.CHANGED,
        f"case {accession} changed after this preview was made; close the preview and open it again",
    )
