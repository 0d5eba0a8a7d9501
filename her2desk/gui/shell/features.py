"""The main window's features beyond entering cases, each in its own module with an `install(window)`.

Each feature adds its own menu actions (to `window.menus[...]`), docks or tabs, and talks to the
services through the window (`window.actor`, `window.service`, `window.workflow_service()`,
`window.lab_settings()`, `window.current_case()`, `window.selected_accessions()`,
`window.after_workflow(accession)`). Keeping them apart keeps `main_window` about layout and
navigation, and lets a newcomer find a feature by its file name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from her2desk.gui.shell.main_window import MainWindow


def install_features(window: MainWindow) -> None:
    from her2desk.gui.admin import admin_actions
    from her2desk.gui.audit import audit_actions
    from her2desk.gui.case_entry import rule_watch
    from her2desk.gui.handouts import handout_actions
    from her2desk.gui.patient import patient_actions
    from her2desk.gui.signout import signout_actions

    features = (signout_actions, patient_actions, handout_actions, audit_actions, admin_actions, rule_watch)
    for feature in features:
        feature.install(window)
