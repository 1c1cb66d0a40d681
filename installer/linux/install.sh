#!/bin/sh
# Adds CS360 Desk to this user's application menu, or takes it out again with --remove.
# Run it from the unpacked CS360Desk folder; it needs no root and touches only
# ~/.local/share (or $XDG_DATA_HOME). Your workspace and backups are never touched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry="$data/applications/cs360desk.desktop"
sizes="16 24 32 48 64 128 256"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry"
    for size in $sizes; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/cs360desk.png"
    done
    echo "CS360 Desk is no longer in the application menu; $here and your data are kept."
    exit 0
fi

if [ ! -x "$here/cs360desk" ]; then
    echo "install.sh: run me from the unpacked CS360Desk folder (no cs360desk beside me)" >&2
    exit 1
fi
# The menu entry names the program by its full path; these characters would need escaping.
case "$here" in
    *[\"\`\$\\]*)
        echo "install.sh: move the folder to a path without \" \` \$ or \\ characters" >&2
        exit 1
        ;;
esac

for size in $sizes; do
    mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
    cp "$here/_internal/resources/icon-$size.png" \
        "$data/icons/hicolor/${size}x${size}/apps/cs360desk.png"
done
mkdir -p "$data/applications"
while IFS= read -r line; do
    case "$line" in
        Exec=*) printf 'Exec="%s/cs360desk"\n' "$here" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$here/cs360desk.desktop" > "$entry"
chmod 644 "$entry"
if command -v update-desktop-database > /dev/null 2>&1; then
    update-desktop-database -q "$data/applications" || true
fi
echo "CS360 Desk is in the application menu (Office). Program: $here/cs360desk"
