"""File ▸ Report preview… (Ctrl+Shift+P) and Save reports of selected cases as PDFs…

The synoptic HER2 report for the chart, beside the patient handout's actions. Which case the preview is
for: the case open in the Case tab while that tab is showing; otherwise the one case selected in the
worklist (else the open case). The batch action takes the worklist's selection. Each action is
disabled, with the reason as its tip, when there is nothing to act on. Whether a case may have a report
is `services.report_service`'s decision (the same as `her2desk report`'s).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from her2desk.gui.common.actions import add_document_actions, case_for_preview, enable_with_reason
from her2desk.gui.common.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from her2desk.gui.reports.report_batch import ReportRunResult, ReportSaveRun
    from her2desk.gui.reports.report_preview import ReportPreview
    from her2desk.gui.shell.host import FeatureHost
    from her2desk.services.report_service import ReportService

# Only Qt's core GUI classes at import: the window is installed before its first paint, which must not
# wait for SQLAlchemy, reportlab, PDFium or Qt's print support (they load when an action is used).

# Ctrl+P is the handout preview; Ctrl+R is Refresh on some desktops (QKeySequence.StandardKey.Refresh).
PREVIEW_SHORTCUT = "Ctrl+Shift+P"
# English, marked for pyside6-lupdate; shown through translate("ReportPreview", ...).
NO_CASE = QT_TRANSLATE_NOOP(
    "ReportPreview", "Open a case, or select one case in the worklist, to see its report"
)
NO_SELECTION = QT_TRANSLATE_NOOP("ReportPreview", "Select one or more cases in the worklist first")
BUSY = QT_TRANSLATE_NOOP("ReportPreview", "Reports are being saved")


class ReportActions:
    """The report actions of one window and the rules for enabling them."""

    def __init__(self, window: FeatureHost) -> None:
        self.window = window
        self.preview: ReportPreview | None = None
        self.run: ReportSaveRun | None = None
        self.last_result: ReportRunResult | None = None
        self.preview_action = QAction(translate("ReportPreview", "Re&port preview…"), window.widget())
        self.preview_action.setShortcut(QKeySequence(PREVIEW_SHORTCUT))
        self.preview_action.triggered.connect(self.open_preview)
        self.save_action = QAction(
            translate("ReportPreview", "Save r&eports of selected cases as PDFs…"), window.widget()
        )
        self.save_action.triggered.connect(self.save_selected)
        add_document_actions(window, (self.preview_action, self.save_action), self.update)

    def preview_accession(self) -> str | None:
        return case_for_preview(self.window)

    def update(self) -> None:
        busy = self.run is not None and not self.run.done
        enable_with_reason(
            self.preview_action, self.preview_accession() is not None, translate("ReportPreview", NO_CASE)
        )
        selected = bool(self.window.selected_accessions())
        enable_with_reason(
            self.save_action,
            selected and not busy,
            translate("ReportPreview", NO_SELECTION if not selected else BUSY),
        )

    def _service(self) -> ReportService:
        from her2desk.services.bundle import Services

        return Services.of(self.window.service).reports

    def open_preview(self) -> None:
        from her2desk.gui.reports.report_preview import ReportPreview

        self.update()
        accession = self.preview_accession()
        if accession is None:
            self.window.show_message(translate("ReportPreview", NO_CASE))
            return
        settings = self.window.try_read(self.window.lab_settings, "The lab settings could not be read")
        if settings is None:
            return
        if self.preview is not None:
            self.preview.close()
            self.preview.deleteLater()
        self.preview = ReportPreview(
            self._service(),
            accession,
            self.window.actor,
            preliminary_allowed=settings.allow_preliminary_handouts,
            parent=self.window.widget(),
        )
        self.preview.recorded.connect(
            lambda prepared: self.window.show_message(
                translate("ReportPreview", "Report of case {accession} recorded").format(
                    accession=prepared.accession
                )
            )
        )
        self.preview.open()

    def save_selected(self) -> None:
        from her2desk.gui.reports import report_batch

        self.update()
        accessions = self.window.selected_accessions()
        if not accessions or (self.run is not None and not self.run.done):
            self.window.show_message(translate("ReportPreview", NO_SELECTION if not accessions else BUSY))
            return
        settings = self.window.try_read(self.window.lab_settings, "The lab settings could not be read")
        if settings is None:
            return
        preliminary = False
        if settings.allow_preliminary_handouts:
            asked = report_batch.ask_preliminary(self.window.widget(), len(accessions))
            if asked is None:
                return
            preliminary = asked
        folder = report_batch.ask_folder(self.window.widget())
        if folder is None:
            return
        service = self._service()
        items = report_batch.producers_for(service, accessions, preliminary=preliminary)
        run = report_batch.ReportSaveRun(self.window.widget(), service, self.window.actor, items, folder)
        self.run = run
        run.finished.connect(lambda result: self._finished(run, result))
        self.update()
        run.start()

    def _finished(self, run: ReportSaveRun, result: ReportRunResult) -> None:
        from her2desk.gui.reports import report_batch

        self.last_result = result
        self.run = None
        self.update()
        text = report_batch.summary_text(result, "saved")
        self.window.show_message(text.splitlines()[0])
        report_batch.show_summary(self.window.widget(), translate("ReportPreview", "Reports saved"), text)
        run.deleteLater()


def install(window: FeatureHost) -> ReportActions:
    """Add the report actions to the File menu (the window keeps them so they live as long as it)."""
    return ReportActions(window)
