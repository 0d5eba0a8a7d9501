"""Fixtures every test folder may use: the database backends (`sqlite_url`, `postgres_url`, `db_url`:
each test owns a fresh SQLite file, or a fresh PostgreSQL database when HER2DESK_TEST_POSTGRES_URL names
a server), a case service and a lab with its users (`lab`) on them. Shared helpers live in
tests/support and are imported as `support.<module>` (pytest's pythonpath is tests/, see pyproject.toml).
Every command a test runs, in the test's process or as a subprocess, writes its log file to a temporary
folder ($HER2DESK_LOG_DIR), never to the developer's own user log folder."""

from collections.abc import Iterator

import pytest
from support.backends import db_url, postgres_url, service, sqlite_url  # noqa: F401
from support.lab import lab  # noqa: F401


@pytest.fixture(autouse=True, scope="session")
def _log_files_in_a_temporary_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HER2DESK_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
        yield
