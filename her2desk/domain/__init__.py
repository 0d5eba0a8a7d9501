"""The HER2 domain: vocabulary, the guideline engine and its validation. Pure Python, no I/O.

The package's own names (`interpret`, `Her2TestInput`...) are loaded when first asked for (PEP 562):
importing any module of the package imports this one first, and most of them (the records, the
workflow: the desktop program's worklist and its first paint) need nothing of the guideline engine,
whose import costs ~20 ms of every start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from her2desk.domain.engine import interpret
    from her2desk.domain.guideline_settings import DEFAULT_SETTINGS, GuidelineSettings
    from her2desk.domain.inputs import Her2TestInput
    from her2desk.domain.interpretation import Interpretation

__all__ = ["DEFAULT_SETTINGS", "GuidelineSettings", "Her2TestInput", "Interpretation", "interpret"]

_HOMES = {
    "interpret": "her2desk.domain.engine",
    "DEFAULT_SETTINGS": "her2desk.domain.guideline_settings",
    "GuidelineSettings": "her2desk.domain.guideline_settings",
    "Her2TestInput": "her2desk.domain.inputs",
    "Interpretation": "her2desk.domain.interpretation",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # once: later look-ups find it without this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
