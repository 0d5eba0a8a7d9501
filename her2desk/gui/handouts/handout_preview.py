"""The handout preview: the exact PDF that will be printed or saved, page by page, fitted to the width.

The handout is made by `HandoutService` (the same gating as the command line) and rasterised with
PDFium on a worker thread; the pages are shown as images. Print and Save use the very bytes on
screen, and each successful print or save is recorded in the print log with their SHA-256; a cancelled
print dialog records nothing. A case that may not have a handout shows the reason instead of pages;
where the lab allows preliminary pages, a check box asks for one (marked on every page). Another
asks for large print (body 14 pt, the same words, up to two pages) for a reader with low vision. What
the service warns about (a lab line printed in the default language, a character no font prints) is
said above the pages, before anyone prints. What every preview does is in `gui.common.pdf_preview`;
this module says the handout's words and options.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.lab_settings import LANGUAGES
from her2desk.domain.workflow import Actor
from her2desk.gui.common import pdf_print
from her2desk.gui.common.pdf_preview import PREVIEW_DPI, PdfPreview, PreviewWords
from her2desk.gui.common.pdf_print import PageImage, render_pages
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate
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

__all__ = ["PREVIEW_DPI", "HandoutPreview", "ask_save_path", "state_text"]
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


def _words(accession: str) -> PreviewWords:
    return PreviewWords(
        title=translate("HandoutPreview", "Handout — case {accession}").format(accession=accession),
        preliminary=translate("HandoutPreview", "Preliminary page (marked NOT FINAL)"),
        preliminary_tip=translate(
            "HandoutPreview",
            "The case is not signed out; the lab allows a page marked PRELIMINARY — NOT FINAL",
        ),
        print_button=translate("HandoutPreview", "&Print…"),
        save_button=translate("HandoutPreview", "Save as P&DF…"),
        close_button=translate("HandoutPreview", "Close"),
        making=translate("HandoutPreview", "Making the handout…"),
        nothing_to_print=translate(
            "HandoutPreview", "There is no handout to print or save (see the message above)"
        ),
        cancelled=translate("HandoutPreview", "Printing cancelled; nothing was recorded."),
        printed=translate("HandoutPreview", "Printed and recorded (SHA-256 {digest}…)."),
        no_document=translate("HandoutPreview", "No handout: {reason}"),
        not_made=translate("HandoutPreview", "The handout could not be made: {reason}"),
        preliminary_hint=translate(
            "HandoutPreview",
            ". The lab allows a page marked PRELIMINARY — NOT FINAL: tick the box to make one.",
        ),
        no_preliminary_hint=translate(
            "HandoutPreview",
            ". This lab prints no preliminary pages (an administrator can change the lab setting "
            "“{setting}”, allow_preliminary_handouts).",
        ),
        summary_title=translate("PdfFiles", "Print handout"),
    )


class HandoutPreview(PdfPreview):
    """Preview, print and save the handout of one stored case."""

    service: HandoutService  # the one service the preview makes, prints and records with

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
        super().__init__(
            service,
            accession,
            actor,
            "handout",
            _words(accession),
            preliminary_allowed=preliminary_allowed,
            parent=parent,
        )
        self.language = QComboBox()
        self.language.setAccessibleName("Handout language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(self.refresh)
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
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.pages_scroll, 1)
        layout.addLayout(buttons)
        self._set_ready(False)
        self.refresh()

    def current_language(self) -> str:
        return str(self.language.currentData())

    def make_work(self) -> Callable[[], tuple[PreparedHandout, list[PageImage]]]:
        """The handout in the chosen language, preliminary or not, in large print or not."""
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

        return work

    def ready_text(self, prepared: PreparedHandout, pages: int) -> str:
        return state_text(prepared, pages)

    def print_document(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        printer = pdf_print.new_printer()
        if not pdf_print.ask_printer(self, printer):
            self.state.setText(self.words.cancelled)
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

    def ask_save_path(self, suggested: str) -> Path | None:
        return ask_save_path(self, suggested)

    def summary_text(self, result: RunResult) -> str:
        return summary_text(result, "printed")

    def show_summary(self, text: str) -> None:
        handout_batch.show_summary(self, self.words.summary_title, text)


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
