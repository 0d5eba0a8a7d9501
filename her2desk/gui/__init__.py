"""The PySide6 desktop program. Qt lives only in this package.

Importing this package first protects the process from a reference-counting defect of PySide6 6.12
on CPython 3.11: every call of a Qt method that returns nothing (setText, setVisible, ...) gives back
`None` without taking a reference, and `Signal.emit` does the same with `True`/`False`. On CPython
3.12+ these singletons are immortal (PEP 683) and the defect is harmless; on 3.11 their reference
count falls by one per call until the interpreter aborts with "deallocating None" after a few
thousand keystrokes. We give them the same immortality 3.12 does: a reference count so large the
defect cannot exhaust it. (Remove when Python 3.11 support ends or PySide6 fixes it.)

It also keeps PySide6's import hook from filling the line cache. Once PySide6.QtCore is loaded, every
module imported after it is checked for the word "PySide6" (to know whether `from __feature__ import`
applies to it) by `inspect.getsource`, which keeps every line of every such module in `linecache`: about
18 MB of strings once SQLAlchemy is in, interleaved with the modules' own objects, so clearing the cache
later does not give the memory back. The same check is made here on the file's bytes, cached nowhere;
anything but a plain source file is left to PySide6's own check.
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


def _check_for_pyside_without_caching_sources() -> None:
    import PySide6.QtCore  # noqa: F401 (loads shibokensupport.feature, the hook's module)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "reads_bytes", False):
        return

    def uses_pyside(module: object) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 (a module without stubs)


_check_for_pyside_without_caching_sources()
