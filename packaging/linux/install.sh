#!/usr/bin/env bash
# Install a built bundle (scripts/check-bundle.sh or `pyinstaller packaging/her2desk.spec`) on Linux:
#
#   bash packaging/linux/install.sh BUNDLE_FOLDER [PREFIX]     # PREFIX: /usr/local (default) or ~/.local
#
#   PREFIX/lib/her2desk/                      the bundle (her2desk, her2desk-gui, _internal/)
#   PREFIX/bin/her2desk, her2desk-gui         links to the two executables
#   PREFIX/share/applications/                org.her2desk.Her2Desk.desktop (Icon=her2desk)
#   PREFIX/share/metainfo/                    org.her2desk.Her2Desk.metainfo.xml (software centres)
#   PREFIX/share/icons/hicolor/NxN/apps/      her2desk.png at every size, scalable/apps/her2desk.svg
#
# The icons are taken from the bundle itself (its resources/icons), so what is installed is what was
# built. A lab's data (the user data folder) is never touched; reinstalling replaces only PREFIX/lib/her2desk.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUNDLE="${1:?usage: install.sh BUNDLE_FOLDER [PREFIX]}"
PREFIX="${2:-/usr/local}"
ICONS="$BUNDLE/_internal/resources/icons"
[ -x "$BUNDLE/her2desk" ] && [ -x "$BUNDLE/her2desk-gui" ] || { echo "install.sh: $BUNDLE is not a her2desk bundle" >&2; exit 2; }
[ -f "$ICONS/her2desk.svg" ] || { echo "install.sh: the bundle has no icons ($ICONS)" >&2; exit 2; }

rm -rf "$PREFIX/lib/her2desk"
mkdir -p "$PREFIX/lib" "$PREFIX/bin"
cp -a "$BUNDLE" "$PREFIX/lib/her2desk"
ln -sfn "$PREFIX/lib/her2desk/her2desk" "$PREFIX/bin/her2desk"
ln -sfn "$PREFIX/lib/her2desk/her2desk-gui" "$PREFIX/bin/her2desk-gui"
install -Dm644 "$HERE/org.her2desk.Her2Desk.desktop" "$PREFIX/share/applications/org.her2desk.Her2Desk.desktop"
install -Dm644 "$HERE/org.her2desk.Her2Desk.metainfo.xml" "$PREFIX/share/metainfo/org.her2desk.Her2Desk.metainfo.xml"
for size in 16 32 48 64 128 256 512; do
  install -Dm644 "$ICONS/her2desk-$size.png" "$PREFIX/share/icons/hicolor/${size}x${size}/apps/her2desk.png"
done
install -Dm644 "$ICONS/her2desk.svg" "$PREFIX/share/icons/hicolor/scalable/apps/her2desk.svg"
# Menus and icon caches pick the new files up at once where the tools exist (harmless where they do not).
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -qtf "$PREFIX/share/icons/hicolor" || true
echo "installed her2desk into $PREFIX"
