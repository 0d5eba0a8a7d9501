"""What packaging/her2desk.spec declares, read without building, and the files an Inno Setup script names.

The spec is run with stand-ins for PyInstaller's build steps (Analysis, PYZ, EXE, COLLECT), which only
record their arguments, and for `collect_submodules`, which walks the package in this process as
PyInstaller would (honouring its filter). From that record: the hidden imports, the executables and
the data files, hence the names the one-folder bundle will hold (PyInstaller puts everything but the
executables in `_internal/`).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "her2desk.spec"
CONTENTS = "_internal"  # PyInstaller's default contents_directory of a one-folder build


@dataclass
class Declared:
    hiddenimports: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    datas: list[tuple[str, str]] = field(default_factory=list)
    executables: list[dict[str, Any]] = field(default_factory=list)
    collect_name: str = ""

    def files(self, windows: bool) -> set[str]:
        """Every executable and data file of the bundle, as paths relative to its folder."""
        suffix = ".exe" if windows else ""
        names = {f"{exe['name']}{suffix}" for exe in self.executables}
        for source, dest in self.datas:
            path = Path(source)
            if path.is_file():
                names.add(f"{CONTENTS}/{dest}/{path.name}")
            for file in path.rglob("*") if path.is_dir() else ():
                if file.is_file() and "__pycache__" not in file.parts:
                    names.add(f"{CONTENTS}/{dest}/{file.relative_to(path).as_posix()}")
        return names


def _walk(package: str, filter: Callable[[str], bool] = lambda _: True) -> list[str]:
    """Like PyInstaller's collect_submodules: the package and every module below it that passes."""
    top = importlib.import_module(package)
    names = [package]
    for info in pkgutil.walk_packages(top.__path__, prefix=f"{package}.", onerror=lambda _: None):
        names.append(info.name)
    return [name for name in names if filter(name)]


def declared() -> Declared:
    record = Declared()

    def analysis(scripts: list[str], **kwargs: Any) -> types.SimpleNamespace:
        record.hiddenimports = list(kwargs.get("hiddenimports", []))
        record.excludes = list(kwargs.get("excludes", []))
        record.datas = [(str(src), str(dest)) for src, dest in kwargs.get("datas", [])]
        return types.SimpleNamespace(pure=[], scripts=scripts, binaries=[], datas=[])

    def exe(*_: Any, **kwargs: Any) -> dict[str, Any]:
        record.executables.append(kwargs)
        return kwargs

    def collect(*_: Any, name: str, **__: Any) -> None:
        record.collect_name = name

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = _walk  # type: ignore[attr-defined]
    hooks.copy_metadata = lambda _package: []  # type: ignore[attr-defined]  # not files a test can name
    namespace = {
        "__name__": "__main__",
        "SPECPATH": str(SPEC.parent),
        "Analysis": analysis,
        "PYZ": lambda *_, **__: None,
        "EXE": exe,
        "COLLECT": collect,
    }
    saved = {name: sys.modules.get(name) for name in ("PyInstaller", "PyInstaller.utils", hooks.__name__)}
    sys.modules.update({"PyInstaller": types.ModuleType("PyInstaller")})
    sys.modules["PyInstaller.utils"] = types.ModuleType("PyInstaller.utils")
    sys.modules[hooks.__name__] = hooks
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    return record


def lazily_loaded_modules() -> set[str]:
    """Every module the command line imports by name: lazy_handler("module", ...) targets and the
    optional command modules her2desk/cli/__init__.py imports with importlib."""
    names: set[str] = set()
    for source in (ROOT / "her2desk" / "cli").glob("*.py"):
        text = source.read_text(encoding="utf-8")
        names.update(re.findall(r'lazy_handler\(\s*"([\w.]+)"', text))
        names.update(re.findall(r'^\s+"(her2desk\.cli\.\w+)",$', text, flags=re.MULTILINE))
    return names


# --- Inno Setup ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssEntry:
    section: str
    params: dict[str, str]


def _defines(text: str) -> dict[str, str]:
    """`#define Name "text"` and `"text" + Name` concatenations, as Inno Setup's preprocessor reads them."""
    values: dict[str, str] = {}
    for name, expression in re.findall(r"^#define\s+(\w+)\s+(.+)$", text, flags=re.MULTILINE):
        parts = [part.strip() for part in expression.split("+")]
        values[name] = "".join(part.strip('"') if part.startswith('"') else values[part] for part in parts)
    return values


def _split_params(line: str) -> Iterator[tuple[str, str]]:
    for match in re.finditer(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        key, value = match.group(1), match.group(2).strip()
        if value.startswith('"'):
            value = value[1:-1].replace('""', '"')
        yield key, value


def iss_entries(text: str) -> tuple[dict[str, str], list[IssEntry]]:
    """The preprocessor defines and every [Files]/[Icons] entry, with {#Name} expanded."""
    defines = _defines(text)
    entries: list[IssEntry] = []
    section = ""
    for raw in text.splitlines():
        line = re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], raw.strip())
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        if section in ("Files", "Icons"):
            entries.append(IssEntry(section, dict(_split_params(line))))
    return defines, entries


def iss_problems(text: str, iss_folder: Path, bundle_folder: str, bundle_files: set[str]) -> list[str]:
    """Every file the script names that the bundle (or the repository, for sources outside the bundle)
    would not have. `bundle_folder` is the script's path to the bundle as written in it (its BundleDir);
    `bundle_files` are the bundle's files relative to its folder, with "/" separators."""
    _, entries = iss_entries(text)
    problems: list[str] = []
    installed: set[str] = set()
    for entry in (e for e in entries if e.section == "Files"):
        source = PureWindowsPath(entry.params["Source"])
        dest = PureWindowsPath(entry.params["DestDir"]).as_posix().removeprefix("{app}").lstrip("/")
        inside = PureWindowsPath(bundle_folder)
        if source.is_relative_to(inside):
            relative = PurePosixPath(source.relative_to(inside).as_posix())
            if relative.name == "*":  # a folder's whole contents (recursesubdirs)
                folder = relative.parent.as_posix()
                found = {
                    name.removeprefix(f"{folder}/") for name in bundle_files if name.startswith(f"{folder}/")
                }
                if not found:
                    problems.append(f"[Files] {source}: the bundle has no folder {folder}")
                installed.update(f"{dest}/{name}".lstrip("/") for name in found)
            elif relative.as_posix() in bundle_files:
                installed.add(f"{dest}/{relative.name}".lstrip("/"))
            else:
                problems.append(f"[Files] {source}: the bundle has no {relative.as_posix()}")
        elif not (iss_folder / source.as_posix()).is_file():
            problems.append(f"[Files] {source}: no such file")
    for entry in (e for e in entries if e.section == "Icons"):
        for key in ("Filename", "IconFilename"):
            target = entry.params.get(key)
            if target is None or target == "{uninstallexe}":
                continue
            relative = PureWindowsPath(target).as_posix().removeprefix("{app}").lstrip("/")
            if not target.startswith("{app}") or relative not in installed:
                problems.append(f"[Icons] {entry.params['Name']}: {key} {target} is not installed")
    return problems
