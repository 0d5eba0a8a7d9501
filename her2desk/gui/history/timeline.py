"""A drawn time line of one patient's specimens: where each falls in time and what its status was.

The table below it holds the details; this strip lets the eye catch the shape of a history at once
(a positive primary, then a negative metastasis years later). Changed statuses get a thick ring.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from her2desk.domain.records import StoredCase
from her2desk.domain.vocabulary import ClinicalSetting
from her2desk.gui.common.labels import STATUS_COLOURS, label

MARGIN = 60
RADIUS = 7
CHANGE_RING = QColor("#e65100")


class TimelineStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Time line")
        self.setMinimumHeight(96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.cases: list[StoredCase] = []
        self.changed: set[int] = set()

    def show_cases(self, cases: Sequence[StoredCase], changed: set[int]) -> None:
        self.cases = [c for c in cases if c.entry.specimen.collected_on is not None]
        self.changed = changed
        self.setAccessibleDescription(
            "; ".join(
                f"{c.entry.specimen.collected_on}: {label(c.reported.status) or 'no status'}"
                for c in self.cases
            )
        )
        self.update()

    def _x(self, day: date, first: date, last: date) -> float:
        span = max((last - first).days, 1)
        width = max(self.width() - 2 * MARGIN, 1)
        return MARGIN + width * (day - first).days / span if first != last else self.width() / 2

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        if not self.cases:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        axis_y = 34.0
        painter.setPen(QPen(self.palette().mid().color(), 2))
        painter.drawLine(QPointF(MARGIN / 2, axis_y), QPointF(self.width() - MARGIN / 2, axis_y))
        # show_cases kept only the dated cases
        days = [day for c in self.cases if (day := c.entry.specimen.collected_on) is not None]
        first, last = min(days), max(days)
        metrics = painter.fontMetrics()
        for i, case in enumerate(self.cases):
            day = case.entry.specimen.collected_on
            assert day is not None
            x = self._x(day, first, last)
            colour = QColor(STATUS_COLOURS.get(case.reported.status, "#666666"))
            ring = CHANGE_RING if case.case_id in self.changed else colour.darker(130)
            painter.setPen(QPen(ring, 4 if case.case_id in self.changed else 1))
            painter.setBrush(QBrush(colour))
            shape = QRectF(x - RADIUS, axis_y - RADIUS, 2 * RADIUS, 2 * RADIUS)
            if case.entry.specimen.setting is ClinicalSetting.PRIMARY:
                painter.drawEllipse(shape)
            else:
                painter.drawRect(shape)
            painter.setPen(self.palette().text().color())
            text = f"{day.isoformat()} {label(case.reported.status)}"
            y = axis_y + RADIUS + 4 + metrics.ascent() + (metrics.height() if i % 2 else 0)
            advance = metrics.horizontalAdvance(text)
            left = min(max(4.0, x - advance / 2), self.width() - advance - 4.0)  # never clipped at the ends
            painter.drawText(QPointF(left, y), text)
        painter.setPen(self.palette().text().color())
        painter.drawText(
            QRectF(0, 0, self.width() - 8, 16),
            Qt.AlignmentFlag.AlignRight,
            "● primary   ■ metastatic / recurrent   thick ring: status changed",
        )
        painter.end()
