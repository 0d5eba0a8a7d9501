#!/usr/bin/env bash
# Quickstart command 1: set up (system libraries, .venv) and run her2desk with the given arguments.
#   bash scripts/run.sh --demo              open the desktop program on the demo database
#   bash scripts/run.sh interpret --help    the guideline engine on the command line
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh"
her2desk_setup run
exec "$HER2DESK_VENV/bin/her2desk" "$@"
