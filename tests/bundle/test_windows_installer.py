"""packaging/windows/her2desk.iss installs what the bundle has: Inno Setup cannot run here, so the
files its [Files] and [Icons] entries name are checked against the bundle the spec declares (and,
when a build exists in build/bundle/, against that folder too)."""

from __future__ import annotations

import sys
import tomllib

import pytest
from support.bundle_layout import ROOT, declared, iss_entries, iss_problems

ISS = ROOT / "packaging" / "windows" / "her2desk.iss"
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _check(text: str) -> list[str]:
    defines, _ = iss_entries(text)
    files = declared().files(windows=True)
    return iss_problems(text, ISS.parent, defines["BundleDir"], files)


def test_every_file_the_installer_names_is_in_the_bundle() -> None:
    assert _check(ISS.read_text(encoding="utf-8")) == []


def test_a_file_the_bundle_would_not_have_is_found() -> None:
    text = ISS.read_text(encoding="utf-8")
    wrong = text.replace(r"{#BundleDir}\her2desk.exe", r"{#BundleDir}\her2desk-cli.exe").replace(
        r"\_internal\resources\icons\her2desk.ico", r"\_internal\resources\her2desk.ico"
    )
    problems = _check(wrong)
    assert any("her2desk-cli.exe" in problem for problem in problems)
    assert any("IconFilename" in problem and "resources\\her2desk.ico" in problem for problem in problems)


def test_start_menu_entries_for_the_program_and_its_uninstaller() -> None:
    _, entries = iss_entries(ISS.read_text(encoding="utf-8"))
    targets = {
        e.params["Filename"]
        for e in entries
        if e.section == "Icons" and e.params["Name"].startswith("{group}")
    }
    assert targets == {r"{app}\her2desk-gui.exe", "{uninstallexe}"}


def test_installs_per_machine_and_never_deletes_the_labs_data() -> None:
    text = ISS.read_text(encoding="utf-8")
    defines, _ = iss_entries(text)
    assert defines["AppVersion"] == VERSION
    assert r"DefaultDirName={autopf}\her2desk" in text.splitlines()
    assert "PrivilegesRequired=admin" in text.splitlines()
    lines = [line.strip() for line in text.splitlines() if not line.strip().startswith(";")]
    assert "[UninstallDelete]" not in lines  # nothing beyond what it installed is removed
    assert not any("{localappdata}" in line.lower() or "{userappdata}" in line.lower() for line in lines)
    assert (ISS.parent / r"..\..\resources\icons\her2desk.ico".replace("\\", "/")).is_file()


def test_the_declared_layout_matches_a_built_bundle() -> None:
    """The spec-derived names are what PyInstaller really builds (checked when a build exists)."""
    spec = declared()
    built = ROOT / "build" / "bundle" / "dist" / spec.collect_name
    if not built.is_dir():
        pytest.skip(f"no build in {built} (scripts/check-bundle.sh makes one)")
    have = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    missing = sorted(spec.files(windows=sys.platform == "win32") - have)
    assert not missing, missing
