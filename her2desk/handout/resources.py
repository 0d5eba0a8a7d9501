"""Where the handout's texts and fonts are found, from a source checkout or from an installed wheel.

The files live once, at the top of the repository (`resources/handout/`, `resources/fonts/`), so the
translators and the licence files are easy to find. Lookup order:

1. `$HER2DESK_RESOURCES`, if set: a lab can ship its own wording or fonts without a code change.
2. `<repository>/resources`, found relative to this file: a source checkout or an editable install.
3. `her2desk/resources` inside the installed package: a wheel, when the build copies `resources/` there
   as package data (pyproject already lists `resources/**/*` for her2desk). Found beside this package's
   own files, as importlib.resources would find it for any installation on disk (a wheel, the frozen
   bundle), without importing importlib.resources (~6 ms of the desktop program's start-up, which
   looks up its icon and translations here). A package run from a zip file has no usable path anyway.

Each file is taken from the first of these that has it, so an override directory may hold only the
files it changes. Nothing is looked up in the current directory.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

ENVIRONMENT_VARIABLE = "HER2DESK_RESOURCES"


class ResourcesNotFoundError(FileNotFoundError):
    """No resources directory holds the handout texts: the installation is incomplete."""


def candidate_roots() -> list[Path]:
    """Every place searched, in order (shown in the error message when none fits)."""
    roots: list[Path] = []
    override = os.environ.get(ENVIRONMENT_VARIABLE)
    if override:
        roots.append(Path(override))
    here = Path(__file__).resolve()
    roots.append(here.parents[2] / "resources")
    roots.append(here.parents[1] / "resources")  # the installed package's data
    return roots


@cache
def resources_root() -> Path:
    """The first resources directory holding handout texts (cached: it does not move while running)."""
    roots = candidate_roots()
    for root in roots:
        if (root / "handout").is_dir():
            return root
    searched = ", ".join(str(r) for r in roots)
    raise ResourcesNotFoundError(f"her2desk handout resources not found; searched: {searched}")


@cache
def resource_file(folder: str, file_name: str) -> Path:
    """`folder/file_name` from the first root that has it.

    File by file, so a lab's override directory may hold only its own texts, or only extra fonts,
    and take everything else from the shipped resources.
    """
    roots = candidate_roots()
    for root in roots:
        path = root / folder / file_name
        if path.is_file():
            return path
    searched = ", ".join(str(r / folder) for r in roots)
    raise ResourcesNotFoundError(f"her2desk resource {folder}/{file_name} not found; searched: {searched}")


def handout_text_path(language: str) -> Path:
    return resource_file("handout", f"{language}.toml")


def font_path(file_name: str) -> Path:
    return resource_file("fonts", file_name)
