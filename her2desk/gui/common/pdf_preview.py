"""What the handout preview and the chart report preview share: a stored case's PDF made on a worker
thread and shown page by page, the reason in words when there may be none, and Print and Save of
the very bytes on screen, each recorded in the print log.

A subclass says what differs: its words (`PreviewWords`, each translated in the subclass's own
context, so the translation files keep one context per dialog), how its document is made
(`make_work`), what the state line says once it is made (`ready_text`), how it is printed
(`print_document`) and which module-level functions tests answer (`ask_save_path`,
`show_summary`, `summary_text`). Making, refusing, saving and the end of a print are written here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QLabel, QPushButton, QWidget

from her2desk.domain.lab_settings import SETTING_LABELS
from her2desk.domain.workflow import Actor
from her2desk.gui.common import pdf_files
from her2desk.gui.common.domain_text import say, say_all, say_error
from her2desk.gui.common.pdf_pages import PdfPageView
from her2desk.gui.common.pdf_print import PageImage
from her2desk.gui.common.workers import TaskRunner
from her2desk.services.printed_document import HandoutRefused, Refusal
from her2desk.services.signout_service import CaseNotFoundError

PREVIEW_DPI = 144.0  # sharp enough on screen, scaled to the window's width


class PreparedDocument(Protocol):
    """A prepared handout or report, as far as the preview needs it."""

    @property
    def accession(self) -> str: ...
    @property
    def pdf(self) -> bytes: ...
    @property
    def sha256(self) -> str: ...
    @property
    def file_name(self) -> str: ...


class DocumentService(Protocol):
    def record(self, prepared: Any, actor: Actor | None) -> Any: ...


@dataclass(frozen=True)
class PreviewWords:
    """The preview's words, already in the interface's language. `{reason}`, `{digest}` and
    `{setting}` are filled in when said."""

    title: str
    preliminary: str
    preliminary_tip: str
    print_button: str
    save_button: str
    close_button: str
    making: str
    nothing_to_print: str  # the Print and Save buttons' tip while there is no document
    cancelled: str
    printed: str  # {digest}
    no_document: str  # {reason}
    not_made: str  # {reason}
    preliminary_hint: str  # the lab allows a preliminary document: how to ask for one
    no_preliminary_hint: str  # {setting}: this lab makes none
    summary_title: str  # the title of a print's end-of-run summary


class PdfPreview(QDialog):
    """Preview, print and save one stored case's document (`document`: "handout" or "report", the
    English word in the widgets' accessible names)."""

    recorded = Signal(object)  # the prepared document, after a print or save was recorded

    def __init__(
        self,
        service: DocumentService,
        accession: str,
        actor: Actor | None,
        document: str,
        words: PreviewWords,
        *,
        preliminary_allowed: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.accession = accession
        self.actor = actor
        self.words = words
        self.prepared: Any = None
        self.pages: list[PageImage] = []
        self._generation = 0
        self.runner = TaskRunner(threads=1, parent=self)
        self.last_run: Any = None
        self.setWindowTitle(words.title)
        title_word = document.capitalize()
        self.setAccessibleName(f"{title_word} preview")
        self.resize(760, 900)

        self._preliminary_allowed = preliminary_allowed
        self.preliminary = QCheckBox(words.preliminary)
        self.preliminary.setAccessibleName(f"Preliminary {document}")
        self.preliminary.setToolTip(words.preliminary_tip)
        self.preliminary.setVisible(False)
        self.state = QLabel("")
        self.state.setAccessibleName(f"{title_word} state")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pages_scroll = PdfPageView(f"{title_word} pages", f"{title_word} page")

        self.print_button = QPushButton(words.print_button)
        self.print_button.setAccessibleName(f"Print {document}")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(words.save_button)
        self.save_button.setAccessibleName(f"Save {document} as PDF")
        self.save_button.clicked.connect(self.save_document)
        self.close_button = QPushButton(words.close_button)
        self.close_button.setAccessibleName(f"Close {document} preview")
        self.close_button.clicked.connect(self.reject)

    # -- what a subclass says ----------------------------------------------------------------------

    def make_work(self) -> Callable[[], tuple[Any, list[PageImage]]]:
        """The work that makes the document with the options chosen now and rasterises its pages."""
        raise NotImplementedError

    def ready_text(self, prepared: Any, pages: int) -> str:
        raise NotImplementedError

    def print_document(self) -> None:
        raise NotImplementedError

    def ask_save_path(self, suggested: str) -> Path | None:
        raise NotImplementedError

    def summary_text(self, result: Any) -> str:
        raise NotImplementedError

    def show_summary(self, text: str) -> None:
        raise NotImplementedError

    # -- making the document -----------------------------------------------------------------------

    def refresh(self) -> None:
        """(Re)make the document on the worker; an older result arriving late is dropped."""
        self._generation += 1
        generation = self._generation
        self.prepared = None
        self._set_ready(False)
        self.state.setText(self.words.making)
        self.runner.submit(
            self.make_work(),
            lambda value: self._on_ready(generation, value),
            lambda error: self._on_failed(generation, error),
        )

    def _on_ready(self, generation: int, value: tuple[Any, list[PageImage]]) -> None:
        if generation != self._generation:
            return
        prepared, pages = value
        self.prepared = prepared
        self.pages = pages
        self.pages_scroll.show_pages(pages)
        self.state.setText(self.ready_text(prepared, len(pages)))
        self._set_ready(True)

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.pages = []
        self.pages_scroll.clear()
        if isinstance(error, HandoutRefused):  # a report's refusal is the same type
            reason = say_all(error.reasons)
            if error.refusal is Refusal.NOT_SIGNED_OUT and error.preliminary_allowed:
                reason += self.words.preliminary_hint
            elif error.refusal is Refusal.NOT_SIGNED_OUT:
                reason += self.words.no_preliminary_hint.format(
                    setting=say(SETTING_LABELS["allow_preliminary_handouts"])
                )
            self.preliminary.setVisible(self._preliminary_allowed or error.preliminary_allowed)
        elif isinstance(error, CaseNotFoundError):
            reason = say_error(error)
        else:
            reason = self.words.not_made.format(reason=error)
        self.state.setText(self.words.no_document.format(reason=reason))

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_button):
            button.setEnabled(ready)
            button.setToolTip("" if ready else self.words.nothing_to_print)

    def page_labels(self) -> list[QLabel]:
        return self.pages_scroll.page_labels()

    # -- print and save ----------------------------------------------------------------------------

    def _on_printed(self, result: Any) -> None:
        self.last_run = result
        self._set_ready(self.prepared is not None)
        if result.done and not result.skipped and not result.not_recorded:
            self.state.setText(self.words.printed.format(digest=result.done[0].sha256[:16]))
            self.recorded.emit(result.done[0])
            return
        text = self.summary_text(result)
        self.state.setText(text.replace("\n", " "))
        self.show_summary(text)

    def save_document(self) -> None:
        prepared = self.prepared
        if prepared is None:
            return
        path = self.ask_save_path(prepared.file_name)
        if path is None:
            return
        service, actor = self.service, self.actor
        recorded, text = pdf_files.save_and_record(
            path, prepared.pdf, prepared.sha256, lambda: service.record(prepared, actor), HandoutRefused
        )
        self.state.setText(text)
        if recorded:
            self.recorded.emit(prepared)
