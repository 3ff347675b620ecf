#!/usr/bin/env bash
# Build the Linux artefacts of Portfolio Builder from the repository, offline:
#   dist/portfolio-builder/                                  the PyInstaller onedir (both executables)
#   dist/portfolio-builder_<version>_<arch>.deb              system install: /opt/portfolio-builder,
#                                                            /usr/bin/portfolio-builder, menu entry, .portfolio type
#   dist/portfolio-builder-<version>-linux-<machine>.tar.gz  per-user install without admin (install-user.sh)
#
# Usage: installers/linux/build.sh [--skip-freeze]   (PYTHON=path/to/python to use another interpreter)
# Needs: the project venv with the `freeze` extra (pyinstaller), binutils (ldd/objdump/strip/ar),
# dpkg, xz-utils; lintian and desktop-file-utils check the results when installed (SKIP_LINTIAN=1 skips
# lintian). installers/dev/setup.sh freeze installs them all. Nothing is downloaded.
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

# What Debian and the tarball both get: shared libraries not executable (Debian policy; dlopen
# needs no x bit), and libraries and executables without the .comment/.note sections dh_strip also
# removes (PyInstaller keeps the executables' archive in their own ELF section, pydata, which stays).
tidy_binaries() {  # $1 = a copy of the onedir
  find "$1" -type f -name '*.so*' -exec chmod 0644 {} +
  find "$1" -type f \( -name '*.so*' -o -path "$1/portfolio-builder" -o -path "$1/Portfolio Builder" \) \
    -exec strip --remove-section=.comment --remove-section=.note {} +
  "$1/portfolio-builder" --version >/dev/null
}

# ---------------------------------------------------------------------------------------- .deb
# Debian versions sort "~" before anything: PEP 440's 0.2.0rc1 becomes 0.2.0~rc1 (before 0.2.0).
DEB_VERSION="$(printf '%s' "$VERSION" | sed -E 's/^([0-9.]*[0-9])\.?(a|b|rc|dev)\.?([0-9]*)$/\1~\2\3/')"
CHANGELOG_VERSION="$(sed -n '1s/^portfolio-builder (\([^)]*\)).*/\1/p' "$HERE/changelog")"
if [[ "$CHANGELOG_VERSION" != "$DEB_VERSION" ]]; then
  echo "installers/linux/changelog starts at $CHANGELOG_VERSION, not $DEB_VERSION: add an entry for this release" >&2
  exit 1
fi
say "Debian package $DEB_VERSION"
PKG="$ROOT/build/deb/${APPDIR_NAME}_${DEB_VERSION}_${ARCH}"
DOC="$PKG/usr/share/doc/$APPDIR_NAME"
rm -rf "$PKG"
mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/usr/share/mime/packages" \
         "$DOC" "$PKG/usr/share/man/man1" "$PKG/usr/share/lintian/overrides"
cp -a "$ONEDIR" "$PKG/opt/$APPDIR_NAME"
tidy_binaries "$PKG/opt/$APPDIR_NAME"
# The DejaVu fonts are Debian's own files (fonts-dejavu-core/-extra, the same 2.37): link, do not duplicate.
for font in "$PKG/opt/$APPDIR_NAME/_internal/resources/fonts/"*.ttf; do
  system_font="/usr/share/fonts/truetype/dejavu/$(basename "$font")"
  cmp -s "$font" "$system_font" || { echo "$(basename "$font") differs from $system_font" >&2; exit 1; }
  ln -sf "$system_font" "$font"
done
ln -s "/opt/$APPDIR_NAME/portfolio-builder" "$PKG/usr/bin/portfolio-builder"
sed "s|@APPDIR@|/opt/$APPDIR_NAME|g" "$HERE/portfolio-builder.desktop.in" > "$PKG/usr/share/applications/portfolio-builder.desktop"
cp "$HERE/portfolio-builder-mime.xml" "$PKG/usr/share/mime/packages/portfolio-builder.xml"
icon_sizes "$PKG/usr/share/icons/hicolor"
"$PYTHON" "$ROOT/installers/notices/debian_copyright.py" "$ONEDIR/_internal/THIRD-PARTY-NOTICES.json" "$DOC/copyright"
gzip -9n < "$HERE/changelog" > "$DOC/changelog.gz"
gzip -9n < "$HERE/portfolio-builder.1" > "$PKG/usr/share/man/man1/portfolio-builder.1.gz"
cp "$HERE/lintian-overrides" "$PKG/usr/share/lintian/overrides/$APPDIR_NAME"
chmod -R u=rwX,go=rX "$PKG"
# The menu, MIME and icon caches are refreshed by dpkg triggers of desktop-file-utils,
# shared-mime-info and hicolor-icon-theme: no maintainer scripts. Removing the package removes
# the program only; portfolios live in the users' own folders and are never touched.
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: $APPDIR_NAME
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: Portfolio Builder <support@portfoliobuilder.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
Depends: libc6 (>= $GLIBC_MIN), libgl1, libegl1, libxcb1, libwayland-client0, libwayland-cursor0, fonts-dejavu-core, fonts-dejavu-extra
Recommends: shared-mime-info, desktop-file-utils, hicolor-icon-theme
Section: education
Priority: optional
Homepage: https://portfoliobuilder.invalid/
Description: build and assess quality-mark evidence portfolios, offline
 Portfolio Builder helps staff in schools, children's centres and secure
 settings self-audit against a family-partnership quality-mark framework,
 gather evidence against each descriptor and export one verifiable bundle
 for the assessor, who opens it read-only. It never uses the network.
CONTROL
(cd "$PKG" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z | xargs -0 md5sum) \
  > "$PKG/DEBIAN/md5sums"
# Built by hand rather than with dpkg-deb --build, to leave out the ./opt/ entry: /opt belongs to the
# system (base-files creates it), so the package must not own it, or removing the package would try
# to remove /opt. Members as dpkg-deb writes them: debian-binary, control.tar.xz, data.tar.xz.
DEB="$DIST/${APPDIR_NAME}_${DEB_VERSION}_${ARCH}.deb"
DEBWORK="$ROOT/build/deb/members"
rm -rf "$DEBWORK" "$DEB" && mkdir -p "$DEBWORK"
printf '2.0\n' > "$DEBWORK/debian-binary"
MTIME="@$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)"
tar -C "$PKG/DEBIAN" --format=gnu --owner=0 --group=0 --numeric-owner --mtime="$MTIME" -cJf "$DEBWORK/control.tar.xz" \
  ./control ./md5sums
(cd "$PKG" && find . -path ./DEBIAN -prune -o ! -path ./opt -print | LC_ALL=C sort) > "$DEBWORK/data.list"
tar -C "$PKG" --format=gnu --no-recursion --owner=0 --group=0 --numeric-owner --mtime="$MTIME" \
  -T "$DEBWORK/data.list" -cf - | xz -6 -T0 > "$DEBWORK/data.tar.xz"
(cd "$DEBWORK" && ar -rcD "$DEB" debian-binary control.tar.xz data.tar.xz)
dpkg-deb --info "$DEB" >/dev/null  # dpkg reads it back
! dpkg-deb --contents "$DEB" | awk '{print $6}' | grep -qx './opt/' || { echo "the .deb owns /opt" >&2; exit 1; }

# ---------------------------------------------------------------------------- per-user tarball
say "Per-user tarball"
TOP="$APPDIR_NAME-$VERSION"
STAGE="$ROOT/build/tar/$TOP"
rm -rf "$ROOT/build/tar"
mkdir -p "$STAGE/share"
cp -a "$ONEDIR" "$STAGE/app"
tidy_binaries "$STAGE/app"
cp "$HERE/install-user.sh" "$STAGE/"
cp "$HERE/portfolio-builder.desktop.in" "$HERE/portfolio-builder-mime.xml" "$STAGE/share/"
icon_sizes "$STAGE/share/icons/hicolor"
ln -s app/LICENSE.txt "$STAGE/LICENSE.txt"
ln -s app/THIRD-PARTY-NOTICES.txt "$STAGE/THIRD-PARTY-NOTICES.txt"
chmod +x "$STAGE/install-user.sh"
TARBALL="$DIST/$APPDIR_NAME-$VERSION-linux-$MACHINE.tar.gz"
tar -C "$ROOT/build/tar" --owner=0 --group=0 --numeric-owner --mtime="$MTIME" -czf "$TARBALL" "$TOP"

# ---------------------------------------------------------------------------------- checks
if command -v desktop-file-validate >/dev/null; then
  say "desktop-file-validate"
  desktop-file-validate "$PKG/usr/share/applications/portfolio-builder.desktop"
fi
if command -v lintian >/dev/null && [[ "${SKIP_LINTIAN:-}" != 1 ]]; then
  say "lintian (overridden tags: installers/linux/lintian-overrides)"
  lintian --fail-on error,warning --tag-display-limit 0 "$DEB"
fi

say "Sizes"
printf '%-60s %s\n' "onedir (installed size)" "$(du -sh "$ONEDIR" | cut -f1)" \
  "$(basename "$DEB")" "$(du -h "$DEB" | cut -f1)" "$(basename "$TARBALL")" "$(du -h "$TARBALL" | cut -f1)"
