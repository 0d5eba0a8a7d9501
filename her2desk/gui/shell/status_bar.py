"""The main window's status bar: messages in their own stretching area, never under the permanent labels.

`QStatusBar.showMessage` paints the message in whatever room the permanent widgets (signed-in user,
database, demo accounts) leave, and cuts it there without a word ("Opene…"). Here the message is a label
that takes the stretch: it is elided with "…" only when the window is too narrow, and then the whole
text is its tooltip (and its accessible description, for a screen reader). `showMessage`,
`currentMessage` and `clearMessage` keep QStatusBar's meaning, so callers need not know.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, ending in "…", and the rest on hover."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setAccessibleDescription(text)
        self._elide()

    def is_elided(self) -> bool:
        return self.text() != self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        self.setText(shown)
        self.setToolTip(self._full if shown != self._full else "")


class MessageStatusBar(QStatusBar):
    """A status bar whose temporary messages live in an `ElidedLabel` that takes the stretch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = ElidedLabel()
        self.message.setAccessibleName("Status message")
        self.addWidget(self.message, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clearMessage)

    def showMessage(self, text: str, timeout: int | None = 0) -> None:  # noqa: N802 (Qt's name)
        """Show `text` (for `timeout` ms; 0 or None: until the next message)."""
        self.message.set_full_text(text)
        self._timer.stop()
        if timeout:
            self._timer.start(timeout)

    def currentMessage(self) -> str:  # noqa: N802 (Qt's name)
        return self.message.full_text()

    def clearMessage(self) -> None:  # noqa: N802 (Qt's name)
        self._timer.stop()
        self.message.set_full_text("")
