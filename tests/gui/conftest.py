"""GUI test set-up: offscreen Qt, throwaway settings, and a real database file for every test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402

from her2desk.services.case_service import CaseService, open_case_service  # noqa: E402


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, qapp) -> Iterator[Path]:
    """QSettings go to a temporary INI directory, never to the developer's real settings."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QCoreApplication.setOrganizationName("her2desk-tests")
    QCoreApplication.setApplicationName("her2desk-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "her2desk-test.sqlite3"


@pytest.fixture
def service(db_path: Path) -> Iterator[CaseService]:
    svc = open_case_service(str(db_path), user="tester")
    yield svc
    svc.close()
