#!/bin/sh
# run-under-xvfb.sh — starts a private X server and session bus (with the
# accessibility bus launched in it) and runs the GUI test given. Two
# screens: a second desk runs on :N.1 so each can be photographed.
# The session bus starts after Xvfb so that bus-activated helpers (the
# AT-SPI registry) inherit DISPLAY.
# libatspi warns when an application's cache is not ready yet: not fatal here.
unset G_DEBUG
# Start the search for a free display away from :99, where other test
# runs on this machine start theirs.
exec xvfb-run -a -n $((100 + $$ % 800)) -s "-screen 0 1280x1024x24 -screen 1 1280x1024x24" \
  dbus-run-session -- sh -c '
    /usr/libexec/at-spi-bus-launcher --launch-immediately &
    launcher=$!
    "$@"; status=$?
    kill $launcher 2>/dev/null
    exit $status' sh "$@"
