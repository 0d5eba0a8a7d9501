"""The lab's rule settings in the shared database: for each rule, an administrator changes it (audited)
and the next save interprets with it, whatever settings the saving service was built with; the stored
result carries the new rules version, whose rule set is recorded so the result can be re-derived."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text
from support.lab import Lab
from support.rule_setting_cases import RULE_CASES, breast, check_text

from her2desk.domain.case_checks import check_case
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS
from her2desk.domain.lab_settings import LabSettingError
from her2desk.domain.records import CaseInvalidError
from her2desk.domain.rule_settings import (
    DEFAULT_RULES_VERSION,
    canonical_json,
    fingerprint,
    format_rule_value,
    parse_rule_setting,
    rules_version,
    settings_for_legacy_version,
    with_rule_values,
)
from her2desk.domain.workflow import WorkflowError
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.services.rule_settings import RuleSettingsService
from her2desk.store.audit import utc_now
from her2desk.store.database import Database, open_database
from her2desk.store.schema import LabSetting


def _rule_sets(lab: Lab) -> dict[str, str]:
    with lab.database.engine.connect() as connection:
        return dict(connection.execute(text("SELECT fingerprint, settings FROM rule_set")).all())


@pytest.mark.parametrize("name", sorted(RULE_CASES))
def test_each_rule_change_is_used_by_the_next_save_and_gives_a_new_rules_version(lab: Lab, name: str) -> None:
    entry, value, words = RULE_CASES[name]
    changed = with_rule_values(DEFAULT_SETTINGS, {name: parse_rule_setting(name, value)})
    expected = check_case(entry, settings=changed)
    saver = lab.cases(lab.tech)  # built with her2desk's defaults: the save must read the lab's rules
    assert saver.settings == DEFAULT_SETTINGS

    LabSettingsService(lab.database).update(lab.admin, name, value)
    assert RuleSettingsService(lab.database).load() == changed
    [event] = [e for e in lab.events("setting") if e.record == name]
    stored_text = format_rule_value(parse_rule_setting(name, value))  # "no" is stored as "false"
    version = rules_version(changed)
    assert json.loads(event.new) == {"name": name, "value": stored_text, "rules_version": version}
    assert event.who == "ada"
    assert _rule_sets(lab) == {  # recorded with the change: the rules until now and from now
        fingerprint(DEFAULT_SETTINGS): canonical_json(DEFAULT_SETTINGS),
        fingerprint(changed): canonical_json(changed),
    }

    if expected.errors:  # the lab's rule makes this case invalid: refused, though the caller's check passed
        assert not check_case(entry).errors
        with pytest.raises(CaseInvalidError) as refused:
            saver.save(entry, None)
        assert [p.message for p in refused.value.problems] == [p.message for p in expected.errors]
        assert saver.load(entry.accession) is None
        assert words in "\n".join(p.message for p in refused.value.problems)
        return
    saved = saver.save(entry, None)
    stored = saver.load(entry.accession)
    assert stored is not None
    for result in (saved.interpretation, stored.interpretation):
        assert result.rules_version == rules_version(changed) != DEFAULT_RULES_VERSION
        assert result == expected.interpretation
        assert (words in check_text(expected)) != (words in check_text(check_case(entry)))
    version = stored.interpretation.rules_version
    settings, problems = RuleSettingsService(lab.database).settings_for_version(version)
    assert (settings, problems) == (changed, [])
    assert check_case(stored.entry, settings=settings).interpretation == stored.interpretation  # re-derived


def test_comment_texts_change_in_the_stored_interpretation(lab: Lab) -> None:
    entry = breast("1+", her2="5.0", cep17="3.0")  # group 4, IHC 1+: the group 4 and 2023 comments
    cases = lab.cases(lab.tech)
    first = cases.save(entry, None)
    service = LabSettingsService(lab.database)
    service.update_many(
        lab.admin, {"comments.group_4": "Our group 4 wording.", "comments.her2_low_2023": "Our 2023 wording."}
    )
    again = cases.save(replace(entry, specimen=replace(entry.specimen, block="B2")), first.version)
    assert first.interpretation.comments[0].startswith("Group 4 (ratio < 2.0")
    assert again.interpretation.comments == ("Our group 4 wording.", "Our 2023 wording.")
    assert cases.load(entry.accession).interpretation.comments == again.interpretation.comments
    assert again.interpretation.rules_version != first.interpretation.rules_version
    assert len(lab.events("setting")) == 2  # one audit row per changed setting


def test_a_save_with_the_defaults_records_their_rule_set(lab: Lab) -> None:
    assert _rule_sets(lab) == {}
    saved = lab.cases(lab.tech).save(breast("3+"), None)
    assert saved.interpretation.rules_version == DEFAULT_RULES_VERSION
    assert _rule_sets(lab) == {fingerprint(DEFAULT_SETTINGS): canonical_json(DEFAULT_SETTINGS)}
    lab.cases(lab.tech).save(replace(breast("3+"), accession="S26-RULE2"), None)
    assert len(_rule_sets(lab)) == 1  # recorded once


@pytest.mark.parametrize("who", ["tech", "path"])
def test_only_an_administrator_changes_a_rule(lab: Lab, who: str) -> None:
    before = lab.audit_count()
    with pytest.raises(WorkflowError, match="only an administrator"):
        LabSettingsService(lab.database).update(getattr(lab, who), "rules.report_her2_low", "false")
    with pytest.raises(WorkflowError, match="only an administrator"):
        LabSettingsService(lab.database).update(
            None, "comments.group_2", "text", local_administrator="cli:someone"
        )  # a database with users trusts no operator's claim
    assert lab.audit_count() == before
    assert _rule_sets(lab) == {}
    assert RuleSettingsService(lab.database).load() == DEFAULT_SETTINGS


def test_a_bad_value_or_an_upside_down_range_is_refused_and_nothing_is_written(lab: Lab) -> None:
    service = LabSettingsService(lab.database)
    before = lab.audit_count()
    named = r"rules\.near_ratio_low \(Near-threshold notice: lowest ratio\)"
    with pytest.raises(LabSettingError, match=named):
        service.update_many(lab.admin, {"lab_name": "Synthetic Lab", "rules.near_ratio_low": "two"})
    with pytest.raises(LabSettingError) as upside_down:
        service.update_many(lab.admin, {"lab_name": "Synthetic Lab", "rules.fixation_hours_max": "5"})
    assert "rules.fixation_hours_min" in str(upside_down.value)
    assert "rules.fixation_hours_max" in str(upside_down.value)
    assert lab.audit_count() == before
    assert service.load().lab_name == ""
    assert _rule_sets(lab) == {}
    # Both ends together, in order: allowed.
    service.update_many(lab.admin, {"rules.fixation_hours_min": "80", "rules.fixation_hours_max": "96"})
    assert RuleSettingsService(lab.database).load().fixation_hours_max == 96


def test_a_reset_to_the_default_gives_the_default_rules_version_again(lab: Lab) -> None:
    service = LabSettingsService(lab.database)
    service.update(lab.admin, "rules.cold_ischaemia_max_minutes", "90")
    assert rules_version(RuleSettingsService(lab.database).load()) != DEFAULT_RULES_VERSION
    service.update(lab.admin, "rules.cold_ischaemia_max_minutes", "60")
    assert rules_version(RuleSettingsService(lab.database).load()) == DEFAULT_RULES_VERSION
    assert len(_rule_sets(lab)) == 2  # the defaults (in force before, and again) and the changed set


def test_an_unusable_stored_rule_falls_back_to_its_default_and_is_reported(lab: Lab) -> None:
    with lab.database.write_engine.begin() as connection:
        connection.execute(
            LabSetting.__table__.insert().values(
                name="rules.near_ratio_low", value="1,8", changed_at=utc_now(), changed_by="by-hand"
            )
        )
    settings, problems = RuleSettingsService(lab.database).load_checked()
    assert settings == DEFAULT_SETTINGS
    [problem] = problems
    assert "rules.near_ratio_low" in problem
    assert "'1.80' applies" in problem
    assert lab.cases(lab.tech).save(breast("3+"), None).interpretation.rules_version == DEFAULT_RULES_VERSION


def test_an_import_interprets_every_case_with_the_lab_rules(lab: Lab) -> None:
    LabSettingsService(lab.database).update(lab.admin, "rules.report_her2_low", "false")
    entries = [replace(breast("1+"), accession=f"S26-IMP{i}") for i in range(3)]
    assert lab.cases(lab.tech).import_cases(entries) == 3
    for entry in entries:
        stored = lab.cases(lab.tech).load(entry.accession)
        assert stored.interpretation.descriptor is None  # HER2-low not reported by this lab
        assert stored.interpretation.rules_version == rules_version(RuleSettingsService(lab.database).load())


def test_an_import_is_refused_whole_when_the_lab_rules_make_a_case_invalid(lab: Lab) -> None:
    LabSettingsService(lab.database).update(lab.admin, "rules.gastroesophageal_biopsy_cluster_cells", "7")
    entry, _value, _words = RULE_CASES["rules.gastroesophageal_biopsy_cluster_cells"]
    entries = [replace(breast("3+"), accession="S26-IMP1"), entry]
    with pytest.raises(CaseInvalidError, match="at least 7 stained tumour cells"):
        lab.cases(lab.tech).import_cases(entries)
    assert lab.cases(lab.tech).load("S26-IMP1") is None  # all or nothing


def test_rule_settings_of_any_stored_version_load_back(lab: Lab) -> None:
    service = RuleSettingsService(lab.database)
    assert service.settings_for_version("her2desk-rules-1") == (settings_for_legacy_version(), [])
    with pytest.raises(LookupError, match="not recorded"):
        service.settings_for_version("her2desk-rules-1+0123456789ab")
    with pytest.raises(LookupError, match="not a her2desk rules version"):
        service.settings_for_version("rules-1")
    LabSettingsService(lab.database).update(lab.admin, "comments.group_3", "Ours.")
    current = service.load()
    assert service.settings_for_version(rules_version(current)) == (current, [])
    settings, note = service.for_result(DEFAULT_RULES_VERSION)
    assert settings == DEFAULT_SETTINGS  # recorded with the change: the set in force until then
    assert f"the lab's rules are now {rules_version(current)}" in note
    assert service.for_result(rules_version(current)) == (current, "")


def test_the_rule_set_table_only_grows(lab: Lab) -> None:
    service = LabSettingsService(lab.database)
    for value in ("1", "2", "1"):
        service.update(lab.admin, "rules.gastroesophageal_min_fragments", value)
    with lab.database.engine.connect() as connection:
        rows = connection.execute(text("SELECT fingerprint, recorded_by FROM rule_set")).all()
    assert len(rows) == 3  # the defaults, then 1 and 2 fragments; going back to 1 adds no row
    assert {who for _f, who in rows} == {"ada"}


def _stored_versions(database: Database) -> set[str]:
    with database.engine.connect() as connection:
        return set(connection.execute(text("SELECT DISTINCT rules_version FROM interpretation")).scalars())


def _all_recorded(database: Database) -> None:
    service = RuleSettingsService(database)
    for version in _stored_versions(database):
        settings, problems = service.settings_for_version(version)  # LookupError if not recorded
        assert rules_version(settings) == version
        assert problems == []


def test_every_stored_result_has_its_rule_set(lab: Lab) -> None:
    lab.cases(lab.tech).save(breast("3+"), None)
    LabSettingsService(lab.database).update(lab.admin, "rules.report_her2_low", "false")
    lab.cases(lab.tech).save(replace(breast("1+"), accession="S26-RULE2"), None)
    assert len(_stored_versions(lab.database)) == 2
    _all_recorded(lab.database)


def test_demo_cases_have_their_rule_set(tmp_path: Path) -> None:
    from her2desk.demo.seed import seed_demo

    database = open_database(str(tmp_path / "demo.sqlite3"))  # a demo database: no lab accounts
    try:
        seed_demo(database, 5)  # bulk-written with her2desk's default rules, not through a save
        assert _stored_versions(database) == {DEFAULT_RULES_VERSION}
        _all_recorded(database)
    finally:
        database.close()
