#!/bin/sh
# run-under-xvfb.sh — starts a private X server (two screens: a second desk
# runs on :N.1 so each can be photographed) and a private session bus with
# the accessibility bus in it, runs the GUI test given, and stops them.
# Xvfb picks a free display itself (-displayfd), so parallel GUI tests on
# this machine never race for one; the bus starts after Xvfb so that
# bus-activated helpers (the AT-SPI registry) inherit DISPLAY.
# libatspi warns when an application's cache is not ready yet: not fatal here.
unset G_DEBUG
dir=$(mktemp -d)
xpid=""
cleanup() { [ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x1024x24 -screen 1 1280x1024x24 \
  3>"$dir/display" 2>"$dir/xvfb.log" &
xpid=$!
for _ in $(seq 200); do [ -s "$dir/display" ] && break; sleep 0.05; done
if [ ! -s "$dir/display" ]; then
  echo "Bail out! Xvfb did not start: $(cat "$dir/xvfb.log")"
  exit 1
fi
DISPLAY=:$(cat "$dir/display")
export DISPLAY
dbus-run-session -- sh -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  launcher=$!
  "$@"; status=$?
  kill $launcher 2>/dev/null
  exit $status' sh "$@"
