"""Menu actions that say why they are disabled (shared by the feature folders)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from her2desk.domain.records import StoredCase


def enable_with_reason(action: QAction, enabled: bool, why: str) -> None:
    """Enable `action`, or disable it with `why` as its tip and status tip (a greyed item that does not
    say why leaves the user guessing)."""
    action.setEnabled(enabled)
    action.setToolTip(action.text().replace("&", "").rstrip("…") if enabled else why)
    action.setStatusTip("" if enabled else why)


class CaseChooser(Protocol):
    """What `case_for_preview` asks of the window (`gui.shell.host.FeatureHost` has it)."""

    def current_case(self) -> StoredCase | None: ...

    def case_tab_showing(self) -> bool: ...

    def selected_accessions(self) -> list[str]: ...


def case_for_preview(window: CaseChooser) -> str | None:
    """The case a one-case document is for: the case open in the Case tab while that tab is showing;
    otherwise the one case selected in the worklist (else the open case)."""
    stored = window.current_case()
    if stored is not None and window.case_tab_showing():
        return stored.entry.accession
    selected = window.selected_accessions()
    if len(selected) == 1:
        return selected[0]
    return stored.entry.accession if stored is not None else None


class DocumentMenuHost(Protocol):
    """What `add_document_actions` asks of the window (`gui.shell.host.FeatureHost` has it)."""

    menus: dict[str, QMenu]
    quit_action: QAction

    def on_view_changed(self, slot: Callable[[], object]) -> None: ...

    def on_selection_changed(self, slot: Callable[[], object]) -> None: ...

    def on_case_changed(self, slot: Callable[[], object]) -> None: ...


def add_document_actions(
    window: DocumentMenuHost, actions: Sequence[QAction], update: Callable[[], None]
) -> None:
    """Put a document's actions (handouts, reports) in the File menu above Quit, after a separator,
    and keep them enabled or not with their reasons: `update` runs now, when the menu opens, and when
    the view, the selection or the open case changes."""
    menu = window.menus["file"]
    before = window.quit_action
    if before is not None:
        menu.insertActions(before, list(actions))
        menu.insertSeparator(before)
    else:
        menu.addSeparator()
        menu.addActions(list(actions))
    menu.aboutToShow.connect(update)
    window.on_view_changed(update)
    window.on_selection_changed(update)
    window.on_case_changed(update)
    update()
