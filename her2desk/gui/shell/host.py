"""What a feature may use of the window that hosts it: the `FeatureHost` protocol.

The features (sign-out, patient correction, handouts, audit, administration, the rule watch) are typed
against this protocol, never against `MainWindow`: so no feature imports the window (the window imports
the features, never the reverse), each feature reads alone, and what the window promises its features
is written in one place. A feature that needs something new from the window adds it here first, with
why; a feature that needs another feature asks the window, never imports it (see docs/architecture.md).

Only names from the domain, the services and `gui.common` appear here, under TYPE_CHECKING: importing
this module costs nothing at start-up and pulls in no feature.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QWidget

    from her2desk.domain.case import PatientDetails
    from her2desk.domain.lab_settings import LabSettings
    from her2desk.domain.records import StoredCase
    from her2desk.domain.workflow import Actor
    from her2desk.gui.common.workers import TaskRunner
    from her2desk.services.case_service import CaseService
    from her2desk.services.signout_service import SignOutService

T = TypeVar("T")


class FeatureHost(Protocol):
    """The main window as its features see it (implemented by `shell.main_window.MainWindow`)."""

    # -- who is working, and with what --------------------------------------------------------------

    @property
    def actor(self) -> Actor | None:
        """The signed-in user with their session (None: the local user of a window without sign-in)."""
        ...

    @property
    def service(self) -> CaseService:
        """The case service of the signed-in user; `service.database` for building other services."""
        ...

    runner: TaskRunner
    """Runs a slow read on a worker thread and hands its result back on the GUI thread."""

    menus: dict[str, QMenu]
    """The menu bar's menus by key: "file", "case", "view", "tools", "help"; features add actions."""

    quit_action: QAction
    """File ▸ Quit, for features that insert their actions before it."""

    def widget(self) -> QWidget:
        """The window itself: the Qt parent of a feature's actions, dialogs and helper objects."""
        ...

    def workflow_service(self) -> SignOutService:
        """The sign-out service on this window's database."""
        ...

    def lab_settings(self) -> LabSettings:
        """The lab's settings as stored now (read again on each call)."""
        ...

    def lab_settings_changed(self) -> None:
        """The lab's settings may have changed (this window's settings dialog closed): the window reads
        again what it applies itself (the idle-lock time, the rule settings of the open case)."""
        ...

    # -- talking to the person ----------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """A short message in the status bar."""
        ...

    def try_read(self, read: Callable[[], T], failure: str) -> T | None:
        """Run a quick read; if the database fails, say `failure` in words and return None."""
        ...

    # -- the cases on screen ------------------------------------------------------------------------

    def current_case(self) -> StoredCase | None:
        """The stored case open in the Case tab, if any."""
        ...

    def case_tab_showing(self) -> bool:
        """Whether the Case tab is the one on screen."""
        ...

    def selected_accessions(self) -> list[str]:
        """The accessions of the rows selected in the worklist, in worklist order."""
        ...

    def has_unsaved_changes(self) -> bool:
        """Whether the case form holds changes not saved yet."""
        ...

    def fill_patient(self, mrn: str, details: PatientDetails) -> None:
        """Put corrected patient details into the case form, if the form holds patient `mrn`
        (its other unsaved entries are kept)."""
        ...

    def refresh_open_case(self) -> None:
        """Check the open case again (its interpretation, with the service's current rule settings)."""
        ...

    def after_workflow(self, accession: str) -> None:
        """A feature changed a case: reload it if open, refresh the worklist, take the keyboard back."""
        ...

    def refresh(self) -> None:
        """Read the worklist again."""
        ...

    # -- being told when things change --------------------------------------------------------------

    def on_view_changed(self, slot: Callable[[], object]) -> None:
        """Call `slot` whenever another tab (worklist, case, history) comes on screen."""
        ...

    def on_selection_changed(self, slot: Callable[[], object]) -> None:
        """Call `slot` whenever the worklist's selection or its rows change."""
        ...

    def on_case_changed(self, slot: Callable[[], object]) -> None:
        """Call `slot` whenever another case (or another version of it) is on the Case tab, and once when
        the case editor is built (it is built on first use, after the features are installed)."""
        ...
