"""The `Services` bundle: every service of one database for one signed-in user, built once on demand."""

from __future__ import annotations

from support.lab import open_lab

from her2desk.domain.guideline_settings import DEFAULT_SETTINGS
from her2desk.services.audit_service import AuditService
from her2desk.services.auth_service import AuthService
from her2desk.services.bundle import Services
from her2desk.services.case_service import CaseService
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.patient_service import PatientService
from her2desk.services.record_service import RecordService
from her2desk.services.rule_settings import RuleSettingsService
from her2desk.services.signout_service import SignOutService


def test_the_bundle_hands_out_each_service_of_its_database_once(db_url: str) -> None:
    lab = open_lab(db_url)
    services = Services(lab.database, actor=lab.path)
    kinds = {
        "cases": CaseService,
        "signout": SignOutService,
        "patients": PatientService,
        "audit": AuditService,
        "auth": AuthService,
        "lab_settings": LabSettingsService,
        "rule_settings": RuleSettingsService,
        "record": RecordService,
    }
    for name, kind in kinds.items():
        service = getattr(services, name)
        assert isinstance(service, kind), name
        assert service.database is lab.database, name
        assert getattr(services, name) is service, f"{name} is built once per bundle"
    assert services.cases.actor == lab.path
    assert services.cases.user == "pia"
    assert services.handouts.database is lab.database
    assert services.record.check().problems == []


def test_of_keeps_the_user_and_settings_and_for_actor_changes_only_the_user(
    db_url: str,
) -> None:
    lab = open_lab(db_url)
    local = CaseService(lab.database, "someone")
    assert Services.of(local).cases.user == "someone"
    assert Services.of(local).cases.actor is None
    assert Services.of(local).settings is DEFAULT_SETTINGS
    tech = Services.of(lab.cases(lab.tech))
    assert tech.cases.actor == lab.tech
    path = tech.for_actor(lab.path)
    assert path.cases.actor == lab.path
    assert path.database is lab.database
    assert tech.cases.actor == lab.tech, "the first bundle is unchanged"
