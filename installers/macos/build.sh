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

# 2. Sign (again, deep and last, so the outer signature covers everything in the bundle).
if [[ -n "${CODESIGN_IDENTITY:-}" ]]; then
  codesign --force --deep --timestamp --options runtime --entitlements "$ENTITLEMENTS" \
           --sign "$CODESIGN_IDENTITY" "$APP"
  codesign --verify --strict --deep --verbose=2 "$APP"
fi

# 3. Disk image: the app plus a link to /Applications (users without admin rights can drag the
#    app into ~/Applications instead; it runs from anywhere).
STAGE="build/dmg"
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Portfolio Builder $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

# 4. Sign, notarise and staple the disk image (the stapled ticket lets it open offline).
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
