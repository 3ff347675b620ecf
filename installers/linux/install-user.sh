#!/usr/bin/env sh
# Install Portfolio Builder for the current user only: no administrator rights needed.
#
#   ./install-user.sh              install (or update) into ~/.local
#   ./install-user.sh --uninstall  remove the program, its menu entry and file type
#
# The program goes to ~/.local/opt/portfolio-builder, the command to ~/.local/bin/portfolio-builder,
# the menu entry, the .portfolio file type and the icon under ~/.local/share. Uninstalling removes
# exactly those; portfolios, bundles, settings and backups are the user's and are never touched.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
PREFIX="$HOME/.local/opt/portfolio-builder"
BIN="$HOME/.local/bin"

refresh() {
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" >/dev/null 2>&1 || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$PREFIX"
  rm -f "$BIN/portfolio-builder" "$DATA/applications/portfolio-builder.desktop" \
        "$DATA/mime/packages/portfolio-builder.xml"
  for size in 48 128 256; do
    rm -f "$DATA/icons/hicolor/${size}x${size}/apps/portfolio-builder.png" \
          "$DATA/icons/hicolor/${size}x${size}/mimetypes/application-x-portfolio-builder.png"
  done
  refresh
  echo "Portfolio Builder removed. Your portfolios were not touched."
  exit 0
fi

# Replace the program folder in one step: copy beside it, then swap.
mkdir -p "$(dirname "$PREFIX")" "$BIN" "$DATA/applications" "$DATA/mime/packages"
rm -rf "$PREFIX.new"
cp -R "$HERE/app" "$PREFIX.new"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
ln -sf "$PREFIX/portfolio-builder" "$BIN/portfolio-builder"
sed "s|@APPDIR@|$PREFIX|g" "$HERE/share/portfolio-builder.desktop.in" > "$DATA/applications/portfolio-builder.desktop"
cp "$HERE/share/portfolio-builder-mime.xml" "$DATA/mime/packages/portfolio-builder.xml"
[ -d "$HERE/share/icons" ] && cp -R "$HERE/share/icons" "$DATA/"
refresh
echo "Portfolio Builder installed in $PREFIX."
echo "Start it from the applications menu, or run: $BIN/portfolio-builder"
case ":$PATH:" in *":$BIN:"*) ;; *) echo "(Add $BIN to your PATH to use 'portfolio-builder' in a terminal.)" ;; esac
