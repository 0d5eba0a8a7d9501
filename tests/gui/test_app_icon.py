"""The desktop program shows her2desk's own icon and names its desktop entry, from the shipped files."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from her2desk.gui.common.app_icon import DESKTOP_FILE_NAME, ICON_SIZES, application_icon

ROOT = Path(__file__).resolve().parents[2]


def test_every_icon_size_is_shipped_at_its_size(qtbot: QtBot) -> None:
    for size in ICON_SIZES:
        image = QImage(str(ROOT / "resources" / "icons" / f"her2desk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    sizes = sorted(s.width() for s in application_icon().availableSizes())
    assert sizes == list(ICON_SIZES)


def test_the_desktop_entry_is_the_one_the_program_names() -> None:
    entry = ROOT / "packaging" / "linux" / f"{DESKTOP_FILE_NAME}.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(entry, encoding="utf-8")
    # The icon name packaging/linux/install.sh installs the PNGs and the SVG under.
    assert parser["Desktop Entry"]["Icon"] == "her2desk"


def test_the_running_program_uses_the_icon_and_the_desktop_entry(tmp_path: Path) -> None:
    code = (
        "from her2desk.gui.app import run\n"
        "from PySide6.QtGui import QGuiApplication as A\n"
        f"rc = run({str(tmp_path / 'gui.sqlite3')!r}, quit_after_paint=True)\n"
        "print(rc, sorted(s.width() for s in A.windowIcon().availableSizes()), A.desktopFileName())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("HER2DESK_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[-2] == f"0 {list(ICON_SIZES)} {DESKTOP_FILE_NAME}"
