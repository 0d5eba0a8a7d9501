"""What the settings commands do (`her2desk settings show|set`); loaded only when one of them runs."""

from __future__ import annotations

import argparse

from sqlalchemy.exc import SQLAlchemyError

from her2desk.cli.user_handlers import (
    Answers,
    CredentialsError,
    _err,
    _os_user,
    acting_administrator,
    read_administrator_password,
)
from her2desk.domain.lab_settings import (
    SETTING_LABELS,
    SETTING_NAMES,
    LabSettingError,
    format_setting,
    parse_setting,
)
from her2desk.domain.workflow import WorkflowError
from her2desk.services.lab_settings_service import LabSettingsService
from her2desk.store.database import DatabaseError, open_database


def run_settings_show(args: argparse.Namespace) -> int:
    try:
        database = open_database(getattr(args, "database", None), create=False)  # a typo makes no file
    except DatabaseError as error:
        _err(str(error))
        return 1
    try:
        settings, problems = LabSettingsService(database).load_checked()
    except SQLAlchemyError as error:
        _err(f"database error: {getattr(error, 'orig', None) or error}")
        return 1
    finally:
        database.close()
    for problem in problems:
        _err(f"warning: {problem}")
    for name in SETTING_NAMES:
        print(f"{name}\t{format_setting(getattr(settings, name))}\t{SETTING_LABELS[name]}")
    return 0


def run_settings_set(args: argparse.Namespace) -> int:
    try:
        parse_setting(args.name, args.value)  # before opening (or creating) a database
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
        service = LabSettingsService(database)
        before = format_setting(getattr(service.load(), args.name))
        local = None if by else f"cli:{_os_user()}"  # only while the database has no users
        after = format_setting(
            getattr(service.update(by, args.name, args.value, local_administrator=local), args.name)
        )
    except (CredentialsError, LabSettingError, WorkflowError) as problem:
        _err(f"{problem}; nothing was changed")
        return 2
    except SQLAlchemyError as error:
        _err(f"database error: {getattr(error, 'orig', None) or error}")
        return 1
    finally:
        database.close()
    if before == after:
        print(f"{args.name} is already {after!r}; nothing was changed")
    else:
        print(f"{args.name}: {before!r} -> {after!r}")
    return 0
