"""Python's cyclic garbage collection, run only in the GUI thread.

CPython starts a collection in whichever thread happens to allocate when a generation's threshold is
reached: often one of our worker threads (page reads, PDF rendering). A Qt object caught in a cycle is
then destroyed in that thread, outside the GUI thread, which crashes the process at a random moment.
So the automatic collector is switched off, and a timer in the GUI thread collects on the same
schedule: the youngest generation when it holds as many objects as the automatic collector would
have waited for, everything once a minute.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

TICK_MS = 500
FULL_EVERY_TICKS = 120  # a full collection once a minute


class GuiThreadCollector(QObject):
    """While it lives, cyclic garbage is collected by its timer in the thread that created it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.collect)
        gc.disable()
        self._timer.start()

    def collect(self) -> int:
        """Collect what the automatic collector would have by now; the number of objects freed."""
        self._ticks += 1
        if self._ticks % FULL_EVERY_TICKS == 0:
            return gc.collect()
        threshold, _older, _oldest = gc.get_threshold()
        young, _older_count, _oldest_count = gc.get_count()
        return gc.collect(1) if young >= threshold else 0

    def stop(self) -> None:
        """Hand collection back to Python (its automatic schedule, in any thread)."""
        self._timer.stop()
        gc.collect()
        gc.enable()
