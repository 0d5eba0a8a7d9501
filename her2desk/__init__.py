"""her2desk: record, interpret, store and explain HER2 tumour-marker results."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("her2desk")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+source"
