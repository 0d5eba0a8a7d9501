"""One entry field of the case form: its input, its label, and the message shown beneath it.

Problems from the domain name a field ("patient.mrn", "her2"); each FieldRow carries that name as
its key so a message lands next to the input it concerns, in plain words, not in a distant list.

The message line beneath every input is always there, empty when there is nothing to say, so that a
message appearing never moves the fields below it (the eye and the mouse stay where they were). It is one
line high; a longer message is cut with "…" and shown whole in its tooltip, in the input's accessible
description and in the interpretation panel's list.

A read-only input looks the same whatever its kind (`set_locked`): a line edit and a drop-down of a
signed-out case both show their value in ordinary text on the window's colour, neither greyed out nor
white like a field to type in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from her2desk.domain.problems import Problem
from her2desk.gui.common.labels import label

_Value = TypeVar("_Value")

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"
DATE_HINT = "YYYY-MM-DD"
# One look for every read-only input, set by `set_locked` (a drop-down has no read-only state of its own:
# it is disabled, which Qt would grey out, so its colours are given here too).
LOCKED_STYLE = """
QLineEdit[locked="true"], QComboBox[locked="true"] {
    background-color: palette(window);
    color: palette(window-text);
    border: 1px solid palette(mid);
    border-radius: 2px;
    padding: 2px 4px;
}
QComboBox[locked="true"]::drop-down { width: 0px; border: none; }
"""


def set_locked(widget: QLineEdit | QComboBox, locked: bool) -> None:
    """Make an input read-only, or editable again, with the one read-only look (`LOCKED_STYLE`, which
    an ancestor's style sheet must carry). A line edit stays focusable so its text can be selected and
    copied; a drop-down is disabled, so no key or wheel changes it."""
    if isinstance(widget, QLineEdit):
        widget.setReadOnly(locked)
    else:
        widget.setEnabled(not locked)
    if bool(widget.property("locked")) == locked:
        return
    widget.setProperty("locked", locked)
    widget.style().unpolish(widget)  # re-read the style sheet for the new property
    widget.style().polish(widget)
    widget.update()


def parse_date(text: str, field: str) -> date | Problem:
    """A typed date (year-month-day), or the problem naming what was typed (the domain's words).
    The parser is imported here, not with the module: the worklist's first paint needs these
    widgets but not the domain's parsing (nor the input types and criteria it brings)."""
    from her2desk.domain.parsing import parse_iso_date

    return parse_iso_date(text, field)


def message_label(name: str) -> QLabel:
    """A hidden error line for a dialog field, found by screen readers as "<name> message". It takes
    its own height and gives none: a message must never squeeze the field above it."""
    message = QLabel()
    message.setAccessibleName(f"{name} message")
    message.setWordWrap(True)
    message.setStyleSheet(ERROR_STYLE)
    message.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    message.setVisible(False)
    return message


def show_message(message: QLabel, text: str) -> None:
    """Show `text` on a `message_label`, or hide it when there is nothing to say."""
    message.setText(text)
    message.setVisible(bool(text))


class MessageLine(QLabel):
    """The message beneath one input: always one line high (empty when all is well), never wider than
    the input, a longer text cut with "…" (the whole text is its tooltip)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(0, self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.sizeHint()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)


@dataclass
class FieldRow:
    key: str
    caption: QLabel
    input: QLineEdit | QComboBox
    message: QLabel
    container: QWidget
    options: tuple[object, ...] = ()  # a combo's values by item index (Qt would turn enums into str)

    @property
    def line(self) -> QLineEdit:
        """The input of a `line_field`."""
        if not isinstance(self.input, QLineEdit):
            raise TypeError(f"{self.key} is a combo box, not a line edit")
        return self.input

    @property
    def combo(self) -> QComboBox:
        """The input of a `combo_field` or `enum_field`."""
        if not isinstance(self.input, QComboBox):
            raise TypeError(f"{self.key} is a line edit, not a combo box")
        return self.input

    def value_as(self, kind: type[_Value]) -> _Value | None:
        """The chosen value of a combo box, which is a `kind` (an enum or bool), or None when nothing
        is chosen; a value of another type is a programming error."""
        value = self.value()
        if value is None or isinstance(value, kind):
            return value
        raise TypeError(f"{self.key}: {value!r} is not a {kind.__name__}")

    def text(self) -> str:
        """What the person entered, as text ('' when nothing is chosen)."""
        if isinstance(self.input, QLineEdit):
            return self.input.text()
        data = self.value()
        return "" if data is None else str(data)

    def value(self) -> object:
        """The chosen enum member or bool for a combo box; the text for a line edit."""
        if isinstance(self.input, QLineEdit):
            return self.input.text()
        index = self.input.currentIndex()
        return self.options[index] if 0 <= index < len(self.options) else None

    def set_value(self, value: object) -> None:
        if isinstance(self.input, QLineEdit):
            self.input.setText("" if value is None else str(value))
            self.input.setCursorPosition(0)
            return
        index = self.options.index(value) if value in self.options else 0
        self.input.setCurrentIndex(index)

    def show_message(self, text: str, is_error: bool) -> None:
        """Show `text` beneath the input, starting with a capital (the domain's messages follow the
        field's name, so they start in lower case); "" clears the line, which keeps its height."""
        text = text[:1].upper() + text[1:]
        # Called for every field on every keystroke: touch Qt only when something changed
        # (a style sheet change re-polishes the widget, which is what makes a form feel slow).
        if (text, is_error) == (self.message.text(), self.message.property("is_error")):
            return
        self.message.setProperty("is_error", is_error)
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if is_error else WARNING_STYLE)
        self.input.setAccessibleDescription(text)


def line_field(key: str, caption: str, accessible: str, placeholder: str = "") -> FieldRow:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    return _row(key, caption, accessible, edit)


def combo_field(
    key: str, caption: str, accessible: str, choices: Sequence[tuple[str, object]], blank: str = "—"
) -> FieldRow:
    """A combo whose first entry means "not given": nothing is pre-selected for the person."""
    combo = QComboBox()
    combo.addItem(blank)
    for text, _data in choices:
        combo.addItem(text)
    row = _row(key, caption, accessible, combo)
    row.options = (None, *(data for _text, data in choices))
    return row


def enum_field(key: str, caption: str, accessible: str, enum_type: type[StrEnum]) -> FieldRow:
    return combo_field(key, caption, accessible, [(label(m), m) for m in enum_type])


def _row(key: str, caption: str, accessible: str, widget: QLineEdit | QComboBox) -> FieldRow:
    widget.setAccessibleName(accessible)
    widget.setObjectName(key)
    caption_label = QLabel(caption)
    caption_label.setBuddy(widget)
    message = MessageLine()
    message.setAccessibleName(f"{accessible} message")
    container = QWidget()
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(widget)
    layout.addWidget(message)
    return FieldRow(key, caption_label, widget, message, container)
