#!/usr/bin/env sh
# Install Portfolio Builder for the current user only: no administrator rights needed.
#
#   ./install-user.sh              install (or update) into ~/.local
#   ./install-user.sh --uninstall  remove the program, its menu entry and file type
#
# The program goes to ~/.local/opt/portfolio-builder, the command to ~/.local/bin/portfolio-builder,
# the menu entry, the .portfolio file type and the icons under ~/.local/share. Every file and every
# folder the install creates is recorded in ~/.local/opt/portfolio-builder/.installed; uninstalling
# removes exactly those (folders only when they are left empty, plus the menu/MIME/icon caches in
# folders it created when nothing else is left in them). Portfolios, bundles, settings and backups
# are the user's and are never touched.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
PREFIX="$HOME/.local/opt/portfolio-builder"
BIN="$HOME/.local/bin"
RECORD="$PREFIX/.installed"
ICON_FILES=""
for size in 48 128 256; do
  ICON_FILES="$ICON_FILES icons/hicolor/${size}x${size}/apps/portfolio-builder.png"
  ICON_FILES="$ICON_FILES icons/hicolor/${size}x${size}/mimetypes/application-x-portfolio-builder.png"
done

refresh() {
  if [ -d "$DATA/mime/packages" ] && command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
  fi
  if [ -d "$DATA/applications" ] && command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true
  fi
  if [ -d "$DATA/icons/hicolor" ] && command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$DATA/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

# Folders this install created, parents first ("dir PATH" lines of the record), kept across updates.
created_dirs() { [ -f "$RECORD" ] && sed -n 's/^dir //p' "$RECORD" || true; }

# Remove a folder we created once nothing of anyone else's is in it: the caches the desktop tools
# wrote there (mime/*, mimeinfo.cache, icon-theme.cache) go with it when no source file is left.
remove_created_dir() {
  case "$1" in
    "$DATA/mime")
      [ -z "$(ls -A "$1/packages" 2>/dev/null)" ] && rm -rf "$1" ;;
    "$DATA/applications")
      [ -z "$(find "$1" -name '*.desktop' 2>/dev/null | head -1)" ] && rm -f "$1/mimeinfo.cache" ;;
    "$DATA/icons/hicolor")
      [ -z "$(find "$1" -type f ! -name icon-theme.cache 2>/dev/null | head -1)" ] && rm -rf "$1" ;;
  esac
  [ -d "$1" ] && rmdir "$1" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
  dirs="$(created_dirs)"
  rm -rf "$PREFIX"
  rm -f "$BIN/portfolio-builder" "$DATA/applications/portfolio-builder.desktop" \
        "$DATA/mime/packages/portfolio-builder.xml"
  for icon in $ICON_FILES; do rm -f "$DATA/$icon"; done
  refresh
  # Deepest first, so a parent is empty by the time its turn comes.
  printf '%s\n' "$dirs" | awk 'NF { print length($0) "\t" $0 }' | sort -rn | cut -f2- | while IFS= read -r dir; do
    remove_created_dir "$dir"
  done
  echo "Portfolio Builder removed. Your portfolios were not touched."
  exit 0
fi

# Create a folder (and its missing parents), recording each one we make.
NEW_DIRS=""
make_dir() {
  [ -d "$1" ] && return 0
  make_dir "$(dirname "$1")"
  mkdir "$1"
  NEW_DIRS="$NEW_DIRS
dir $1"
}

previous="$(created_dirs)"
make_dir "$(dirname "$PREFIX")"
make_dir "$BIN"
make_dir "$DATA/applications"
make_dir "$DATA/mime/packages"
for icon in $ICON_FILES; do make_dir "$(dirname "$DATA/$icon")"; done

# Replace the program folder in one step: copy beside it, then swap.
rm -rf "$PREFIX.new"
cp -R "$HERE/app" "$PREFIX.new"
{
  printf '%s\n' "$previous" | sed -n 's/^\(.\)/dir \1/p'
  printf '%s\n' "$NEW_DIRS" | sed '/^$/d'
} > "$PREFIX.new/.installed"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
ln -sf "$PREFIX/portfolio-builder" "$BIN/portfolio-builder"
sed "s|@APPDIR@|$PREFIX|g" "$HERE/share/portfolio-builder.desktop.in" > "$DATA/applications/portfolio-builder.desktop"
cp "$HERE/share/portfolio-builder-mime.xml" "$DATA/mime/packages/portfolio-builder.xml"
for icon in $ICON_FILES; do cp "$HERE/share/$icon" "$DATA/$icon"; done
refresh
echo "Portfolio Builder installed in $PREFIX."
echo "Start it from the applications menu, or run: $BIN/portfolio-builder"
echo "Licences: $PREFIX/THIRD-PARTY-NOTICES.txt (also under Help > About)."
case ":$PATH:" in *":$BIN:"*) ;; *) echo "(Add $BIN to your PATH to use 'portfolio-builder' in a terminal.)" ;; esac
