import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from backends import db_url, postgres_url, sqlite_url  # noqa: F401
