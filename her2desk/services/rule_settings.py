"""The lab's rule settings in the shared database: read for every interpretation that is stored or shown.

The rules and report comments a lab may configure (`domain.rule_settings`) are lab settings: rows of
`lab_setting` named `rules.*` and `comments.*`, changed only by an administrator through
`LabSettingsService` (audited, one transaction), defaults where no row exists. This module reads them:

* `read_rule_settings(connection)` inside another transaction. A case save reads them inside its own
  write transaction (`under_lab_rules`), as sign-out reads the self-verification policy: the stored
  interpretation is always the one the lab's rules give at the moment of the save, whatever settings
  the caller checked the case with first (the case is checked again when they differ, and refused if
  the lab's rules make it invalid). The same call records the rule set in `rule_set` if it is new.
* `RuleSettingsService` for windows and commands: the current settings, and the settings of any rules
  version a stored result carries (`settings_for_version`), so a result can be re-derived.

A stored value that cannot be used (written by hand, or by another program version) falls back to the
default and is reported, as for the other lab settings; it never stops the lab from working.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import Connection

from her2desk.domain.case import CaseEntry
from her2desk.domain.case_checks import CaseCheck, check_case
from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.lab_settings import LabSettingError
from her2desk.domain.phrases import Phrase
from her2desk.domain.records import CaseInvalidError
from her2desk.domain.rule_settings import (
    RULE_SETTINGS_BY_NAME,
    fingerprint,
    fingerprint_of_version,
    parse_rule_setting,
    rule_problems,
    rules_version,
    settings_for_legacy_version,
    settings_from_json,
    settings_from_values,
    with_rule_values,
)
from her2desk.store.database import Database
from her2desk.store.lab_setting_rows import setting_rows
from her2desk.store.rule_sets import record_settings, rule_set_json

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=16)
def _settings_of_rows(rows: tuple[tuple[str, str], ...]) -> tuple[GuidelineSettings, tuple[str, ...]]:
    """Parsing is cached by the stored rows: a save reads them every time, they rarely change."""
    settings, problems = settings_from_values(dict(rows))
    return settings, tuple(problems)


def read_rule_settings(connection: Connection) -> tuple[GuidelineSettings, list[str]]:
    """The rule settings stored on `connection` (defaults where missing or unusable) and the problems."""
    rows = setting_rows(connection)
    wanted = tuple(sorted((name, value) for name, value in rows if name in RULE_SETTINGS_BY_NAME))
    settings, problems = _settings_of_rows(wanted)
    return settings, list(problems)


def record_in_force(connection: Connection, settings: GuidelineSettings, who: str, now: datetime) -> None:
    """Make sure the rule set of `settings` is recorded (in the caller's transaction)."""
    record_settings(connection, settings, who, now)


def lab_rules(connection: Connection, who: str, now: datetime) -> GuidelineSettings:
    """The lab's rule settings now, recorded in `rule_set` if new (inside a save's transaction)."""
    settings, problems = read_rule_settings(connection)
    for problem in problems:
        log.warning("rule settings: %s", problem)
    record_in_force(connection, settings, who, now)
    return settings


def recheck(entry: CaseEntry, check: CaseCheck, settings: GuidelineSettings) -> CaseCheck:
    """`check` if it was made with `settings`, else the case checked again with them; CaseInvalidError
    when the lab's rules find errors the caller's check did not."""
    if check.interpretation.rules_version == rules_version(settings):
        return check
    # The site was judged by `check` (with the stored value, see CaseService.save); the lab's rules
    # have nothing to say about it.
    again = check_case(entry, None, settings, kept_metastatic_site=entry.specimen.metastatic_site)
    if again.errors:
        raise CaseInvalidError(again.errors)
    return again


def under_lab_rules(
    connection: Connection, entry: CaseEntry, check: CaseCheck, who: str, now: datetime
) -> tuple[CaseCheck, GuidelineSettings]:
    """The check a save stores, made with the lab's rule settings read in the save's transaction, and
    those settings (the store derives the reported result with them)."""
    settings = lab_rules(connection, who, now)
    return recheck(entry, check, settings), settings


def all_under_lab_rules(
    connection: Connection, entries: Sequence[CaseEntry], checks: Sequence[CaseCheck], who: str, now: datetime
) -> list[CaseCheck]:
    """`under_lab_rules` for many cases saved in one transaction (an import): the settings read once."""
    settings = lab_rules(connection, who, now)
    return [recheck(entry, check, settings) for entry, check in zip(entries, checks, strict=True)]


def rules_after_changes(
    connection: Connection, values: Mapping[str, str]
) -> tuple[GuidelineSettings, GuidelineSettings] | None:
    """The rule settings in force and those a settings change would put in force (None when it changes
    no rule), the latter checked as a whole: LabSettingError when a range would be upside down (the
    change is then not made)."""
    changes = {name: text for name, text in values.items() if name in RULE_SETTINGS_BY_NAME}
    if not changes:
        return None
    current, _problems = read_rule_settings(connection)
    typed = {name: parse_rule_setting(name, text) for name, text in changes.items()}
    after = with_rule_values(current, typed)
    problems = rule_problems(after)
    if problems:
        raise LabSettingError(Phrase.listing(problems, "; "))
    return current, after


class RuleSettingsService:
    """The lab's rule settings for a window or a command (each call reads the database afresh)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def load_checked(self) -> tuple[GuidelineSettings, list[str]]:
        with self.database.engine.connect() as connection:
            settings, problems = read_rule_settings(connection)
        for problem in problems:
            log.warning("rule settings: %s", problem)
        return settings, problems

    def load(self) -> GuidelineSettings:
        return self.load_checked()[0]

    def settings_for_version(self, version: str) -> tuple[GuidelineSettings, list[str]]:
        """The rule settings a result with rules version `version` was computed with, and, in words,
        anything about them this program cannot reproduce. LookupError for a version that is not one
        of this program's or whose rule set was never recorded."""
        print_ = fingerprint_of_version(version)
        if print_ is None:
            raise LookupError(f"{version!r} is not a her2desk rules version")
        if print_ == "":
            return settings_for_legacy_version(), []
        with self.database.engine.connect() as connection:
            recorded = rule_set_json(connection, print_)
        if recorded is None:
            raise LookupError(f"the rule settings of {version} are not recorded in this database")
        settings, problems = settings_from_json(recorded)
        if fingerprint(settings) != print_ and not problems:
            problems.append(f"the recorded rule settings do not give the fingerprint {print_}")
        return settings, problems

    def for_result(self, version: str) -> tuple[GuidelineSettings, str]:
        """The rule settings to re-check a stored result with (those it was made with; the lab's current
        ones when this database cannot give them back) and a note, in words, when the lab's rules have
        changed since the result was interpreted ("" when they are the same)."""
        current = self.load()
        try:
            settings, problems = self.settings_for_version(version)
        except LookupError as missing:
            return current, f"The rule settings of this result cannot be shown ({missing})."
        for problem in problems:
            log.warning("rule set %s: %s", version, problem)
        if rules_version(current) == version:
            return settings, ""
        return settings, (
            f"This result was interpreted with rules version {version}; the lab's rules are now "
            f"{rules_version(current)}. Saving the case again interprets it with the current rules."
        )
