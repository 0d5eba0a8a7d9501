"""The PySide6 desktop program. Qt lives only in this package.

Importing this package first protects the process from a reference-counting defect of PySide6 6.12
on CPython 3.11: every call of a Qt method that returns nothing (setText, setVisible, ...) gives back
`None` without taking a reference, and `Signal.emit` does the same with `True`/`False`. On CPython
3.12+ these singletons are immortal (PEP 683) and the defect is harmless; on 3.11 their reference
count falls by one per call until the interpreter aborts with "deallocating None" after a few
thousand keystrokes. We give them the same immortality 3.12 does: a reference count so large the
defect cannot exhaust it. (Remove when Python 3.11 support ends or PySide6 fixes it.)
"""

from __future__ import annotations

import sys


def _immortalise_singletons() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += sys.maxsize // 4  # no overflow, 32 or 64 bit


_immortalise_singletons()
