"""The lab's rule settings behind the window's live interpretation (see `gui.shell.host`).

The case form interprets as the person types, with the settings of the window's `CaseService`
(`service.settings`). They must be the lab's rule settings (`services.rule_settings`), which an
administrator may change on any workstation at any time, so they are read again, like the idle-lock
minutes (`idle_lock`): when a case is opened or a new one started, once a minute (`RECHECK_MS`, a read
of a few rows, never on the input path), and when this window's settings dialog closes. When they
changed, the open case is checked again at once. A save does not depend on this: the service reads
the lab's rules again inside the save's transaction, so what is stored always follows them.

A signed-out case (read-only) is shown with the rule settings its stored result was made with (its
rules version, `RuleSettingsService.settings_for_version`), so the panel shows what was signed out even
after the lab changed a rule; it is re-interpreted with the lab's current rules only when amended.

A settings read that fails keeps the settings in use (the save will still use the lab's).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from her2desk.domain.guideline_settings import GuidelineSettings
    from her2desk.gui.shell.host import FeatureHost
    from her2desk.services.case_service import CaseService
    from her2desk.services.rule_settings import RuleSettingsService

log = logging.getLogger(__name__)

RECHECK_MS = 60_000


def open_service(window: FeatureHost) -> CaseService | None:
    """The window's real CaseService, or None while it is still opening (`gui.shell.case_service_proxy`)."""
    service = window.service
    is_open = getattr(type(service), "is_open", None)
    if is_open is not None:  # the stand-in used while the database opens after the first paint
        # typed as the CaseService it stands in for, it has is_open() and wait() of its own
        return service.wait() if service.is_open() else None  # type: ignore[attr-defined]
    return service


class RuleWatch(QObject):
    """Keeps `window.service.settings` equal to the lab's rule settings (see the module docstring)."""

    def __init__(self, window: FeatureHost) -> None:
        super().__init__(window.widget())
        self.window = window
        self._versions: dict[str, GuidelineSettings] = {}
        self.timer = QTimer(self)
        self.timer.setInterval(RECHECK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        window.on_case_changed(self.reread)  # also once when the case editor is built

    def _tick(self) -> None:
        if self.window.widget().isVisible():  # a closed window has nothing on screen to keep current
            self.reread()

    def reread(self) -> bool:
        """Read the lab's rule settings; True when they changed (the open case is then checked again)."""
        from her2desk.services.bundle import Services

        service = open_service(self.window)
        if service is None:
            return False
        rule_service = Services.of(service).rule_settings
        stored = self.window.current_case()
        try:
            if stored is not None and stored.read_only:
                rules = self._rules_of(rule_service, stored.interpretation.rules_version)
            else:
                rules = rule_service.load()
        except Exception as error:  # unreachable database: keep what is in use; saving reads them anyway
            log.warning("lab rule settings could not be read: %s", error)
            return False
        if rules == service.settings:
            return False
        service.settings = rules
        self.window.refresh_open_case()
        return True

    def _rules_of(self, rule_service: RuleSettingsService, version: str) -> GuidelineSettings:
        """The settings of a stored result's rules version (recorded sets never change: kept once read);
        the lab's current ones for a version this database cannot give back."""
        if version not in self._versions:
            try:
                self._versions[version] = rule_service.settings_for_version(version)[0]
            except LookupError as missing:
                log.warning("%s; the lab's current rule settings are shown", missing)
                return rule_service.load()
        return self._versions[version]

    def stop(self) -> None:
        self.timer.stop()


def install(window: FeatureHost) -> RuleWatch:
    return RuleWatch(window)
