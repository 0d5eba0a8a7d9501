"""The PySide6 desktop program. Qt lives only in this package."""
