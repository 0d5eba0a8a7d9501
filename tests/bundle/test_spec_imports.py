"""The bundle's spec takes every module the program imports by name, which PyInstaller cannot see.

Read from packaging/her2desk.spec without building (support.bundle_layout); scripts/check-bundle.sh
builds it and runs every command from the frozen build.
"""

from __future__ import annotations

from support.bundle_layout import ROOT, declared, lazily_loaded_modules


def test_the_modules_the_command_line_loads_by_name_are_hidden_imports() -> None:
    by_name = lazily_loaded_modules()
    # The handlers of import/export/db/demo, users and settings, and the optional command modules.
    assert {
        "her2desk.cli.data_handlers",
        "her2desk.cli.user_handlers",
        "her2desk.cli.settings_handlers",
    } <= by_name
    assert "her2desk.cli.settings_commands" in by_name
    missing = sorted(by_name - set(declared().hiddenimports))
    assert not missing, f"packaging/her2desk.spec does not bundle {missing}"


def test_every_her2desk_module_is_bundled_but_the_migrations_are_data() -> None:
    spec = declared()
    hidden = set(spec.hiddenimports)
    assert {"her2desk.gui.common.app_icon", "her2desk.handout.render", "her2desk.report.layout"} <= hidden
    assert not any(".store.migrations" in name for name in hidden)
    assert (str(ROOT / "her2desk" / "store" / "migrations"), "her2desk/store/migrations") in spec.datas


def test_reportlabs_barcodes_are_bundled() -> None:
    hidden = set(declared().hiddenimports)
    # Looked up by name when a barcode is drawn; the handout's Code 128 among them.
    assert {"reportlab.graphics.barcode.code93", "reportlab.graphics.barcode.code128"} <= hidden


def test_a_windowed_and_a_console_executable_in_one_folder() -> None:
    spec = declared()
    consoles = {exe["name"]: exe["console"] for exe in spec.executables}
    assert consoles == {"her2desk": True, "her2desk-gui": False}
    assert spec.collect_name.startswith("her2desk-")
    # Pillow is imported by reportlab at start (reportlab.lib.utils): excluding it breaks every PDF.
    assert "PIL" not in spec.excludes
