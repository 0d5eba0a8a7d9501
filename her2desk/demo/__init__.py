"""Demo data: synthetic patients and cases for trying the program, built on the store's own writers.

It sits above the store and the services and below the GUI and the command line, which offer it
(`her2desk --demo`, `her2desk db demo`); nothing clinical depends on it. The demo accounts' names and
password are constants of the store (`store.demo_accounts`), because the desktop program's fast
start reads the demo pathologist with `sqlite3` before anything above the store is imported; they
are offered here to the GUI, which does not import the store (and words them in its own language).
"""

from her2desk.store.demo_accounts import (
    DEMO_PASSWORD,
    DEMO_PATHOLOGIST,
    demo_account_names,
    demo_accounts_label,
    demo_accounts_text,
)

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_PATHOLOGIST",
    "demo_account_names",
    "demo_accounts_label",
    "demo_accounts_text",
]
