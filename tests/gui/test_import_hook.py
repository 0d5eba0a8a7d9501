"""PySide6's import hook checks each module imported after Qt for the word "PySide6"; her2desk makes
that check on the file's bytes so the modules' sources are not kept in `linecache` (about 18 MB with
SQLAlchemy, never given back: see `her2desk.gui`)."""

from __future__ import annotations

import linecache
import sys
from pathlib import Path

import pytest

import her2desk.gui  # noqa: F401 (installs the check)


@pytest.fixture
def module_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_a_module_imported_after_qt_leaves_no_source_in_the_line_cache(module_folder: Path) -> None:
    (module_folder / "hook_probe_plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    (module_folder / "hook_probe_qt.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    try:
        __import__("hook_probe_plain")  # the import statement, which the hook watches
        __import__("hook_probe_qt")
        cached = {str(Path(name).resolve()) for name in linecache.cache if not name.startswith("<")}
        assert str(module_folder / "hook_probe_plain.py") not in cached
        assert str(module_folder / "hook_probe_qt.py") not in cached
        # PySide6 still tells the two apart: 0 = uses PySide (features apply), -1 = ignored.
        feature = sys.modules["shibokensupport.feature"]
        assert feature.pyside_feature_dict["hook_probe_qt"] == 0
        assert feature.pyside_feature_dict["hook_probe_plain"] == -1
    finally:
        sys.modules.pop("hook_probe_plain", None)
        sys.modules.pop("hook_probe_qt", None)
