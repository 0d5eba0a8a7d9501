"""The window paints a stored worklist's first page before the service opens, then the service takes over.

See `gui.app` and `gui.shell.case_service_proxy`: the first page comes from `store.first_page` (no
SQLAlchemy), and the real `CaseService` opens only when asked to (after the first paint).
"""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path
from typing import cast

import pytest

from her2desk.demo.seed import seed_demo
from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.records import WorklistQuery
from her2desk.domain.vocabulary import IhcScore, Laterality, Procedure, Sex, Site
from her2desk.gui import app as gui_app
from her2desk.gui.shell import case_service_proxy
from her2desk.gui.shell.case_service_proxy import PendingService
from her2desk.gui.shell.main_window import MainWindow
from her2desk.gui.worklist.worklist_model import PAGE_SIZE
from her2desk.services.case_service import CaseService, open_case_service

CASES = PAGE_SIZE + 50


def test_the_window_shows_the_first_page_before_the_service_opens(
    db_path: Path, service: CaseService, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers start the open themselves after START_AT_LATEST_S (the next test); on a busy machine the
    # first paint can take longer than that, so here the deadline is out of the way.
    monkeypatch.setattr(case_service_proxy, "START_AT_LATEST_S", 60.0)
    seed_demo(service, CASES)
    fast = gui_app.read_first_page(str(db_path), demo=True)
    assert fast is not None
    _url, page = fast
    assert page.is_demo
    opened: list[CaseService] = []

    def open_later() -> CaseService:
        opened.append(open_case_service(str(db_path), lean=True))
        return opened[-1]

    pending = PendingService(open_later)
    window = MainWindow(pending, demo=True, first_page=page.rows)  # type: ignore[arg-type]
    model = window.worklist_model
    painted: list[bool] = []
    window.worklist.first_paint.connect(lambda: painted.append(True))
    try:
        window.show()
        qtbot.waitExposed(window)
        assert window.worklist.populated()  # the rows are there at once: painted without a service
        assert model.row_at(0) == service.worklist_page(WorklistQuery(), 0, 1)[0]
        assert model.rowCount() == PAGE_SIZE
        assert not opened
        qtbot.waitUntil(lambda: bool(painted), timeout=5000)
        assert not opened  # nothing opened the service before the first paint
        pending.start()  # what the app connects to the first paint
        qtbot.waitUntil(lambda: model.total == CASES, timeout=10_000)  # the service took over
        assert len(opened) == 1
        assert model.rowCount() == CASES
        model.row_at(CASES - 1)  # a page beyond the first comes from the service
        qtbot.waitUntil(lambda: model.row_at(CASES - 1) is not None, timeout=10_000)
        assert window.service.is_demo()  # the stand-in delegates on the GUI thread too
    finally:
        window.close()
        window.runner.wait()
        pending.close()


def test_workers_start_the_open_themselves_if_nobody_does(db_path: Path, service: CaseService, qtbot) -> None:
    seed_demo(service, 3)
    fast = gui_app.read_first_page(str(db_path), demo=False)
    assert fast is not None
    pending = PendingService(lambda: open_case_service(str(db_path)))
    window = MainWindow(pending, first_page=fast[1].rows)  # type: ignore[arg-type]
    try:
        qtbot.waitUntil(lambda: window.worklist_model.total == 3, timeout=10_000)
    finally:
        window.close()
        window.runner.wait()
        pending.close()


def test_the_fast_path_declines_a_real_database_under_demo(db_path: Path, service: CaseService) -> None:
    entry = CaseEntry(
        accession="S26-000901",
        patient=PatientDetails("SYN-901", "Testpatient-Ζήτα", "Zoë", date(1990, 1, 1), Sex.FEMALE),
        specimen=SpecimenDetails(
            procedure=Procedure.CORE_NEEDLE_BIOPSY, site=Site.BREAST, laterality=Laterality.LEFT
        ),
        ihc=IhcDetails(score=IhcScore.ZERO),
    )
    service.save(entry, None)
    assert gui_app.read_first_page(str(db_path), demo=True) is None  # so the ordinary path refuses it
    fast = gui_app.read_first_page(str(db_path), demo=False)
    assert fast is not None
    assert not fast[1].is_demo


def test_an_empty_or_new_file_takes_the_ordinary_path(db_path: Path, service: CaseService) -> None:
    assert gui_app.read_first_page(str(db_path), demo=False) is None  # no rows: nothing to gain
    assert gui_app.read_first_page(str(db_path.with_name("new.sqlite3")), demo=False) is None


def test_the_gui_opens_its_service_memory_lean(db_path: Path) -> None:
    """No memory-mapped file and a small cache: the worklist on a million cases stays in budget."""
    opened = gui_app.open_service(str(db_path), False)
    try:
        with opened.database.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA mmap_size").scalar() == 0
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -2048
    finally:
        opened.close()


def test_the_fast_path_finds_the_demo_pathologist_only_in_a_demo_database(
    db_path: Path, service: CaseService
) -> None:
    from her2desk.store.demo_accounts import DEMO_PATHOLOGIST

    seed_demo(service, 3)
    fast = gui_app.read_first_page(str(db_path), demo=True)
    assert fast is not None
    user = fast[1].demo_user
    assert user is not None
    assert (user.username, user.role.value) == (DEMO_PATHOLOGIST.username, "pathologist")
    # Deactivated: no automatic sign-in (the ordinary path then finds no demo user either).
    with service.database.write_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE app_user SET active = 0 WHERE username = 'demo-pathologist'")
    fast = gui_app.read_first_page(str(db_path), demo=True)
    assert fast is not None
    assert fast[1].demo_user is None


def test_the_fast_path_reports_no_demo_user_for_a_real_database(db_path: Path, service: CaseService) -> None:
    """A lab database with an account named like the demo pathologist is still not a demo database."""
    from her2desk.domain.workflow import Role
    from her2desk.services.auth_service import AuthService

    test_the_fast_path_declines_a_real_database_under_demo(db_path, service)  # a case, then accounts
    auth = AuthService(service.database)
    auth.create_user("admin", "long-enough-1", Role.ADMINISTRATOR, local_administrator="test")
    admin = auth.login("admin", "long-enough-1").actor
    auth.create_user("demo-pathologist", "long-enough-1", Role.PATHOLOGIST, by=admin)
    fast = gui_app.read_first_page(str(db_path), demo=False)
    assert fast is not None
    assert fast[1].demo_user is None


class _Opened:
    """What the stand-in opens in the tests of its deadline: no database needed to see when it starts."""

    def close(self) -> None:
        pass


def _pending_with_waiting_worker() -> tuple[PendingService, threading.Event, threading.Thread]:
    opened = threading.Event()

    def open_service() -> CaseService:
        opened.set()
        return cast("CaseService", _Opened())

    pending = PendingService(open_service)
    worker = threading.Thread(target=pending.wait, daemon=True)  # a worklist worker asking for the service
    worker.start()
    return pending, opened, worker


def test_workers_count_their_deadline_from_the_event_loop_not_from_their_own_wait(qtbot) -> None:
    """The worklist asks for its count while the window is being built: an open started before the event
    loop runs would compete with the paint. Once the loop has turned, the deadline runs as before."""
    pending, opened, worker = _pending_with_waiting_worker()
    assert not opened.wait(case_service_proxy.START_AT_LATEST_S * 3)  # building the window: no event loop
    started = time.monotonic()
    qtbot.waitUntil(opened.is_set, timeout=5000)  # waitUntil turns the event loop
    assert time.monotonic() - started >= case_service_proxy.START_AT_LATEST_S * 0.9
    worker.join(5)
    pending.close()


def test_workers_start_the_open_without_any_event_loop_in_the_end(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(case_service_proxy, "START_ANYWAY_S", 0.2)
    pending, opened, worker = _pending_with_waiting_worker()
    assert opened.wait(5)  # no event loop ever turned (nothing processes events here)
    worker.join(5)
    pending.close()
