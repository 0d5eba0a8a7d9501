"""What the settings commands do (`her2desk settings show|set|reset`); loaded only when one of them runs.

The lab-configurable rules and report comments (`rules.*`, `comments.*`, `domain.rule_settings`) are
settings like the others: listed by `show` after the workflow settings, with the rules version they
give; changed by `set` and `reset` through the same audited, administrator-only path. A long comment
text is shortened in the list; `settings show NAME` prints one setting's whole value.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from her2desk.cli.user_handlers import (
    Answers,
    CredentialsError,
    _err,
    _os_user,
    acting_administrator,
    read_administrator_password,
)
from her2desk.domain.guideline_settings import GuidelineSettings
from her2desk.domain.lab_settings import (
    SETTING_LABELS,
    SETTING_NAMES,
    LabSettingError,
    LabSettings,
    canonical_setting_name,
)
from her2desk.domain.rule_settings import (
    RULE_SETTING_LABELS,
    RULE_SETTING_NAMES,
    any_default_text,
    format_any_setting,
    format_rule_value,
    parse_any_setting,
    rule_value,
    rules_version,
)
from her2desk.domain.workflow import WorkflowError
from her2desk.services.bundle import Services
from her2desk.store.database import Database, DatabaseError, open_database

RULES_VERSION_NAME = "rules_version"
RULES_VERSION_LABEL = "Rules version (the rules and comments above; stored with every result)"
SHOWN_CHARS = 60  # a longer value is shortened in the list (settings show NAME prints it whole)


def _labels() -> dict[str, str]:
    return {**SETTING_LABELS, **RULE_SETTING_LABELS}


def _text(name: str, lab: LabSettings, rules: GuidelineSettings) -> str:
    if name == RULES_VERSION_NAME:
        return rules_version(rules)
    if name in RULE_SETTING_LABELS:
        return format_rule_value(rule_value(rules, name))
    return format_any_setting(getattr(lab, name))


def short(text: str, limit: int = SHOWN_CHARS) -> str:
    """One line of at most `limit` characters (line breaks shown as spaces)."""
    line = " ".join(text.split("\n"))
    return line if len(line) <= limit else line[: limit - 3].rstrip() + "..."


def _load(database: Database) -> tuple[LabSettings, GuidelineSettings, list[str]]:
    services = Services(database)
    lab, problems = services.lab_settings.load_checked()
    rules, rule_problems = services.rule_settings.load_checked()
    return lab, rules, problems + rule_problems


def run_settings_show(args: argparse.Namespace) -> int:
    wanted = getattr(args, "name", None)
    if wanted is not None:
        wanted = canonical_setting_name(wanted)
    if wanted is not None and wanted != RULES_VERSION_NAME and wanted not in _labels():
        try:
            parse_any_setting(wanted, "")  # the message that names the settings
        except LabSettingError as error:
            _err(str(error))
        return 2
    try:
        database = open_database(getattr(args, "database", None), create=False)  # a typo makes no file
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        lab, rules, problems = _load(database)
    except SQLAlchemyError as error:
        _err(f"database error: {getattr(error, 'orig', None) or error}")
        return 1
    finally:
        database.close()
    for problem in problems:
        _err(f"warning: {problem}")
    if wanted is not None:
        print(_text(wanted, lab, rules))
        return 0
    labels = _labels()
    shortened = False
    for name in (*SETTING_NAMES, *RULE_SETTING_NAMES, RULES_VERSION_NAME):
        text = _text(name, lab, rules)
        shown = short(text)
        shortened |= shown != text
        print(f"{name}\t{shown}\t{labels.get(name, RULES_VERSION_LABEL)}")
    if shortened:
        print("(long texts are shortened: `her2desk settings show NAME` prints one whole)", file=sys.stderr)
    return 0


def run_settings_set(args: argparse.Namespace) -> int:
    return _change(args, canonical_setting_name(args.name), args.value)


def run_settings_reset(args: argparse.Namespace) -> int:
    """Set one setting back to the value her2desk ships (audited like any change)."""
    args.name = canonical_setting_name(args.name)
    try:
        default = any_default_text(args.name)
    except KeyError:
        try:
            parse_any_setting(args.name, "")
        except LabSettingError as problem:
            _err(f"{problem}; nothing was changed")
        return 2
    return _change(args, args.name, default)


def _change(args: argparse.Namespace, name: str, value: str) -> int:
    try:
        parse_any_setting(name, value)  # before opening (or creating) a database
    except LabSettingError as problem:
        _err(f"{problem}; nothing was changed")
        return 2
    try:
        admin_password = read_administrator_password(args, Answers())
    except CredentialsError as refused:
        _err(f"{refused}; nothing was changed")
        return 2
    try:
        database = open_database(getattr(args, "database", None))
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        by = acting_administrator(database, args.as_user, admin_password)
        service = Services(database).lab_settings
        lab, rules, _problems = _load(database)
        before, version_before = _text(name, lab, rules), rules_version(rules)
        local = None if by else f"cli:{_os_user()}"  # only while the database has no users
        service.update(by, name, value, local_administrator=local)
        lab, rules, _problems = _load(database)
        after, version_after = _text(name, lab, rules), rules_version(rules)
    except (CredentialsError, LabSettingError, WorkflowError) as problem:
        _err(f"{problem}; nothing was changed")
        return 2
    except SQLAlchemyError as error:
        _err(f"database error: {getattr(error, 'orig', None) or error}")
        return 1
    finally:
        database.close()
    if before == after:
        print(f"{name} is already {short(after)!r}; nothing was changed")
    else:
        print(f"{name}: {short(before)!r} -> {short(after)!r}")
    if version_before != version_after:
        print(f"rules version: {version_before} -> {version_after}")
    return 0
