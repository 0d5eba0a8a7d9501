"""`her2desk` as a whole process: the GUI entry, --demo, --quit-after-paint, and Qt kept out of the CLI."""

from __future__ import annotations

import ast
import importlib.util
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from her2desk.domain.case import CaseEntry, IhcDetails, PatientDetails, SpecimenDetails
from her2desk.domain.records import WorklistQuery
from her2desk.domain.vocabulary import IhcScore, Laterality, Procedure, Sex, Site
from her2desk.gui.app import DEMO_CASES
from her2desk.services.case_service import open_case_service


def run(args: list[str], tmp_path: Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path),
    }
    env.pop("HER2DESK_DATABASE_URL", None)
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "her2desk", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_interpret_never_loads_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from her2desk.cli import main; "
        "rc = main(['interpret', '--site', 'breast', '--procedure', 'core-needle-biopsy', '--ihc', '3+', "
        "'--stained-pct', '50']); "
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'NO-QT'); sys.exit(rc)"
    )
    result = run([], tmp_path, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("NO-QT")


def test_demo_creates_its_own_database_and_quits_after_the_first_paint(tmp_path: Path) -> None:
    result = run(["--demo", "--quit-after-paint"], tmp_path)
    assert result.returncode == 0, result.stderr
    demo_file = tmp_path / "data" / "her2desk" / "her2desk-demo.sqlite3"
    assert demo_file.exists()
    assert not (tmp_path / "data" / "her2desk" / "her2desk.sqlite3").exists()
    service = open_case_service(str(demo_file))
    try:
        assert service.is_demo()
        assert service.worklist_count(WorklistQuery()) == DEMO_CASES
    finally:
        service.close()
    again = run(["--demo", "--quit-after-paint"], tmp_path)  # second start: no second seeding
    assert again.returncode == 0, again.stderr
    service = open_case_service(str(demo_file))
    try:
        assert service.worklist_count(WorklistQuery()) == DEMO_CASES
    finally:
        service.close()


def test_demo_refuses_a_database_of_real_cases(tmp_path: Path) -> None:
    path = tmp_path / "lab.sqlite3"
    service = open_case_service(str(path))
    try:
        service.save(
            CaseEntry(
                accession="S26-000900",
                patient=PatientDetails("SYN-900", "Testpatient-Eps", "Eve", date(1990, 1, 1), Sex.FEMALE),
                specimen=SpecimenDetails(
                    procedure=Procedure.CORE_NEEDLE_BIOPSY, site=Site.BREAST, laterality=Laterality.LEFT
                ),
                ihc=IhcDetails(score=IhcScore.ZERO),
            ),
            None,
        )
    finally:
        service.close()
    result = run(["--demo", "--database", str(path), "--quit-after-paint"], tmp_path)
    assert result.returncode == 2
    assert "not a demo database" in result.stderr
    service = open_case_service(str(path))
    try:
        assert not service.is_demo()
        assert service.worklist_count(WorklistQuery()) == 1
    finally:
        service.close()


def test_no_sub_command_opens_the_window_on_the_named_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    result = run(["--database", str(path), "--quit-after-paint"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.exists()
    service = open_case_service(str(path))
    try:
        assert not service.is_demo()
    finally:
        service.close()


def test_many_qt_calls_do_not_exhaust_none_on_python_3_11(tmp_path: Path) -> None:
    """PySide6 6.12 drops a reference to None per void call; her2desk.gui makes None immortal."""
    code = (
        "import her2desk.gui\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "app = QApplication([])\n"
        "label = QLabel()\n"
        "class O(QObject):\n"
        "    s = Signal()\n"
        "o = O(); o.s.connect(lambda: None)\n"
        "for i in range(200_000):\n"
        "    label.setText('x'); o.s.emit()\n"
        "print('survived')\n"
    )
    result = run([], tmp_path, code)
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout


def test_the_first_paint_needs_neither_reportlab_nor_alembic(tmp_path: Path) -> None:
    """The GUI's own start-up path; (the CLI's parser imports every sub-command before it runs)."""
    code = (
        "import os, sys\n"
        "from her2desk.gui.app import run\n"
        f"rc = run({str(tmp_path / 'gui.sqlite3')!r}, quit_after_paint=True)\n"
        "print(sorted(m for m in ('reportlab', 'alembic') if m in sys.modules))\n"
        "sys.stdout.flush()\n"
        "os._exit(rc)\n"
    )
    result = run([], tmp_path, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def loaded_by_the_command(
    tmp_path: Path, names: tuple[str, ...], *, at_first_paint: bool = False, widgets: tuple[str, ...] = ()
) -> list[str]:
    """Which of `names` are in sys.modules when `her2desk --demo --quit-after-paint` on a stored demo
    worklist ends its process, or, with `at_first_paint`, when the worklist is first painted (what the
    program sets up right after the paint is not loaded yet then); and which of the QtWidgets classes
    `widgets` PySide6 has set up by then (it does so on first use, with their enums). Its log goes to
    tmp_path/logs."""
    from her2desk.demo.seed import seed_demo

    path = tmp_path / "stored.sqlite3"
    with open_case_service(str(path)) as service:
        seed_demo(service, 30)
    # A name that no longer exists (a module moved) would never be loaded and the test would pass blind.
    assert all(importlib.util.find_spec(name) is not None for name in names)
    code = (
        "import os, runpy, sys\n"
        f"os.environ['HER2DESK_LOG_DIR'] = {str(tmp_path / 'logs')!r}\n"
        f"names = {names!r}\n"
        f"widgets = {widgets!r}\n"
        "def report():\n"
        "    made = vars(sys.modules['PySide6.QtWidgets']) if widgets else {}\n"
        "    print(sorted(set(sys.modules) & set(names)) + sorted(w for w in widgets if w in made))\n"
        "    sys.stdout.flush()\n"
        "real_exit = os._exit\n"
        "def report_then_exit(rc):\n"  # the command ends the process with os._exit after the paint
        "    report()\n"
        "    real_exit(rc)\n"
    )
    # As in the SQLAlchemy check below: a busy machine paints later than the workers' deadline for
    # starting the open themselves, and the open loads what the paint does not need.
    code += "from her2desk.gui.shell import case_service_proxy\ncase_service_proxy.START_AT_LATEST_S = 60.0\n"
    if at_first_paint:
        code += (
            "from her2desk.gui import app\n"
            "real_start = app.start\n"
            "def start(*args, **kwargs):\n"  # connected before `run` connects its own after-paint work
            "    started = real_start(*args, **kwargs)\n"
            "    started[0].worklist.first_paint.connect(report)\n"
            "    return started\n"
            "app.start = start\n"
        )
    else:
        code += "os._exit = report_then_exit\n"
    code += (
        f"sys.argv = ['her2desk', '--demo', '--database', {str(path)!r}, '--quit-after-paint']\n"
        "try:\n"
        "    runpy.run_module('her2desk', run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    report_then_exit(done.code or 0)\n"
    )
    result = run([], tmp_path, code)
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip().splitlines()[0])


def test_the_first_paint_does_not_load_what_only_later_actions_need(tmp_path: Path) -> None:
    """The window's features install menu actions only; their dialogs, the handout's texts and
    multiprocessing load when used (each was once on the start-up path and cost milliseconds)."""
    later = (
        "multiprocessing",
        "her2desk.gui.signout.signout_dialogs",
        "her2desk.handout.texts",
        "her2desk.gui.handouts.handout_preview",
        "her2desk.gui.reports.report_preview",
        "her2desk.gui.reports.report_batch",
        "her2desk.services.report_service",
        "her2desk.report",
        "her2desk.gui.audit.audit_view",
        "her2desk.gui.admin.users_dialog",
        "her2desk.gui.admin.settings_dialog",
        "her2desk.gui.patient.patient_dialog",
        "her2desk.gui.common.workflow_dialog",
        "her2desk.gui.common.pdf_pages",
        "her2desk.gui.common.pdf_files",
        "pypdfium2",
    )
    assert loaded_by_the_command(tmp_path, later) == []


def test_the_first_paint_needs_no_guideline_engine(tmp_path: Path) -> None:
    """The worklist shows stored results; the engine (and the rule and lab settings it reads) loads when a
    case is interpreted. Building the command line's parser imports no engine either (`interpret_command`
    names the allowed values only; `domain/__init__` loads its names on first use): ~30 ms, once."""
    engine = (
        "her2desk.domain.engine",
        "her2desk.domain.breast",
        "her2desk.domain.gastroesophageal",
        "her2desk.domain.rule_settings",
        "her2desk.domain.lab_settings",
        "her2desk.cli.interpret_handler",
    )
    assert loaded_by_the_command(tmp_path, engine, at_first_paint=True) == []


def test_the_first_paint_needs_no_case_types_or_input_parsing(tmp_path: Path) -> None:
    """The worklist's rows and queries are in `domain.records`; the case entry, its input types and
    parsing, the interpretation and the reported result load when a case is read or typed, not for
    the first page (`records` imports them for annotations only; `fields.parse_date` on first use)."""
    case_reading = (
        "her2desk.domain.case",
        "her2desk.domain.inputs",
        "her2desk.domain.parsing",
        "her2desk.domain.criteria",
        "her2desk.domain.interpretation",
        "her2desk.domain.reported_result",
    )
    assert loaded_by_the_command(tmp_path, case_reading, at_first_paint=True) == []


def test_a_desktop_start_builds_no_sub_command_parser(tmp_path: Path) -> None:
    """`her2desk --demo` is parsed by the root parser alone (`cli._desktop_start`): no sub-command's
    module is imported, nor its parser built."""
    commands = (
        "her2desk.cli.interpret_command",
        "her2desk.cli.data_commands",
        "her2desk.cli.handout_command",
        "her2desk.cli.report_command",
        "her2desk.cli.user_commands",
        "her2desk.cli.settings_commands",
    )
    assert loaded_by_the_command(tmp_path, commands, at_first_paint=True) == []


def test_the_first_paint_sets_up_no_widget_class_it_does_not_use(tmp_path: Path) -> None:
    """A QWidget that Python did not create (the table's viewport) makes PySide6 set up every widget class
    of QtWidgets to find its class, with their enums: ~30 ms. The worklist learns of its paint from its
    own paint event instead, and asks for the viewport only after the first paint."""
    unused = ("QWizard", "QDial", "QFileDialog", "QCalendarWidget", "QGraphicsView")
    assert loaded_by_the_command(tmp_path, (), at_first_paint=True, widgets=unused) == []


def test_the_log_file_the_crash_dialog_and_resource_lookup_wait_for_the_first_paint(tmp_path: Path) -> None:
    """The rotating log file (logging.handlers pulls in socket and pickle) opens right after the first
    paint, the crash dialog loads when an error happens, and the icon and translations are found by a
    plain path (importlib.resources is not imported): together ~50 ms of start-up, once."""
    heavy = (
        "logging.handlers",
        "socket",
        "pickle",
        "her2desk.gui.common.crash_dialog",
        "importlib.resources",
    )
    assert loaded_by_the_command(tmp_path, heavy, at_first_paint=True) == []
    # ... and the log is written all the same, by the time the process ends.
    logged = (tmp_path / "logs" / "her2desk.log").read_text(encoding="utf-8")
    assert "her2desk started: command 'gui'" in logged


def test_no_command_imports_the_standard_rotating_handler(tmp_path: Path) -> None:
    """The log rotates with `app_logging.RotatingFile`: logging.handlers (it imports socket, pickle and
    queue) is never imported, neither before nor after the first paint."""
    assert loaded_by_the_command(tmp_path, ("logging.handlers",)) == []
    assert (tmp_path / "logs" / "her2desk.log").is_file()


def test_the_first_paint_of_a_stored_worklist_needs_no_sqlalchemy(tmp_path: Path) -> None:
    """An existing current file is painted from `store.first_page`; SQLAlchemy loads after the paint."""
    from her2desk.demo.seed import seed_demo

    path = tmp_path / "stored.sqlite3"
    with open_case_service(str(path)) as service:
        seed_demo(service, 30)
    code = (
        "import os, sys\n"
        "from her2desk.gui.app import run\n"
        # The worklist's workers start the open themselves if nobody has 0.3 s after the event loop first
        # turns (a window never painted must not keep them waiting); on a busy machine the paint can come
        # later than that. The deadline is moved out of the way: this checks what the paint itself needs.
        "from her2desk.gui.shell import case_service_proxy\n"
        "case_service_proxy.START_AT_LATEST_S = 60.0\n"
        f"rc = run({str(path)!r}, demo=True, quit_after_paint=True)\n"
        "heavy = ('sqlalchemy', 'alembic', 'reportlab')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
        "sys.stdout.flush()\n"
        "os._exit(rc)\n"
    )
    result = run([], tmp_path, code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
