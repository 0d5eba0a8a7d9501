"""What the desktop program's start needs before (and while) the services open, so the GUI reaches
the database only through the services: which database to open, its address without the password,
and the default worklist's first page read with `sqlite3` alone (`store.first_page`).

Importing this module loads no SQLAlchemy: the cold start paints the first page before that import.
"""

from __future__ import annotations

from her2desk.store.first_page import FirstPage, read_first_page
from her2desk.store.urls import redact, resolve_url, sqlite_path

__all__ = ["FirstPage", "read_first_page", "redact", "resolve_url", "sqlite_path"]
