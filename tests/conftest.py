"""Fixtures every test folder may use: the database backends (`sqlite_url`, `postgres_url`, `db_url`:
each test owns a fresh SQLite file, or a fresh PostgreSQL database when HER2DESK_TEST_POSTGRES_URL names
a server) and a case service on them. Shared helpers live in tests/support and are imported as
`support.<module>` (pytest's pythonpath is tests/, see pyproject.toml)."""

from support.backends import db_url, postgres_url, service, sqlite_url  # noqa: F401
