"""Lab settings in the shared database: defaults, administrator-only changes with an audit row in the
same transaction, unreadable stored values falling back to the default (reported, never a crash)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, text, update
from support.lab import Lab

from her2desk.domain.lab_settings import DEFAULT_LAB_SETTINGS, LabSettingError
from her2desk.domain.workflow import Actor, Role, WorkflowError
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.database import open_database
from her2desk.store.schema import LabSetting, User


def _rows(lab: Lab) -> dict[str, str]:
    with lab.database.engine.connect() as connection:
        return dict(connection.execute(select(LabSetting.name, LabSetting.value)).all())


def test_a_new_database_has_the_cautious_defaults_and_no_rows(lab: Lab) -> None:
    settings = LabSettingsService(lab.database).load()
    assert settings == DEFAULT_LAB_SETTINGS
    assert settings.allow_self_verification is False
    assert _rows(lab) == {}


def test_an_administrator_changes_a_setting_and_the_change_is_audited(lab: Lab) -> None:
    service = LabSettingsService(lab.database)
    before = lab.audit_count()
    changed = service.update(lab.admin, "allow_self_verification", " Yes ")
    assert changed.allow_self_verification is True
    assert service.load().allow_self_verification is True
    assert _rows(lab) == {"allow_self_verification": "true"}
    assert lab.audit_count() == before + 1
    event = lab.events("setting")[-1]
    assert (event.who, event.table_name, event.record) == ("ada", "lab_setting", "allow_self_verification")
    assert json.loads(event.old) == {"name": "allow_self_verification", "value": "false", "stored": False}
    assert json.loads(event.new) == {"name": "allow_self_verification", "value": "true"}

    service.update(lab.admin, "allow_self_verification", "off")
    event = lab.events("setting")[-1]
    assert json.loads(event.old)["value"] == "true"
    assert json.loads(event.new)["value"] == "false"
    assert len(lab.events("setting")) == 2


def test_setting_the_value_it_already_has_writes_nothing(lab: Lab) -> None:
    service = LabSettingsService(lab.database)
    service.update(lab.admin, "idle_lock_minutes", "15")
    before = lab.audit_count()
    assert service.update(lab.admin, "idle_lock_minutes", "15").idle_lock_minutes == 15
    assert service.update(lab.admin, "lab_name", "").lab_name == ""  # the default, never stored
    assert lab.audit_count() == before
    assert _rows(lab) == {"idle_lock_minutes": "15"}


@pytest.mark.parametrize("who", ["tech", "path"])
def test_only_an_administrator_may_change_settings(lab: Lab, who: str) -> None:
    actor = getattr(lab, who)
    before = lab.audit_count()
    with pytest.raises(WorkflowError, match="only an administrator may change lab settings"):
        LabSettingsService(lab.database).update(actor, "allow_self_verification", "true")
    with pytest.raises(WorkflowError, match="only an administrator"):
        LabSettingsService(lab.database).update(None, "allow_self_verification", "true")
    assert _rows(lab) == {}
    assert lab.audit_count() == before


def test_the_role_is_read_from_the_database(lab: Lab) -> None:
    forged = Actor(lab.tech.user_id, "tom", Role.ADMINISTRATOR, session_token=lab.tech.session_token)
    with pytest.raises(WorkflowError, match="only an administrator"):
        LabSettingsService(lab.database).update(forged, "lab_name", "Forged Lab")
    with lab.database.write_engine.begin() as connection:
        connection.execute(update(User).where(User.id == lab.admin.user_id).values(active=False))
    with pytest.raises(WorkflowError, match="not active"):
        LabSettingsService(lab.database).update(lab.admin, "lab_name", "Old Admin Lab")
    assert _rows(lab) == {}


def test_a_trusted_operator_claim_counts_only_before_any_account_exists(lab: Lab, tmp_path) -> None:
    with pytest.raises(WorkflowError, match="administrator"):  # the lab has accounts: sign in
        LabSettingsService(lab.database).update(None, "lab_contact", "555-0100", local_administrator="root")
    assert LabSettingsService(lab.database).load().lab_contact == ""
    with pytest.raises(WorkflowError, match="signed-in administrator"):
        lab.auth.create_user("mallory", "mallory-pass-1", Role.ADMINISTRATOR, local_administrator="root")
    assert "mallory" not in {u.username for u in lab.auth.users()}

    empty = open_database(str(tmp_path / "no-accounts.sqlite3"))  # a lab before its first account
    try:
        settings = LabSettingsService(empty).update(
            None, "lab_contact", "Call 555-0100", local_administrator="root@bench"
        )
        assert settings.lab_contact == "Call 555-0100"
    finally:
        empty.close()


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("colour", "red", "unknown setting 'colour'; settings are: lab_name"),
        ("idle_lock_minutes", "0", "idle_lock_minutes: '0' is not allowed; use a whole number from 1 to 240"),
        ("idle_lock_minutes", "ten", "idle_lock_minutes: 'ten' is not allowed"),
        (
            "allow_self_verification",
            "maybe",
            "allow_self_verification: 'maybe' is not allowed; use true or false",
        ),
        ("handout_language", "fr", "handout_language: 'fr' is not allowed; use one of en, es"),
        ("lab_name", "x" * 201, "lab_name: at most 200 characters on one line"),
        ("lab_contact", "line one\nline two", "lab_contact: at most 200 characters on one line"),
    ],
)
def test_a_bad_value_names_the_setting_and_what_is_allowed(
    lab: Lab, name: str, raw: str, message: str
) -> None:
    before = lab.audit_count()
    with pytest.raises(LabSettingError) as error:
        LabSettingsService(lab.database).update(lab.admin, name, raw)
    assert str(error.value).startswith(message)
    assert _rows(lab) == {}
    assert lab.audit_count() == before


def test_an_unreadable_stored_value_falls_back_to_the_default_and_is_reported(
    lab: Lab, caplog: pytest.LogCaptureFixture
) -> None:
    service = LabSettingsService(lab.database)
    service.update(lab.admin, "lab_name", "Synthetic Lab")
    with lab.database.write_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO lab_setting (name, value, changed_at, changed_by) VALUES "
                "('idle_lock_minutes', 'forever', '2026-11-24 22:00:00', 'by-hand'), "
                "('a_setting_from_a_newer_program', 'x', '2026-11-24 22:00:00', 'newer')"
            )
        )
    settings, problems = service.load_checked()
    assert settings.idle_lock_minutes == DEFAULT_LAB_SETTINGS.idle_lock_minutes
    assert settings.lab_name == "Synthetic Lab"
    assert len(problems) == 1
    assert problems[0].startswith("the stored value of idle_lock_minutes cannot be used")
    assert "the default '10' applies" in problems[0]
    with caplog.at_level("WARNING"):
        assert service.load() == settings
    assert "idle_lock_minutes" in caplog.text
    # An administrator can repair it; the audit row keeps the unreadable text it replaced.
    assert service.update(lab.admin, "idle_lock_minutes", "5").idle_lock_minutes == 5
    assert json.loads(lab.events("setting")[-1].old) == {
        "name": "idle_lock_minutes",
        "value": "forever",
        "stored": True,
    }
    assert service.load_checked()[1] == []


def test_a_failed_audit_write_leaves_the_setting_unchanged(lab: Lab, monkeypatch: pytest.MonkeyPatch) -> None:
    """The row and its audit row are one transaction: no change without its audit row."""
    import her2desk.services.lab_settings_service as module

    def broken_audit(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("audit write failed")

    monkeypatch.setattr(module, "record_event", broken_audit)
    with pytest.raises(RuntimeError, match="audit write failed"):
        LabSettingsService(lab.database).update(lab.admin, "allow_preliminary_handouts", "true")
    assert _rows(lab) == {}
    assert LabSettingsService(lab.database).load().allow_preliminary_handouts is False


def test_several_changes_are_all_or_nothing_with_one_audit_row_each(lab: Lab) -> None:
    service = LabSettingsService(lab.database)
    before = lab.audit_count()
    with pytest.raises(LabSettingError, match="idle_lock_minutes"):
        service.update_many(lab.admin, {"lab_name": "Synthetic Lab", "idle_lock_minutes": "999"})
    assert _rows(lab) == {}
    assert lab.audit_count() == before
    settings = service.update_many(
        lab.admin, {"lab_name": "Synthetic Lab", "idle_lock_minutes": "20", "handout_language": "en"}
    )
    assert (settings.lab_name, settings.idle_lock_minutes) == ("Synthetic Lab", 20)
    assert [e.record for e in lab.events("setting")] == ["lab_name", "idle_lock_minutes"]
