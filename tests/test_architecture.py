"""The layering of architecture.md, checked in the test suite.

* import-linter checks the contracts in pyproject.toml (domain imports no Qt, SQLAlchemy, Alembic or
  reportlab; Qt only under her2desk.gui; layers point one way) and this test fails when one is broken.
* Importing every module of her2desk.domain in a fresh interpreter loads none of those packages.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
HEAVY = ("PySide6", "shiboken6", "sqlalchemy", "alembic", "reportlab", "psycopg")


def _contracts() -> list[dict]:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]


def test_the_domain_contract_forbids_qt_sqlalchemy_and_reportlab() -> None:
    """Guards the contract itself, so it cannot be weakened without this test failing."""
    domain = [c for c in _contracts() if c.get("source_modules") == ["her2desk.domain"]]
    assert len(domain) == 1
    assert domain[0]["type"] == "forbidden"
    assert {"PySide6", "sqlalchemy", "reportlab"} <= set(domain[0]["forbidden_modules"])
    assert domain[0].get("allow_indirect_imports", False) is False


def test_the_file_helper_sits_beside_the_domain_and_needs_only_the_standard_library() -> None:
    """her2desk.files is used by the store, the exchange formats and the handout: it must import none
    of them (nor the domain, nor anything heavy), so the contracts say so and this test guards them."""
    [layers] = [c for c in _contracts() if c["type"] == "layers"]
    assert layers["layers"][-1] == "her2desk.domain : her2desk.files : her2desk.app_logging"
    for module in ("her2desk.files", "her2desk.app_logging"):  # the log set-up likewise (the CLI and GUI)
        helper = [c for c in _contracts() if c.get("source_modules") == [module]]
        assert len(helper) == 1
        assert set(HEAVY) <= set(helper[0]["forbidden_modules"])


def test_import_linter_contracts_are_kept() -> None:
    code = (
        "import sys\n"
        "from importlinter.cli import lint_imports\n"
        f"sys.exit(lint_imports(config_filename={str(PYPROJECT)!r}, no_cache=True, no_logo=True))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    for contract in _contracts():
        assert f"{contract['name']} KEPT" in output, output
    assert "BROKEN" not in output


def test_importing_the_domain_loads_no_gui_database_or_pdf_library() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import her2desk.domain as domain\n"
        "for module in pkgutil.walk_packages(domain.__path__, 'her2desk.domain.'):\n"
        "    importlib.import_module(module.name)\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))\n"
        "print(len(list(pkgutil.walk_packages(domain.__path__))), loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    count, loaded = done.stdout.strip().split(" ", 1)
    assert int(count) >= 10  # the walk really imported the engine's modules
    assert loaded == "[]", f"her2desk.domain pulled in: {loaded}"


GUI = ROOT / "her2desk" / "gui"
GUI_NOT_FEATURES = {"her2desk.gui.shell", "her2desk.gui.common"}


def test_every_gui_feature_folder_is_held_by_the_gui_contracts() -> None:
    """Every folder under gui/ but shell and common is a feature: independent of the others and seeing the
    window only through `shell.host`. A new folder fails here until it joins both contracts."""
    folders = {f"her2desk.gui.{p.name}" for p in GUI.iterdir() if (p / "__init__.py").is_file()}
    assert folders >= GUI_NOT_FEATURES
    features = folders - GUI_NOT_FEATURES
    assert len(features) >= 8  # worklist, case entry, history, sign-out, patient, handouts, audit, admin
    [independent] = [c for c in _contracts() if c["type"] == "independence"]
    assert set(independent["modules"]) == features
    [host_only] = [
        c for c in _contracts() if c["name"] == "GUI features see the window only through shell.host"
    ]
    assert set(host_only["source_modules"]) == features
    assert {"her2desk.gui.shell.main_window", "her2desk.gui.app"} <= set(host_only["forbidden_modules"])
    assert host_only.get("allow_indirect_imports", False) is False
    [common] = [c for c in _contracts() if c["name"] == "GUI common imports no feature and no shell"]
    assert features | {"her2desk.gui.shell"} <= set(common["forbidden_modules"])


def test_the_gui_package_holds_no_module_outside_its_folders() -> None:
    """Only the entry point (app) and the package's own guard (__init__) sit directly in gui/: everything
    else belongs to a feature, to the shell or to common, so the folder names find it."""
    loose = sorted(p.name for p in GUI.glob("*.py"))
    assert loose == ["__init__.py", "app.py"]


SERVICE_CLASSES = {
    "AuditService",
    "AuthService",
    "CaseService",
    "HandoutService",
    "LabSettingsService",
    "PatientService",
    "RecordService",
    "ReportService",
    "RuleSettingsService",
    "SignOutService",
}


def _hand_built_services(folder: Path) -> list[str]:
    """Calls like `AuthService(database)` in the modules under `folder`, as "path:line name"."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                if name in SERVICE_CLASSES:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    return found


def test_the_gui_and_the_command_line_get_their_services_from_the_bundle() -> None:
    """One way into the services (`services.bundle.Services`): no service is built by hand above them."""
    package = ROOT / "her2desk"
    assert _hand_built_services(package / "gui") + _hand_built_services(package / "cli") == []
    assert _hand_built_services(package / "services"), "the check finds the services' own constructions"


def test_the_layers_hold_the_command_line_and_the_demo_and_the_gui_never_imports_the_store() -> None:
    """Guards the contracts themselves: the command line on top, the demo between the user interfaces
    and the services, and the GUI reaching the database only through the services."""
    [layers] = [c for c in _contracts() if c["type"] == "layers"]
    assert layers["layers"][:4] == ["her2desk.cli", "her2desk.gui", "her2desk.demo", "her2desk.services"]
    [gui] = [c for c in _contracts() if c.get("source_modules") == ["her2desk.gui"]]
    assert gui["type"] == "forbidden"
    assert gui["forbidden_modules"] == ["her2desk.store"]


# The services hold transactions and workflow guards; SQL (statement builders, ORM queries, raw text)
# belongs to the store's repositories. A service may name the Connection/Engine types it passes on and
# catch the database's exceptions, nothing else of SQLAlchemy.
SERVICE_SQLALCHEMY_ALLOWED = {"sqlalchemy": {"Connection", "Engine"}, "sqlalchemy.exc": None}  # None: any
# Modules whose SQL has not moved to the store yet; the list may only shrink (the test fails when a
# module listed here no longer needs to be).
SERVICES_WITH_SQL_LEFT = {"auth_service", "case_service"}


def _sqlalchemy_builders(source: str) -> list[str]:
    """The SQLAlchemy names a module imports beyond what a service may use."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "sqlalchemy"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sqlalchemy":
            allowed = SERVICE_SQLALCHEMY_ALLOWED.get(node.module or "", set())
            if allowed is not None:
                found += [f"{node.module}.{a.name}" for a in node.names if a.name not in allowed]
    return found


def test_the_services_leave_sql_to_the_store() -> None:
    builders = {
        path.stem: _sqlalchemy_builders(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "her2desk" / "services").glob("*.py"))
    }
    offenders = {
        name: found for name, found in builders.items() if found and name not in SERVICES_WITH_SQL_LEFT
    }
    assert offenders == {}, "SQL belongs in a store repository (her2desk/store), not in a service"
    assert {name for name in SERVICES_WITH_SQL_LEFT if not builders.get(name)} == set(), (
        "these services no longer build SQL: take them off SERVICES_WITH_SQL_LEFT"
    )


def test_the_sql_check_sees_builders_and_lets_types_and_exceptions_pass() -> None:
    assert _sqlalchemy_builders("from sqlalchemy import Connection, select") == ["sqlalchemy.select"]
    assert _sqlalchemy_builders("from sqlalchemy import text as t") == ["sqlalchemy.text"]
    assert _sqlalchemy_builders("import sqlalchemy as sa") == ["sqlalchemy"]
    assert _sqlalchemy_builders("from sqlalchemy.orm import Session") == ["sqlalchemy.orm.Session"]
    assert _sqlalchemy_builders("from sqlalchemy.exc import IntegrityError") == []
    assert _sqlalchemy_builders("from sqlalchemy import Connection, Engine") == []
