"""Lab settings commands: `her2desk settings show [NAME]`, `settings set NAME VALUE`, `settings reset NAME`.

The settings are the workflow and handout choices (`domain.lab_settings`) and the lab-configurable
rules and report comments (`rules.*`, `comments.*`, `domain.rule_settings`).

Only the argument declarations live here; the work is in `settings_handlers.py`, imported when a
settings command runs. Like `users add`, `settings set` needs `--as NAME` of an active administrator
and their password once the database has users; only on a database without users is the local operator
trusted (the audit trail then records the operating-system account). Exit status: 0 success, 1 an
unusable database, 2 an unknown setting, a value that is not allowed or refused credentials.
"""

from __future__ import annotations

import argparse

from her2desk.cli.lazy import lazy_handler
from her2desk.cli.user_commands import CREDENTIALS_HELP, _database_option, as_option, missing_action


def register(subparsers: argparse._SubParsersAction, root: argparse.ArgumentParser) -> None:
    settings = subparsers.add_parser(
        "settings",
        help="show or change the lab's settings",
        description="Show or change the lab's settings. " + CREDENTIALS_HELP,
    )
    settings_sub = settings.add_subparsers(dest="settings_command", metavar="ACTION", title="actions")
    settings.set_defaults(handler=missing_action(settings))
    show = settings_sub.add_parser(
        "show",
        help="list every setting: name, value and label (tab-separated), and the rules version",
        description="List every lab setting (name, value and label, tab-separated): the workflow and "
        "handout settings, the rules (rules.NAME) and the report comment texts (comments.NAME), then "
        "the rules version they give, which is stored with every result. Long texts are shortened; "
        "give NAME to print one setting's whole value.",
    )
    show.add_argument("name", metavar="NAME", nargs="?", default=None, help="print only this setting, whole")
    _database_option(show)
    show.set_defaults(handler=lazy_handler("her2desk.cli.settings_handlers", "run_settings_show"))
    change = settings_sub.add_parser(
        "set",
        help="change one setting (audited)",
        description="Change one lab setting for every workstation on the database. Settings: lab_name, "
        "lab_contact (the handout's contact line), allow_self_verification and "
        "allow_preliminary_handouts (true or false), idle_lock_minutes (1-240), handout_language "
        "(en or es); the rules (rules.NAME) and report comment texts (comments.NAME) that "
        "`her2desk settings show` lists, each with what it allows. A rule change gives a new rules "
        "version for every result interpreted from then on. Give an empty value as ''. " + CREDENTIALS_HELP,
    )
    change.add_argument("name", metavar="NAME")
    change.add_argument("value", metavar="VALUE")
    as_option(change)
    _database_option(change)
    change.set_defaults(handler=lazy_handler("her2desk.cli.settings_handlers", "run_settings_set"))
    reset = settings_sub.add_parser(
        "reset",
        help="set one setting back to her2desk's default (audited)",
        description="Set one lab setting back to the value her2desk ships (audited like set). "
        + CREDENTIALS_HELP,
    )
    reset.add_argument("name", metavar="NAME")
    as_option(reset)
    _database_option(reset)
    reset.set_defaults(handler=lazy_handler("her2desk.cli.settings_handlers", "run_settings_reset"))
