#!/usr/bin/env bash
# Build "Portfolio Builder.app" and a .dmg on macOS (run on a Mac; the app is built for the
# architecture of the Python that runs PyInstaller: use an arm64 and an x86_64 machine, or a
# universal2 Python, for both).
#
#   installers/macos/build.sh                 unsigned build (runs on this Mac; Gatekeeper warns elsewhere)
#   CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" NOTARY_PROFILE=portfolio-builder \
#     installers/macos/build.sh               signed with the hardened runtime, notarised and stapled
#
# One-time notary set-up (stores an app-specific password in the keychain):
#   xcrun notarytool store-credentials portfolio-builder --apple-id you@example.org --team-id TEAMID
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
VERSION="$(sed -n 's/^__version__ *= *"\(.*\)"/\1/p' portfolio_builder/__init__.py)"
APP="dist/Portfolio Builder.app"
DMG="dist/Portfolio-Builder-$VERSION-macOS-$(uname -m).dmg"
ENTITLEMENTS="$ROOT/installers/macos/entitlements.plist"

# 1. Freeze. With CODESIGN_IDENTITY set, the spec passes it to PyInstaller, which signs every
#    binary and the .app with --options runtime and these entitlements.
rm -rf "$APP" dist/portfolio-builder
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN --workpath build/pyinstaller --distpath dist \
  installers/portfolio_builder.spec
/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$APP/Contents/Info.plist"
"$APP/Contents/MacOS/portfolio-builder" --version

# 2. Sign (again, deep and last, so the outer signature covers everything in the bundle). The app
#    needs macOS 14 or later (LSMinimumSystemVersion 14.0): the PySide6 6.12 and PySide6-Pdf wheels
#    exist only for macOS 14+.
if [[ -n "${CODESIGN_IDENTITY:-}" ]]; then
  codesign --force --deep --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
           --sign "$CODESIGN_IDENTITY" "$APP"
  codesign --verify --strict --deep --verbose=2 "$APP"
fi

# 3. Notarise and staple the app itself. A ticket stapled only to the .dmg covers the disk image:
#    an app dragged out of it carries no ticket, so on its first (quarantined) launch Gatekeeper has
#    to fetch the ticket online and, offline, refuses it. With the ticket stapled to the app too, the
#    copied app passes Gatekeeper offline. (Not verifiable on this Linux build machine; Apple's
#    notarisation documentation describes stapling the app before packaging it.)
if [[ -n "${CODESIGN_IDENTITY:-}" && -n "${NOTARY_PROFILE:-}" ]]; then
  ditto -c -k --keepParent "$APP" build/app-for-notary.zip
  xcrun notarytool submit build/app-for-notary.zip --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$APP"
  xcrun stapler validate "$APP"
  spctl --assess --type execute --verbose "$APP"
fi

# 4. Disk image: the app plus a link to /Applications (users without admin rights can drag the
#    app into ~/Applications instead; it runs from anywhere), with the licence and the third-party
#    notices beside it (the app shows them in Help > About too).
STAGE="build/dmg"
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
cp "$ROOT/LICENSE" "$STAGE/LICENSE.txt"
cp -L "dist/portfolio-builder/THIRD-PARTY-NOTICES.txt" "$STAGE/THIRD-PARTY-NOTICES.txt"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Portfolio Builder $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

# 5. Sign, notarise and staple the disk image (its ticket lets the .dmg itself open offline).
if [[ -n "${CODESIGN_IDENTITY:-}" ]]; then
  codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"
  if [[ -n "${NOTARY_PROFILE:-}" ]]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    xcrun stapler validate "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
  fi
fi

du -sh "$APP" "$DMG"
