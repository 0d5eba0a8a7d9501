"""Cyclic garbage is collected in the GUI thread only (`gui.common.collector`): the automatic collector,
which may start in any thread, is off while the program runs, and the timer does its work."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QObject

from her2desk.gui.common.collector import FULL_EVERY_TICKS, GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_collector_switches_automatic_collection_off_and_collects_on_its_tick(qtbot) -> None:
    gc.enable()  # as in a program that has just started
    parent = QObject()
    collector = GuiThreadCollector(parent)
    try:
        assert not gc.isenabled()
        garbage = Cycle()
        gone = weakref.ref(garbage)
        del garbage
        assert gone() is not None  # a cycle: only a collection frees it
        for _ in range(FULL_EVERY_TICKS):  # the full collection comes within a minute of ticks
            collector.collect()
        assert gone() is None
        made = [Cycle() for _ in range(gc.get_threshold()[0] + 1)]
        del made
        assert collector.collect() > 0  # a young generation over its threshold is collected at once
    finally:
        collector.stop()
    assert gc.isenabled()


def test_the_desktop_program_installs_the_collector_before_its_window() -> None:
    """`gui.app.run` makes one on the application (read from its source: run() starts the program)."""
    import inspect

    from her2desk.gui import app

    source = inspect.getsource(app.run)
    assert source.index("GuiThreadCollector(app)") < source.index("start(database")
