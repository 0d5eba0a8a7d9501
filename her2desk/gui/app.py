"""Start the desktop program: open the database, show the main window, run the event loop.

Only what the first paint needs is imported here. For an existing SQLite file at the current schema
the first paint needs no SQLAlchemy at all: the default worklist's first page is read with `sqlite3`
(`store.first_page`), the window is painted with it, and the `CaseService` (SQLAlchemy, about half a
second to import) opens on a thread right after and takes over (`gui.shell.case_service_proxy`). Anything
else (a new, old or foreign file, PostgreSQL, a non-demo file under --demo) takes the ordinary path:
open the service first, with a progress dialog if that is slow. The handout (reportlab) and
migrations (Alembic) load later, if ever, when they are used.

Signing in comes before the main window: the login (`login_dialog`), or on an empty database the
first administrator, signed in with the password they have just chosen; the window gets a
`CaseService` built for the signed-in user. Only `--demo` on a demo database skips the password: it
signs in the synthetic demo pathologist (`demo_accounts`), found by the fast path with `sqlite3`
(`first_page.demo_user`) or, on the ordinary path, through the service. Any other database always
asks, whatever the flags; the fast path is taken only for --demo, since the login needs the service
(SQLAlchemy) anyway.
"""

from __future__ import annotations

import linecache
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from her2desk import app_logging
from her2desk.gui.common import dialogs
from her2desk.gui.shell.case_service_proxy import PendingService

if TYPE_CHECKING:
    from her2desk.domain.workflow import Actor
    from her2desk.gui.shell.main_window import MainWindow
    from her2desk.services.case_service import CaseService
    from her2desk.services.startup import FirstPage

DEMO_FILE_NAME = "her2desk-demo.sqlite3"
DEMO_CASES = 400
PAINT_TIMEOUT_MS = 60_000
OPEN_QUIETLY_S = 0.3
OPEN_AFTER_PAINT_AT_LATEST_MS = 300  # if the first paint is late (a hidden window), open anyway


def demo_database_path() -> Path:
    """The demo database's own file, beside (never instead of) the real one in the user data dir."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("her2desk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / DEMO_FILE_NAME


def open_service(database: str | None, demo: bool, actor: Actor | None = None) -> CaseService:
    """Open the service (for `actor` if given); for --demo seed a new database (with its demo
    accounts), add the accounts to an older demo database, and refuse any database of real cases."""
    from her2desk.domain.records import WorklistQuery
    from her2desk.gui.common.translation import translate
    from her2desk.services.bundle import Services
    from her2desk.services.case_service import open_case_service

    url = database or (str(demo_database_path()) if demo else None)
    service = open_case_service(url, lean=True)  # a GUI on a million cases stays in its memory budget
    # PySide6's import hook reads the source of every module imported after it (to see whether it
    # uses PySide), and `linecache` keeps it all: about 20 MB once SQLAlchemy is in. Only a cache
    # (a traceback reads the lines again), so it is dropped once the bulk of the program is imported.
    linecache.clearcache()
    if demo and service.is_demo():
        from her2desk.demo.seed import ensure_demo_accounts

        ensure_demo_accounts(service.database)  # a demo file made before the accounts existed
    elif demo:
        if service.worklist_count(WorklistQuery()) > 0 or Services.of(service).auth.has_users():
            service.close()
            raise PermissionError(
                translate(
                    "App",
                    "This database holds real cases or user accounts and is not a demo database; --demo "
                    "opens only demo databases. Run without --demo, or name another file with --database.",
                )
            )
        from her2desk.demo.seed import seed_demo

        print(f"her2desk: creating a demo database with {DEMO_CASES} synthetic cases…", file=sys.stderr)
        seed_demo(service, DEMO_CASES)
    if actor is None:
        return service
    if demo and demo_actor(service) != actor:  # the file changed since the fast path read it
        service.close()
        raise PermissionError(
            translate("App", "The demo database changed while it was opened; start her2desk again.")
        )
    if demo:
        actor = _audit_demo_sign_in(service, actor)
    return Services.of(service).for_actor(actor).cases


def demo_actor(service: CaseService) -> Actor | None:
    """The demo pathologist of a demo database (None for any other database, or if the account is
    missing, inactive or no longer a pathologist)."""
    from her2desk.demo import DEMO_PATHOLOGIST
    from her2desk.domain.workflow import Actor, Role
    from her2desk.services.bundle import Services

    if not service.is_demo():
        return None
    for user in Services.of(service).auth.users():
        if user.username == DEMO_PATHOLOGIST.username and user.active and user.role is Role.PATHOLOGIST:
            return Actor(user.user_id, user.username, user.role)
    return None


def _audit_demo_sign_in(service: CaseService, actor: Actor) -> Actor:
    """The demo's password-less sign-in is a sign-in too: a session, and the audit log says who and how."""
    from her2desk.services.bundle import Services

    return Services.of(service).auth.record_demo_sign_in(actor)


def open_with_progress(database: str | None, demo: bool) -> CaseService:
    """Open the service on a worker thread; if that takes a while (upgrading and backing up a large
    database, seeding the demo), show a progress dialog instead of a frozen or missing window."""
    opened: list[CaseService] = []
    failed: list[Exception] = []

    def work() -> None:
        try:
            opened.append(open_service(database, demo))
        except Exception as error:
            failed.append(error)

    worker = threading.Thread(target=work, name="her2desk-open", daemon=True)
    worker.start()
    worker.join(OPEN_QUIETLY_S)  # the usual case: a current database opens in a few milliseconds
    if worker.is_alive():
        from her2desk.gui.common.translation import translate

        progress = QProgressDialog(translate("App", "Opening the database…"), "", 0, 0)
        progress.setWindowTitle("her2desk")
        progress.setCancelButton(None)  # an upgrade must not be interrupted half-way
        progress.setMinimumDuration(0)
        progress.show()
        loop = QEventLoop()
        poll = QTimer()
        poll.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
        poll.start(20)
        loop.exec()
        poll.stop()
        progress.close()
    worker.join()
    if failed:
        raise failed[0]
    return opened[0]


def read_first_page(database: str | None, demo: bool) -> tuple[str, FirstPage] | None:
    """The resolved URL and the default worklist's first page, read without SQLAlchemy; None when the
    ordinary path must open the database first (see the module docstring)."""
    from her2desk.gui.worklist.worklist_model import PAGE_SIZE
    from her2desk.services.startup import read_first_page as read_page
    from her2desk.services.startup import resolve_url, sqlite_path

    url = resolve_url(database or (str(demo_database_path()) if demo else None))
    path = sqlite_path(url)
    if path is None:
        return None
    page = read_page(path, PAGE_SIZE)
    # An empty file gains nothing (and --demo seeds it); a non-demo file under --demo is refused.
    if page is None or not page.rows or (demo and not page.is_demo):
        return None
    return url, page


def sign_in(service: CaseService, demo: bool) -> Actor | None:
    """Who uses the program: the demo pathologist for --demo on a demo database, else whoever signs in
    (on an empty database, the first administrator just created). None: the person quit."""
    from her2desk.gui.shell import login_dialog
    from her2desk.services.bundle import Services

    if demo:
        actor = demo_actor(service)
        if actor is not None:
            return _audit_demo_sign_in(service, actor)
    session = login_dialog.sign_in_at_start(Services.of(service).auth)
    return session.actor if session is not None else None


def start(
    database: str | None, *, demo: bool = False, quit_after_paint: bool = False
) -> tuple[MainWindow, PendingService | None] | int:
    """Open the database, sign in and build the main window (not shown); or the exit code when the
    database cannot be opened or the person quits the sign-in."""
    from her2desk.services.startup import redact

    fast = read_first_page(database, demo) if demo else None
    if fast is not None and fast[1].demo_user is not None:
        url, page = fast
        actor: Actor | None = page.demo_user
        pending: PendingService | None = PendingService(lambda: open_service(database, demo, actor))
        # The stand-in forwards every attribute to the CaseService it opens (gui.shell.case_service_proxy).
        service, is_demo, location, rows = cast("CaseService", pending), page.is_demo, redact(url), page.rows
    else:
        pending = None
        app_logging.open_deferred()  # the slow path: no first paint to wait for
        try:
            opened = open_with_progress(database, demo)
            if quit_after_paint and (not demo or demo_actor(opened) is None):
                return _paint_sign_in_and_quit(opened)
            actor = sign_in(opened, demo)
        except Exception as error:  # a database problem is shown in words, never as a traceback
            return _report_open_failure(error, quit_after_paint)
        if actor is None:
            opened.close()
            return 0
        from her2desk.services.bundle import Services

        service = Services.of(opened).for_actor(actor).cases
        is_demo, location, rows = opened.is_demo(), redact(opened.database.url), None

    from her2desk.gui.shell.main_window import MainWindow

    window = MainWindow(service, demo=is_demo, location=location, first_page=rows, actor=actor)
    return window, pending


def run(database: str | None = None, *, demo: bool = False, quit_after_paint: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("her2desk")
    app.setApplicationName("her2desk")
    from her2desk.gui.common.app_icon import set_application_identity
    from her2desk.gui.common.collector import GuiThreadCollector
    from her2desk.gui.common.crash_hooks import install_exception_hooks

    install_exception_hooks(app)  # an unexpected error: logged, told in a dialog, and survived
    set_application_identity()
    GuiThreadCollector(app)  # cycles are collected in this thread only: see the module
    from her2desk.gui.common.translation import install_translators

    install_translators()  # the interface's language, before any window is built
    started = start(database, demo=demo, quit_after_paint=quit_after_paint)
    if isinstance(started, int):
        return started
    window, pending = started
    if quit_after_paint:
        # exit(), not quit(): quit() would close the window first, and closing waits for the
        # background reads (which, on the fast path, wait for the service to open).
        window.worklist.first_paint.connect(lambda: app.exit(0))
        QTimer.singleShot(PAINT_TIMEOUT_MS, lambda: app.exit(1))
    else:
        # The version comes from importlib.metadata (~25 ms to import): not before the first paint;
        # nor the log file (`app_logging.configure_deferred`, done by the command line).
        window.worklist.first_paint.connect(lambda: _set_version(app))
        window.worklist.first_paint.connect(app_logging.open_deferred)
    if pending is not None and not quit_after_paint:

        def on_opened(error: object) -> None:
            if isinstance(error, Exception):  # the file changed under us since the first page was read
                app.exit(_report_open_failure(error, quit_after_paint))
            else:
                window.start_idle_lock()

        pending.finished.connect(on_opened)
        window.worklist.first_paint.connect(pending.start)
        QTimer.singleShot(OPEN_AFTER_PAINT_AT_LATEST_MS, pending.start)
    elif not quit_after_paint:
        window.start_idle_lock()
    window.show()
    code = app.exec()
    if quit_after_paint:
        # The caller ends the process now (see gui_command); only reads can still be running, such
        # as the count of a large worklist, and abandoning a read loses nothing.
        return code
    window.runner.wait()
    window.service.close()
    return code


def _paint_sign_in_and_quit(opened: CaseService) -> int:
    """--quit-after-paint on a database that needs a sign-in: its first window is the sign-in dialog
    (or the first administrator's); paint that and exit. Nobody is signed in, nothing is written."""
    from her2desk.gui.shell.login_dialog import FirstAdministratorDialog, LoginDialog
    from her2desk.services.bundle import Services

    auth = Services.of(opened).auth
    dialog = LoginDialog(auth) if auth.has_users() else FirstAdministratorDialog(auth)
    dialog.show()
    QTimer.singleShot(0, lambda: QApplication.exit(0))
    code = QApplication.exec()
    dialog.close()
    opened.close()
    return code


def _set_version(app: QCoreApplication) -> None:
    from her2desk import __version__

    app.setApplicationVersion(__version__)


def _report_open_failure(error: Exception, quit_after_paint: bool) -> int:
    """Say why the database cannot be opened (stderr, and a dialog unless timing); the exit code."""
    print(f"her2desk: {error}", file=sys.stderr)
    if not quit_after_paint:
        from her2desk.gui.common.domain_text import say_error
        from her2desk.gui.common.translation import translate

        dialogs.show_error(None, translate("App", "her2desk cannot open the database"), say_error(error))
    return 2 if isinstance(error, PermissionError) else 1
