"""One way into the services: the GUI and the command line get every service of one database from a
`Services` bundle instead of building `XService(database)` by hand at each call site.

A bundle is cheap: each service is built the first time it is asked for, and its module is imported
then too, so the desktop program's cold start (which needs only the case service) does not pay for
the handout (reportlab) or the password hashing library. `Services.of(cases)` takes the database,
guideline settings and signed-in user from a case service (or from the GUI's stand-in for one while
the database opens), so code that holds a case service reaches the others in one step.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings

if TYPE_CHECKING:
    from her2desk.domain.workflow import Actor
    from her2desk.services.audit_service import AuditService
    from her2desk.services.auth_service import AuthService
    from her2desk.services.case_service import CaseService
    from her2desk.services.handout_service import HandoutService
    from her2desk.services.lab_settings_service import LabSettingsService
    from her2desk.services.patient_service import PatientService
    from her2desk.services.record_service import RecordService
    from her2desk.services.report_service import ReportService
    from her2desk.services.rule_settings import RuleSettingsService
    from her2desk.services.signout_service import SignOutService
    from her2desk.store.database import Database


class Services:
    """The services of one database for one user (`actor`; None: the local user of a database
    without accounts, or a caller that has not signed in yet)."""

    def __init__(
        self,
        database: Database,
        *,
        actor: Actor | None = None,
        settings: GuidelineSettings = DEFAULT_SETTINGS,
        user: str = "local",
    ) -> None:
        self.database = database
        self.actor = actor
        self.settings = settings
        self.user = user

    @classmethod
    def of(cls, cases: Any) -> Services:
        """The bundle behind a case service: the same database, settings and signed-in user."""
        return cls(
            cases.database,
            actor=getattr(cases, "actor", None),
            settings=getattr(cases, "settings", DEFAULT_SETTINGS),
            user=getattr(cases, "user", "local"),
        )

    def for_actor(self, actor: Actor | None) -> Services:
        """The same database and settings for another signed-in user (after a sign-in or a lock)."""
        return Services(self.database, actor=actor, settings=self.settings, user=self.user)

    @cached_property
    def cases(self) -> CaseService:
        from her2desk.services.case_service import CaseService

        return CaseService(self.database, self.user, self.settings, actor=self.actor)

    @cached_property
    def signout(self) -> SignOutService:
        from her2desk.services.signout_service import SignOutService

        return SignOutService(self.database)

    @cached_property
    def handouts(self) -> HandoutService:
        from her2desk.services.handout_service import HandoutService

        return HandoutService(self.database)

    @cached_property
    def reports(self) -> ReportService:
        from her2desk.services.report_service import ReportService

        return ReportService(self.database)

    @cached_property
    def patients(self) -> PatientService:
        from her2desk.services.patient_service import PatientService

        return PatientService(self.database)

    @cached_property
    def audit(self) -> AuditService:
        from her2desk.services.audit_service import AuditService

        return AuditService(self.database)

    @cached_property
    def auth(self) -> AuthService:
        from her2desk.services.auth_service import AuthService

        return AuthService(self.database)

    @cached_property
    def lab_settings(self) -> LabSettingsService:
        from her2desk.services.lab_settings_service import LabSettingsService

        return LabSettingsService(self.database)

    @cached_property
    def rule_settings(self) -> RuleSettingsService:
        from her2desk.services.rule_settings import RuleSettingsService

        return RuleSettingsService(self.database)

    @cached_property
    def record(self) -> RecordService:
        from her2desk.services.record_service import RecordService

        return RecordService(self.database)
