#!/usr/bin/env bash
# Installs the dependencies (Debian 12), builds Release into build/ and opens the inspector on
# the bundled model. Without a display, or before the GUI is built, it generates a tune instead.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
if [ -x "$BUILD_DIR/bin/folkrnn-inspector" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec "$BUILD_DIR/bin/folkrnn-inspector" "$@"
fi
echo "No display (or no GUI build): generating a tune with the bundled model instead." >&2
exec "$BUILD_DIR/bin/folkrnn-cli" generate --format abc "$@"
