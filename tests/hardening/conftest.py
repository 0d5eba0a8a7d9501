import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
for folder in ("store", "handout", "workflow"):
    sys.path.insert(0, str(TESTS / folder))

from backends import db_url, postgres_url, sqlite_url  # noqa: E402, F401
