#!/usr/bin/env bash
# Build the installable product (the PyInstaller one-folder bundle, packaging/her2desk.spec) and prove
# that it works: every command is run from the frozen build, not from the source tree, and the handout it
# writes must be byte-for-byte the one the source tree writes for the same case. Also validates the Linux
# desktop entry and AppStream metadata (packaging/linux).
#
#   bash scripts/check-bundle.sh        # scripts/test.sh runs it after mypy, before pytest
#
# The build goes to build/bundle/ (ignored by git; PyInstaller reuses its work folder there, so a
# rebuild after a small change is quicker). Every step prints the command it runs; a failing step prints
# the command's output and stops the script. The build and the smoke run are timed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup-env.sh"
# scripts/test.sh has set up the environment already; run on its own, this script does it.
[ -n "${HER2DESK_SETUP_DONE:-}" ] || her2desk_setup test
cd "$HER2DESK_ROOT"
PY="$HER2DESK_VENV/bin/python"

# A virtual environment made before the test extra listed PyInstaller gets it here.
"$PY" -c "import PyInstaller" 2>/dev/null || {
  echo "== installing PyInstaller into $HER2DESK_VENV"
  "$PY" -m pip install -q pyinstaller
}

VERSION="$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
OUT="$HER2DESK_ROOT/build/bundle"
BUNDLE="$OUT/dist/her2desk-$VERSION"
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/her2desk-bundle-check.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT

# Nothing of the person running the check is read or written: no lab database from the environment, and
# Qt's and platformdirs' per-user folders point into the scratch folder.
unset HER2DESK_DATABASE_URL HER2DESK_RESOURCES HER2DESK_LAB_NAME HER2DESK_LAB_CONTACT
export XDG_CONFIG_HOME="$SCRATCH/config" XDG_DATA_HOME="$SCRATCH/data" XDG_CACHE_HOME="$SCRATCH/cache"
export QT_QPA_PLATFORM=offscreen

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# step [--stdin TEXT] [--expect TEXT] COMMAND...: print the command, run it, show its output; on failure
# (or when TEXT is missing from its output) print everything and stop.
step() {
  local input="" expect="" output status
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --stdin) input="$2"; shift 2 ;;
      --expect) expect="$2"; shift 2 ;;
      *) break ;;
    esac
  done
  printf '\n$ %s\n' "$*"
  local began
  began="$(now)"
  set +e
  output="$(printf '%s\n' "$input" | "$@" 2>&1)"
  status=$?
  set -e
  [ -z "$output" ] || printf '%s\n' "$output" | head -n 12
  echo "  ($(elapsed "$began"))"
  if [ "$status" -ne 0 ]; then
    printf '%s\n' "$output" >&2
    echo "check-bundle: FAILED (exit status $status): $*" >&2
    exit 1
  fi
  if [ -n "$expect" ] && ! grep -qF -- "$expect" <<<"$output"; then
    printf '%s\n' "$output" >&2
    echo "check-bundle: FAILED: the output of '$*' does not contain '$expect'" >&2
    exit 1
  fi
}

echo "== desktop entry and AppStream metadata (packaging/linux)"
step desktop-file-validate packaging/linux/org.her2desk.Her2Desk.desktop
step appstreamcli validate --no-net packaging/linux/org.her2desk.Her2Desk.metainfo.xml

echo "== build (PyInstaller, packaging/her2desk.spec -> $BUNDLE)"
started="$(now)"
step "$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/work" packaging/her2desk.spec
build_time="$(elapsed "$started")"
echo "build: $build_time; bundle size $(du -sh "$BUNDLE" | cut -f1)"

echo "== smoke run from the frozen build"
started="$(now)"
CLI="$BUNDLE/her2desk"
GUI="$BUNDLE/her2desk-gui"
DEMO="$SCRATCH/demo.sqlite3"
step --expect "her2desk $VERSION" "$CLI" --version
step --expect "HER2 status:  PENDING" "$CLI" interpret --site breast --procedure core-needle-biopsy \
  --ihc 2+ --ish dual --her2 5.5 --cep17 3.0 --cells 20
step --expect "added 20 synthetic demo cases" "$CLI" --database "$DEMO" demo --cases 20 --seed 7
step --expect "exported 20 case(s)" "$CLI" --database "$DEMO" export --format csv -o "$SCRATCH/cases.csv"
step --expect "imported 20 case(s)" "$CLI" --database "$SCRATCH/imported.sqlite3" import "$SCRATCH/cases.csv"
step --expect ": ok (" "$CLI" --database "$DEMO" db check
step --expect "demo-pathologist" "$CLI" --database "$DEMO" users list
step --expect "allow_self_verification" "$CLI" --database "$DEMO" settings show

# A signed-out demo case's handout, printed by a signed-in pathologist (the password on standard input).
ACCESSION="$("$PY" - "$SCRATCH/cases.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as exported:
    print(next(row["accession"] for row in csv.DictReader(exported) if row["signout_state"] == "signed-out"))
PY
)"
step --stdin demo-password --expect "final, a4" "$CLI" --database "$DEMO" \
  handout "$ACCESSION" -o "$SCRATCH/signed-out.pdf" --paper a4 --as demo-pathologist

# The same handout from the frozen build and from the source tree must be identical byte for byte:
# reportlab writes it with invariant=1 (no time stamp, no random document ID) and the fonts, texts and
# barcode are the same files. Each run gets its own copy of one database, since printing appends to the
# lab record whose head (the record check code) the next page prints. The database has no user
# accounts (the imported one), because a sign-in is itself a record entry with the time of day, which
# would make the two pages' check codes differ; its cases are not signed out, so the page is the
# preliminary one, which the lab setting allows here.
step --expect "'false' -> 'true'" "$CLI" --database "$SCRATCH/imported.sqlite3" \
  settings set allow_preliminary_handouts true
cp "$SCRATCH/imported.sqlite3" "$SCRATCH/frozen.sqlite3"
cp "$SCRATCH/imported.sqlite3" "$SCRATCH/source.sqlite3"
step --expect "preliminary" "$CLI" --database "$SCRATCH/frozen.sqlite3" \
  handout "$ACCESSION" --preliminary --lang es --paper letter -o "$SCRATCH/frozen.pdf"
step --expect "preliminary" "$PY" -m her2desk --database "$SCRATCH/source.sqlite3" \
  handout "$ACCESSION" --preliminary --lang es --paper letter -o "$SCRATCH/source.pdf"
step cmp "$SCRATCH/frozen.pdf" "$SCRATCH/source.pdf"

step "$GUI" --database "$DEMO" --demo --quit-after-paint

# Installed as on a Linux workstation (into a scratch prefix): the links run, the menu entry is valid
# and the icon it names is there.
PREFIX="$SCRATCH/prefix"
step bash packaging/linux/install.sh "$BUNDLE" "$PREFIX"
step --expect "her2desk $VERSION" "$PREFIX/bin/her2desk" --version
step "$PREFIX/bin/her2desk-gui" --database "$DEMO" --demo --quit-after-paint
step desktop-file-validate "$PREFIX/share/applications/org.her2desk.Her2Desk.desktop"
step test -s "$PREFIX/share/icons/hicolor/256x256/apps/her2desk.png"
smoke_time="$(elapsed "$started")"

echo
echo "check-bundle: ok — build $build_time, smoke run $smoke_time, bundle $(du -sh "$BUNDLE" | cut -f1)"
