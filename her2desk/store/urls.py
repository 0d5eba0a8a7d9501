"""Which database to open: `--database`, then $HER2DESK_DATABASE_URL, then the embedded default file.

A plain path means an SQLite file; anything with `://` is a SQLAlchemy URL (`postgresql+psycopg://...`).
The default lives in the platform's user data directory, never in the current directory; her2desk's
folder there is created (or tightened) with mode 0700 on POSIX systems.
"""

from __future__ import annotations

import os
from pathlib import Path

from her2desk.files import private_folder

ENV_VAR = "HER2DESK_DATABASE_URL"
DEFAULT_FILE_NAME = "her2desk.sqlite3"
ADDRESS_HINT = "give an SQLite file path or a postgresql+psycopg:// URL"


def default_database_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("her2desk", appauthor=False)) / DEFAULT_FILE_NAME


def resolve_url(url: str | None = None) -> str:
    """Turn what the user gave (or nothing) into a SQLAlchemy URL string."""
    chosen = url or os.environ.get(ENV_VAR) or ""
    if not chosen:
        path = default_database_path()
        private_folder(path.parent)  # 0700: it holds patient data (her2desk.files)
        return f"sqlite:///{path}"
    if "://" in chosen:
        if chosen.startswith("postgresql://") or chosen.startswith("postgres://"):
            chosen = "postgresql+psycopg://" + chosen.split("://", 1)[1]
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for another backend (or an in-memory database)."""
    if not url.startswith("sqlite"):
        return None
    rest = url.split("://", 1)[1]
    if rest in ("", "/", "/:memory:"):
        return None
    return Path(rest[1:]) if rest.startswith("/") else Path(rest)


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"
