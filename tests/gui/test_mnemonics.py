"""Every Alt+letter in a window does one thing: no mnemonic is used twice among what is on screen at once.

A mnemonic used twice makes Alt+letter cycle between its owners, so a memorised keystroke lands in a
different place depending on what had focus. The check walks the window as the user sees it: the menu
bar's titles, and for each page of each tab widget in turn, the visible buttons, check boxes, labels with
a buddy, group boxes and tab titles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabWidget,
    QWidget,
)

from her2desk.gui.shell.main_window import MainWindow


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' ('&&' is a literal ampersand), lower-cased; None without one."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def owners(window: QWidget) -> Iterator[tuple[str, str]]:
    """(mnemonic, what owns it) for everything the user can reach with Alt+letter right now."""
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible() and (key := mnemonic(action.text())):
                yield key, f"menu {action.text()!r}"
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        text = ""
        if isinstance(widget, QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            text = widget.text() if widget.buddy().isVisibleTo(window) else ""
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                if key := mnemonic(widget.tabText(index)):
                    yield key, f"tab {widget.tabText(index)!r}"
            continue
        if key := mnemonic(text):
            yield key, f"{type(widget).__name__} {text!r}"


def duplicates(window: QWidget) -> dict[str, list[str]]:
    found = list(owners(window))
    counts = Counter(key for key, _ in found)
    return {key: [o for k, o in found if k == key] for key, n in counts.items() if n > 1}


def each_tab_page(window: QWidget) -> Iterator[str]:
    """Show each page of the window's top-level tab widgets in turn (the states a user sees)."""
    tabs = [t for t in window.findChildren(QTabWidget) if t.isVisibleTo(window)]
    if not tabs:
        yield "the window"
        return
    for tab in tabs:
        for index in range(tab.count()):
            tab.setCurrentIndex(index)
            yield f"tab {tab.tabText(index)!r}"


def test_the_check_finds_a_mnemonic_used_twice(qtbot) -> None:
    """The checker itself: two buttons with Alt+S are reported, a literal '&&' is not a mnemonic."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    for text in ("&Save", "&Sign out", "Salt && pepper"):
        layout.addWidget(QPushButton(text))
    window.show()
    assert duplicates(window) == {"s": ["QPushButton '&Save'", "QPushButton '&Sign out'"]}


@pytest.mark.parametrize("site", ["Breast", "Stomach"])
def test_the_main_window_uses_each_mnemonic_once_on_every_tab(window: MainWindow, qtbot, ui, site) -> None:
    """With every conditional field of the case form shown (ISH counts, the site's own fields)."""
    window.new_action.trigger()
    form = window.editor.form
    ui.choose(form, "Procedure", "Core needle biopsy")
    ui.choose(form, "Site", site)
    ui.choose(form, "ISH probe", "Dual")
    seen, reached = {}, {}
    for page in each_tab_page(window):
        qtbot.wait(10)
        seen[page] = duplicates(window)
        reached[page] = len(list(owners(window)))
    assert {page: found for page, found in seen.items() if found} == {}
    assert max(reached.values()) > 20, reached  # the walk saw the case form, not only the menus
