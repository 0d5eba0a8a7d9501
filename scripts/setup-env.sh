#!/usr/bin/env bash
# Shared set-up for scripts/run.sh and scripts/test.sh: system libraries and a virtual environment.
# Idempotent and quick when everything is already there. Sourced, not run.
#   her2desk_setup [test]   -> ensures apt packages, .venv, and the package installed (with test extras)

HER2DESK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HER2DESK_VENV="${HER2DESK_VENV:-$HER2DESK_ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

# Qt's xcb/offscreen platform plugins need these shared libraries on a bare Debian machine.
QT_APT_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 fonts-dejavu-core)
# The test suite also needs a PostgreSQL server, a PDF renderer and a virtual screen; the bundle check
# (scripts/check-bundle.sh) validates the desktop entry and the AppStream metadata.
TEST_APT_PACKAGES=(postgresql poppler-utils xvfb xauth desktop-file-utils appstream)

_her2desk_log() { printf '[her2desk setup] %s\n' "$*" >&2; }

_her2desk_missing_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  printf '%s\n' "${missing[@]}"
}

_her2desk_apt_install() {
  command -v dpkg-query >/dev/null 2>&1 || { _her2desk_log "not a Debian system: install Qt's X11 libraries yourself"; return 0; }
  local missing
  mapfile -t missing < <(_her2desk_missing_packages "$@" | sed '/^$/d')
  [ "${#missing[@]}" -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      _her2desk_log "please install these Debian packages as root: ${missing[*]}"; return 1
    fi
  fi
  _her2desk_log "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

_her2desk_venv() {
  local extras="$1" stamp
  if [ ! -x "$HER2DESK_VENV/bin/python" ]; then
    _her2desk_log "creating virtual environment $HER2DESK_VENV"
    if ! "$PYTHON" -m venv "$HER2DESK_VENV" 2>/dev/null; then
      rm -rf "$HER2DESK_VENV"
      _her2desk_apt_install python3-venv
      "$PYTHON" -m venv "$HER2DESK_VENV"
    fi
    "$HER2DESK_VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  fi
  # Reinstall only when pyproject.toml changed or other extras are wanted.
  stamp="$HER2DESK_VENV/.her2desk-installed-$extras"
  if [ ! -f "$stamp" ] || [ "$HER2DESK_ROOT/pyproject.toml" -nt "$stamp" ]; then
    _her2desk_log "installing her2desk${extras:+[$extras]} into $HER2DESK_VENV"
    local spec="$HER2DESK_ROOT"
    [ -n "$extras" ] && spec="$HER2DESK_ROOT[$extras]"
    "$HER2DESK_VENV/bin/python" -m pip install -q -e "$spec" 2>&1 | grep -v -e '^WARNING: Location' >&2 || true
    "$HER2DESK_VENV/bin/python" -c "import her2desk" || { _her2desk_log "installation failed"; return 1; }
    touch "$stamp"
  fi
}

her2desk_setup() {
  local mode="${1:-run}"
  if [ "$mode" = "test" ]; then
    _her2desk_apt_install "${QT_APT_PACKAGES[@]}" "${TEST_APT_PACKAGES[@]}"
    _her2desk_venv test
  else
    _her2desk_apt_install "${QT_APT_PACKAGES[@]}"
    _her2desk_venv postgres
  fi
}
