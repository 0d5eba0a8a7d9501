"""One entry field of the case form: its input, its label, and the message shown beneath it.

Problems from the domain name a field ("patient.mrn", "her2"); each FieldRow carries that name as
its key so a message lands next to the input it concerns, in plain words, not in a distant list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from her2desk.domain.problems import Problem
from her2desk.gui.common.labels import label

_Value = TypeVar("_Value")

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5a00;"
DATE_HINT = "YYYY-MM-DD"


def parse_date(text: str, field: str) -> date | Problem:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return Problem(field, f"{text!r} is not a date; use year-month-day, e.g. 2024-03-15")


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
        # Called for every field on every keystroke: touch Qt only when something changed
        # (a style sheet change re-polishes the widget, which is what makes a form feel slow).
        if (text, is_error) == (self.message.text(), self.message.property("is_error")) and (
            bool(text) == self.message.isVisibleTo(self.container)
        ):
            return
        self.message.setProperty("is_error", is_error)
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if is_error else WARNING_STYLE)
        self.message.setVisible(bool(text))
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
    message = QLabel()
    message.setWordWrap(True)
    message.setVisible(False)
    message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    message.setAccessibleName(f"{accessible} message")
    container = QWidget()
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    layout.addWidget(widget)
    layout.addWidget(message)
    return FieldRow(key, caption_label, widget, message, container)
