"""From/To date fields and a Show all button above the time line: the keyboard's way to look at a
crowded stretch of a history closely (Tab to the fields, type or step the dates; Esc shows all)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from her2desk.gui.common.translation import translate

DATE_FORMAT = "yyyy-MM-dd"


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(name)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    inner = edit.findChild(QLineEdit)  # the typing part: screen readers name it like the field
    if inner is not None:
        inner.setAccessibleName(name)
    return edit


class RangeBar(QWidget):
    """Emits `range_chosen(first, last)` when the user changes a date, `(None, None)` for Show all."""

    range_chosen = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zoom_from = _date_edit("Time line from")
        self.zoom_to = _date_edit("Time line to")
        self.show_all = QPushButton(translate("History", "Show all"))
        self.show_all.setAccessibleName("Show all")
        self.show_all.setToolTip(translate("History", "Show the whole history on the time line again (Esc)"))
        self.message = QLabel()
        self.message.setAccessibleName("Date range problem")
        self.message.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        from_label, to_label = (
            QLabel(translate("History", "Time line from")),
            QLabel(translate("History", "to")),
        )
        from_label.setBuddy(self.zoom_from)
        to_label.setBuddy(self.zoom_to)
        for widget in (from_label, self.zoom_from, to_label, self.zoom_to, self.show_all):
            layout.addWidget(widget)
        layout.addWidget(self.message, 1)
        self.zoom_from.dateChanged.connect(self._chosen)
        self.zoom_to.dateChanged.connect(self._chosen)
        self.show_all.clicked.connect(self.reset)
        self.span: tuple[date, date] | None = None

    def set_span(self, span: tuple[date, date] | None) -> None:
        """The whole history's first and last dates: what the fields show until the user narrows them."""
        self.span = span
        self.setEnabled(span is not None)
        self.reset()

    def reset(self) -> None:
        """Back to the whole history."""
        for edit, day in zip((self.zoom_from, self.zoom_to), self.span or (None, None), strict=True):
            edit.blockSignals(True)
            edit.setDate(QDate(day) if day is not None else QDate.currentDate())
            edit.blockSignals(False)
        self.message.clear()
        self.range_chosen.emit(None, None)

    def _chosen(self) -> None:
        first, last = self.zoom_from.date().toPython(), self.zoom_to.date().toPython()
        assert isinstance(first, date)
        assert isinstance(last, date)
        if first > last:
            self.message.setText(
                translate(
                    "History",
                    "The 'to' date ({last}) must be on or after the 'Time line from' date ({first}); "
                    "the time line still shows the previous range.",
                ).format(last=last.isoformat(), first=first.isoformat())
            )
            return
        self.message.clear()
        self.range_chosen.emit(first, last)
