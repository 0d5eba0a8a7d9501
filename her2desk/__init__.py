"""her2desk: record, interpret, store and explain HER2 tumour-marker results."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Read from the installed metadata on first use only: importlib.metadata costs ~30 ms at start-up.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("her2desk")
        except PackageNotFoundError:  # running from a source tree without installation
            value = "0.0.0+source"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'her2desk' has no attribute {name!r}")
