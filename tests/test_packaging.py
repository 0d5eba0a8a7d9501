"""The wheel carries what an installed her2desk needs at run time: migrations, fonts, handout texts.

A source checkout finds these files next to the code; an installation finds them only if the build
put them in the wheel, so build one and look inside.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        cwd=build,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    (wheel,) = out.glob("her2desk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_has_every_migration(wheel_names: set[str]) -> None:
    versions = sorted(p.name for p in (ROOT / "her2desk/store/migrations/versions").glob("*.py"))
    assert versions, "no migrations in the source tree"
    for name in ["env.py", "script.py.mako", *(f"versions/{v}" for v in versions)]:
        assert f"her2desk/store/migrations/{name}" in wheel_names


def test_wheel_has_fonts_licences_and_handout_texts(wheel_names: set[str]) -> None:
    shipped = sorted(
        p.relative_to(ROOT / "resources").as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()
    )
    assert any(name.endswith(".ttf") for name in shipped)
    assert any(name.startswith("fonts/LICENSE") for name in shipped)
    missing = [name for name in shipped if f"her2desk/resources/{name}" not in wheel_names]
    assert not missing


def test_wheel_has_the_entry_point(wheel_names: set[str]) -> None:
    assert any(name.endswith("entry_points.txt") for name in wheel_names)
