"""File ▸ Handout preview… (Ctrl+P), Print handouts of selected cases…, Save handouts of selected cases…

Which case the preview is for: the case open in the Case tab while that tab is showing; otherwise
the one case selected in the worklist (else the open case). The batch actions take the worklist's
selection. Each action is disabled, with the reason as its tip, when there is nothing to act on.
Every decision about whether a case may have a handout is `services.handout_service`'s (the same as
the command line's); printing and saving are in `handout_preview` and `handout_batch`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from her2desk.gui.common.actions import add_document_actions, case_for_preview, enable_with_reason
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from her2desk.gui.handouts.handout_batch import BatchOptions, PrintRun, RunResult, SaveRun
    from her2desk.gui.handouts.handout_preview import HandoutPreview
    from her2desk.gui.shell.host import FeatureHost
    from her2desk.services.handout_service import HandoutService

# Only Qt's core GUI classes at import: the window is installed before its first paint, which must not
# wait for SQLAlchemy, reportlab, PDFium or Qt's print support (they load when an action is used).

PREVIEW_SHORTCUT = "Ctrl+P"
# English, marked for pyside6-lupdate; shown through translate("HandoutActions", ...).
NO_CASE = QT_TRANSLATE_NOOP(
    "HandoutActions", "Open a case, or select one case in the worklist, to see its handout"
)
NO_SELECTION = QT_TRANSLATE_NOOP("HandoutActions", "Select one or more cases in the worklist first")
BUSY = QT_TRANSLATE_NOOP("HandoutActions", "Handouts are being made")


class HandoutActions:
    """The handout actions of one window and the rules for enabling them."""

    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.preview: HandoutPreview | None = None
        self.run: PrintRun | SaveRun | None = None
        self.last_result: RunResult | None = None
        self.preview_action = QAction(translate("HandoutActions", "Handout &preview…"), window.widget())
        self.preview_action.setShortcut(QKeySequence(PREVIEW_SHORTCUT))
        self.preview_action.triggered.connect(self.open_preview)
        self.print_action = QAction(
            translate("HandoutActions", "P&rint handouts of selected cases…"), window.widget()
        )
        self.print_action.triggered.connect(self.print_selected)
        self.save_action = QAction(
            translate("HandoutActions", "Save &handouts of selected cases as PDFs…"), window.widget()
        )
        self.save_action.triggered.connect(self.save_selected)
        add_document_actions(window, (self.preview_action, self.print_action, self.save_action), self.update)

    # -- which cases -------------------------------------------------------------------------------

    def preview_accession(self) -> str | None:
        return case_for_preview(self.window)

    def update(self) -> None:
        busy = self.run is not None and not self.run.done
        enable_with_reason(
            self.preview_action, self.preview_accession() is not None, translate("HandoutActions", NO_CASE)
        )
        selected = bool(self.window.selected_accessions())
        for action in (self.print_action, self.save_action):
            enable_with_reason(
                action,
                selected and not busy,
                translate("HandoutActions", NO_SELECTION if not selected else BUSY),
            )

    # -- the preview -------------------------------------------------------------------------------

    def _service(self) -> HandoutService:
        from her2desk.services.bundle import Services

        return Services.of(self.window.service).handouts

    def open_preview(self) -> None:
        from her2desk.gui.handouts.handout_preview import HandoutPreview

        self.update()
        accession = self.preview_accession()
        if accession is None:
            self.window.show_message(translate("HandoutActions", NO_CASE))
            return
        settings = self.window.try_read(self.window.lab_settings, "The lab settings could not be read")
        if settings is None:
            return
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        self.preview = HandoutPreview(
            self._service(),
            accession,
            self.window.actor,
            language=settings.handout_language,
            preliminary_allowed=settings.allow_preliminary_handouts,
            parent=self.window.widget(),
        )
        self.preview.recorded.connect(
            lambda prepared: self.window.show_message(
                translate("HandoutActions", "Handout of case {accession} recorded").format(
                    accession=prepared.accession
                )
            )
        )
        self.preview.open()

    # -- several cases -----------------------------------------------------------------------------

    def _options(self, verb: str) -> tuple[list[str], BatchOptions] | None:
        from her2desk.gui.handouts import handout_batch

        self.update()
        accessions = self.window.selected_accessions()
        if not accessions or (self.run is not None and not self.run.done):
            self.window.show_message(translate("HandoutActions", NO_SELECTION))
            return None
        settings = self.window.try_read(self.window.lab_settings, "The lab settings could not be read")
        if settings is None:
            return None
        options = handout_batch.ask_batch_options(self.window.widget(), len(accessions), settings, verb)
        return (accessions, options) if options is not None else None

    def print_selected(self) -> None:
        from her2desk.gui.common import pdf_print
        from her2desk.gui.handouts.handout_batch import PrintRun, producers_for

        chosen = self._options("Print")
        if chosen is None:
            return
        accessions, options = chosen
        printer = pdf_print.new_printer()
        if not pdf_print.ask_printer(
            self.window.widget(),
            printer,
            translate("HandoutActions", "Print {count} handouts").format(count=len(accessions)),
        ):
            self.window.show_message(translate("HandoutActions", "Printing cancelled; nothing was recorded"))
            return
        service = self._service()
        items = producers_for(service, accessions, options)
        self._start(PrintRun(self.window.widget(), service, self.window.actor, items, printer), "printed")

    def save_selected(self) -> None:
        from her2desk.gui.handouts import handout_batch
        from her2desk.gui.handouts.handout_batch import SaveRun, producers_for

        chosen = self._options("Save")
        if chosen is None:
            return
        accessions, options = chosen
        folder = handout_batch.ask_folder(self.window.widget())
        if folder is None:
            return
        service = self._service()
        items = producers_for(service, accessions, options)
        self._start(SaveRun(self.window.widget(), service, self.window.actor, items, folder), "saved")

    def _start(self, run: PrintRun | SaveRun, verb: str) -> None:
        self.run = run
        run.finished.connect(lambda result: self._finished(run, result, verb))
        self.update()
        run.start()

    def _finished(self, run: PrintRun | SaveRun, result: RunResult, verb: str) -> None:
        from her2desk.gui.handouts import handout_batch

        self.last_result = result
        self.run = None
        self.update()
        text = handout_batch.summary_text(result, verb)
        self.window.show_message(text.splitlines()[0])
        title = (
            QT_TRANSLATE_NOOP("HandoutActions", "Handouts printed")
            if verb == "printed"
            else QT_TRANSLATE_NOOP("HandoutActions", "Handouts saved")
        )
        handout_batch.show_summary(self.window.widget(), translate("HandoutActions", title), text)
        run.deleteLater()


def install(window: FeatureHost) -> HandoutActions:
    """Add the handout actions to the File menu (the window keeps them so they live as long as it)."""
    return HandoutActions(window)
