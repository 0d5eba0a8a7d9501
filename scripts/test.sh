#!/usr/bin/env bash
# Quickstart command 2: set up everything the tests need and run the whole suite:
# lint (ruff), the type check (mypy), the architecture contracts (import-linter, inside pytest) and
# pytest against SQLite and a throwaway PostgreSQL server on 127.0.0.1 that is started here and removed
# afterwards.
# Extra arguments go to pytest.
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
echo "== pytest (PostgreSQL: ${HER2DESK_TEST_POSTGRES_URL})"
export QT_QPA_PLATFORM=offscreen
"$HER2DESK_VENV/bin/python" -m pytest -p no:cacheprovider "$@"
