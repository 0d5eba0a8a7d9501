"""Patient history: every specimen of one patient in time order, with its HER2 status.

Metastatic and recurrent cancers are re-tested because HER2 status can change; a later specimen
whose final status differs from the primary tumour's is highlighted and says so in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from her2desk.domain.history import status_changes
from her2desk.domain.records import StoredCase
from her2desk.gui.common.translation import translate
from her2desk.gui.history.facts import HEADERS, specimen_facts
from her2desk.gui.history.range_bar import RangeBar
from her2desk.gui.history.timeline import TimelineStrip

if TYPE_CHECKING:
    from her2desk.services.case_service import CaseService

CHANGE_COLOUR = QColor("#ffe0b2")


class HistoryView(QWidget):
    """Shows one patient's cases; `open_requested(accession)` on Enter or double-click."""

    open_requested = Signal(str)

    def __init__(self, service: CaseService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.mrn = ""
        self.cases: list[StoredCase] = []
        self.title = QLabel(
            translate(
                "History", "Choose a case or type an MRN and press History to see the patient's time line."
            )
        )
        self.title.setAccessibleName("Patient")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setAccessibleName("Status changes")
        self.summary.setWordWrap(True)
        self.timeline = TimelineStrip()
        self.range_bar = RangeBar()
        self.range_bar.range_chosen.connect(self.timeline.set_range)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self.range_bar.reset,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Patient history")
        self.table.setHorizontalHeaderLabels([translate("History", h) for h in HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._open_item)
        self.table.itemDoubleClicked.connect(self._open_item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.range_bar)
        layout.addWidget(self.timeline)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def show_patient(self, mrn: str) -> None:
        self.mrn = mrn.strip()
        self.cases = self.service.patient_history(self.mrn) if self.mrn else []
        patient = self.cases[-1].entry.patient if self.cases else None
        if patient is None:
            self.title.setText(
                translate("History", "No stored cases for MRN {mrn}.").format(mrn=self.mrn)
                if self.mrn
                else translate("History", "No patient chosen.")
            )
        else:
            born = (
                translate("History", "born {date}").format(date=patient.birth_date.isoformat())
                if patient.birth_date
                else translate("History", "birth date not recorded")
            )
            specimens = (
                translate("History", "1 specimen")
                if len(self.cases) == 1
                else translate("History", "{count} specimens").format(count=len(self.cases))
            )
            self.title.setText(
                translate("History", "<b>{name}</b> — MRN {mrn}, {born}: {specimens}, oldest first").format(
                    name=patient.display_name, mrn=self.mrn, born=born, specimens=specimens
                )
            )
        changes = status_changes(self.cases)
        self.summary.setText(
            translate(
                "History", "⚠ HER2 status changed in {count} later specimen(s); see the highlighted rows."
            ).format(count=len(changes))
            if changes
            else ""
        )
        self.summary.setVisible(bool(changes))
        self.timeline.show_cases(self.cases, changes)
        days = [day for c in self.cases if (day := c.entry.specimen.collected_on) is not None]
        self.range_bar.set_span((min(days), max(days)) if days else None)
        self.table.setRowCount(len(self.cases))
        for row, case in enumerate(self.cases):
            values = specimen_facts(case, changes.get(case.case_id, ""))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, case.entry.accession)
                if case.case_id in changes:
                    item.setBackground(QBrush(CHANGE_COLOUR))
                    item.setToolTip(changes[case.case_id])
                self.table.setItem(row, column, item)

    def _open_item(self, item: QTableWidgetItem) -> None:
        accession = item.data(Qt.ItemDataRole.UserRole)
        if accession:
            self.open_requested.emit(str(accession))
