"""Status-bar messages are never cut without a word: they have their own stretching area beside the
permanent labels (user, database, demo accounts); a message too long for the window ends in "…" and
shows whole on hover. Measured on the rendered widgets at the sizes a lab's screens have."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel, QWidget
from support.qt_fixtures import qapp_process_events

from her2desk.gui.common import dialogs
from her2desk.gui.shell.main_window import MainWindow
from her2desk.gui.shell.status_bar import ElidedLabel
from her2desk.services.case_service import CaseService

SHORT = "Opened case S26-000123"
LONG = (
    "Not saved: the ISH count is missing its cells counted; the IHC score needs the percentage of "
    "stained cells; the collection date is after today; the fixation time is outside 6-72 hours; "
    "the second observer must be someone other than the first"
)


@pytest.fixture
def demo_window(service: CaseService, qtbot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """A window with every permanent label a lab can see, demo accounts (the longest) included."""
    window = MainWindow(service, demo=True, location="/var/lib/her2desk/a-rather-long-folder/lab.sqlite3")
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.worklist_model.total is not None)  # no count still running at teardown
    yield window
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.UnsavedChoice.DISCARD)
    window.close()
    window.runner.wait()
    qapp_process_events()
    window.deleteLater()  # now, not whenever the garbage collector gets to it during a later test


def _rect_in_bar(widget: QWidget, bar: QWidget) -> QRect:
    return QRect(widget.mapTo(bar, widget.rect().topLeft()), widget.size())


def _fits(label: QLabel) -> bool:
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
def test_messages_have_their_own_room_and_say_everything(demo_window: MainWindow, qtbot, size) -> None:
    assert demo_window.minimumSizeHint().width() <= 1280  # the permanent labels never widen the window
    demo_window.resize(*size)
    bar = demo_window.statusBar()
    message = bar.findChild(ElidedLabel)
    assert message is not None
    assert message.accessibleName() == "Status message"
    demo_window.show_message(SHORT)
    qtbot.waitUntil(lambda: demo_window.width() == size[0])
    qtbot.wait(20)
    assert message.text() == SHORT  # a short message is shown whole, at both sizes
    assert demo_window.width() == size[0]
    assert message.width() >= 300  # room for a sentence, not a few letters
    assert _fits(message)
    assert message.toolTip() == ""
    assert bar.currentMessage() == SHORT
    permanent = [w for w in bar.findChildren(QLabel) if w is not message and w.isVisible()]
    assert {"Demo accounts", "Database"} <= {w.accessibleName() for w in permanent}
    for label in permanent:  # nothing drawn on top of the message
        assert not _rect_in_bar(message, bar).intersects(_rect_in_bar(label, bar)), label.accessibleName()

    demo_window.show_message(LONG)
    assert bar.currentMessage() == LONG
    assert _fits(message)  # never cut by the bar: elided to the room it has
    assert message.text().endswith("…")
    assert LONG.startswith(message.text()[:-1])
    assert message.toolTip() == LONG  # the whole text on hover
    assert message.accessibleDescription() == LONG


def test_a_wider_window_shows_more_and_a_message_clears_after_its_time(
    demo_window: MainWindow, qtbot
) -> None:
    bar = demo_window.statusBar()
    message = bar.findChild(ElidedLabel)
    demo_window.resize(1280, 800)
    bar.showMessage(LONG)
    qtbot.wait(20)
    narrow = len(message.text())
    demo_window.resize(3000, 800)
    qtbot.waitUntil(lambda: len(message.text()) > narrow)
    bar.showMessage(SHORT, 50)
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=2000)
    assert message.text() == ""
