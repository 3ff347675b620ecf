#!/usr/bin/env bash
# Build the Linux artefacts of Portfolio Builder from the repository, offline:
#   dist/portfolio-builder/                                  the PyInstaller onedir (both executables)
#   dist/portfolio-builder_<version>_<arch>.deb              system install: /opt/portfolio-builder,
#                                                            /usr/bin/portfolio-builder, menu entry, .portfolio type
#   dist/portfolio-builder-<version>-linux-<machine>.tar.gz  per-user install without admin (install-user.sh)
#
# Usage: installers/linux/build.sh [--skip-freeze]   (PYTHON=path/to/python to use another interpreter)
# Needs: the project venv with the `freeze` extra (pyinstaller), binutils (ldd/objdump, used by
# PyInstaller), dpkg-deb >= 1.19 (for --root-owner-group; no fakeroot needed). Nothing is downloaded.
# Build on the OLDEST distribution you want to support: the bundle needs the glibc it was built against.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
HERE="$ROOT/installers/linux"
DIST="$ROOT/dist"
APPDIR_NAME="portfolio-builder"
ONEDIR="$DIST/$APPDIR_NAME"
VERSION="$(sed -n 's/^__version__ *= *"\(.*\)"/\1/p' portfolio_builder/__init__.py)"
ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
MACHINE="$(uname -m)"

say() { printf '==> %s\n' "$*"; }

if [[ "${1:-}" != "--skip-freeze" ]]; then
  "$PYTHON" -c "import PyInstaller" 2>/dev/null || {
    echo "PyInstaller is missing: $PYTHON -m pip install pyinstaller (the project's 'freeze' extra)" >&2; exit 1; }
  # libqxcb needs these at build time so that PyInstaller can bundle them (many desktops lack
  # libxcb-cursor0 etc.); report rather than install, a build machine may be offline.
  missing=$(ldd "$("$PYTHON" -c 'import PySide6, os; print(os.path.dirname(PySide6.__file__))')/Qt/plugins/platforms/libqxcb.so" \
            | awk '/not found/ {print $1}' | tr '\n' ' ')
  if [[ -n "$missing" ]]; then
    echo "Missing X11 libraries the bundle should carry: $missing" >&2
    echo "Install them first, e.g. apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0" >&2
    exit 1
  fi
  say "PyInstaller (version $VERSION)"
  rm -rf "$ONEDIR"
  "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --workpath "$ROOT/build/pyinstaller" --distpath "$DIST" installers/portfolio_builder.spec
fi
[[ -x "$ONEDIR/portfolio-builder" && -x "$ONEDIR/Portfolio Builder" ]] || { echo "no onedir at $ONEDIR" >&2; exit 1; }

say "Checking that every bundled library finds its dependencies"
libdirs=$(find "$ONEDIR/_internal" -name '*.so*' -type f -printf '%h\n' | sort -u | tr '\n' ':')
unresolved=$(find "$ONEDIR" -name '*.so*' -type f -print0 | xargs -0 -n 50 env LD_LIBRARY_PATH="$libdirs" ldd 2>/dev/null \
             | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
[[ -z "$unresolved" ]] || { echo "unresolved libraries: $unresolved" >&2; exit 1; }
"$ONEDIR/portfolio-builder" --version

# The newest glibc symbol version any bundled file needs: the .deb's libc6 dependency.
GLIBC_MIN=$(find "$ONEDIR" -type f \( -name '*.so*' -o -perm -u+x \) -exec objdump -T {} + 2>/dev/null \
            | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)

icon_sizes() {  # $1 = hicolor root; writes the app icon and the .portfolio type icon at 48/128/256 px
  "$PYTHON" - "$1" "$ROOT/resources/icons/app.png" <<'PY'
import sys
from pathlib import Path
from PIL import Image
root, src = Path(sys.argv[1]), Image.open(sys.argv[2])
for n in (48, 128, 256):
    for kind, name in (("apps", "portfolio-builder"), ("mimetypes", "application-x-portfolio-builder")):
        out = root / f"{n}x{n}" / kind / f"{name}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        (src if n == 256 else src.resize((n, n), Image.Resampling.LANCZOS)).save(out)
PY
}

# ---------------------------------------------------------------------------------------- .deb
say "Debian package"
PKG="$ROOT/build/deb/${APPDIR_NAME}_${VERSION}_${ARCH}"
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/usr/share/mime/packages" \
         "$PKG/usr/share/doc/$APPDIR_NAME"
cp -a "$ONEDIR" "$PKG/opt/$APPDIR_NAME"
ln -s "/opt/$APPDIR_NAME/portfolio-builder" "$PKG/usr/bin/portfolio-builder"
sed "s|@APPDIR@|/opt/$APPDIR_NAME|g" "$HERE/portfolio-builder.desktop.in" > "$PKG/usr/share/applications/portfolio-builder.desktop"
cp "$HERE/portfolio-builder-mime.xml" "$PKG/usr/share/mime/packages/portfolio-builder.xml"
icon_sizes "$PKG/usr/share/icons/hicolor"
cp "$ROOT/resources/fonts/DejaVu-LICENSE.txt" "$PKG/usr/share/doc/$APPDIR_NAME/"
chmod -R u=rwX,go=rX "$PKG"
# The menu, MIME and icon caches are refreshed by dpkg triggers of desktop-file-utils,
# shared-mime-info and hicolor-icon-theme: no maintainer scripts. Removing the package removes
# the program only; portfolios live in the users' own folders and are never touched.
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: $APPDIR_NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: Portfolio Builder <support@portfoliobuilder.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
Depends: libc6 (>= $GLIBC_MIN), libgl1, libegl1, libxcb1, libwayland-client0, libwayland-cursor0
Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme, fonts-dejavu-core
Section: education
Priority: optional
Homepage: https://portfoliobuilder.invalid/
Description: build and assess family-partnership quality-mark evidence portfolios, offline
 Portfolio Builder helps staff in schools, children's centres and secure settings self-audit
 against a quality-mark framework, gather evidence against each descriptor and export one
 verifiable bundle for the assessor, who opens it read-only. It never uses the network.
CONTROL
DEB="$DIST/${APPDIR_NAME}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$DEB" >/dev/null

# ---------------------------------------------------------------------------- per-user tarball
say "Per-user tarball"
TOP="$APPDIR_NAME-$VERSION"
STAGE="$ROOT/build/tar/$TOP"
rm -rf "$ROOT/build/tar"
mkdir -p "$STAGE/share"
cp -a "$ONEDIR" "$STAGE/app"
cp "$HERE/install-user.sh" "$STAGE/"
cp "$HERE/portfolio-builder.desktop.in" "$HERE/portfolio-builder-mime.xml" "$STAGE/share/"
icon_sizes "$STAGE/share/icons/hicolor"
chmod +x "$STAGE/install-user.sh"
TARBALL="$DIST/$APPDIR_NAME-$VERSION-linux-$MACHINE.tar.gz"
tar -C "$ROOT/build/tar" --owner=0 --group=0 -czf "$TARBALL" "$TOP"

say "Sizes"
printf '%-60s %s\n' "onedir (installed size)" "$(du -sh "$ONEDIR" | cut -f1)" \
  "$(basename "$DEB")" "$(du -h "$DEB" | cut -f1)" "$(basename "$TARBALL")" "$(du -h "$TARBALL" | cut -f1)"
