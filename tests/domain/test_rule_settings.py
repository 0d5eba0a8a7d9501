"""The lab-configurable rules as settings: found from the dataclasses, parsed with ranges, fingerprinted.

For every rule setting: a case whose check changes with it (`rule_setting_cases`), and a rules version
that changes with it. The engine stamps the version of the settings it ran with on every result.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from decimal import Decimal

import pytest
from support.rule_setting_cases import RULE_CASES, check_text

from her2desk.domain import report_comments
from her2desk.domain.case_checks import check_case
from her2desk.domain.engine import interpret
from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, RULES_VERSION, GuidelineSettings
from her2desk.domain.inputs import Her2TestInput
from her2desk.domain.lab_settings import LabSettingError
from her2desk.domain.legacy_rules import LEGACY_FINGERPRINT, LEGACY_VALUES
from her2desk.domain.rule_settings import (
    DEFAULT_RULES_VERSION,
    MAX_COMMENT_CHARS,
    ORDERED_PAIRS,
    RULE_SETTING_LABELS,
    RULE_SETTING_NAMES,
    RULE_SETTINGS,
    RULE_SETTINGS_BY_NAME,
    canonical_json,
    fingerprint,
    fingerprint_of_version,
    format_rule_value,
    parse_any_setting,
    parse_rule_setting,
    rule_problems,
    rule_value,
    rules_version,
    settings_for_legacy_version,
    settings_from_json,
    settings_from_values,
    specs_of,
    with_rule_values,
)
from her2desk.domain.vocabulary import IhcScore, Site


def changed(name: str, text: str) -> GuidelineSettings:
    return with_rule_values(DEFAULT_SETTINGS, {name: parse_rule_setting(name, text)})


def test_every_settings_field_is_a_lab_setting_found_from_the_dataclasses() -> None:
    expected = [f"rules.{f.name}" for f in dataclasses.fields(GuidelineSettings) if f.name != "comments"] + [
        f"comments.{f.name}" for f in dataclasses.fields(report_comments.ReportComments)
    ]
    assert sorted(RULE_SETTING_NAMES) == sorted(expected)
    for spec in RULE_SETTINGS:
        assert rule_value(DEFAULT_SETTINGS, spec.name) == spec.default
        assert len(spec.name) <= 64  # the lab_setting.name column


def test_a_field_added_later_becomes_a_setting_with_no_further_code() -> None:
    @dataclasses.dataclass(frozen=True)
    class Comments(report_comments.ReportComments):
        lab_note: str = "A note."

    @dataclasses.dataclass(frozen=True)
    class Settings(GuidelineSettings):
        report_something_new: bool = False
        comments: Comments = dataclasses.field(default_factory=Comments)

    specs = {spec.name: spec for spec in specs_of(Settings)}
    assert set(specs) == {*RULE_SETTING_NAMES, "rules.report_something_new", "comments.lab_note"}
    assert specs["rules.report_something_new"].kind is bool
    assert specs["rules.report_something_new"].label == "Report something new"
    assert specs["rules.report_something_new"].allowed() == "true or false"
    assert specs["comments.lab_note"].label == "Report comment: lab note"
    assert specs["comments.lab_note"].kind is str


def test_every_rule_setting_has_a_case() -> None:
    assert sorted(RULE_CASES) == sorted(RULE_SETTING_NAMES)


def test_labels_are_words() -> None:
    for name, label in RULE_SETTING_LABELS.items():
        assert label, name
        assert "_" not in label, name
        assert not label.startswith(("rules.", "comments.")), name
        assert label[0].isupper(), name
    assert len(set(RULE_SETTING_LABELS.values())) == len(RULE_SETTING_LABELS)


def test_every_default_reads_back_as_itself() -> None:
    for spec in RULE_SETTINGS:
        assert parse_rule_setting(spec.name, format_rule_value(spec.default)) == spec.default, spec.name
    again, problems = settings_from_json(canonical_json(DEFAULT_SETTINGS))
    assert (again, problems) == (DEFAULT_SETTINGS, [])


@pytest.mark.parametrize("name", sorted(RULE_CASES))
def test_each_rule_changes_its_case(name: str) -> None:
    entry, value, words = RULE_CASES[name]
    before = check_case(entry)
    after = check_case(entry, settings=changed(name, value))
    assert not before.errors, before.errors
    assert (words in check_text(before)) != (words in check_text(after)), (name, check_text(after))
    assert after.interpretation.rules_version == rules_version(changed(name, value))
    assert before.interpretation.rules_version == DEFAULT_RULES_VERSION


@pytest.mark.parametrize("name", sorted(RULE_CASES))
def test_each_rule_changes_the_rules_version(name: str) -> None:
    _entry, value, _words = RULE_CASES[name]
    settings = changed(name, value)
    assert rules_version(settings) != DEFAULT_RULES_VERSION
    assert rules_version(settings).startswith(f"{RULES_VERSION}+")
    # The same settings, built another way, give the same version.
    rebuilt, problems = settings_from_values({name: value})
    assert not problems
    assert rules_version(rebuilt) == rules_version(settings)
    assert fingerprint_of_version(rules_version(settings)) == fingerprint(settings)


def test_the_rules_version_is_a_short_hash_of_the_canonical_json() -> None:
    text = canonical_json(DEFAULT_SETTINGS)
    values = json.loads(text)
    assert list(values) == sorted(values) == sorted(RULE_SETTING_NAMES)
    assert values["rules.near_ratio_low"] == "1.80"
    assert values["comments.group_2"] == report_comments.GROUP_2
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    assert f"her2desk-rules-1+{digest}" == DEFAULT_RULES_VERSION


def test_the_legacy_values_are_the_settings_shipped_before_and_are_frozen() -> None:
    text = json.dumps(LEGACY_VALUES, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert hashlib.sha256(text.encode("utf-8")).hexdigest()[:12] == LEGACY_FINGERPRINT == "1ec60070916c"
    legacy = settings_for_legacy_version()
    for name, value in LEGACY_VALUES.items():
        assert format_rule_value(rule_value(legacy, name)) == value
    assert fingerprint_of_version("her2desk-rules-1") == ""
    assert fingerprint_of_version("her2desk-rules-2+1ec60070916c") is None
    assert fingerprint_of_version("her2desk-rules-1+XYZ") is None


def test_the_engine_stamps_the_version_of_the_settings_it_ran_with() -> None:
    test = Her2TestInput(site=Site.BREAST, ihc=IhcScore.ONE_PLUS, stained_pct=Decimal(50))
    lab = changed("rules.report_her2_low", "false")
    assert interpret(test).rules_version == DEFAULT_RULES_VERSION
    assert interpret(test, lab).rules_version == rules_version(lab) != DEFAULT_RULES_VERSION
    invalid = Her2TestInput(site=Site.BREAST)  # errors: still says which rules found them
    assert interpret(invalid, lab).errors
    assert interpret(invalid, lab).rules_version == rules_version(lab)


@pytest.mark.parametrize(
    ("name", "raw", "allowed"),
    [
        ("rules.report_her2_low", "maybe", "use true or false"),
        ("rules.gastroesophageal_resection_pct", "101", "a number from 0 to 100 percent"),
        ("rules.gastroesophageal_resection_pct", "-1", "a number from 0 to 100 percent"),
        ("rules.gastroesophageal_resection_pct", "10,5", "a number from 0 to 100 percent"),
        ("rules.gastroesophageal_resection_pct", "1e1", "a number from 0 to 100 percent"),
        ("rules.gastroesophageal_resection_pct", "NaN", "a number from 0 to 100 percent"),
        ("rules.near_ratio_low", "1.805", "at most 2 decimal places"),
        ("rules.near_ratio_high", "11", "a number from 0 to 10"),
        ("rules.her2_high_warning", "0", "above 0 and at most 100 signals per cell"),
        ("rules.gastroesophageal_biopsy_cluster_cells", "0", "a whole number from 1 to 1000 cells"),
        ("rules.gastroesophageal_biopsy_cluster_cells", "5.5", "a whole number from 1 to 1000 cells"),
        ("rules.cold_ischaemia_max_minutes", "1441", "a whole number from 0 to 1440 minutes"),
        ("rules.cold_ischaemia_max_minutes", "٦٠", "a whole number"),  # Arabic-Indic digits
        ("comments.group_2", "   ", "must not be empty"),
        ("comments.group_2", "x" * (MAX_COMMENT_CHARS + 1), "2,001 characters is too long"),
        ("comments.group_2", "tab\there", "contains the control character U+0009"),
        ("comments.group_2", "bell\x07", "contains the control character U+0007"),
    ],
)
def test_bad_values_are_refused_naming_the_setting_and_what_is_allowed(
    name: str, raw: str, allowed: str
) -> None:
    label = RULE_SETTINGS_BY_NAME[name].label
    with pytest.raises(LabSettingError) as refused:
        parse_rule_setting(name, raw)
    assert str(refused.value).startswith(f"{name} ({label}): ")
    assert allowed in str(refused.value)


def test_good_values_are_read_exactly() -> None:
    assert parse_rule_setting("rules.near_ratio_low", " 1.8 ") == Decimal("1.8")
    assert parse_rule_setting("rules.gastroesophageal_resection_pct", "100") == Decimal(100)
    assert parse_rule_setting("rules.near_copy_margin", "0") == Decimal(0)  # no copy-number notice
    assert parse_rule_setting("rules.report_her2_low", "Yes") is True
    assert parse_rule_setting("rules.cold_ischaemia_max_minutes", "90") == 90
    assert parse_rule_setting("comments.group_2", "  one\r\ntwo\n ") == "one\ntwo"
    assert parse_rule_setting("comments.group_2", "x" * MAX_COMMENT_CHARS) == "x" * MAX_COMMENT_CHARS
    assert parse_any_setting("idle_lock_minutes", "15") == 15  # the workflow settings still parse
    with pytest.raises(LabSettingError, match=r"unknown setting 'rules\.colour'"):
        parse_any_setting("rules.colour", "red")


def test_ranges_must_not_turn_upside_down() -> None:
    assert ("rules.near_ratio_low", "rules.near_ratio_high") in ORDERED_PAIRS
    assert ("rules.cep17_low_warning", "rules.cep17_high_warning") in ORDERED_PAIRS
    assert ("rules.fixation_hours_min", "rules.fixation_hours_max") in ORDERED_PAIRS
    assert rule_problems(DEFAULT_SETTINGS) == []
    upside_down = changed("rules.fixation_hours_min", "80")
    [problem] = rule_problems(upside_down)
    assert "rules.fixation_hours_min (Fixation: shortest time without a warning (hours)) is 80" in problem
    assert "rules.fixation_hours_max" in problem
    assert rule_problems(changed("rules.fixation_hours_min", "72")) == []  # equal is allowed


def test_a_recorded_rule_set_loads_back_and_says_what_it_cannot_reproduce() -> None:
    lab = changed("comments.group_3", "Lab wording.")
    assert settings_from_json(canonical_json(lab)) == (lab, [])
    values = json.loads(canonical_json(lab))
    del values["rules.report_her2_low"]
    values["rules.retired_rule"] = "true"
    values["rules.near_ratio_low"] = "lots"
    settings, problems = settings_from_json(json.dumps(values))
    assert settings.comments.group_3 == "Lab wording."
    assert settings.near_ratio_low == DEFAULT_SETTINGS.near_ratio_low
    assert any("rules.near_ratio_low" in p and "cannot be used" in p for p in problems)
    assert any("rules.retired_rule is not a rule setting" in p for p in problems)
    assert any("rules.report_her2_low was not recorded" in p for p in problems)
    assert settings_from_json("not json")[1]
