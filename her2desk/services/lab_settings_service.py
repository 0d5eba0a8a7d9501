"""Lab settings kept in the shared database: read by every workstation, changed by an administrator.

A setting nobody changed has no row and takes its default from `domain.lab_settings`. A stored value
this program cannot read (written by hand, or by another version) falls back to the default and is
reported — logged and returned by `load_checked` — so a bad row never stops the lab from working.
A change re-reads the caller's role from the database, parses the value with the domain's rules and
writes the row and its audit row (action "setting", table "lab_setting") in one transaction.
`read_lab_settings(connection)` lets another service read the policy inside its own transaction
(sign-out does), so a change applies at once on every workstation. The lab-configurable rules and
report comments (`rules.*`, `comments.*`, see `domain.rule_settings`) are changed here too, checked as a
whole (a range must not turn upside down), and a change that puts a new set of rules in force records it
in `rule_set` in the same transaction; `services.rule_settings` reads them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from her2desk.domain.lab_settings import (
    DEFAULT_LAB_SETTINGS,
    SETTING_NAMES,
    LabSettingError,
    LabSettings,
    format_setting,
    parse_setting,
)
from her2desk.domain.phrases import Phrase
from her2desk.domain.rule_settings import (
    any_default_text,
    format_any_setting,
    is_rule_setting,
    parse_any_setting,
    rules_version,
)
from her2desk.domain.workflow import Actor, Role, WorkflowError
from her2desk.services.rule_settings import record_in_force, rules_after_changes
from her2desk.store.audit import record_event, utc_now
from her2desk.store.database import Database
from her2desk.store.lab_setting_rows import lock_settings, put_setting, setting_rows, stored_setting
from her2desk.store.users import current_actor, has_users

log = logging.getLogger(__name__)

ADMINISTRATOR_ONLY = Phrase("only an administrator may change lab settings")
AUDIT_ACTION = "setting"
AUDIT_TABLE = "lab_setting"


def read_lab_settings(connection: Connection) -> tuple[LabSettings, list[str]]:
    """The settings stored on `connection` (defaults where missing or unreadable) and the problems found."""
    rows = setting_rows(connection)
    settings = DEFAULT_LAB_SETTINGS
    problems: list[str] = []
    for name, value in rows:
        if name not in SETTING_NAMES:
            continue  # written by a newer program; this one has no use for it
        try:
            # The field's type depends on the name, known only at run time; parse_setting returns it.
            change: dict[str, Any] = {name: parse_setting(name, value)}
            settings = replace(settings, **change)
        except LabSettingError as error:
            default = format_setting(getattr(DEFAULT_LAB_SETTINGS, name))
            problems.append(
                f"the stored value of {name} cannot be used ({error}); the default {default!r} applies"
            )
    return settings, problems


class LabSettingsService:
    def __init__(self, database: Database) -> None:
        self.database = database

    def load_checked(self) -> tuple[LabSettings, list[str]]:
        """The lab's settings and, in words, any stored value that could not be used."""
        with self.database.engine.connect() as connection:
            settings, problems = read_lab_settings(connection)
        for problem in problems:
            log.warning("lab settings: %s", problem)
        return settings, problems

    def load(self) -> LabSettings:
        return self.load_checked()[0]

    def update(
        self, actor: Actor | None, name: str, raw: str, *, local_administrator: str | None = None
    ) -> LabSettings:
        """Change one setting. `actor` is the signed-in user (must be an administrator, re-read from the
        database); without one, `local_administrator` names the trusted command-line operator.
        Raises LabSettingError for an unknown name or a value that is not allowed, WorkflowError when
        the caller may not change settings. Setting the value it already has changes nothing."""
        return self.update_many(actor, {name: raw}, local_administrator=local_administrator)

    def update_many(
        self, actor: Actor | None, changes: Mapping[str, str], *, local_administrator: str | None = None
    ) -> LabSettings:
        """Change several settings at once, all or nothing (the settings dialog's Save): every value
        is parsed before anything is written, and each changed setting gets its own audit row."""
        values = {name: format_any_setting(parse_any_setting(name, raw)) for name, raw in changes.items()}
        now = utc_now()
        with self.database.write_engine.begin() as connection:
            if actor is not None:
                current = current_actor(connection, actor)
                if current.role is not Role.ADMINISTRATOR:
                    raise WorkflowError([ADMINISTRATOR_ONLY])
                who = current.username
            elif local_administrator and not has_users(connection):
                who = local_administrator  # the operator of a lab with no accounts yet
            else:  # once accounts exist, a signed-in administrator, whatever the caller claims
                raise WorkflowError([ADMINISTRATOR_ONLY])
            lock_settings(connection)
            rules = rules_after_changes(connection, values)  # None: no rule among the changes
            noted = {"rules_version": rules_version(rules[1])} if rules is not None else {}
            for name, value in values.items():
                _write(connection, name, value, who, now, noted if is_rule_setting(name) else {})
            for in_force in rules or ():  # the rules until now (maybe never saved with) and from now
                record_in_force(connection, in_force, who, now)
            after, _problems = read_lab_settings(connection)
        return after


def _write(
    connection: Connection, name: str, value: str, who: str, now: datetime, noted: Mapping[str, str]
) -> None:
    """Store one setting and its audit row (with `noted`, e.g. the rules version a rule change gives);
    nothing when it already has that value."""
    stored = stored_setting(connection, name)
    old = stored if stored is not None else any_default_text(name)
    if stored == value or (stored is None and value == old):
        return
    put_setting(connection, name, value, who, now, stored=stored is not None)
    record_event(
        connection,
        at=now,
        who=who,
        action=AUDIT_ACTION,
        table=AUDIT_TABLE,
        record=name,
        old={"name": name, "value": old, "stored": stored is not None},
        new={"name": name, "value": value, **noted},
    )
