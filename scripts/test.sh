#!/usr/bin/env bash
# Quickstart command 2: set up everything the tests need and run the whole suite:
# lint (ruff), the type check (mypy), the bundle check (scripts/check-bundle.sh: the installable product
# built and run), the architecture contracts (import-linter, inside pytest) and pytest against SQLite
# and a throwaway PostgreSQL server on 127.0.0.1 that is started here and removed afterwards.
# Extra arguments go to pytest; a run given any (a selection of tests) skips the bundle check.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh"
her2desk_setup test
cd "$HER2DESK_ROOT"

if [ -z "${HER2DESK_TEST_POSTGRES_URL:-}" ]; then
  source "$HER2DESK_ROOT/scripts/throwaway-postgres.sh"
  throwaway_postgres_start
  trap throwaway_postgres_stop EXIT
fi

echo "== ruff"
"$HER2DESK_VENV/bin/ruff" check her2desk tests bench
"$HER2DESK_VENV/bin/ruff" format --check her2desk tests bench
echo "== mypy"
"$HER2DESK_VENV/bin/python" -m mypy  # the whole package, as configured in pyproject.toml ([tool.mypy])
# The bundle check runs before pytest, not after: tests/bundle then checks the Windows installer script
# against the real build (not only against the names the spec declares), and a packaging fault is
# reported within minutes rather than after the whole suite. It adds about 2-2.5 minutes on the
# two-core CI machine: a PyInstaller build of about 100-110 s (less with build/bundle/work from an
# earlier run) and a smoke run of about 30 s.
if [ "$#" -eq 0 ]; then
  echo "== bundle (PyInstaller build, smoke run from the frozen build, Linux desktop entry)"
  HER2DESK_SETUP_DONE=1 bash "$HER2DESK_ROOT/scripts/check-bundle.sh"
else
  echo "== bundle check skipped: pytest arguments were given (run scripts/check-bundle.sh on its own)"
fi
echo "== pytest (PostgreSQL: ${HER2DESK_TEST_POSTGRES_URL})"
export QT_QPA_PLATFORM=offscreen
"$HER2DESK_VENV/bin/python" -m pytest -p no:cacheprovider "$@"
