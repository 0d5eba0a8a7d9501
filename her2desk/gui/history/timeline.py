"""A drawn time line of one patient's specimens: where each falls in time and what its status was.

The table below it holds the details; this strip lets the eye catch the shape of a history at once
(a positive primary, then a negative metastasis years later). Changed statuses get a thick ring.
Specimens taken days apart crowd one spot, so their date labels are spread over rows
(`placement.place_labels`) and joined to their points by leader lines; hovering a point or a label
tells everything the history knows of that specimen; `set_range` narrows the axis to a date range.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QHelpEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from her2desk.domain.records import StoredCase
from her2desk.domain.vocabulary import ClinicalSetting
from her2desk.gui.common.labels import STATUS_COLOURS, label
from her2desk.gui.common.translation import translate
from her2desk.gui.history.facts import specimen_tooltip
from her2desk.gui.history.placement import place_labels

MARGIN = 60
EDGE = 4.0  # labels keep this far from the widget's sides
RADIUS = 7
AXIS_Y = 34.0
ROW_SPACING = 4.0
MAX_ROWS = 6  # beyond this the strip would crowd out the table: narrow the range instead
MIN_HEIGHT = 96
CHANGE_RING = QColor("#e65100")
LEGEND = "● primary   ■ metastatic / recurrent   thick ring: status changed"


@dataclass(frozen=True)
class PlacedLabel:
    """A label as painted: its specimen, text, rectangle and the point its leader line joins."""

    case: StoredCase
    text: str
    rect: QRectF
    point: QPointF


class TimelineStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Time line")
        self.setMinimumHeight(MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.cases: list[StoredCase] = []  # every dated specimen, oldest first
        self.changed: set[int] = set()
        self.reasons: dict[int, str] = {}
        self.range: tuple[date, date] | None = None  # None: the whole history
        self._labels: list[PlacedLabel] = []
        self._points: list[tuple[StoredCase, QPointF]] = []
        self._hidden = 0

    def show_cases(self, cases: Sequence[StoredCase], changes: Mapping[int, str]) -> None:
        """Show `cases` (undated ones have no place on the axis); `changes`: case id -> why its
        status counts as changed."""
        self.cases = [c for c in cases if c.entry.specimen.collected_on is not None]
        self.reasons = dict(changes)
        self.changed = set(changes)
        self.range = None
        self._refresh()

    def set_range(self, first: date | None, last: date | None) -> None:
        """Show only the specimens collected from `first` to `last` (both included); None for both:
        the whole history again."""
        self.range = None if first is None or last is None else (first, last)
        self._refresh()

    def visible_cases(self) -> list[StoredCase]:
        if self.range is None:
            return list(self.cases)
        first, last = self.range
        return [c for c in self.cases if first <= _day(c) <= last]

    def label_rects(self) -> list[PlacedLabel]:
        """The labels exactly as `paintEvent` draws them (for the current width)."""
        return list(self._labels)

    def hidden_labels(self) -> int:
        """How many visible specimens got no label because even MAX_ROWS rows were too few."""
        return self._hidden

    def tooltip_at(self, pos: QPointF) -> str:
        """Everything known of the specimen(s) under `pos` (a point or a label); '' over nothing."""
        hits = [p.case for p in self._labels if p.rect.contains(pos)]
        if not hits:
            reach = RADIUS + 3
            hits = [
                case
                for case, point in self._points
                if abs(point.x() - pos.x()) <= reach and abs(point.y() - pos.y()) <= reach
            ]
        return "<hr>".join(specimen_tooltip(c, self.reasons.get(c.case_id, "")) for c in hits)

    def _refresh(self) -> None:
        visible = self.visible_cases()
        self.setAccessibleDescription(
            "; ".join(f"{_day(c)}: {label(c.reported.status) or 'no status'}" for c in visible)
        )
        self._lay_out()
        self.update()

    def _scale(self, visible: Sequence[StoredCase]) -> tuple[date, date] | None:
        if self.range is not None:
            return self.range
        if not visible:
            return None
        days = [_day(c) for c in visible]
        return min(days), max(days)

    def _x(self, day: date, first: date, last: date) -> float:
        if first == last:
            return self.width() / 2
        width = max(self.width() - 2 * MARGIN, 1)
        return MARGIN + width * (day - first).days / (last - first).days

    def _lay_out(self) -> None:
        """Places points and labels for the current width and sets the height the rows need."""
        visible = self.visible_cases()
        scale = self._scale(visible)
        metrics = QFontMetricsF(self.font())
        room = max(self.width() - 2 * EDGE, 1.0)
        texts = [
            metrics.elidedText(
                f"{_day(c).isoformat()} {label(c.reported.status)}", Qt.TextElideMode.ElideRight, room
            )
            for c in visible
        ]
        points = [QPointF(self._x(_day(c), *scale), AXIS_Y) for c in visible] if scale else []
        widths = [metrics.horizontalAdvance(t) + 2 for t in texts]
        places = place_labels(
            [(p.x(), w) for p, w in zip(points, widths, strict=True)], EDGE, self.width() - EDGE, MAX_ROWS
        )
        line = metrics.height()
        top = AXIS_Y + RADIUS + 8
        self._points = list(zip(visible, points, strict=True))
        self._labels = [
            PlacedLabel(
                case, text, QRectF(spot.left, top + spot.row * (line + ROW_SPACING), width, line), point
            )
            for case, text, width, point, spot in zip(visible, texts, widths, points, places, strict=True)
            if spot is not None
        ]
        self._hidden = len(visible) - len(self._labels)
        rows = max((int((p.rect.top() - top) // (line + ROW_SPACING)) + 1 for p in self._labels), default=1)
        needed = top + rows * (line + ROW_SPACING) + (line if self._hidden or not visible else 0) + 6
        height = max(MIN_HEIGHT, int(needed) + 1)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._lay_out()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().text().color()
        painter.setPen(text_colour)
        painter.drawText(QRectF(0, 0, self.width() - 8, 16), Qt.AlignmentFlag.AlignRight, LEGEND)
        if not self.cases:
            painter.end()
            return
        painter.setPen(QPen(self.palette().mid().color(), 2))
        painter.drawLine(QPointF(MARGIN / 2, AXIS_Y), QPointF(self.width() - MARGIN / 2, AXIS_Y))
        # Leader lines first, so that labels (on the window's colour) sit on top of them.
        painter.setPen(QPen(self.palette().mid().color(), 1))
        for placed in self._labels:
            rect, point = placed.rect, placed.point
            end = QPointF(min(max(point.x(), rect.left() + 2), rect.right() - 2), rect.top())
            painter.drawLine(QPointF(point.x(), AXIS_Y + RADIUS), end)
        for case, point in self._points:
            colour = QColor(STATUS_COLOURS.get(case.reported.status, "#666666"))
            ring = CHANGE_RING if case.case_id in self.changed else colour.darker(130)
            painter.setPen(QPen(ring, 4 if case.case_id in self.changed else 1))
            painter.setBrush(QBrush(colour))
            shape = QRectF(point.x() - RADIUS, point.y() - RADIUS, 2 * RADIUS, 2 * RADIUS)
            if case.entry.specimen.setting is ClinicalSetting.PRIMARY:
                painter.drawEllipse(shape)
            else:
                painter.drawRect(shape)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for placed in self._labels:
            painter.fillRect(placed.rect, self.palette().window())
            painter.setPen(text_colour)
            painter.drawText(placed.rect, Qt.AlignmentFlag.AlignCenter, placed.text)
        note = ""
        if not self._points:
            note = translate(
                "History", "No specimen in this date range: press Show all (or Esc) to see the whole history."
            )
        elif self._hidden:
            note = translate(
                "History",
                "{count} label(s) left out for want of room: hover a point, or narrow the date range.",
            ).format(count=self._hidden)
        if note:
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(
                    EDGE, self.height() - QFontMetricsF(self.font()).height() - 4, self.width() - 2 * EDGE, 20
                ),
                Qt.AlignmentFlag.AlignLeft,
                note,
            )
        painter.end()


def _day(case: StoredCase) -> date:
    """The collection date of a case the strip keeps (only dated ones are kept)."""
    day = case.entry.specimen.collected_on
    assert day is not None
    return day
