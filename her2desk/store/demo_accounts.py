"""The demo database's user accounts, as plain constants (no SQLAlchemy).

Why a module of its own: `demo.py` creates these accounts when it seeds a demo database, and the
desktop program's fast start (`first_page.py`, stdlib `sqlite3` only) looks the demo pathologist up
by name before SQLAlchemy is loaded. The password is documented (README, the window's status bar)
so a tester can sign in as each person; it exists only in demo databases, which hold synthetic
cases alone (`demo.py` refuses a database of real cases).
"""

from __future__ import annotations

from dataclasses import dataclass

from her2desk.domain.workflow import Role

DEMO_PASSWORD = "demo-password"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: Role


DEMO_PATHOLOGIST = DemoAccount("demo-pathologist", "Dr Demo Pathologist (synthetic)", Role.PATHOLOGIST)
DEMO_PATHOLOGIST_2 = DemoAccount(
    "demo-pathologist-2", "Dr Second Demo Pathologist (synthetic)", Role.PATHOLOGIST
)
DEMO_TECHNOLOGIST = DemoAccount("demo-technologist", "Demo Technologist (synthetic)", Role.TECHNOLOGIST)
DEMO_ADMINISTRATOR = DemoAccount("demo-admin", "Demo Administrator (synthetic)", Role.ADMINISTRATOR)
# The administrator first: the first user of a database is always an administrator.
DEMO_ACCOUNTS = (DEMO_ADMINISTRATOR, DEMO_PATHOLOGIST, DEMO_PATHOLOGIST_2, DEMO_TECHNOLOGIST)


def demo_account_names() -> str:
    """The demo user names, in the order a tester most likely wants them, separated by commas."""
    return ", ".join(
        a.username for a in (DEMO_PATHOLOGIST, DEMO_PATHOLOGIST_2, DEMO_TECHNOLOGIST, DEMO_ADMINISTRATOR)
    )


def demo_accounts_text() -> str:
    """One line for the status bar: who a tester can sign in as, and the password."""
    return f"Demo accounts (password {DEMO_PASSWORD}): {demo_account_names()}"


def demo_accounts_label() -> str:
    """The status bar's short form (the whole `demo_accounts_text` is its tooltip): short enough that
    the window still fits a 1280-pixel screen with room for messages."""
    return f"Demo accounts: password {DEMO_PASSWORD}"
