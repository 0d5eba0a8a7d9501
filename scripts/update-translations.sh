#!/usr/bin/env bash
# Refresh the interface's translations: the domain's phrases are gathered (scripts/collect-domain-phrases.py),
# pyside6-lupdate gathers every translate("Context", "text") of the
# package into resources/translations/her2desk_es.ts (new words come in marked unfinished: translate them,
# e.g. with pyside6-linguist), then pyside6-lrelease compiles it to her2desk_es.qm, which is committed
# (tests/gui/test_translation_files.py checks both are up to date).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${HER2DESK_VENV:-$ROOT/.venv}/bin"
cd "$ROOT"
# The domain's and the services' Phrase templates, where lupdate can find them.
"$BIN/python" scripts/collect-domain-phrases.py
for lang in es; do
  "$BIN/pyside6-lupdate" -extensions py -locations none -no-obsolete her2desk \
    -target-language "$lang" -ts "resources/translations/her2desk_$lang.ts"
  "$BIN/pyside6-lrelease" -silent "resources/translations/her2desk_$lang.ts" \
    -qm "resources/translations/her2desk_$lang.qm"
done
