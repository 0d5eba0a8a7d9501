"""The GUI's first page read with stdlib sqlite3 equals the service's page, and declines what it must.

`store.first_page` stands in for `CaseService.worklist_page(WorklistQuery(), 0, n)` at start-up, so the
two are compared on real seeded files; any file it cannot vouch for must make it return None.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from support.backends import make_entry

from her2desk.demo.seed import seed_demo
from her2desk.domain.records import WorklistQuery
from her2desk.services.case_service import CaseService, open_case_service
from her2desk.store.first_page import read_first_page
from her2desk.store.revision_ids import HEAD_REVISION


def _add_odd_cases(service: CaseService) -> None:
    """Unicode names, an undated specimen and a shared date (order falls to the id)."""
    from her2desk.services.auth_service import AuthService
    from her2desk.store.demo_accounts import DEMO_PASSWORD, DEMO_TECHNOLOGIST

    auth = AuthService(service.database)
    if auth.has_users():  # a demo database: saving needs a signed-in demo user, as in the program
        service = CaseService(
            service.database, actor=auth.login(DEMO_TECHNOLOGIST.username, DEMO_PASSWORD).actor
        )
    base = make_entry()
    for number, (family, given, collected) in enumerate(
        [
            ("Ødegård-Łukasiewicz", "Zoë", date.today()),
            ("山田", "花子", date.today()),
            ("Ñúñez", "José-María", None),
            ("O'Brien", "Siobhán 🙂", date(1999, 12, 31)),
        ]
    ):
        patient = replace(base.patient, mrn=f"UNI{number:06d}", family_name=family, given_name=given)
        specimen = replace(base.specimen, collected_on=collected)
        service.save(replace(base, accession=f"U99-{number:05d}", patient=patient, specimen=specimen), None)


@pytest.mark.parametrize("cases", [0, 1, 37, 450])
@pytest.mark.parametrize("limit", [7, 200])
def test_the_first_page_equals_the_services_page(tmp_path: Path, cases: int, limit: int) -> None:
    path = tmp_path / "first.sqlite3"
    service = open_case_service(str(path))
    try:
        if cases:
            seed_demo(service, cases)
        expected = service.worklist_page(WorklistQuery(), 0, limit)
        page = read_first_page(path, limit)
        assert page is not None
        assert page.rows == expected
        assert len(page.rows) == min(cases, limit)
        assert page.is_demo == service.is_demo()
        if cases:
            _add_odd_cases(service)
            expected = service.worklist_page(WorklistQuery(), 0, limit)
            page = read_first_page(path, limit)
            assert page is not None
            assert page.rows == expected
            assert "山田, 花子" in {
                row.patient_name for row in page.rows
            }  # collected today: on the first page
    finally:
        service.close()


def test_a_database_of_real_cases_is_not_a_demo(tmp_path: Path) -> None:
    path = tmp_path / "lab.sqlite3"
    with open_case_service(str(path)) as service:
        service.save(make_entry(), None)
    page = read_first_page(path, 200)
    assert page is not None
    assert not page.is_demo
    assert len(page.rows) == 1


@pytest.fixture
def current_file(tmp_path: Path) -> Path:
    path = tmp_path / "current.sqlite3"
    with open_case_service(str(path)) as service:
        seed_demo(service, 5)
    assert read_first_page(path, 200) is not None
    return path


@pytest.mark.parametrize("revision", ["0001", "0002", "9999"])
def test_another_schema_revision_declines(current_file: Path, revision: str) -> None:
    assert revision != HEAD_REVISION
    with sqlite3.connect(current_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    assert read_first_page(current_file, 200) is None


def test_a_foreign_or_missing_or_damaged_file_declines(current_file: Path, tmp_path: Path) -> None:
    assert read_first_page(tmp_path / "missing.sqlite3", 200) is None
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert read_first_page(garbage, 200) is None
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    assert read_first_page(other, 200) is None
    with sqlite3.connect(current_file) as connection:
        connection.execute("DELETE FROM app_metadata WHERE key = 'schema'")
    assert read_first_page(current_file, 200) is None


def test_reading_the_first_page_imports_no_sqlalchemy(current_file: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from her2desk.store.first_page import read_first_page\n"
        f"page = read_first_page(Path({str(current_file)!r}), 200)\n"
        "heavy = ('sqlalchemy', 'alembic')\n"
        "print(len(page.rows), sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "5 []"
